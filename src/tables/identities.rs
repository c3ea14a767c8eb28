//! Identities: the arithmetic the tables must satisfy (report-formats.md §4), as checks with
//! plain Chinese messages citing the numbers.
//!
//! - `table3_row_total`: every row, 总计 = the six applicant columns;
//! - `table3_column_balance`: every column, 一 + 二 = (七)总计 + 四;
//! - `table3_outcome_total`: every column, (七)总计 = (一) + (二) + Σ(三) + Σ(四) + Σ(五) + Σ(六);
//! - `table4_block_total`: each block, 总计 = 维持 + 纠正 + 其他 + 尚未审结;
//! - `table_cell_doubtful`: a row whose cells could not be read with certainty (warning).
//!
//! An identity is evaluated only when every number in it is known (empty cells count as 0,
//! doubtful cells make it unknown), so doubt never turns into a false error. Errors carry the
//! range of the offending total cell.

use super::cell::fmt_num;
use super::cell::grid_values;
use super::{CellStatus, RawCheck, RawRow, RawTable, TableId};
use crate::lexicon::tables::{T2008_ROWS, T3_COLUMNS, T3_OUTCOME_GROUPS, T4_COLUMNS};
use crate::report::Severity;

/// Rows of table 3 by key with their seven values (None: unknown).
pub(crate) type Grid = Vec<(&'static str, Vec<Option<f64>>)>;

const EPS: f64 = 1e-6;

fn get(grid: &Grid, key: &str, col: usize) -> Option<Option<f64>> {
    grid.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.get(col).copied().flatten())
}

/// 一, 二, (七)总计, 四 of a column, when all four are known.
fn balance(grid: &Grid, col: usize) -> Option<[f64; 4]> {
    Some([
        get(grid, "new_requests", col)??,
        get(grid, "carried_over", col)??,
        get(grid, "outcome_total", col)??,
        get(grid, "carried_to_next_year", col)??,
    ])
}

/// (七)总计 of a column and the sums of its outcome groups present, when all are known.
fn outcomes(grid: &Grid, col: usize) -> Option<(f64, Vec<(&'static str, f64)>)> {
    let total = get(grid, "outcome_total", col)??;
    let mut groups = Vec::new();
    for (name, keys) in T3_OUTCOME_GROUPS {
        let mut sum = 0.0;
        let mut any = false;
        for k in keys {
            if let Some(v) = get(grid, k, col) {
                sum += v?;
                any = true;
            }
        }
        if any {
            groups.push((name, sum));
        }
    }
    if groups.is_empty() {
        return None;
    }
    Some((total, groups))
}

/// True when no evaluable column identity of table 3 fails.
pub(crate) fn t3_consistent(grid: &Grid) -> bool {
    (0..7).all(|col| {
        let bal = balance(grid, col).is_none_or(|[a, b, c, d]| (a + b - c - d).abs() < EPS);
        let out = outcomes(grid, col)
            .is_none_or(|(t, g)| (g.iter().map(|x| x.1).sum::<f64>() - t).abs() < EPS);
        bal && out
    })
}

fn warn(code: &'static str, message: String, range: Option<std::ops::Range<usize>>) -> RawCheck {
    RawCheck {
        code,
        severity: Severity::Warning,
        message,
        range,
    }
}

fn err(code: &'static str, message: String, range: Option<std::ops::Range<usize>>) -> RawCheck {
    RawCheck {
        code,
        severity: Severity::Error,
        message,
        range,
    }
}

/// Checks the identities of every table found.
pub fn table_checks(tables: &[RawTable]) -> Vec<RawCheck> {
    let mut out = Vec::new();
    for t in tables {
        for r in &t.rows {
            if r.cells.iter().any(|c| c.status == CellStatus::Doubtful) {
                let name = table_name(t.id);
                let message = match &r.note {
                    Some(n) => format!("{name}{n}"),
                    None => format!("{name}“{}”行的数字无法确定。", r.label),
                };
                out.push(RawCheck {
                    code: "table_cell_doubtful",
                    severity: Severity::Warning,
                    message,
                    range: Some(r.range.clone()),
                });
            }
        }
        match t.id {
            TableId::Table3 => table3(t, &mut out),
            TableId::Table4 => table4(t, &mut out),
            TableId::Stats2008 => stats2008(t, &mut out),
            TableId::Table2 => {}
        }
    }
    out
}

/// The table's name in messages.
pub(crate) fn table_name(id: TableId) -> &'static str {
    match id {
        TableId::Table2 => "表二",
        TableId::Table3 => "表三",
        TableId::Table4 => "表四",
        TableId::Stats2008 => "统计表",
    }
}

fn cell_range(t: &RawTable, key: &str, col: usize) -> Option<std::ops::Range<usize>> {
    t.row(key)
        .and_then(|r| r.cells.get(col))
        .map(|c| c.range.clone())
}

fn table3(t: &RawTable, out: &mut Vec<RawCheck>) {
    let grid: Grid = t
        .rows
        .iter()
        .map(|r| (r.key, grid_values(&r.cells, 7)))
        .collect();
    for (r, (_, vals)) in t.rows.iter().zip(&grid) {
        let Some(v) = vals.iter().copied().collect::<Option<Vec<f64>>>() else {
            continue;
        };
        let parts: f64 = v[..6].iter().sum();
        if (parts - v[6]).abs() > EPS {
            let shown: Vec<String> = v[..6].iter().map(|x| fmt_num(*x)).collect();
            out.push(err(
                "table3_row_total",
                format!(
                    "表三“{}”行：六类申请人 {} = {}，但“总计”列为 {}，相差 {}。",
                    r.label.trim(),
                    shown.join(" + "),
                    fmt_num(parts),
                    fmt_num(v[6]),
                    fmt_num((parts - v[6]).abs())
                ),
                r.cells.get(6).map(|c| c.range.clone()),
            ));
        }
    }
    for (col, name) in T3_COLUMNS.iter().enumerate() {
        if let Some([a, b, c, d]) = balance(&grid, col) {
            if (a + b - c - d).abs() > EPS {
                out.push(err(
                    "table3_column_balance",
                    format!(
                        "表三“{name}”列：新收 {} + 上年结转 {} = {}，但办理结果总计 {} + 结转下年度 {} = {}，相差 {}。",
                        fmt_num(a),
                        fmt_num(b),
                        fmt_num(a + b),
                        fmt_num(c),
                        fmt_num(d),
                        fmt_num(c + d),
                        fmt_num((a + b - c - d).abs())
                    ),
                    cell_range(t, "outcome_total", col),
                ));
            }
        }
        if let Some((total, groups)) = outcomes(&grid, col) {
            let sum: f64 = groups.iter().map(|g| g.1).sum();
            if (sum - total).abs() > EPS {
                let shown: Vec<String> = groups
                    .iter()
                    .map(|(n, v)| format!("{n} {}", fmt_num(*v)))
                    .collect();
                out.push(err(
                    "table3_outcome_total",
                    format!(
                        "表三“{name}”列：办理结果 {} = {}，但“(七)总计”为 {}，相差 {}。",
                        shown.join(" + "),
                        fmt_num(sum),
                        fmt_num(total),
                        fmt_num((sum - total).abs())
                    ),
                    cell_range(t, "outcome_total", col),
                ));
            }
        }
    }
}

/// 2008 统计表: every parent row = the sum of its sub-rows, in every number column.
fn stats2008(t: &RawTable, out: &mut Vec<RawCheck>) {
    for (parent, kids, name) in sums(t) {
        let cols = parent.cells.len();
        for col in 0..cols {
            let Some(total) = known(parent, col) else {
                continue;
            };
            let parts: Option<Vec<f64>> = kids.iter().map(|k| known(k, col)).collect();
            let Some(parts) = parts else { continue };
            let sum: f64 = parts.iter().sum();
            if (sum - total).abs() > EPS {
                let shown: Vec<String> = parts.iter().map(|x| fmt_num(*x)).collect();
                let column = parent_column(parent, col);
                out.push(warn(
                    "table2008_sum",
                    format!(
                        "统计表“{}”{column}：{name} {} = {}，但该行为 {}，相差 {}。",
                        parent.label.trim(),
                        shown.join(" + "),
                        fmt_num(sum),
                        fmt_num(total),
                        fmt_num((sum - total).abs())
                    ),
                    parent.cells.get(col).map(|c| c.range.clone()),
                ));
            }
        }
    }
}

/// The note of a 统计表 row whose parts include a row not recognised: its sum is not checked.
pub(crate) const UNREAD: &str = "其下有未识别的分项，各项之和不予核对。";

/// The sums of a table to check: parent row, its part rows and the parts' name.
fn sums(t: &RawTable) -> Vec<(&RawRow, Vec<&RawRow>, &'static str)> {
    let mut out = Vec::new();
    for parent in T2008_ROWS.iter().filter(|r| r.parent.is_none()) {
        let Some(p) = t.row(parent.key) else { continue };
        let kids: Vec<&RawRow> = t
            .rows
            .iter()
            .filter(|r| {
                T2008_ROWS
                    .iter()
                    .any(|x| x.key == r.key && x.parent == Some(parent.key))
            })
            .collect();
        if kids.len() < 2 || p.note.as_deref().is_some_and(|n| n.contains(UNREAD)) {
            continue;
        }
        let name = match parent.key {
            "requests" => "各申请方式",
            "replies" => "各答复类型",
            "completed" => "按时与延期办结",
            _ => "各项",
        };
        out.push((p, kids, name));
    }
    out
}

fn known(r: &RawRow, col: usize) -> Option<f64> {
    r.cells
        .get(col)
        .filter(|c| c.status.is_known())
        .map(|c| c.value.unwrap_or(0.0))
}

fn parent_column(r: &RawRow, col: usize) -> String {
    match r.columns.get(col) {
        Some(c) if r.columns.len() > 1 => format!("（{c}）"),
        _ => String::new(),
    }
}

fn table4(t: &RawTable, out: &mut Vec<RawCheck>) {
    for r in &t.rows {
        let vals = grid_values(&r.cells, 5);
        let Some(v) = vals.into_iter().collect::<Option<Vec<f64>>>() else {
            continue;
        };
        let parts: f64 = v[..4].iter().sum();
        if (parts - v[4]).abs() > EPS {
            let shown: Vec<String> = T4_COLUMNS[..4]
                .iter()
                .zip(&v)
                .map(|(n, x)| format!("{} {}", n.trim_start_matches("结果"), fmt_num(*x)))
                .collect();
            out.push(err(
                "table4_block_total",
                format!(
                    "表四“{}”：{} = {}，但总计为 {}，相差 {}。",
                    r.label,
                    shown.join(" + "),
                    fmt_num(parts),
                    fmt_num(v[4]),
                    fmt_num((parts - v[4]).abs())
                ),
                r.cells.get(4).map(|c| c.range.clone()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(total0: f64) -> Grid {
        let r = |k: &'static str, v: f64| {
            (
                k,
                vec![
                    Some(v),
                    Some(0.0),
                    Some(0.0),
                    Some(0.0),
                    Some(0.0),
                    Some(0.0),
                    Some(v),
                ],
            )
        };
        vec![
            r("new_requests", 10.0),
            r("carried_over", 2.0),
            r("outcome_disclosed", 7.0),
            r("unable_not_held", 4.0),
            r("outcome_total", total0),
            r("carried_to_next_year", 1.0),
        ]
    }

    #[test]
    fn consistent_table_passes_and_a_wrong_total_fails() {
        assert!(t3_consistent(&grid(11.0)));
        assert!(!t3_consistent(&grid(12.0)));
    }

    #[test]
    fn unknown_cells_make_identities_unevaluable_not_false() {
        let mut g = grid(12.0);
        g[4].1[0] = None;
        g[4].1[6] = None;
        assert!(t3_consistent(&g));
    }
}
