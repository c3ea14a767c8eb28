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

/// First and last code point an [`IdeographSet`] holds: CJK Extension A and the unified
/// ideographs.
const IDEO_FIRST: u32 = 0x3400;
const IDEO_LAST: u32 = 0x9FFF;
const IDEO_WORDS: usize = ((IDEO_LAST - IDEO_FIRST) / 64 + 1) as usize;

/// A set of ideographs (U+3400–U+9FFF), a bit each: membership in a shift and a mask, for a
/// test made at every character of a text (which characters start a Chinese numeral, or a
/// phrase to rewrite). Built when compiling ([`IdeographSet::with`]) or at run time
/// ([`IdeographSet::insert`]); a character outside the range is never in it.
#[derive(Clone)]
pub struct IdeographSet([u64; IDEO_WORDS]);

impl IdeographSet {
    pub const EMPTY: IdeographSet = IdeographSet([0; IDEO_WORDS]);

    /// The set with code point `c` added (for constants: one outside the range does not
    /// compile).
    const fn with_code(mut self, c: u32) -> IdeographSet {
        assert!(
            c >= IDEO_FIRST && c <= IDEO_LAST,
            "not an ideograph of the set's range"
        );
        let i = c - IDEO_FIRST;
        self.0[(i / 64) as usize] |= 1 << (i % 64);
        self
    }

    /// The set with `cs` added (for constants: a character outside the range does not
    /// compile).
    pub const fn with(mut self, cs: &[char]) -> IdeographSet {
        let mut k = 0;
        while k < cs.len() {
            self = self.with_code(cs[k] as u32);
            k += 1;
        }
        self
    }

    /// The set with the first character of each of `words` added (for constants: a word
    /// that does not start with an ideograph of the range does not compile).
    pub const fn with_firsts(mut self, words: &[&str]) -> IdeographSet {
        let mut k = 0;
        while k < words.len() {
            let b = words[k].as_bytes();
            // every ideograph of the range is three bytes in UTF-8
            assert!(
                b.len() >= 3 && b[0] & 0xF0 == 0xE0,
                "not an ideograph of the set's range"
            );
            self = self.with_code(code_at3(b, 0));
            k += 1;
        }
        self
    }

    /// Adds `c`; false (and nothing added) when it is outside the range.
    pub fn insert(&mut self, c: char) -> bool {
        let Some(i) = (c as u32)
            .checked_sub(IDEO_FIRST)
            .filter(|_| c as u32 <= IDEO_LAST)
        else {
            return false;
        };
        self.0[(i / 64) as usize] |= 1 << (i % 64);
        true
    }

    /// Whether `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        (c as u32)
            .checked_sub(IDEO_FIRST)
            .and_then(|i| {
                self.0
                    .get((i / 64) as usize)
                    .map(|w| w >> (i % 64) & 1 == 1)
            })
            .unwrap_or(false)
    }
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

/// Eight bytes of `b` from `at` as one word (the SWAR scans below).
#[inline]
fn word(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is zero (exact: no false positives).
#[inline]
fn zero_bytes(w: u64) -> u64 {
    !(((w & !HI).wrapping_add(!HI)) | w) & HI
}

/// The byte ranges of `s`'s lines, as `s.split('\n')` gives them (neither range holds the
/// break; a text ending in a break ends in an empty line). The breaks are found by `memchr`,
/// a vector search where the machine has one: splitting a text into lines is done by several
/// stages.
pub fn line_ranges(s: &str) -> LineRanges<'_> {
    LineRanges {
        breaks: memchr::memchr_iter(b'\n', s.as_bytes()),
        start: Some(0),
        len: s.len(),
    }
}

/// The iterator of [`line_ranges`].
pub struct LineRanges<'a> {
    breaks: memchr::Memchr<'a>,
    /// Where the next line starts; `None` once the last line was given.
    start: Option<usize>,
    len: usize,
}

impl Iterator for LineRanges<'_> {
    type Item = std::ops::Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let start = self.start?;
        match self.breaks.next() {
            Some(i) => {
                self.start = Some(i + 1);
                Some(start..i)
            }
            None => {
                self.start = None;
                Some(start..self.len)
            }
        }
    }
}

/// Number of bytes of `b` equal to `x` (`memchr`'s count: a vector count where the machine
/// has one, eight bytes at a time elsewhere).
pub fn byte_count(b: &[u8], x: u8) -> usize {
    memchr::memchr_iter(x, b).count()
}

/// Number of ASCII bytes of `b`, eight at a time.
pub fn ascii_count(b: &[u8]) -> usize {
    let mut n = 0;
    let mut at = 0;
    while at + 8 <= b.len() {
        n += (!word(b, at) & HI).count_ones() as usize;
        at += 8;
    }
    n + b[at..].iter().filter(|c| c.is_ascii()).count()
}

/// The first byte at or after `from` that is ASCII or equal to `x`: eight bytes at a time
/// over the runs of Chinese text, where neither is frequent.
pub fn next_ascii_or(b: &[u8], from: usize, x: u8) -> Option<usize> {
    let mut at = from;
    while at + 8 <= b.len() {
        let w = word(b, at);
        let hits = (!w & HI) | zero_bytes(w ^ (LO * u64::from(x)));
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    b.get(at..)?
        .iter()
        .position(|&c| c.is_ascii() || c == x)
        .map(|k| at + k)
}

/// The first ASCII digit of `b` at or after `from`, eight bytes at a time (digits are
/// rare in most eight-byte words of Chinese text).
pub fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at + 8 <= b.len() {
        // a byte is a digit when it is 0x30 + (0…9): after `^ 0x30`, below 10 (the high
        // bits are set only for the bytes below 10, exactly: no carry crosses a byte)
        let y = word(b, at) ^ (LO * 0x30);
        let hits = !(((y & !HI).wrapping_add(HI - LO * 10)) | y) & HI;
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    b.get(at..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| at + k)
}

/// The byte where the character `n` characters after byte `from` of `s` (a character
/// boundary) starts; the end of `s` when it has fewer. A character starts at every byte that
/// is not a continuation byte (`10xxxxxx`): they are counted eight at a time, so that the
/// walk does not wait on each character's width before reading the next.
pub fn skip_chars(s: &str, from: usize, n: usize) -> usize {
    let b = s.as_bytes();
    let mut at = from.min(b.len());
    let mut n = n;
    while at + 8 <= b.len() {
        let w = word(b, at);
        // (a continuation byte has its high bit set and the next one clear)
        let leads = 8 - (w & !(w << 1) & HI).count_ones() as usize;
        if leads > n {
            break;
        }
        n -= leads;
        at += 8;
    }
    while at < b.len() {
        if b[at] & 0xC0 != 0x80 {
            if n == 0 {
                return at;
            }
            n -= 1;
        }
        at += 1;
    }
    b.len()
}

/// The code point of the three-byte UTF-8 character at `b[i..i + 3]` (the caller knows the
/// lead byte is E0–EF), decoded without the checks of `str::chars`.
#[inline]
pub const fn code_at3(b: &[u8], i: usize) -> u32 {
    ((b[i] & 0x0F) as u32) << 12 | ((b[i + 1] & 0x3F) as u32) << 6 | (b[i + 2] & 0x3F) as u32
}

/// Number of characters (Unicode scalars) in `s`.
#[inline]
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The byte offset `n` characters before byte `at` of `s` (a character boundary), or 0.
pub fn back_chars(s: &str, at: usize, n: usize) -> usize {
    let mut b = at.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    for _ in 0..n {
        match s[..b].chars().next_back() {
            Some(c) => b -= c.len_utf8(),
            None => break,
        }
    }
    b
}

/// The character boundary at or before byte `at - n` of `s`, or 0.
pub fn back_bytes(s: &str, at: usize, n: usize) -> usize {
    let mut b = at.min(s.len()).saturating_sub(n);
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    b
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
        for c in ['一', '、', '〇', 'ࠀ', '\u{FFFF}', '报'] {
            let mut buf = [0u8; 4];
            assert_eq!(code_at3(c.encode_utf8(&mut buf).as_bytes(), 0), c as u32);
        }
    }

    #[test]
    fn an_ideograph_set_holds_what_was_put_in() {
        const SET: IdeographSet = IdeographSet::EMPTY.with(&['一', '十', '㐀', '\u{9FFF}']);
        let mut runtime = IdeographSet::EMPTY;
        for c in ['一', '十', '㐀', '\u{9FFF}'] {
            assert!(runtime.insert(c));
        }
        assert!(!runtime.insert('〇') && !runtime.insert('a') && !runtime.insert('\u{A000}'));
        const FIRSTS: IdeographSet =
            IdeographSet::EMPTY.with_firsts(&["一二", "十", "㐀x", "\u{9FFF}"]);
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let want = matches!(c, '一' | '十' | '㐀' | '\u{9FFF}');
            assert_eq!(SET.contains(c), want, "{c}");
            assert_eq!(runtime.contains(c), want, "{c}");
            assert_eq!(FIRSTS.contains(c), want, "{c}");
        }
    }

    proptest::proptest! {
        #[test]
        fn characters_skipped_eight_bytes_at_a_time_are_the_text_s_characters(
            s in "\\PC{0,60}",
            from in 0usize..70,
            n in 0usize..70,
        ) {
            let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
            let from = starts.get(from % (starts.len() + 1)).copied().unwrap_or(s.len());
            let want = s[from..].char_indices().nth(n).map_or(s.len(), |(i, _)| from + i);
            proptest::prop_assert_eq!(skip_chars(&s, from, n), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn word_scans_answer_like_byte_scans(
            b in proptest::collection::vec(
                proptest::sample::select(vec![0u8, 1, b'\n', b'(', 0x7F, 0x80, 0xE3, 0xE4, 0xFF, b'0', b'9', b'/', b':', 0xB0, 0xB9]),
                0..40,
            ),
            from in 0usize..44,
        ) {
            let count = |x: u8| b.iter().filter(|&&c| c == x).count();
            proptest::prop_assert_eq!(byte_count(&b, b'\n'), count(b'\n'));
            proptest::prop_assert_eq!(byte_count(&b, 0xE3), count(0xE3));
            proptest::prop_assert_eq!(byte_count(&b, 0), count(0));
            proptest::prop_assert_eq!(ascii_count(&b), b.iter().filter(|c| c.is_ascii()).count());
            proptest::prop_assert_eq!(
                next_digit(&b, from),
                b.get(from..).and_then(|r| r.iter().position(u8::is_ascii_digit)).map(|k| from + k)
            );
            let want = b
                .get(from..)
                .and_then(|r| r.iter().position(|&c| c.is_ascii() || c == 0xE3))
                .map(|k| from + k);
            proptest::prop_assert_eq!(next_ascii_or(&b, from, 0xE3), want);
        }

        #[test]
        fn line_ranges_are_the_pieces_of_split(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["", "\n", "a", "报告", " ", "\r", "\n\n", "一、"]),
                0..60,
            )
        ) {
            let s: String = parts.concat();
            let want: Vec<&str> = s.split('\n').collect();
            let got: Vec<&str> = line_ranges(&s).map(|r| &s[r]).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
