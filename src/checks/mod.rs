//! Checks: findings about a report, one rule per file.
//!
//! Every rule reads the finished earlier stages through [`Context`] and returns
//! [`Finding`]s with a stable code, a severity, a plain Chinese message that cites the
//! numbers involved, and the normalized range the finding concerns. Rules never change the
//! analysis; they only report.

mod completeness;
mod deadline;
mod numbering;
mod partition;
mod parts_content;
mod pictures;
mod prose_arithmetic;
mod prose_vs_table;
mod requests_balance;
mod wording;
mod year_in_text;

use crate::key::KeyValue;
use crate::lexicon::parts::Era;
use crate::numbers::quantities;
use crate::page::furniture::Furniture;
use crate::page::meta;
use crate::report::{DocType, Severity};
use crate::structure::sections::Node;
use crate::text::lines::Line;
use std::ops::Range;

/// Everything the rules may read.
pub struct Context<'a> {
    pub norm: &'a str,
    pub lines: &'a [Line],
    pub furniture: &'a Furniture,
    pub meta: &'a meta::Found,
    pub doc_type: DocType,
    pub era: Era,
    pub sections: &'a [Node],
    pub quantities: &'a [quantities::Found],
    pub key: &'a [KeyValue],
    /// True when the tables stage produced table 3 (its own checks cover the outcomes).
    pub has_table3: bool,
    /// The statistics tables' ranges, in text order, neighbours merged (their words are
    /// cells, not prose).
    pub tables: &'a [Range<usize>],
}

/// A finding with a normalized range.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Option<Range<usize>>,
    /// The template part concerned, for checks about parts.
    pub part: Option<&'static str>,
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: String,
        range: Option<Range<usize>>,
    ) -> Finding {
        Finding {
            code,
            severity,
            message,
            range,
            part: None,
        }
    }

    /// The same finding, about template part `key`.
    pub fn about_part(mut self, key: &'static str) -> Finding {
        self.part = Some(key);
        self
    }
}

/// Runs every rule.
pub fn run(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(completeness::check(cx));
    out.extend(pictures::check(cx));
    out.extend(deadline::check(cx));
    out.extend(numbering::check(cx));
    out.extend(prose_arithmetic::check(cx));
    out.extend(partition::check(cx));
    out.extend(prose_vs_table::check(cx));
    out.extend(requests_balance::check(cx));
    out.extend(parts_content::check(cx));
    out.extend(year_in_text::check(cx));
    out.extend(wording::check(cx));
    out
}

/// Formats a number the way the report would: no trailing `.0`.
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}
