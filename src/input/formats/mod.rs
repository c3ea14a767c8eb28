//! Loading the files people have: a report saved as a web page, a Word file, a PDF or plain
//! text → the text the analysis reads.
//!
//! ```text
//! bytes ─sniff (magic bytes, markup, extension as a hint)→ Format
//!       ─html / docx / pdf / decode→ Extracted { text, format, encoding, notes }
//! ```
//!
//! Statistics tables keep their shape: HTML `<table>`s and Word `w:tbl`s are written into the
//! text as tab-separated rows, one row per line, with row and column spans resolved so that
//! every row has the table's full column count (`grid`) — the `tsv` form the table parser
//! reads. PDF text is written line by line in reading order with a space between separated
//! runs — the `spaces` form.
//!
//! Guarantees:
//! - never panics, on any bytes (truncated, corrupted, hostile): every failure is a
//!   [`LoadError`] with a plain-Chinese message that says what to do;
//! - input over [`MAX_BYTES`] is refused before any work;
//! - a file with no text to read (a scanned PDF, a picture, a document of images) is an error
//!   ([`LoadErrorKind::NoTextLayer`]), never an empty text presented as a result;
//! - old binary Office files, spreadsheets, presentations and archives are refused with a
//!   message saying how to get the text out (save as .docx, or copy and paste).
//!
//! Submodules: `sniff` (which format), `grid` (table spans → full rows), `html`, `docx`,
//! `pdf`, `cmap` (PDF ToUnicode CMaps).

mod cmap;
mod docx;
mod grid;
mod html;
mod pdf;
mod sniff;

use crate::input::decode::{decode, DecodeErrorKind};
use crate::scan::chars::is_wide;
use std::fmt;

/// Largest input accepted: 50 MB.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// The format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text in any supported encoding (`xxgk::decode`).
    Text,
    /// A web page (also `.mht`/`.mhtml` web archives).
    Html,
    /// A Word 2007+ document.
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

impl Format {
    /// `text`, `html`, `docx`, `pdf` — the value of `report.input.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// The text of a file, ready for the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub format: Format,
    /// WHATWG name of the character encoding, for text and web pages.
    pub encoding: Option<&'static str>,
    /// What the reader noticed, in plain Chinese (pages without text, a declared charset that
    /// was wrong, …).
    pub notes: Vec<String>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The input is larger than [`MAX_BYTES`]; nothing was read.
    TooLarge,
    /// There is no text to read: a scanned PDF (pages that are pictures), a picture file, or
    /// a document that holds only images. The text needs OCR.
    NoTextLayer,
    /// A format that is recognised but not read: old binary Office files (.doc, .wps, .xls,
    /// .ppt), spreadsheets and presentations (.xlsx, .pptx), OpenDocument, RTF, archives.
    Unsupported,
    /// The file claims a format (zip, PDF) but its structure is broken or truncated.
    Damaged,
    /// The PDF is encrypted with a password.
    Encrypted,
    /// The PDF has text, but its fonts give no way to map the glyphs to characters.
    Unmappable,
    /// The bytes are not text in any supported encoding (as [`DecodeErrorKind::Binary`]).
    Binary,
    /// The bytes look like text but no supported encoding reads them cleanly.
    UnknownEncoding,
}

/// A loading failure with a message for the user, in plain Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub message: String,
}

impl LoadError {
    pub(crate) fn new(kind: LoadErrorKind, message: impl Into<String>) -> Self {
        LoadError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LoadError {}

pub(crate) const ADVICE: &str = "请用 Word/WPS 另存为 .docx，或打开文件复制文字后粘贴。";

/// Reads the text out of a file's bytes. `file_name` (may be empty, e.g. for standard input)
/// is only a hint: the content decides, the extension breaks ties and words the messages.
pub fn extract(bytes: &[u8], file_name: &str) -> Result<Extracted, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::new(
            LoadErrorKind::TooLarge,
            format!(
                "文件太大（{:.1} MB），超过 {} MB 的上限。年度报告通常不超过几 MB；请确认选对了文件，或复制其中的文字后粘贴。",
                bytes.len() as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
        ));
    }
    match sniff::sniff(bytes, file_name) {
        sniff::Kind::Html => html::extract(bytes),
        sniff::Kind::Mht => html::extract_mht(bytes),
        sniff::Kind::Zip => docx::extract(bytes, file_name),
        sniff::Kind::Pdf => pdf::extract(bytes),
        sniff::Kind::Refused(kind, message) => Err(LoadError::new(kind, message)),
        sniff::Kind::Text => text(bytes),
    }
}

fn text(bytes: &[u8]) -> Result<Extracted, LoadError> {
    let d = decode(bytes).map_err(|e| {
        let kind = match e.kind {
            DecodeErrorKind::Binary => LoadErrorKind::Binary,
            DecodeErrorKind::UnknownEncoding => LoadErrorKind::UnknownEncoding,
        };
        LoadError::new(kind, e.message)
    })?;
    Ok(Extracted {
        text: d.text,
        format: Format::Text,
        encoding: Some(d.encoding),
        notes: d.notes,
    })
}

/// Appends `s` to `out`, collapsing runs of whitespace into one space (the HTML rule), and
/// dropping leading spaces at the start of a line.
pub(crate) fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !(out.is_empty() || out.ends_with(' ') || out.ends_with('\n')) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Trims every line (also of ideographic spaces), turns tabs outside tables into spaces,
/// drops blank lines beyond one in a row and at the ends.
pub(crate) fn tidy_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = true;
    for line in raw.split('\n') {
        let t = line.trim_matches(|c: char| c.is_whitespace() && c != '\t');
        let t = if t.chars().all(|c| c == '\t' || c.is_whitespace()) {
            ""
        } else {
            t
        };
        if t.is_empty() {
            if !blank {
                out.push('\n');
                blank = true;
            }
            continue;
        }
        out.push_str(t);
        out.push('\n');
        blank = false;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Joins the lines of a table cell into one: nothing between Chinese characters (a wrapped
/// label), a space otherwise; tabs become spaces.
pub(crate) fn cell_text(raw: &str) -> String {
    let mut out = String::new();
    for part in raw.split(['\n', '\t']) {
        let p = part.trim();
        if p.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), p.chars().next()) {
            if !(is_wide(a) && is_wide(b)) {
                out.push(' ');
            }
        }
        let mut prev_space = false;
        for c in p.chars() {
            if c.is_whitespace() {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            } else {
                out.push(c);
                prev_space = false;
            }
        }
    }
    out
}

/// Characters that are text (not whitespace, not replacement characters).
pub(crate) fn visible_chars(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{FFFD}')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_is_refused_before_reading() {
        let big = vec![b'a'; MAX_BYTES + 1];
        let e = extract(&big, "a.txt").unwrap_err();
        assert_eq!(e.kind, LoadErrorKind::TooLarge);
        assert!(e.message.contains("50 MB"));
    }

    #[test]
    fn plain_text_goes_through_decode() {
        let e = extract("一、总体情况".as_bytes(), "a.txt").unwrap();
        assert_eq!(e.format, Format::Text);
        assert_eq!(e.encoding, Some("UTF-8"));
    }

    #[test]
    fn cell_text_joins_wrapped_chinese_without_space() {
        assert_eq!(
            cell_text("部分公开（区分处理的\n不计其他情形）"),
            "部分公开（区分处理的不计其他情形）"
        );
        assert_eq!(cell_text(" 本年 \n 12 "), "本年 12");
    }

    #[test]
    fn tidy_lines_trims_and_collapses_blank_lines() {
        assert_eq!(tidy_lines("  a \n\n\n\u{3000}b\n\t\t\n"), "a\n\nb\n");
    }
}
