//! The one decoder of the surface: requests, configurations and the records a binding's typed
//! entry point takes all go through [`read`], so they are refused the same way everywhere.
//!
//! Records are read from JSON objects only ([`objects`]); an error names the path of
//! the bad field ([`path`]) and what was expected, in JSON's words, never the value
//! sent (values may be codes or keys), and never a line or column (the answer must not depend
//! on how the caller spaced its JSON).

mod objects;
mod path;

use crate::base::error::{Error, Reason, Result};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Why a document was refused: the reason, the path of the field (empty for the document
/// itself) and what was wrong, without the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// The reason code.
    pub reason: Reason,
    /// `args.request.ticket_id`, `items[2].id`, or empty.
    pub path: String,
    /// What was wrong: `"missing field `now`"`, `"invalid type, expected a string"`, ...
    pub what: String,
    /// Whether a value had the wrong type or range (not a missing or unknown field).
    pub bad_value: bool,
}

/// Reads `T` from `json`, records from JSON objects only. The one generic step: everything about
/// a refusal is done once, for every type, by [`refusal`] (a copy per type would cost the
/// WebAssembly build half a kilobyte per record type).
#[inline(always)]
fn parse<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(objects::ObjectsOnly(&mut deserializer))?;
    deserializer.end()?;
    Ok(value)
}

/// What went wrong where, from serde_json's error and the text it read.
#[inline(never)]
fn refusal(json: &str, error: &serde_json::Error) -> Refusal {
    let (reason, what, bad_value) = describe(&error.to_string(), error.classify());
    let path = match error.classify() {
        serde_json::error::Category::Data => {
            let about_a_value = !what.starts_with("missing field");
            path::at(json, error.line(), error.column(), about_a_value)
        }
        _ => String::new(),
    };
    Refusal {
        reason,
        path,
        what,
        bad_value,
    }
}

/// Reads `T` from `json`: records from JSON objects only, every refusal with its path.
pub(crate) fn read<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, Refusal> {
    parse(json).map_err(|error| refusal(json, &error))
}

/// The refusal of a document located under `prefix` (`"args"`; empty for a whole request).
#[inline(never)]
fn located(prefix: &str, json: &str, error: &serde_json::Error) -> Error {
    let refusal = refusal(json, error);
    let location = match (prefix, refusal.path.as_str()) {
        ("", "") => String::from("request"),
        (prefix, "") => prefix.to_owned(),
        ("", path) => path.to_owned(),
        (prefix, path) if path.starts_with('[') => format!("{prefix}{path}"),
        (prefix, path) => format!("{prefix}.{path}"),
    };
    Error::with_detail(refusal.reason, format!("{location}: {}", refusal.what))
}

/// Reads `T` from `json`, refusing with an error located under `prefix` (`"args"`; empty for a
/// whole request).
#[inline(always)]
pub(crate) fn decode<'a, T: Deserialize<'a>>(json: &'a str, prefix: &str) -> Result<T> {
    parse(json).map_err(|error| located(prefix, json, &error))
}

/// Reads one record a binding's typed entry point takes (a share, a challenge) exactly as the
/// JSON surface reads it, errors located under `name`. Bindings use this and nothing else.
pub fn decode_record<T: DeserializeOwned>(json: &[u8], name: &str) -> Result<T> {
    let text = std::str::from_utf8(json).map_err(|_| {
        Error::with_detail(Reason::InvalidRequest, format!("{name}: not valid UTF-8"))
    })?;
    decode(text, name)
}

/// Splits a serde message into a reason, a description without the offending value, and
/// whether it is about a value.
///
/// serde carries a custom error only as text: an [`Error`] of ours raised while reading (an
/// invalid email, say) is written as its Display, `<code>: <detail>`, and read back here with
/// its own reason. serde's own messages keep their wording but lose any value they quote.
fn describe(message: &str, class: serde_json::error::Category) -> (Reason, String, bool) {
    use serde_json::error::Category;
    let message = message.split(" at line ").next().unwrap_or(message);
    match class {
        Category::Syntax | Category::Eof | Category::Io => (
            Reason::InvalidRequest,
            String::from("not valid JSON"),
            false,
        ),
        Category::Data => {
            if let Some((code, detail)) = message.split_once(": ") {
                if let Some(reason) = Reason::from_code(code) {
                    return (reason, detail.to_owned(), true);
                }
            }
            // Missing and duplicate fields are named from our own types: safe to repeat.
            if message.starts_with("missing field") || message.starts_with("duplicate field") {
                return (Reason::InvalidRequest, message.to_owned(), false);
            }
            // An unknown field or name quotes what was sent (SEC-06): keep what was expected.
            for (unknown, said) in [
                ("unknown field", "unknown field"),
                ("unknown variant", "unknown name"),
            ] {
                if message.starts_with(unknown) {
                    let expected = message
                        .split_once(", expected ")
                        .map_or(String::new(), |(_, e)| format!(", expected {e}"));
                    return (
                        Reason::InvalidRequest,
                        format!("{said}{expected}"),
                        unknown == "unknown variant",
                    );
                }
            }
            // "invalid type: string \"secret\", expected u32": keep what was expected only.
            let expected = message
                .split_once(", expected ")
                .map_or("another value", |(_, e)| e);
            let kind = if message.starts_with("invalid length") {
                "invalid length"
            } else if message.starts_with("invalid value") {
                "invalid value"
            } else {
                "invalid type"
            };
            (
                Reason::InvalidRequest,
                format!("{kind}, expected {}", in_json_words(expected)),
                true,
            )
        }
    }
}

/// What serde expected, in JSON's words rather than Rust's: `u32` is a whole number from 0 to
/// 4294967295, `struct ShareRequest` an object, a sequence an array.
fn in_json_words(expected: &str) -> &str {
    match expected {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" => "a whole number from 0 to 18446744073709551615",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "a sequence" => "an array",
        "a map" => "an object",
        "a borrowed string" => "a string",
        "unit" => "null",
        _ if expected.starts_with("struct ")
            || expected.starts_with("internally tagged enum ")
            || expected.starts_with("enum ") =>
        {
            "an object"
        }
        _ if expected.starts_with("tuple struct ") || expected.starts_with("a tuple") => "an array",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        count: u32,
        flag: bool,
        items: Vec<u8>,
    }

    fn what(json: &str) -> String {
        read::<Sample>(json).unwrap_err().what
    }

    #[test]
    fn sec_03_errors_say_what_json_was_expected_never_the_value() {
        assert_eq!(
            what(r#"{"count": "secret", "flag": true, "items": []}"#),
            "invalid type, expected a whole number from 0 to 4294967295"
        );
        assert_eq!(
            what(r#"{"count": 1, "flag": "x", "items": []}"#),
            "invalid type, expected a boolean"
        );
        assert_eq!(
            what(r#"{"count": 1, "flag": true, "items": {}}"#),
            "invalid type, expected an array"
        );
        assert_eq!(what(r#"[1, true, []]"#), "invalid type, expected an object");
        assert_eq!(
            what(r#"{"count": -4, "flag": true, "items": []}"#),
            "invalid value, expected a whole number from 0 to 4294967295"
        );
        let refusal =
            read::<Sample>(r#"{"count": 1, "flag": true, "items": [1, 300]}"#).unwrap_err();
        assert_eq!(refusal.path, "items[1]");
        assert!(!refusal.what.contains("300"));
    }

    #[test]
    fn sec_03_our_own_refusals_keep_their_reason() {
        let error = decode::<crate::base::ids::TicketId>("\"\"", "args").unwrap_err();
        assert_eq!(error.reason(), Reason::InvalidId);
        let error =
            decode_record::<crate::base::ids::EmailAddress>(b"\"no-at\"", "share").unwrap_err();
        assert_eq!(error.reason(), Reason::InvalidEmail);
        assert!(error.detail().starts_with("share: "), "{}", error.detail());
    }
}
