//! Key indicators from the tables: requests and outcomes (table 3, 总计 column), reviews and
//! suits (table 4), the figures of table 2, and the same request figures from the 2008
//! 统计表.
//!
//! Fields: `requests_received` (一、本年新收), `requests_carried_over_from_last_year`,
//! `requests_completed` ((七)总计), `requests_carried_to_next_year`, `outcome_disclosed`,
//! `outcome_partially_disclosed`, `outcome_not_disclosed` (Σ(三)), `outcome_unable_to_provide`
//! (Σ(四)), `outcome_not_processed` (Σ(五)), `outcome_other` (Σ(六)), `review_total`,
//! `litigation_total` (both litigation blocks); table 2's fields by row and column
//! ([`T2_KEY`]); the 2008 统计表's by [`T2008_KEY`].
//!
//! Guarantees: a value is given only from cells whose reading is certain (`ok`, `decoded`,
//! `derived`); a blank counts as 0 only where the table itself shows that its blanks are
//! zeros (a stated total over blank cells, with every identity holding); otherwise the field
//! is a [`Gap`] — null in the key, with the reason — and no prose figure stands in for it. The
//! first table of each kind is used; every range covers the cells a value came from.

use super::KeyValue;
use crate::lexicon::key::TABLE3_FIELDS;
use crate::lexicon::tables::{
    group_rows, T2008_KEY, T2_KEY, T2_MONEY_FIELDS, T3_NOT_DISCLOSED, T3_NOT_PROCESSED,
    T3_OTHER_2021, T3_UNABLE,
};
use crate::tables::cell::{fmt_num, grid_values};
use crate::tables::{CellStatus, RawCell, RawRow, RawTable, TableId, Unread, YEAR_COLUMNS};
use std::ops::Range;

/// A field a table has but cannot give: its row is there, its reading is not certain.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub field: &'static str,
    /// The table the field would come from (`table3`, …).
    pub from: &'static str,
    /// The cells in question.
    pub range: Range<usize>,
    /// Why, in plain Chinese.
    pub why: String,
}

/// How one cell reads for the key.
enum Reading {
    Value(f64, Range<usize>, Option<&'static str>),
    /// A blank whose meaning the table does not show.
    Blank(Range<usize>),
    Unknown(Range<usize>),
}

fn read_cell(c: &RawCell, blanks_are_zero: bool) -> Reading {
    match (c.status, c.value) {
        (CellStatus::Doubtful, _) => Reading::Unknown(c.range.clone()),
        (CellStatus::Derived, Some(v)) => {
            Reading::Value(v, c.range.clone(), Some("“总计”格为空，由本行各格相加"))
        }
        (CellStatus::Decoded, Some(v)) => {
            Reading::Value(v, c.range.clone(), Some("由表内勾稽关系还原"))
        }
        (_, Some(v)) => Reading::Value(v, c.range.clone(), None),
        (_, None) if blanks_are_zero => {
            Reading::Value(0.0, c.range.clone(), Some("空白单元格按 0 计"))
        }
        (_, None) => Reading::Blank(c.range.clone()),
    }
}

/// The total cell (the last of `n`) of a row.
fn total(r: &RawRow, n: usize, blanks_are_zero: bool) -> Reading {
    match r.cells.get(n - 1).filter(|_| r.cells.len() == n) {
        Some(c) => read_cell(c, blanks_are_zero),
        None => Reading::Unknown(r.range.clone()),
    }
}

/// True when the table shows its blanks are zeros: a row stating its total over blank cells
/// that add up as zeros, and no identity of the table failing with blanks as zeros.
fn blanks_are_zero(t: &RawTable, n: usize) -> bool {
    let witness = t.rows.iter().any(|r| {
        r.cells.len() == n
            && r.cells.last().is_some_and(|c| {
                c.status != CellStatus::Derived && c.status.is_known() && c.value.is_some()
            })
            && r.cells[..n - 1].iter().any(|c| c.value.is_none())
            && r.cells.iter().all(|c| c.status.is_known())
            && (r.cells[..n - 1].iter().filter_map(|c| c.value).sum::<f64>()
                - r.cells[n - 1].value.unwrap_or(f64::NAN))
            .abs()
                < 1e-6
    });
    if !witness {
        return false;
    }
    match t.id {
        TableId::Table3 => {
            let grid: crate::tables::Grid = t
                .rows
                .iter()
                .map(|r| (r.key, grid_values(&r.cells, n)))
                .collect();
            crate::tables::t3_consistent(&grid)
        }
        _ => true,
    }
}

fn span(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

/// The key values and gaps the tables give. A table that is there but could not be read
/// (`unread`) makes its fields gaps: the prose's figure for them is not the table's.
pub fn from_tables(tables: &[RawTable], unread: &[Unread]) -> (Vec<KeyValue>, Vec<Gap>) {
    let mut out = Vec::new();
    let mut gaps = Vec::new();
    for u in unread {
        let (fields, name): (&[&'static str], &str) = match u.id {
            TableId::Table3 => (&TABLE3_FIELDS, "表三"),
            TableId::Table4 => (&["review_total", "litigation_total"], "表四"),
            _ => continue,
        };
        for &field in fields {
            gaps.push(gap(
                field,
                u.id.as_str(),
                u.range.clone(),
                format!("{name}在文中，但它的行和列无法读出。"),
            ));
        }
    }
    if let Some(t) = tables.iter().find(|t| t.id == TableId::Table3) {
        table3(t, &mut out, &mut gaps);
    }
    if let Some(t) = tables.iter().find(|t| t.id == TableId::Table4) {
        table4(t, &mut out, &mut gaps);
    }
    if let Some(t) = tables.iter().find(|t| t.id == TableId::Table2) {
        table2(t, &mut out, &mut gaps);
    }
    // The 2008 统计表 only for what tables 3 and 4 do not give.
    if let Some(t) = tables.iter().find(|t| t.id == TableId::Stats2008) {
        let mut more = Vec::new();
        let mut more_gaps = Vec::new();
        stats2008(t, &mut more, &mut more_gaps);
        let has = |f: &str, out: &[KeyValue], gaps: &[Gap]| {
            out.iter().any(|k| k.field == f) || gaps.iter().any(|g| g.field == f)
        };
        for k in more {
            if !has(k.field, &out, &gaps) {
                out.push(k);
            }
        }
        for g in more_gaps {
            if !has(g.field, &out, &gaps) {
                gaps.push(g);
            }
        }
    }
    (out, gaps)
}

/// The key indicators the tables give (see [`from_tables`] for the fields they cannot).
pub fn key_values(tables: &[RawTable]) -> Vec<KeyValue> {
    from_tables(tables, &[]).0
}

fn gap(field: &'static str, from: &'static str, range: Range<usize>, why: String) -> Gap {
    Gap {
        field,
        from,
        range,
        why,
    }
}

fn table3(t: &RawTable, out: &mut Vec<KeyValue>, gaps: &mut Vec<Gap>) {
    let zero = blanks_are_zero(t, 7);
    let single = [
        ("requests_received", "new_requests"),
        ("requests_carried_over_from_last_year", "carried_over"),
        ("requests_completed", "outcome_total"),
        ("requests_carried_to_next_year", "carried_to_next_year"),
        ("outcome_disclosed", "outcome_disclosed"),
        ("outcome_partially_disclosed", "outcome_partially_disclosed"),
    ];
    for (field, key) in single {
        let Some(r) = t.row(key) else { continue };
        match total(r, 7, zero) {
            Reading::Value(v, range, note) => out.push(KeyValue {
                field,
                value: v,
                range,
                from: "table3",
                note: note.map(str::to_owned),
            }),
            Reading::Blank(range) => gaps.push(gap(
                field,
                "table3",
                range,
                format!(
                    "表三“{}”行整行空白，表内看不出空白是否为 0。",
                    r.label.trim()
                ),
            )),
            Reading::Unknown(range) => gaps.push(gap(
                field,
                "table3",
                range,
                format!("表三“{}”行的“总计”无法唯一确定。", r.label.trim()),
            )),
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
        // 2019's single (六)其他处理 row or 2021's three: whichever the table has.
        let present: Vec<&RawRow> = t.rows.iter().filter(|r| keys.contains(&r.key)).collect();
        if present.is_empty() {
            continue;
        }
        // A sum over some of the group's rows is not the group's figure: every row the
        // template gives the group must be there (a table cut short, or rows lost to a page
        // break, leave the field unknown).
        let members = match group_rows(keys, |k| present.iter().any(|r| r.key == k)) {
            Ok(m) => m,
            Err(missing) => {
                let r = present[present.len() - 1];
                gaps.push(gap(
                    field,
                    "table3",
                    r.range.clone(),
                    format!(
                        "表三“{name}”只读到 {} 行，缺 {missing} 行，合计不予给出。",
                        present.len()
                    ),
                ));
                continue;
            }
        };
        let rows: Vec<&RawRow> = present
            .into_iter()
            .filter(|r| members.contains(&r.key))
            .collect();
        let mut sum = 0.0;
        let mut range: Option<Range<usize>> = None;
        let mut blank = false;
        let mut restored = false;
        let mut unknown: Option<(&RawRow, Range<usize>)> = None;
        for r in &rows {
            match total(r, 7, zero) {
                Reading::Value(v, rr, note) => {
                    sum += v;
                    blank |= note == Some("空白单元格按 0 计");
                    restored |= note.is_some() && note != Some("空白单元格按 0 计");
                    range = Some(range.map_or(rr.clone(), |x| span(&x, &rr)));
                }
                Reading::Blank(rr) | Reading::Unknown(rr) => {
                    unknown.get_or_insert((r, rr));
                }
            }
        }
        if let Some((r, rr)) = unknown {
            gaps.push(gap(
                field,
                "table3",
                rr,
                format!(
                    "表三“{name}”中“{}”行的“总计”无法唯一确定，合计不予给出。",
                    r.label.trim()
                ),
            ));
            continue;
        }
        let mut note = if rows.len() > 1 {
            format!("表三“{name}”各项总计之和")
        } else {
            String::new()
        };
        for (flag, words) in [
            (blank, "空白单元格按 0 计"),
            (restored, "部分数字由表内勾稽关系还原"),
        ] {
            if flag {
                if !note.is_empty() {
                    note.push('，');
                }
                note.push_str(words);
            }
        }
        if let Some(range) = range {
            out.push(KeyValue {
                field,
                value: sum,
                range,
                from: "table3",
                note: (!note.is_empty()).then_some(note),
            });
        }
    }
}

fn table4(t: &RawTable, out: &mut Vec<KeyValue>, gaps: &mut Vec<Gap>) {
    if let Some(r) = t.row("undecoded") {
        for field in ["review_total", "litigation_total"] {
            gaps.push(gap(
                field,
                "table4",
                r.range.clone(),
                "表四的数字无法唯一地分到各栏。".to_owned(),
            ));
        }
        return;
    }
    let zero = blanks_are_zero(t, 5);
    let block = |key: &str| t.row(key).map(|r| total(r, 5, zero));
    match block("review") {
        Some(Reading::Value(v, range, note)) => out.push(KeyValue {
            field: "review_total",
            value: v,
            range,
            from: "table4",
            note: note.map(str::to_owned),
        }),
        Some(Reading::Blank(range) | Reading::Unknown(range)) => gaps.push(gap(
            "review_total",
            "table4",
            range,
            "表四“行政复议”的“总计”无法唯一确定。".to_owned(),
        )),
        None => {}
    }
    match (block("litigation_direct"), block("litigation_after_review")) {
        (Some(Reading::Value(a, ra, _)), Some(Reading::Value(b, rb, _))) => out.push(KeyValue {
            field: "litigation_total",
            value: a + b,
            range: span(&ra, &rb),
            from: "table4",
            note: Some(format!(
                "未经复议直接起诉 {} + 复议后起诉 {}",
                fmt_num(a),
                fmt_num(b)
            )),
        }),
        (None, None) => {}
        (a, b) => {
            let range = [a, b]
                .into_iter()
                .flatten()
                .map(|x| match x {
                    Reading::Value(_, r, _) | Reading::Blank(r) | Reading::Unknown(r) => r,
                })
                .reduce(|x, y| span(&x, &y))
                .unwrap_or(0..0);
            gaps.push(gap(
                "litigation_total",
                "table4",
                range,
                "表四“行政诉讼”两栏的“总计”无法都唯一确定。".to_owned(),
            ));
        }
    }
}

/// The unit a money cell is written in (`万元`, `元`), if it says.
fn written_unit(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.ends_with("万元") {
        Some("万元")
    } else if t.ends_with('元') {
        Some("元")
    } else {
        None
    }
}

fn table2(t: &RawTable, out: &mut Vec<KeyValue>, gaps: &mut Vec<Gap>) {
    for r in &t.rows {
        if r.columns.len() != r.cells.len() {
            continue;
        }
        for (col, c) in r.columns.iter().zip(&r.cells) {
            let Some(&(_, _, field)) = T2_KEY
                .iter()
                .find(|(row, name, _)| *row == r.key && name == col)
            else {
                continue;
            };
            if out.iter().any(|k| k.field == field) || gaps.iter().any(|g| g.field == field) {
                continue;
            }
            if !c.status.is_known() {
                gaps.push(gap(
                    field,
                    "table2",
                    c.range.clone(),
                    format!("表二“{}”行“{col}”无法唯一确定。", r.label.trim()),
                ));
                continue;
            }
            let Some(v) = c.value else { continue };
            let mut value = v;
            let mut note = (c.status == CellStatus::Decoded)
                .then(|| "由表内数字还原（只有一种读法）".to_owned());
            if let Some((_, column_unit)) = T2_MONEY_FIELDS.iter().find(|(f, _)| *f == field) {
                match (written_unit(&c.text), column_unit) {
                    (Some("元"), _) => {
                        // 元 → 万元, without the binary fraction's noise.
                        value = (v / 10_000.0 * 1e8).round() / 1e8;
                        note = Some(format!("原文 {} 元，折合万元", fmt_num(v)));
                    }
                    (Some(_), _) | (None, Some(_)) => {}
                    (None, None) => continue,
                }
            }
            out.push(KeyValue {
                field,
                value,
                range: c.range.clone(),
                from: "table2",
                note,
            });
        }
    }
}

fn stats2008(t: &RawTable, out: &mut Vec<KeyValue>, gaps: &mut Vec<Gap>) {
    let cols: Vec<&str> = t.columns.iter().map(String::as_str).collect();
    let year = cols.iter().position(|c| YEAR_COLUMNS.contains(c));
    for (field, key) in T2008_KEY {
        let row = match key {
            // 申请办结数 where the table has it, else the replies.
            "completed" => t.row("completed").or_else(|| t.row("replies")),
            k => t.row(k),
        };
        let Some(r) = row else { continue };
        let cells: Vec<&RawCell> = match year {
            Some(i) if r.cells.len() == cols.len() => r.cells.get(i).into_iter().collect(),
            // 本期实际 | 本年累计: the year's figure only where both say the same.
            None if cols.len() == 2 && r.cells.len() == 2 => r.cells.iter().collect(),
            _ => Vec::new(),
        };
        let known: Option<Vec<f64>> = cells
            .iter()
            .map(|c| c.status.is_known().then_some(c.value).flatten())
            .collect();
        match known {
            Some(v) if !v.is_empty() && v.iter().all(|x| *x == v[0]) => {
                let c = cells[0];
                out.push(KeyValue {
                    field,
                    value: v[0],
                    range: c.range.clone(),
                    from: "table2008",
                    note: (c.status == CellStatus::Decoded)
                        .then(|| "由表内各项之和还原".to_owned()),
                });
            }
            _ => gaps.push(gap(
                field,
                "table2008",
                r.range.clone(),
                format!("统计表“{}”行的本年度数字无法唯一确定。", r.label.trim()),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::find_tables;

    fn keys(text: &str) -> (Vec<KeyValue>, Vec<Gap>) {
        from_tables(&find_tables(text), &[])
    }

    fn get(k: &[KeyValue], f: &str) -> Option<f64> {
        k.iter().find(|k| k.field == f).map(|k| k.value)
    }

    /// Table 3 rows in tab-separated form (the shape of an HTML table): `rows` as label and
    /// seven cells, blanks empty.
    fn tsv(rows: &[(&str, [&str; 7])]) -> String {
        let mut s = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n");
        for (label, cells) in rows {
            s.push_str(label);
            for c in cells {
                s.push('\t');
                s.push_str(c);
            }
            s.push('\n');
        }
        s
    }

    const BLANK: [&str; 7] = ["", "", "", "", "", "", ""];

    #[test]
    fn blank_rows_are_zero_only_where_the_table_shows_it() {
        // A stated total over blank cells (5 + blanks = 5) shows the blanks are zeros.
        let shown = tsv(&[
            (
                "一、本年新收政府信息公开申请数量",
                ["5", "", "", "", "", "", "5"],
            ),
            ("二、上年结转政府信息公开申请数量", BLANK),
            ("(一)予以公开", ["5", "", "", "", "", "", "5"]),
            ("(二)部分公开", BLANK),
            ("(七)总计", ["5", "", "", "", "", "", "5"]),
            ("四、结转下年度继续办理", BLANK),
        ]);
        let (k, gaps) = keys(&shown);
        assert_eq!(get(&k, "requests_carried_over_from_last_year"), Some(0.0));
        assert_eq!(get(&k, "outcome_partially_disclosed"), Some(0.0));
        assert!(gaps.is_empty(), "{gaps:?}");
        // Every row filled or blank, no total stated over blanks: a blank row is not known.
        let unshown = tsv(&[
            (
                "一、本年新收政府信息公开申请数量",
                ["5", "0", "0", "0", "0", "0", "5"],
            ),
            ("二、上年结转政府信息公开申请数量", BLANK),
            ("(一)予以公开", ["5", "0", "0", "0", "0", "0", "5"]),
            ("(二)部分公开", BLANK),
            ("(七)总计", ["5", "0", "0", "0", "0", "0", "5"]),
            ("四、结转下年度继续办理", BLANK),
        ]);
        let (k, gaps) = keys(&unshown);
        assert_eq!(get(&k, "requests_received"), Some(5.0));
        assert_eq!(get(&k, "outcome_partially_disclosed"), None);
        assert!(gaps
            .iter()
            .any(|g| g.field == "outcome_partially_disclosed" && g.why.contains("空白")));
    }

    #[test]
    fn a_blank_total_is_derived_and_the_identities_hold_with_it() {
        let text = tsv(&[
            (
                "一、本年新收政府信息公开申请数量",
                ["3", "1", "", "", "", "", "4"],
            ),
            ("(一)予以公开", ["3", "1", "", "", "", "", ""]),
            ("(七)总计", ["3", "1", "", "", "", "", "4"]),
            ("四、结转下年度继续办理", ["0", "", "", "", "", "", "0"]),
        ]);
        let tables = find_tables(&text);
        let t3 = tables.iter().find(|t| t.id == TableId::Table3).unwrap();
        let c = &t3.row("outcome_disclosed").unwrap().cells[6];
        assert_eq!((c.value, c.status), (Some(4.0), CellStatus::Derived));
        let (k, _) = from_tables(&tables, &[]);
        let kv = k.iter().find(|k| k.field == "outcome_disclosed").unwrap();
        assert_eq!(kv.value, 4.0);
        assert!(kv.note.as_deref().unwrap().contains("相加"));
        assert!(crate::tables::table_checks(&tables)
            .iter()
            .all(|c| c.severity != crate::report::Severity::Error));
    }

    #[test]
    fn a_doubtful_total_is_a_gap_and_no_value() {
        // 110000011: 11|0|0|0|0|0|11 or 1|10|0|0|0|0|11 — the 总计 11 is the same in both.
        let text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 110000011\n二、上年结转政府信息公开申请数量 12345\n四、结转下年度继续办理 0000000\n";
        let (k, gaps) = keys(text);
        assert_eq!(get(&k, "requests_received"), Some(11.0));
        assert_eq!(get(&k, "requests_carried_over_from_last_year"), None);
        assert!(gaps
            .iter()
            .any(|g| g.field == "requests_carried_over_from_last_year"));
    }

    #[test]
    fn a_group_cut_short_gives_no_sum() {
        const ZERO: [&str; 7] = ["0", "0", "0", "0", "0", "0", "0"];
        const OVERDUE: &str =
            "(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        // Table 3 opening with 本年新收 `received` and a zero 予以公开 row, then `rest`.
        let table = |received: [&'static str; 7], rest: &[(&'static str, [&'static str; 7])]| {
            let mut rows = vec![
                ("一、本年新收政府信息公开申请数量", received),
                ("(一)予以公开", ZERO),
            ];
            rows.extend_from_slice(rest);
            tsv(&rows)
        };
        // c08's OCR table: a header row printed again inside (六), the rows after it lost —
        // (六) then shows one of its three 2021 rows, whose 9 is not the group's 159.
        let nine = ["9", "0", "0", "0", "0", "0", "9"];
        let cut = table(
            nine,
            &[("(三)不予公开 1.属于国家秘密", ZERO), (OVERDUE, nine)],
        );
        let (k, gaps) = keys(&cut);
        assert_eq!(get(&k, "outcome_other"), None);
        assert_eq!(get(&k, "outcome_not_disclosed"), None);
        let g = gaps.iter().find(|g| g.field == "outcome_other").unwrap();
        assert!(g.why.contains("缺 2 行"), "{}", g.why);
        // All three rows: their sum.
        let whole = table(
            ["159", "1", "0", "0", "0", "0", "160"],
            &[
                (OVERDUE, nine),
                (
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    ["7", "0", "0", "0", "0", "0", "7"],
                ),
                ("3.其他", ["142", "1", "0", "0", "0", "0", "143"]),
            ],
        );
        assert_eq!(get(&keys(&whole).0, "outcome_other"), Some(159.0));
        // 2019's single row is the whole group.
        let fourteen = ["13", "0", "0", "0", "1", "0", "14"];
        let single = table(fourteen, &[("(六)其他处理", fourteen)]);
        assert_eq!(get(&keys(&single).0, "outcome_other"), Some(14.0));
    }
}
