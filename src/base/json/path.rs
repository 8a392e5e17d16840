//! Where in a JSON text an error happened, as a field path (`request.ticket_id`, `items[2].id`),
//! for the messages of the operation surface. serde_json reports a line and column; this walks
//! the text up to that point and names the field being read. It only words an error message:
//! nothing is accepted or refused by it. (A per-type path-tracking deserializer did the same at
//! the cost of a third of the WebAssembly binary.)

enum Frame {
    /// Inside an object: the key being read or last read, and whether it is complete.
    Object { key: Option<String>, in_key: bool },
    /// Inside an array: the index of the current element.
    Array { index: usize },
}

/// The byte offset of a serde_json position (1-based line, column counted in bytes).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text.get(start..).and_then(|rest| rest.find('\n')) {
            Some(newline) => start += newline + 1,
            None => break,
        }
    }
    (start + column).min(text.len())
}

/// The most characters of one key a path shows.
const KEY_CHARS: usize = 64;

/// The path of the field being read at `line`/`column` of `text`; empty at the top level.
///
/// `about_a_value`: the error concerns a value (a type, a validation), not its object (a missing
/// field). serde_json reports such an error after the closing bracket when the value was the
/// last of its object; that bracket is then not counted, so the path still names the value.
pub(crate) fn at(text: &str, line: usize, column: usize, about_a_value: bool) -> String {
    let mut end = offset(text, line, column);
    let bytes = text.as_bytes();
    if about_a_value {
        while end > 0 && bytes.get(end - 1).is_some_and(u8::is_ascii_whitespace) {
            end -= 1;
        }
        if end > 0 && matches!(bytes.get(end - 1), Some(b'}' | b']')) {
            end -= 1;
        }
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes.get(i).copied().unwrap_or(b' ') {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() {
                    match bytes.get(i).copied().unwrap_or(b'"') {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                if let Some(Frame::Object { key, in_key: true }) = stack.last_mut() {
                    *key = text.get(start..i.min(text.len())).map(str::to_owned);
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                in_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_key, .. }) = stack.last_mut() {
                    *in_key = false;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, in_key }) => {
                    *key = None;
                    *in_key = true;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                // A key is input: at most 64 characters of it (SEC-06); control and
                // invisible characters are escaped with the whole detail.
                match key.char_indices().nth(KEY_CHARS) {
                    Some((cut, _)) => {
                        path.push_str(key.get(..cut).unwrap_or_default());
                        path.push_str("...");
                    }
                    None => path.push_str(key),
                }
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        let error = serde_json::from_str::<T>(json).unwrap_err();
        let about_a_value = !error.to_string().starts_with("missing field");
        at(json, error.line(), error.column(), about_a_value)
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        id: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        token: String,
        items: Vec<Inner>,
    }

    #[test]
    fn sec_03_error_paths_name_the_field() {
        assert_eq!(
            path_of_error::<Outer>(r#"{"token": 5, "items": []}"#),
            "token"
        );
        assert_eq!(
            path_of_error::<Outer>(r#"{"token": "a", "items": [{"id": "x"}, {"id": 7}]}"#),
            "items[1].id"
        );
        assert_eq!(
            path_of_error::<Outer>(r#"{"token": "a", "items": [{"id": "x", "no": 1}]}"#),
            "items[0].no"
        );
        assert_eq!(path_of_error::<Outer>(r#"{"items": []}"#), "");
        assert_eq!(
            path_of_error::<Outer>(r#"{"token": "a", "items": [{}]}"#),
            "items[0]"
        );
        assert_eq!(
            path_of_error::<Outer>(
                "{\n  \"token\": \"a\\\"b\",\n  \"items\": [{\"id\": false}]\n}"
            ),
            "items[0].id"
        );
        assert_eq!(path_of_error::<Outer>(r#"{"to\"ken": 1}"#), r#"to\"ken"#);
        // The last field of its object: serde_json reports after the closing brace.
        assert_eq!(
            path_of_error::<Outer>(r#"{"items": [{"id": "x"}], "token": 5}"#),
            "token"
        );
        assert_eq!(
            path_of_error::<Outer>(r#"{"token": "a", "items": [{"id": 3}]}"#),
            "items[0].id"
        );
    }

    #[test]
    fn sec_03_any_position_in_any_text_is_safe() {
        for text in ["", "{", "\"", "[[[", "{\"a\":[1,{\"b\"", "\\\"", "é\n\n{"] {
            for line in 0..4 {
                for column in 0..12 {
                    let _ = at(text, line, column, true);
                    let _ = at(text, line, column, false);
                }
            }
        }
    }
}
