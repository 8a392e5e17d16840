//! The diagrams of `docs/agreements.md`, drawn from the code: the agreement lifecycle from the
//! transition table, the custom-field type matrix from the compatibility function.

use ticketshare::agreement::fields::{compatibility, FieldType};
use ticketshare::agreement::transition::transition;
use ticketshare::agreement::{AgreementEvent, AgreementStatus, Side};

/// A Mermaid state diagram with one arrow per allowed (status, step, side).
pub fn lifecycle() -> String {
    let name = |s: Option<AgreementStatus>| s.map_or("[*]", AgreementStatus::as_str);
    let mut out = String::from("```mermaid\nstateDiagram-v2\n");
    let from_states = std::iter::once(None).chain(AgreementStatus::ALL.map(Some));
    for from in from_states {
        for event in AgreementEvent::ALL {
            let sides: Vec<Side> = [Side::Sender, Side::Receiver]
                .into_iter()
                .filter(|by| transition(from, event, *by).is_ok())
                .collect();
            let Some(first) = sides.first() else { continue };
            let to = transition(from, event, *first).unwrap();
            let who = if sides.len() == 2 {
                "either side".to_owned()
            } else {
                first.as_str().to_owned()
            };
            out.push_str(&format!(
                "    {} --> {}: {} ({who})\n",
                name(from),
                to.as_str(),
                event.as_str()
            ));
        }
    }
    out.push_str("    inactive --> [*]\n```\n");
    out
}

/// The type matrix as a Markdown table: the transfer, or a dash.
pub fn type_matrix() -> String {
    let mut out = String::from("| from \\ to |");
    for to in FieldType::ALL {
        out.push_str(&format!(" {} |", to.as_str()));
    }
    out.push_str("\n| --- |");
    for _ in FieldType::ALL {
        out.push_str(" --- |");
    }
    out.push('\n');
    for from in FieldType::ALL {
        out.push_str(&format!("| **{}** |", from.as_str()));
        for to in FieldType::ALL {
            let cell = compatibility(from, to).map_or("—", |t| t.as_str());
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}
