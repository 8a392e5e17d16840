//! Bounded text: every string a host or collaborator hands in is checked here before use.

pub use crate::base::chars::is_invisible;
pub use crate::base::error::MAX_DETAIL_CHARS;
use crate::base::error::{Error, Reason, Result};

/// Whether a text field may span several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: no control characters at all, and none of [`is_invisible`].
    Single,
    /// Several lines: `\n`, `\r` and `\t` allowed, other control characters refused.
    Multi,
}

/// Checks that `value` is non-empty after trimming, at most `max_chars` characters, and free of
/// control characters (besides line breaks and tabs for [`Lines::Multi`]). Returns the trimmed
/// text, borrowed.
pub fn checked<'a>(
    field: &'static str,
    value: &'a str,
    max_chars: usize,
    lines: Lines,
) -> Result<&'a str> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::with_detail(
            Reason::InvalidText,
            format!("{field} is empty"),
        ));
    }
    // Bound the byte length first so a huge input is refused without walking it.
    if trimmed.len() > max_chars.saturating_mul(4) || trimmed.chars().count() > max_chars {
        return Err(Error::with_detail(
            Reason::InvalidText,
            format!("{field} is longer than {max_chars} characters"),
        ));
    }
    // One pass; the invisible characters are all outside ASCII, so ASCII text pays one
    // comparison per character for them.
    let bad = trimmed.chars().find(|&c| match lines {
        Lines::Single => c.is_control() || (!c.is_ascii() && is_invisible(c)),
        Lines::Multi => c.is_control() && !matches!(c, '\n' | '\r' | '\t'),
    });
    match bad {
        Some(c) if c.is_control() => {
            return Err(Error::with_detail(
                Reason::InvalidText,
                format!("{field} contains control characters"),
            ))
        }
        Some(_) => {
            return Err(Error::with_detail(
                Reason::InvalidText,
                format!("{field} contains invisible format characters (bidirectional controls, zero-width spaces, line separators)"),
            ))
        }
        None => {}
    }
    Ok(trimmed)
}

/// [`checked`], returning the trimmed text as a new string.
pub fn bounded(field: &'static str, value: &str, max_chars: usize, lines: Lines) -> Result<String> {
    checked(field, value, max_chars, lines).map(str::to_owned)
}

/// Checks a media type (`image/png`, `text/plain; charset=utf-8`): one line of at most 255
/// characters, a type and a subtype of RFC 6838's name characters, then any parameters. A
/// header written from it can carry nothing else (no line break, no second header).
pub fn media_type<'a>(field: &'static str, value: &'a str) -> Result<&'a str> {
    let value = checked(field, value, 255, Lines::Single)?;
    let essence = value.split(';').next().unwrap_or_default().trim();
    let name = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
    };
    match essence.split_once('/') {
        Some((kind, sub)) if name(kind) && name(sub) => Ok(value),
        _ => Err(Error::with_detail(
            Reason::InvalidText,
            format!("{field} is not a media type (type/subtype)"),
        )),
    }
}

/// `value` in double quotes with control characters, quotes and backslashes escaped, for error
/// details: the same text `{:?}` gives for these strings, without the Debug machinery (which
/// the WebAssembly build leaves out to save space).
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(QUOTED_CHARS * 4) + 8);
    out.push('"');
    for (i, c) in value.chars().enumerate() {
        if i == QUOTED_CHARS {
            out.push_str("\"...");
            return out;
        }
        match c {
            '\'' => out.push(c),
            c if is_invisible(c) => out.extend(c.escape_unicode()),
            c => out.extend(c.escape_debug()),
        }
    }
    out.push('"');
    out
}

/// The most characters of a host's value an error detail quotes; longer values end in `...`.
pub const QUOTED_CHARS: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sec_06_quoted_matches_debug_for_host_strings() {
        for value in [
            "viewer",
            "it's",
            "a\"b",
            "tab\there",
            "nul\u{0}",
            "é",
            "back\\slash",
        ] {
            assert_eq!(quoted(value), format!("{value:?}"), "{value}");
        }
    }

    #[test]
    fn sec_03_text_is_bounded_and_clean() {
        assert_eq!(
            bounded("f", "  hi ", 10, Lines::Single).ok().as_deref(),
            Some("hi")
        );
        for bad in ["", "   ", "a\u{0}b", "a\u{1b}[31m"] {
            let err = bounded("f", bad, 10, Lines::Single)
                .err()
                .map(|e| e.reason());
            assert_eq!(err, Some(Reason::InvalidText), "{bad:?}");
        }
        assert!(bounded("f", "a\nb", 10, Lines::Single).is_err());
        assert!(bounded("f", "a\nb", 10, Lines::Multi).is_ok());
        assert!(bounded("f", &"x".repeat(11), 10, Lines::Single).is_err());
        assert!(bounded("f", &"é".repeat(10), 10, Lines::Single).is_ok());
    }
}
