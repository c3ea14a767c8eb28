//! Character classes and lengths shared by every stage.

/// True for CJK unified ideographs (the BMP blocks that reports use).
#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// CJK ideographs, CJK punctuation and full-width forms: characters after which a line
/// break needs no space when lines are rejoined.
#[inline]
pub fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Number of characters (Unicode scalars) in `s`.
#[inline]
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_cjk('报') && !is_cjk('。') && !is_cjk('a'));
        assert!(is_wide('。') && is_wide('报') && is_wide('，') && !is_wide('a'));
        assert_eq!(char_len("一、总体情况ab"), 8);
    }
}
