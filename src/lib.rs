//! xxgk reads Chinese government information-disclosure reports (政府信息公开工作年度报告 and
//! related 政务公开 summaries) and returns their structure and numbers.
//!
//! The pipeline runs one way, each stage reading only what the stages before it produced:
//!
//! ```text
//! bytes ─decode→ text ─normalize→ normalized view (+ offset map) ─lines/furniture→
//!   meta, sections → quantities, tables → key indicators → checks → Report
//! ```
//!
//! Invariants (see ARCHITECTURE.md):
//! - analysis never fails and never panics: [`analyze`] returns a [`Report`] for any input,
//!   and problems with the input are reported inside it;
//! - every span in the report is a character offset into the input as given, end-exclusive,
//!   and every `text` equals that slice of the input.
//!
//! This crate knows nothing of WebAssembly; the page (`web`, only on wasm32) and the CLI
//! (`src/main.rs`) are thin shells over [`analyze`], [`analyze_bytes`] and [`analyze_file`].

// The pipeline, stage by stage (see ARCHITECTURE.md): each folder reads only what the
// folders above it produced.
mod checks;
pub mod compare;
pub mod input;
pub mod key;
pub mod numbers;
pub mod page;
pub mod structure;
pub mod tables;
pub mod text;
// Shared by several stages: scanners, the template's vocabulary, and the contract.
pub mod lexicon;
pub mod report;
mod scan;

mod analysis;

#[cfg(target_arch = "wasm32")]
mod web;

pub use input::decode::{self, decode, DecodeError, DecodeErrorKind, Decoded};
pub use input::formats::{self, extract, Extracted, Format, LoadError, LoadErrorKind};
pub use report::Report;
pub use text::normalize;

/// Analyses a report given as text. Never fails: problems are reported inside the result.
pub fn analyze(text: &str) -> Report {
    analysis::run(text, None)
}

/// [`analyze`], calling `done(stage)` as each stage of the pipeline ends, in the order of
/// [`STAGES`] — for profiling tools, which time the calls (the core keeps no clock).
pub fn analyze_observed(text: &str, done: &mut dyn FnMut(&'static str)) -> Report {
    analysis::run_observed(text, None, done)
}

pub use analysis::STAGES;

/// Analyses a report given as bytes in any supported encoding (UTF-8 with or without BOM,
/// UTF-16 with BOM, GB18030/GBK, Big5).
///
/// Returns an error, with a plain message, only when the bytes cannot be read as text with
/// confidence; in that case no analysis is made, because an analysis of garbage would mislead.
pub fn analyze_bytes(bytes: &[u8]) -> Result<Report, DecodeError> {
    let decoded = decode(bytes)?;
    let mut report = analysis::run(&decoded.text, Some(&decoded));
    report.input.format = Some("text".to_owned());
    Ok(report)
}

/// The analysis of a file, with the text that its spans point into.
#[derive(Debug, Clone, PartialEq)]
pub struct FileAnalysis {
    /// The text extracted from the file: every `start`/`end` of `report` is a character
    /// offset into this text (not into the file's bytes).
    pub text: String,
    pub report: Report,
}

/// Analyses a file as people have it: a web page (.html/.htm/.mht, any declared charset), a
/// Word document (.docx), a PDF with a text layer, or text in any supported encoding. The
/// format is chosen by content; `file_name` (may be empty) is a hint and words the messages.
///
/// `report.input.format` and `report.input.encoding` say how the file was read, and
/// `report.input.diagnostics` carries the reader's notes. Returns an error with a plain
/// Chinese message when the file has no text to analyse (a scanned PDF, a picture, an old
/// .doc, a spreadsheet, a broken or too large file) — never an empty analysis.
pub fn analyze_file(bytes: &[u8], file_name: &str) -> Result<FileAnalysis, LoadError> {
    extract(bytes, file_name).map(analyze_extracted)
}

/// [`analyze_file`] in two steps, for a caller that frees the file's bytes once its text is
/// extracted ([`extract`]) and before the analysis (the CLI: the bytes would otherwise be
/// held through the analysis, one more copy of the input in memory).
pub fn analyze_extracted(e: Extracted) -> FileAnalysis {
    let mut report = analysis::run(&e.text, None);
    report.input.encoding = e.encoding.map(str::to_owned);
    report.input.format = Some(e.format.as_str().to_owned());
    let mut diagnostics = e.notes;
    diagnostics.append(&mut report.input.diagnostics);
    report.input.diagnostics = diagnostics;
    FileAnalysis {
        text: e.text,
        report,
    }
}
