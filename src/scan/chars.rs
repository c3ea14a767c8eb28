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

/// The Chinese digits 一 … 十 (a numbering's numerals). `str::contains` with a CJK char
/// encodes and searches a string each time: these are a `match`.
#[inline]
pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The value of a Chinese digit 〇/零 … 九.
#[inline]
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// UTF-8 width of the character whose first byte is `lead` (1 for a stray continuation
/// byte, which valid UTF-8 never starts a character with).
#[inline]
pub fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Number of characters (Unicode scalars) in `s`.
#[inline]
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// At most the first `3 × n` bytes of `s` (at least `n` characters of Chinese text, all of
/// `s` when shorter), cut at a character boundary: bounds the look-ahead of a check made at
/// many positions of one long line, in constant time.
#[inline]
pub fn head(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n.saturating_mul(3));
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
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
