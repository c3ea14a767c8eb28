//! Text helpers shared by the views: character offsets (Unicode scalars, as the report gives
//! them) to byte offsets of a Rust string and to UTF-16 offsets of a JavaScript string, and
//! number formatting. Every function clamps out-of-range offsets instead of panicking, so a
//! wrong span from the analysis can never take the page down.

/// Byte offset of every character of a text, and one past the end.
pub struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let bytes = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        CharIndex { bytes }
    }

    /// Number of characters.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
    }

    /// Byte offset of character offset `c`, clamped to the end of the text.
    pub fn byte(&self, c: usize) -> usize {
        self.bytes[c.min(self.chars())]
    }
}

/// UTF-16 code-unit offset (what `HTMLTextAreaElement.setSelectionRange` takes) of character
/// offset `c` of `text`, clamped to the end of the text.
pub fn utf16_offset(text: &str, c: usize) -> u32 {
    text.chars().take(c).map(char::len_utf16).sum::<usize>() as u32
}

/// A number as a reader expects it: no trailing `.0`, no exponent for ordinary sizes.
pub fn fmt_num(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Thousands grouping for counts shown in the summary: 12345 → 12,345.
pub fn fmt_count(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
