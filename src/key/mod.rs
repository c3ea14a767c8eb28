//! Stage 7, key indicators: requests received, completed and carried over, their outcomes,
//! and the numbers of administrative reviews and lawsuits.
//!
//! - `tables`: the indicators read from the statistics tables 3 and 4 (the authority);
//! - `prose`: the indicators stated in the text, for what the tables do not give, and zeros
//!   stated in words;
//! - [`merge`]: table values first, then prose values.
//!
//! Reads the tables, the sections and the quantities; calls no later stage.

pub(crate) mod prose;
pub(crate) mod tables;

pub use prose::{from_prose, zeros_in_words};
pub use tables::key_values;

use std::ops::Range;

/// A key value with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    /// Field name in [`crate::report::Key`].
    pub field: &'static str,
    pub value: f64,
    /// Byte range of the normalized text it came from (the cells, or the prose number).
    pub range: Range<usize>,
    /// `table3`, `table4` or `prose`.
    pub from: &'static str,
    /// A remark for the reader (how a sum was made, what a word meant).
    pub note: Option<String>,
}

/// Table values first (they are the authority), then prose values for the indicators the
/// tables do not give. A prose value that disagrees with the table is kept as a `prose`
/// entry after the table's, so the checks can report the difference.
pub fn merge(table: Vec<KeyValue>, prose: Vec<KeyValue>) -> Vec<KeyValue> {
    let mut out = table;
    for p in prose {
        match out.iter().find(|k| k.field == p.field) {
            Some(t) if t.value == p.value => {}
            _ => out.push(p),
        }
    }
    out
}
