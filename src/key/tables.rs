//! Key indicators from the tables: the numbers of requests and outcomes (table 3, 总计
//! column) and of reviews and suits (table 4).
//!
//! Fields: `requests_received` (一、本年新收), `requests_carried_over_from_last_year`,
//! `requests_completed` ((七)总计), `requests_carried_to_next_year`, `outcome_disclosed`,
//! `outcome_partially_disclosed`, `outcome_not_disclosed` (Σ(三)), `outcome_unable_to_provide`
//! (Σ(四)), `outcome_not_processed` (Σ(五)), `outcome_other` (Σ(六)), `review_total`,
//! `litigation_total` (both litigation blocks).
//! Guarantees: a value is given only from cells that are `ok` or `decoded` (an empty cell in
//! a sum counts as 0 and is said in the note); the range covers the cells it came from; the
//! first table 3 / table 4 found is used.

use super::KeyValue;
use crate::lexicon::tables::{T3_NOT_DISCLOSED, T3_NOT_PROCESSED, T3_OTHER_2021, T3_UNABLE};
use crate::tables::cell::fmt_num;
use crate::tables::{CellStatus, RawCell, RawTable, TableId};
use std::ops::Range;

fn usable(c: &RawCell) -> bool {
    c.status != CellStatus::Doubtful
}

/// Sum of column `col` over the rows with `keys` that are present; None when a present
/// row's cell is doubtful or no row is present.
fn sum(t: &RawTable, keys: &[&str], col: usize) -> Option<(f64, Range<usize>, bool)> {
    let mut total = 0.0;
    let mut range: Option<Range<usize>> = None;
    let mut blank = false;
    for r in t.rows.iter().filter(|r| keys.contains(&r.key)) {
        let c = r
            .cells
            .get(col)
            .filter(|c| usable(c) && r.cells.len() == 7)?;
        match c.value {
            Some(v) => total += v,
            None => blank = true,
        }
        range = Some(match range {
            Some(x) => x.start.min(c.range.start)..x.end.max(c.range.end),
            None => c.range.clone(),
        });
    }
    range.map(|r| (total, r, blank))
}

/// The key indicators the tables give.
pub fn key_values(tables: &[RawTable]) -> Vec<KeyValue> {
    let mut out = Vec::new();
    if let Some(t) = tables.iter().find(|t| t.id == TableId::Table3) {
        let single = [
            ("requests_received", "new_requests"),
            ("requests_carried_over_from_last_year", "carried_over"),
            ("requests_completed", "outcome_total"),
            ("requests_carried_to_next_year", "carried_to_next_year"),
            ("outcome_disclosed", "outcome_disclosed"),
            ("outcome_partially_disclosed", "outcome_partially_disclosed"),
        ];
        for (field, key) in single {
            let Some(c) = t
                .row(key)
                .filter(|r| r.cells.len() == 7)
                .and_then(|r| r.cells.get(6))
            else {
                continue;
            };
            if usable(c) {
                if let Some(v) = c.value {
                    let note = (c.status == CellStatus::Decoded)
                        .then(|| "由粘连的数字按表内勾稽关系拆出".to_owned());
                    out.push(KeyValue {
                        field,
                        value: v,
                        range: c.range.clone(),
                        from: "table3",
                        note,
                    });
                }
            }
        }
        let other: &[&str] = &[
            "outcome_other",
            T3_OTHER_2021[0],
            T3_OTHER_2021[1],
            T3_OTHER_2021[2],
        ];
        let groups: [(&str, &[&str], &str); 4] = [
            ("outcome_not_disclosed", &T3_NOT_DISCLOSED, "(三)不予公开"),
            ("outcome_unable_to_provide", &T3_UNABLE, "(四)无法提供"),
            ("outcome_not_processed", &T3_NOT_PROCESSED, "(五)不予处理"),
            ("outcome_other", other, "(六)其他处理"),
        ];
        for (field, keys, name) in groups {
            let present = t.rows.iter().filter(|r| keys.contains(&r.key)).count();
            if let Some((v, range, blank)) = sum(t, keys, 6) {
                let mut note = if present > 1 {
                    format!("表三“{name}”各项总计之和")
                } else {
                    String::new()
                };
                if blank {
                    note.push_str(if note.is_empty() {
                        "空白单元格按 0 计"
                    } else {
                        "，空白单元格按 0 计"
                    });
                }
                out.push(KeyValue {
                    field,
                    value: v,
                    range,
                    from: "table3",
                    note: (!note.is_empty()).then_some(note),
                });
            }
        }
    }
    if let Some(t) = tables.iter().find(|t| t.id == TableId::Table4) {
        let total = |key: &str| {
            t.row(key)
                .filter(|r| r.cells.len() == 5)
                .and_then(|r| r.cells.get(4))
                .filter(|c| usable(c))
                .map(|c| (c.value.unwrap_or(0.0), c.range.clone()))
        };
        if let Some((v, range)) = total("review") {
            out.push(KeyValue {
                field: "review_total",
                value: v,
                range,
                from: "table4",
                note: None,
            });
        }
        if let (Some((a, ra)), Some((b, rb))) =
            (total("litigation_direct"), total("litigation_after_review"))
        {
            out.push(KeyValue {
                field: "litigation_total",
                value: a + b,
                range: ra.start.min(rb.start)..ra.end.max(rb.end),
                from: "table4",
                note: Some(format!(
                    "未经复议直接起诉 {} + 复议后起诉 {}",
                    fmt_num(a),
                    fmt_num(b)
                )),
            });
        }
    }
    out
}
