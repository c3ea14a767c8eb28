//! Identities: the arithmetic the tables must satisfy (report-formats.md §4), as checks with
//! plain Chinese messages citing the numbers.
//!
//! - `table3_row_total`: every row, 总计 = the six applicant columns;
//! - `table3_column_balance`: every column, 一 + 二 = (七)总计 + 四;
//! - `table3_outcome_total`: every column, (七)总计 = (一) + (二) + Σ(三) + Σ(四) + Σ(五) + Σ(六);
//! - `table4_block_total`: each block, 总计 = 维持 + 纠正 + 其他 + 尚未审结;
//! - `table_cell_doubtful`: a row whose cells could not be read with certainty (warning).
//!
//! An identity is evaluated only when every number in it is known (empty cells of a row that
//! has numbers count as 0; a row left wholly blank, a doubtful cell or a row the table lacks
//! make it unknown), so doubt never turns into a false error. Errors carry the
//! range of the offending total cell.

use super::cell::fmt_num;
use super::cell::grid_values;
use super::{CellStatus, RawCheck, RawRow, RawTable, TableId};
use crate::lexicon::tables::{group_rows, T2008_ROWS, T3_COLUMNS, T3_OUTCOME_GROUPS, T4_COLUMNS};
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
    // Every row of every group must be there: a table cut short is not one that fails to add
    // up.
    for (name, keys) in T3_OUTCOME_GROUPS {
        let members = group_rows(keys, |k| grid.iter().any(|(g, _)| *g == k)).ok()?;
        let mut sum = 0.0;
        for k in members {
            sum += get(grid, k, col)??;
        }
        groups.push((name, sum));
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
    // A row left wholly blank says nothing (its blanks are not shown to be zeros).
    let grid: Grid = t
        .rows
        .iter()
        .map(|r| {
            let blank = r.cells.iter().all(|c| c.value.is_none());
            let vals = if blank {
                vec![None; 7]
            } else {
                grid_values(&r.cells, 7)
            };
            (r.key, vals)
        })
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

    /// Table 3 as tab-separated rows (label, seven cells).
    fn t3_text(rows: &[(&str, &str)]) -> String {
        let mut s = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n");
        for (label, cells) in rows {
            s.push_str(label);
            for c in cells.split(' ') {
                s.push('\t');
                s.push_str(if c == "_" { "" } else { c });
            }
            s.push('\n');
        }
        s
    }

    fn codes(text: &str) -> Vec<&'static str> {
        table_checks(&crate::tables::find_tables(text))
            .into_iter()
            .map(|c| c.code)
            .collect()
    }

    #[test]
    fn outcome_total_only_over_whole_groups_and_never_against_a_blank_row() {
        let head = [
            ("一、本年新收政府信息公开申请数量", "5 0 0 0 0 0 5"),
            ("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
            ("(一)予以公开", "3 0 0 0 0 0 3"),
            ("(二)部分公开", "0 0 0 0 0 0 0"),
            ("(三)不予公开 1.属于国家秘密", "0 0 0 0 0 0 0"),
            ("2.其他法律行政法规禁止公开", "0 0 0 0 0 0 0"),
            ("3.危及“三安全一稳定”", "0 0 0 0 0 0 0"),
            ("4.保护第三方合法权益", "0 0 0 0 0 0 0"),
            ("5.属于三类内部事务信息", "0 0 0 0 0 0 0"),
            ("6.属于四类过程性信息", "0 0 0 0 0 0 0"),
            ("7.属于行政执法案卷", "0 0 0 0 0 0 0"),
            ("8.属于行政查询事项", "0 0 0 0 0 0 0"),
            ("(四)无法提供 1.本机关不掌握相关政府信息", "1 0 0 0 0 0 1"),
            ("2.没有现成信息需要另行制作", "0 0 0 0 0 0 0"),
            ("3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"),
            ("(五)不予处理 1.信访举报投诉类申请", "0 0 0 0 0 0 0"),
            ("2.重复申请", "0 0 0 0 0 0 0"),
            ("3.要求提供公开出版物", "0 0 0 0 0 0 0"),
            ("4.无正当理由大量反复申请", "0 0 0 0 0 0 0"),
            ("5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"),
            (
                "(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "1 0 0 0 0 0 1",
            ),
        ];
        let tail = [
            (
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "0 0 0 0 0 0 0",
            ),
            ("3.其他", "0 0 0 0 0 0 0"),
        ];
        let next = ("四、结转下年度继续办理", "0 0 0 0 0 0 0");
        // The codes of table 3 with (六) whole or cut short, and (七)总计 given by `total`.
        let with = |whole_six: bool, total: &'static str| {
            let rows: Vec<_> = head
                .iter()
                .chain(if whole_six { &tail[..] } else { &[] })
                .chain([&("(七)总计", total), &next])
                .copied()
                .collect();
            codes(&t3_text(&rows))
        };
        // Whole: 3 + 1 + 1 = 5 holds; with 总计 6 it fails.
        assert!(!with(true, "5 0 0 0 0 0 5").contains(&"table3_outcome_total"));
        assert!(with(true, "6 0 0 0 0 0 6").contains(&"table3_outcome_total"));
        // (六) cut short (two of its three rows lost): no judgement, whatever the total.
        assert!(!with(false, "6 0 0 0 0 0 6").contains(&"table3_outcome_total"));
        // A wholly blank (七)总计 (a header row read as it) is not a total of 0.
        let c = with(true, "_ _ _ _ _ _ _");
        assert!(
            !c.contains(&"table3_outcome_total") && !c.contains(&"table3_column_balance"),
            "{c:?}"
        );
    }
}
