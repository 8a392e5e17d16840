//! The Ruby gem's generated parts (`bindings/ruby/lib/ticketshare/operations.rb`): one method
//! per operation, in snake_case as in Python, required arguments positional and optional ones
//! as keywords; and each reason code's family, for the exception classes.

use crate::schema::Surface;

/// `lib/ticketshare/operations.rb`.
pub fn operations(surface: &Surface) -> String {
    let mut out = String::from(
        "# frozen_string_literal: true\n\n\
         # Generated from the operation table (tests/surface). Do not edit:\n\
         # run `UPDATE_SURFACE=1 cargo test --test surface`.\n\n\
         module TicketShare\n  \
         # The operations of the JSON surface (docs/api.md), one method each. Arguments and\n  \
         # results are hashes shaped as docs/api.md shows (string keys in results); a refusal\n  \
         # raises a TicketShare::Error subclass.\n  \
         module Operations\n",
    );
    for op in surface.operations.iter().filter(|o| !o.declaration.typed) {
        let d = op.declaration;
        let mut params = Vec::new();
        let mut keywords = Vec::new();
        let mut entries = Vec::new();
        let mut optional = Vec::new();
        for arg in surface.arguments(op) {
            let name = &arg.name;
            let value = if arg.is_now() {
                format!("TicketShare.instant({name})")
            } else {
                name.clone()
            };
            if arg.required {
                params.push(name.clone());
                entries.push(format!("\"{name}\" => {value}"));
            } else {
                keywords.push(format!("{name}: nil"));
                optional.push(format!(
                    "      args[\"{name}\"] = {value} unless {name}.nil?\n"
                ));
            }
        }
        params.extend(keywords);
        let signature = if params.is_empty() {
            String::new()
        } else {
            format!("({})", params.join(", "))
        };
        out.push_str(&format!(
            "\n    # {} ({})\n    def {}{signature}\n      args = {{{}}}\n{}      call(\"{}\", args)\n    end\n",
            d.summary,
            d.name,
            d.method,
            entries.join(", "),
            optional.join(""),
            d.name,
        ));
    }
    out.push_str(
        "  end\n\n  # Each reason code's family (docs/api.md, Reason codes).\n  FAMILIES = {\n",
    );
    for reason in ticketshare::Reason::ALL {
        out.push_str(&format!(
            "    \"{}\" => \"{}\",\n",
            reason.code(),
            reason.family().as_str()
        ));
    }
    out.push_str("  }.freeze\nend\n");
    out
}
