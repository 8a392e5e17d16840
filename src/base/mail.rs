//! Header values (EXT-05, CCF-04): what a name may carry into an email header, and the ready
//! RFC 5322 forms a host writes instead of the raw text, so that a name such as
//! `Boss, <mallory@evil.example>` never adds a recipient or a header.

use crate::base::chars::is_invisible;
use crate::base::ids::EmailAddress;

/// `value` for a header: control and invisible characters replaced by spaces, trimmed.
pub fn header_text(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_control() || is_invisible(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// An RFC 5322 display-name: a quoted-string (`"` and `\` escaped) for ASCII text, RFC 2047
/// encoded-words (`=?UTF-8?B?...?=`, each at most 75 characters, split between characters)
/// otherwise.
pub fn display_name(name: &str) -> String {
    if name.is_ascii() {
        let mut out = String::with_capacity(name.len() + 2);
        out.push('"');
        for c in name.chars() {
            if matches!(c, '"' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
        return out;
    }
    // 45 bytes of UTF-8 are 60 base64 characters: with `=?UTF-8?B?` and `?=`, 72.
    let mut words = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for (at, c) in name.char_indices() {
        if at + c.len_utf8() - start > 45 {
            words.push(name.get(start..end).unwrap_or_default());
            start = at;
        }
        end = at + c.len_utf8();
    }
    words.push(name.get(start..end).unwrap_or_default());
    words
        .iter()
        .map(|w| {
            format!(
                "=?UTF-8?B?{}?=",
                base64_simd::STANDARD.encode_to_string(w.as_bytes())
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A mailbox as a `To` or `Cc` header holds it: the name as a display-name
/// ([`display_name`], after [`header_text`]), then `<address>`; the address alone when there
/// is no name.
pub fn mailbox(name: Option<&str>, address: &EmailAddress) -> String {
    match name.map(header_text).filter(|n| !n.is_empty()) {
        Some(name) => format!("{} <{address}>", display_name(&name)),
        None => address.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ccf_04_a_name_with_header_specials_stays_inside_its_quotes() {
        let boss = EmailAddress::parse("boss@acme.example").unwrap();
        assert_eq!(
            mailbox(Some("Boss, <mallory@evil.example>"), &boss),
            "\"Boss, <mallory@evil.example>\" <boss@acme.example>"
        );
        assert_eq!(
            mailbox(Some("Say \"hi\" \\ bye\r\nBcc: x@evil.example"), &boss),
            "\"Say \\\"hi\\\" \\\\ bye  Bcc: x@evil.example\" <boss@acme.example>"
        );
        assert_eq!(
            mailbox(Some("José"), &boss),
            "=?UTF-8?B?Sm9zw6k=?= <boss@acme.example>"
        );
        assert_eq!(mailbox(Some(" \u{202e} "), &boss), "boss@acme.example");
        assert_eq!(mailbox(None, &boss), "boss@acme.example");
    }
}
