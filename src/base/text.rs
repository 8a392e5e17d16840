//! Bounded text: every string a host or collaborator hands in is checked here before use.

use crate::base::error::{Error, Reason, Result};

/// Whether a text field may span several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: no control characters at all.
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
    let bad = trimmed.chars().any(|c| match lines {
        Lines::Single => c.is_control(),
        Lines::Multi => c.is_control() && !matches!(c, '\n' | '\r' | '\t'),
    });
    if bad {
        return Err(Error::with_detail(
            Reason::InvalidText,
            format!("{field} contains control characters"),
        ));
    }
    Ok(trimmed)
}

/// [`checked`], returning the trimmed text as a new string.
pub fn bounded(field: &'static str, value: &str, max_chars: usize, lines: Lines) -> Result<String> {
    checked(field, value, max_chars, lines).map(str::to_owned)
}

/// `value` in double quotes with control characters, quotes and backslashes escaped, for error
/// details: the same text `{:?}` gives for these strings, without the Debug machinery (which
/// the WebAssembly build leaves out to save space).
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\'' => out.push(c),
            c => out.extend(c.escape_debug()),
        }
    }
    out.push('"');
    out
}

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
