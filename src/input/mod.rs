//! Stage 1, input: bytes and files → text.
//!
//! - [`decode`]: bytes in any supported encoding → text (or a refusal naming why);
//! - [`formats`]: files as people have them (web pages, .mht, .docx, PDFs with a text layer)
//!   → the text the analysis reads, with tables as tab-separated rows.
//!
//! Nothing here knows about reports: the later stages read only the text this stage returns.

pub mod decode;
pub mod formats;
