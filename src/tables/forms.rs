//! Flattened forms: splits the normalized text into lines and one line into cell tokens,
//! whatever way the table was flattened (report-formats.md §5).
//!
//! - a line with a tab is a browser copy: cells are split at tabs, empty cells kept;
//! - a line with `|` is a pipe or Markdown row: leading and trailing `|` dropped, cells split
//!   at `|`; a `|---|:--:|` line is a Markdown rule;
//! - any other line (one cell per line, PDF spaces, glued digits) is a label followed by the
//!   whitespace-separated values at its end; digits glued to the end of a label
//!   (`…申请数量713000074`) are split off as one value token;
//! - `- 4 -` and `第4页` lines are page numbers.
//!
//! Guarantees: every token's range is a byte range of the normalized text on char
//! boundaries, trimmed, and slices back to the token's text (empty cells are empty ranges);
//! one pass over the line, no panics.

use super::cell::{parse_cell, parse_cell_loose, CellValue};
use std::ops::Range;

/// One cell of a flattened line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tok {
    pub range: Range<usize>,
    /// `None` for a label, `Some` for a value (number or empty).
    pub value: Option<CellValue>,
}

impl Tok {
    pub(crate) fn is_label(&self) -> bool {
        self.value.is_none()
    }
    pub(crate) fn is_empty_value(&self) -> bool {
        self.value == Some(CellValue::Empty)
    }
}

/// How a line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    PageNumber,
    MarkdownRule,
    Tab,
    Pipe,
    Plain,
}

/// A tokenized line.
#[derive(Debug, Clone)]
pub(crate) struct TLine {
    pub kind: LineKind,
    pub toks: Vec<Tok>,
}

/// Byte ranges of the lines of `norm`, without their `\n`.
pub(crate) fn split_lines(norm: &str) -> Vec<Range<usize>> {
    crate::scan::chars::line_ranges(norm).collect()
}

/// The trimmed sub-range of `r` in `norm`.
pub(crate) fn trim_range(norm: &str, r: Range<usize>) -> Range<usize> {
    let s = norm.get(r.clone()).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let start = r.start + lead;
    start..start + t.len()
}

/// True for a page-number line: `- 4 -`, `-4-`, `第 4 页`, `第4页 共12页`.
pub(crate) fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    if let Some(inner) = t.strip_prefix('-').and_then(|x| x.strip_suffix('-')) {
        let inner = inner.trim();
        return !inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|b| b.is_ascii_digit());
    }
    if let Some(inner) = t.strip_prefix('第') {
        let mut ok = false;
        for part in inner.split('页') {
            let p = part
                .trim()
                .trim_start_matches('共')
                .trim_start_matches('第')
                .trim();
            if p.is_empty() {
                continue;
            }
            if !p.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            ok = true;
        }
        return ok && t.ends_with('页');
    }
    false
}

/// Tokenizes one line (`line` is its byte range in `norm`, without `\n`).
pub(crate) fn tokenize(norm: &str, line: Range<usize>) -> TLine {
    let text = norm.get(line.clone()).unwrap_or("");
    let t = text.trim();
    if t.is_empty() {
        return TLine {
            kind: LineKind::Blank,
            toks: Vec::new(),
        };
    }
    if is_page_number(t) {
        return TLine {
            kind: LineKind::PageNumber,
            toks: Vec::new(),
        };
    }
    // A number alone (most lines of a table laid out one cell per line): one value.
    if t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        let start = line.start + (text.len() - text.trim_start().len());
        return TLine {
            kind: LineKind::Plain,
            toks: vec![Tok {
                range: start..start + t.len(),
                value: parse_cell(t),
            }],
        };
    }
    let (kind, mut toks) = if text.contains('\t') {
        (LineKind::Tab, split_cells(norm, line, b'\t'))
    } else if text.contains('|') {
        let r = trim_range(norm, line);
        let mut r2 = r.clone();
        if norm.as_bytes().get(r2.start) == Some(&b'|') {
            r2.start += 1;
        }
        if r2.end > r2.start && norm.as_bytes().get(r2.end - 1) == Some(&b'|') {
            r2.end -= 1;
        }
        let cells = split_cells(norm, r2, b'|');
        let rule = !cells.is_empty()
            && cells.iter().all(|c| {
                let s = norm.get(c.range.clone()).unwrap_or("");
                s.contains('-') && s.bytes().all(|b| b == b'-' || b == b':' || b == b' ')
            });
        if rule {
            return TLine {
                kind: LineKind::MarkdownRule,
                toks: Vec::new(),
            };
        }
        (LineKind::Pipe, cells)
    } else {
        (LineKind::Plain, split_plain(norm, line))
    };
    // Empty cells before the first filled one are layout (merged cells), not data.
    let first = toks
        .iter()
        .position(|t| !t.is_empty_value())
        .unwrap_or(toks.len());
    toks.drain(..first);
    // Digits glued to the end of a label become their own value token (in a line without
    // separators: a tab or pipe cell such as `数据1` is one cell). (In place, from the end,
    // so that a split does not move the labels still to be looked at.)
    if kind == LineKind::Plain {
        for k in (0..toks.len()).rev() {
            if !toks[k].is_label() {
                continue;
            }
            if let Some(cut) = glued_digits_at_end(norm, toks[k].range.clone()) {
                let end = toks[k].range.end;
                toks[k].range.end = cut;
                let value = norm.get(cut..end).and_then(parse_cell);
                toks.insert(
                    k + 1,
                    Tok {
                        range: cut..end,
                        value,
                    },
                );
            }
        }
    }
    TLine { kind, toks }
}

fn classify(norm: &str, r: Range<usize>) -> Tok {
    let v = norm.get(r.clone()).and_then(parse_cell);
    Tok { range: r, value: v }
}

/// Splits `r` at an ASCII separator byte; each cell trimmed.
fn split_cells(norm: &str, r: Range<usize>, sep: u8) -> Vec<Tok> {
    let bytes = norm.as_bytes();
    let mut out = Vec::new();
    let mut start = r.start;
    let end = r.end.min(bytes.len());
    for (i, &b) in bytes.iter().enumerate().take(end).skip(r.start) {
        if b == sep {
            out.push(classify(norm, trim_range(norm, start..i)));
            start = i + 1;
        }
    }
    out.push(classify(norm, trim_range(norm, start..end)));
    out
}

/// Splits a line without separators: the trailing whitespace-separated words that are values
/// are value tokens; everything before them is one label.
fn split_plain(norm: &str, line: Range<usize>) -> Vec<Tok> {
    let text = norm.get(line.clone()).unwrap_or("");
    // Words from the end: values while they parse, then everything before is the label.
    // (Pushed last first, the label after them, then turned around: one vector.)
    let mut out: Vec<Tok> = Vec::new();
    let mut end = text.trim_end().len();
    let mut label_end = end;
    while end > 0 {
        let word_start = text[..end]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &text[word_start..end];
        let Some(v) = parse_cell_loose(word) else {
            break;
        };
        out.push(Tok {
            range: line.start + word_start..line.start + end,
            value: Some(v),
        });
        label_end = text[..word_start].trim_end().len();
        end = label_end;
    }
    let label_start = text.len() - text.trim_start().len();
    if label_end > label_start {
        out.push(Tok {
            range: line.start + label_start..line.start + label_end,
            value: None,
        });
    }
    out.reverse();
    out
}

/// Where a run of ASCII digits glued to the end of a label starts, when the label before it
/// ends in a CJK character or a closing bracket (`…数量713000074`, `…情形)50`).
fn glued_digits_at_end(norm: &str, r: Range<usize>) -> Option<usize> {
    let s = norm.get(r.clone())?;
    // The value: the trailing run of what a cell may hold (digits, a decimal point, a
    // thousands comma, a unit such as 元 or 万元), starting at a digit.
    let head = s.trim_end_matches(|c: char| c.is_ascii_digit() || ".,%元万".contains(c));
    let head = head.trim_end_matches('万'); // (万元 after a label's 万 is not the label's)
    let value = &s[head.len()..];
    let lead = value.find(|c: char| c.is_ascii_digit())?;
    let head = &s[..head.len() + lead];
    if head.is_empty()
        || !s[head.len()..].ends_with(|c: char| c.is_ascii_digit() || c == '元' || c == '%')
    {
        return None;
    }
    parse_cell(&s[head.len()..])?;
    let last = head.chars().next_back()?;
    let ok = crate::scan::chars::is_cjk(last) || matches!(last, ')' | '”' | '"' | ']' | '】');
    ok.then_some(r.start + head.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> (LineKind, Vec<(String, bool)>) {
        let l = tokenize(s, 0..s.len());
        let v = l
            .toks
            .iter()
            .map(|t| (s[t.range.clone()].to_owned(), t.is_label()))
            .collect();
        (l.kind, v)
    }

    #[test]
    fn tab_line_keeps_inner_empty_cells_and_drops_leading_ones() {
        let (k, v) = texts("\t规章\t5\t\t12");
        assert_eq!(k, LineKind::Tab);
        let names: Vec<&str> = v.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["规章", "5", "", "12"]);
        assert!(v[0].1 && !v[2].1);
    }

    #[test]
    fn pipe_and_markdown_rule() {
        let (k, v) = texts("| 规章 | 5 | 0 |");
        assert_eq!(k, LineKind::Pipe);
        assert_eq!(v.len(), 3);
        assert_eq!(texts("|---|:---:|").0, LineKind::MarkdownRule);
    }

    #[test]
    fn plain_line_splits_label_and_trailing_values() {
        let (k, v) = texts("(三)不予公开 1.属于国家秘密 0 0 0 0 0 0 0");
        assert_eq!(k, LineKind::Plain);
        assert_eq!(v[0], ("(三)不予公开 1.属于国家秘密".to_owned(), true));
        assert_eq!(v.len(), 8);
    }

    #[test]
    fn digits_glued_to_label_are_split_off() {
        let (_, v) = texts("一、本年新收政府信息公开申请数量713000074");
        assert_eq!(v.len(), 2);
        assert_eq!(v[1], ("713000074".to_owned(), false));
        let (_, v) = texts("1.属于国家秘密");
        assert_eq!(v.len(), 1);
        let (_, v) = texts("政府集中采购929120190475.34元");
        assert_eq!(v[1], ("929120190475.34元".to_owned(), false));
    }

    #[test]
    fn glued_signed_cells_stay_values() {
        let (_, v) = texts("行政许可 56增152310");
        assert_eq!(
            v,
            [
                ("行政许可".to_owned(), true),
                ("56增152310".to_owned(), false)
            ]
        );
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("- 4 -"));
        assert!(is_page_number("-12-"));
        assert!(is_page_number("第 4 页 共 9 页"));
        assert!(!is_page_number("-"));
        assert!(!is_page_number("4"));
        assert!(!is_page_number("第二十条第(一)项"));
    }
}
