//! The standard statistics tables of the 2019 and 2021 templates — 表二 主动公开政府信息情况,
//! 表三 收到和处理政府信息公开申请情况, 表四 政府信息公开行政复议、行政诉讼情况 — and the
//! 统计表 of 2008-regulation reports, found in the normalized text of a report however they
//! were flattened, read into a grid of labelled rows and template columns, and decided cell
//! by cell by their own arithmetic.
//!
//! ```text
//! norm ─detect→ anchors + header lines ─assemble→ labelled rows of tokens
//!      ─build (+decode)→ RawTable (cells: ok / decoded / derived / doubtful)
//!      ─identities→ RawCheck
//! norm ─stats2008→ RawTable of the 2008 统计表
//! ```
//!
//! Guarantees:
//! - every range is a byte range of the normalized text given to [`find_tables`], on char
//!   boundaries, and every [`RawCell::text`] equals that slice;
//! - no panics and no super-linear work on any input (readings are searched within bounds,
//!   combinations of readings are capped, every look-around is a bounded window);
//! - a cell is given a value only when the text and the table's identities leave one reading
//!   of it; otherwise it is [`CellStatus::Doubtful`] with no value and the row's `note` lists
//!   the readings. A blank 总计 of a complete row is [`CellStatus::Derived`].
//!
//! Wiring into the report (done by the pipeline, not here): map every byte range with
//! `Text::orig_range`/`Text::span` to input character offsets; `RawTable` → `report::Table`
//! (`id.as_str()`, `form`, `template`, `CellStatus::as_str()`); `RawCheck` → `report::Check`.
//! The key stage reads the tables (`crate::key::from_tables`). The section parser skips
//! the tables' ranges and lines for which [`is_table_row_label`] is true; the quantity
//! extractor skips numbers inside a table's `range`.
//!
//! Submodules: `cell` (a cell's value), `forms` (lines → tokens for every flattened form),
//! `detect` (where tables are), `assemble` (tokens → labelled rows, header rows, table 4's
//! blocks), `decode` (the readings of a row whose digits are glued, broken over lines or
//! merged), `build` (rows → cells, settled by the identities), `positional` (table 3 placed
//! by template row order when a PDF's wrapped labels cannot be read), `stats2008` (the 2008
//! 统计表), `identities` (checks). The vocabulary is `crate::lexicon::tables`.

mod assemble;
mod build;
pub(crate) mod cell;
mod decode;
mod detect;
mod forms;
mod identities;
mod positional;
mod stats2008;

use crate::report::Severity;
use std::ops::Range;

pub use crate::lexicon::tables::{is_table_row_label, table2_row_columns};
pub use detect::{find, find_tables, Found, Unread};
pub use identities::table_checks;
pub(crate) use identities::{t3_consistent, Grid};
pub use stats2008::YEAR_COLUMNS;

/// Which standard table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableId {
    Table2,
    Table3,
    Table4,
    /// The statistics table of a 2008-regulation report (附表 / 政府信息公开情况统计表).
    Stats2008,
}

impl TableId {
    /// `table2`, `table3`, `table4`, `table2008`.
    pub fn as_str(self) -> &'static str {
        match self {
            TableId::Table2 => "table2",
            TableId::Table3 => "table3",
            TableId::Table4 => "table4",
            TableId::Stats2008 => "table2008",
        }
    }
}

/// How far a cell's value can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellStatus {
    /// Read as written.
    Ok,
    /// Restored by the table's arithmetic — split out of glued digits, joined from digits
    /// broken over lines, or one of merged repeats — and the same in every reading the
    /// identities leave.
    Decoded,
    /// A blank 总计 cell computed from its complete row (the sum of the row's other cells).
    Derived,
    /// More than one reading remains, or none fits, or the row has the wrong number of
    /// cells: the value is not known (`value` is `None`).
    Doubtful,
}

impl CellStatus {
    /// `ok`, `decoded`, `derived`, `doubtful`.
    pub fn as_str(self) -> &'static str {
        match self {
            CellStatus::Ok => "ok",
            CellStatus::Decoded => "decoded",
            CellStatus::Derived => "derived",
            CellStatus::Doubtful => "doubtful",
        }
    }

    /// True when the cell's value (or its blank) can be used.
    pub fn is_known(self) -> bool {
        self != CellStatus::Doubtful
    }
}

/// One standard table as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    pub id: TableId,
    /// The title line above the table as written, or the template's title when none is near.
    pub title: String,
    /// `"2019"` or `"2021"` when the table tells (table 4 never does).
    pub template: Option<&'static str>,
    /// `tsv`, `pipe`, `markdown`, `cell_per_line`, `spaces` or `glued`.
    pub form: &'static str,
    /// From the first header line (or first row) to the last cell.
    pub range: Range<usize>,
    /// Names of the number columns (table 2: those of its first block; see
    /// [`table2_row_columns`] for the other rows).
    pub columns: Vec<String>,
    pub rows: Vec<RawRow>,
}

impl RawTable {
    /// The row with this key.
    pub fn row(&self, key: &str) -> Option<&RawRow> {
        self.rows.iter().find(|r| r.key == key)
    }
}

/// A labelled row.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// Label as written (fragments of a label split over lines are joined).
    pub label: String,
    /// Stable key: table 3 `new_requests`, `carried_over`, `outcome_disclosed`, …,
    /// `outcome_total`, `carried_to_next_year` (see [`crate::lexicon::tables::T3_KEYS`]); table 2 `rules`,
    /// `normative_documents`, `licensing`, …; table 4 `review`, `litigation_direct`,
    /// `litigation_after_review`, or `undecoded` when its numbers could not be placed.
    pub key: &'static str,
    pub cells: Vec<RawCell>,
    /// Table 2 and the 2008 统计表: the names of this row's number columns as its block's
    /// header gives them (template names), one per cell; empty for tables 3 and 4.
    pub columns: Vec<&'static str>,
    /// From the label to the last cell.
    pub range: Range<usize>,
    /// Why cells are doubtful or how they were decoded, in plain Chinese.
    pub note: Option<String>,
}

impl RawRow {
    /// Values of the cells (None for empty or unknown).
    pub fn values(&self) -> Vec<Option<f64>> {
        self.cells.iter().map(|c| c.value).collect()
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCell {
    /// `None` for a blank cell or an unknown (doubtful) one.
    pub value: Option<f64>,
    /// The cell's text, equal to `norm[range]`.
    pub text: String,
    pub range: Range<usize>,
    pub status: CellStatus,
}

/// A finding about a table.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCheck {
    /// `table3_column_balance`, `table3_row_total`, `table3_outcome_total`,
    /// `table4_block_total`, `table_cell_doubtful`.
    pub code: &'static str,
    pub severity: Severity,
    /// Plain Chinese, citing the numbers.
    pub message: String,
    pub range: Option<Range<usize>>,
}
