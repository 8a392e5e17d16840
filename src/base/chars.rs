//! Character classes every check of text shares: the lowest layer of [`crate::base`], so that
//! errors (which clean their details) and bounded text both build on it.

/// Whether `c` changes how text reads without being seen, and has no place in one line of a
/// name, subject or address: the bidirectional overrides, embeddings, isolates and marks (an
/// `"Invoice \u{202e}gnp.exe"` that reads as `exe.png`), zero-width spaces and joiners that
/// are not the two scripts and emoji need, the byte order mark, soft hyphen, the invisible
/// operators, tag characters, interlinear annotation, and the line and paragraph separators
/// (U+2028, U+2029), which some readers break lines at. **Decision:** the zero-width
/// non-joiner and joiner (U+200C, U+200D) stay allowed: Persian, the Indic scripts and emoji
/// sequences need them in ordinary names.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}
