//! Stage 7, key indicators: requests received, completed and carried over, their outcomes,
//! and the numbers of administrative reviews and lawsuits.
//!
//! - `tables`: the indicators read from the statistics tables (2, 3, 4 and the 2008 统计表;
//!   the authority), and the fields a table has but cannot give with certainty ([`Gap`]);
//! - `prose`: the indicators stated in the text, for what the tables do not give, and zeros
//!   stated in words;
//! - [`merge`]: table values first, then prose values — never for a field whose table
//!   reading is uncertain.
//!
//! Reads the tables, the sections and the quantities; calls no later stage.

pub(crate) mod prose;
pub(crate) mod tables;

pub use prose::{from_prose, zeros_in_words};
pub use tables::{from_tables, key_values, Gap};

use std::ops::Range;

/// A key value with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    /// Field name in [`crate::report::Key`].
    pub field: &'static str,
    pub value: f64,
    /// Byte range of the normalized text it came from (the cells, or the prose number).
    pub range: Range<usize>,
    /// `table2`, `table3`, `table4`, `table2008` or `prose`.
    pub from: &'static str,
    /// A remark for the reader (how a sum was made, what a word meant).
    pub note: Option<String>,
}

/// Table values first (they are the authority), then prose values for the indicators the
/// tables do not give. A prose value that disagrees with the table is kept as a `prose`
/// entry after the table's, so the checks can report the difference. A field in `gaps` (the
/// table has it but its reading is uncertain) takes no prose value: it stays unknown.
pub fn merge(table: Vec<KeyValue>, gaps: &[Gap], prose: Vec<KeyValue>) -> Vec<KeyValue> {
    let mut out = table;
    for p in prose {
        if gaps.iter().any(|g| g.field == p.field) {
            continue;
        }
        match out.iter().find(|k| k.field == p.field) {
            Some(t) if t.value == p.value => {}
            _ => out.push(p),
        }
    }
    out
}

/// The name of a key field in messages (本年新收申请, 行政复议, 规章 现行有效 …).
pub fn field_name(field: &str) -> &'static str {
    crate::lexicon::key::label(field).unwrap_or("数字")
}
