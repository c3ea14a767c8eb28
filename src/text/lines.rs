//! Lines of the normalized text: the unit that furniture, headings and tables are found in.
//!
//! Each line is a byte range of the normalized text with surrounding white space trimmed;
//! the newline is not part of it. Blank lines are kept (as empty ranges) because a blank line
//! separates paragraphs and table rows.

use std::ops::Range;

/// One line of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Trimmed content, as a byte range of the normalized text.
    pub range: Range<usize>,
    /// The whole line without its newline, untrimmed (tab-separated tables need the tabs).
    pub raw: Range<usize>,
}

impl Line {
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.range.clone()]
    }
    pub fn is_blank(&self) -> bool {
        self.range.is_empty()
    }
}

/// Splits `norm` into lines.
pub fn split(norm: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(crate::scan::chars::byte_count(norm.as_bytes(), b'\n') + 1);
    for raw in crate::scan::chars::line_ranges(norm) {
        let piece = &norm[raw.clone()];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        let start = raw.start + lead;
        out.push(Line {
            range: start..start + trimmed.len(),
            raw,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_blank_lines_kept() {
        let norm = "  一、总体情况 \n\n正文\t";
        let lines = split(norm);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].text(norm), "一、总体情况");
        assert!(lines[1].is_blank());
        assert_eq!(lines[2].text(norm), "正文");
        assert_eq!(&norm[lines[2].raw.clone()], "正文\t");
    }
}
