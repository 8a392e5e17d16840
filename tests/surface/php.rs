//! The PHP package's operation methods (`bindings/php/src/Operations.php`), from the same
//! declarations as the schema: one method per operation, named as in JavaScript, its required
//! arguments in order and the optional ones as named arguments defaulting to `null`.

use crate::schema::Surface;
use crate::typescript::camel;
use serde_json::Value;

/// The PHP type of an argument's value: scalars as themselves, records and lists as arrays;
/// `null` only from the argument being optional (`now` is typed by `operations`).
fn php(surface: &Surface, schema: &Value) -> &'static str {
    let resolved = surface.resolve(schema);
    if let Some(Value::Array(members)) = resolved.get("anyOf").or_else(|| resolved.get("oneOf")) {
        let mut kinds: Vec<&'static str> = members
            .iter()
            .filter(|m| m.get("type").and_then(Value::as_str) != Some("null"))
            .map(|m| php(surface, m))
            .collect();
        kinds.dedup();
        return match kinds.as_slice() {
            [one] => one,
            _ => "mixed",
        };
    }
    if resolved.get("const").is_some_and(Value::is_string) || resolved.get("enum").is_some() {
        return "string";
    }
    let types: Vec<&str> = match resolved.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect(),
        _ => Vec::new(),
    };
    match types.as_slice() {
        ["string"] => "string",
        ["integer"] => "int",
        ["boolean"] => "bool",
        ["object"] | ["array"] => "array",
        _ => "mixed",
    }
}

/// `src/Operations.php`.
pub fn operations(surface: &Surface) -> String {
    let mut out = String::from(
        "<?php\n\
         // Generated from the operation table (tests/surface). Do not edit:\n\
         // run `UPDATE_SURFACE=1 cargo test --test surface`.\n\n\
         declare(strict_types=1);\n\n\
         namespace TicketShare;\n\n\
         /**\n * The operations of the JSON surface (docs/api.md), one method each. Arguments and\n \
         * results are arrays shaped as docs/api.md shows; a refusal throws TicketShareException.\n \
         */\n\
         trait Operations\n{\n    \
         /** Runs one operation and returns its result, or throws. */\n    \
         abstract public function call(string $op, array $args = []): mixed;\n",
    );
    for op in surface.operations.iter().filter(|o| !o.declaration.typed) {
        let d = op.declaration;
        let mut params = Vec::new();
        let mut optional = Vec::new();
        let mut body = Vec::new();
        for arg in surface.arguments(op) {
            let (name, required) = (&arg.name, arg.required);
            let var = camel(name);
            let ty = if arg.is_now() {
                "\\DateTimeInterface|string"
            } else {
                php(surface, &arg.schema)
            };
            let value = if arg.is_now() {
                format!("Engine::instant(${var})")
            } else {
                format!("${var}")
            };
            if required {
                params.push(format!("{ty} ${var}"));
                body.push(format!("            '{name}' => {value},"));
            } else {
                let nullable = if ty == "mixed" {
                    "mixed".to_owned()
                } else if ty.contains('|') {
                    format!("{ty}|null")
                } else {
                    format!("?{ty}")
                };
                optional.push(format!("{nullable} ${var} = null"));
                body.push(format!(
                    "            ...(${var} === null ? [] : ['{name}' => {value}]),"
                ));
            }
        }
        params.extend(optional);
        let args = if body.is_empty() {
            "[]".to_owned()
        } else {
            format!("[\n{}\n        ]", body.join("\n"))
        };
        out.push_str(&format!(
            "\n    /** {} ({}) */\n    public function {}({}): mixed\n    {{\n        \
             return $this->call('{}', {args});\n    }}\n",
            d.summary,
            d.name,
            camel(d.method),
            params.join(", "),
            d.name,
        ));
    }
    out.push_str("}\n");
    out
}
