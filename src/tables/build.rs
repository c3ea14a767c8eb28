//! Building: turns assembled rows into cells with a status — as read, restored by the
//! table's arithmetic, derived, or doubtful — and decides the template and the flattened
//! form of each table.
//!
//! Per row: empty cells beyond the expected count are dropped (merged-cell padding next to
//! the label first, then at the end); the right count gives `ok` cells. Otherwise the row is
//! read by [`super::decode`] in the one way its flattening allows — fewer tokens than cells:
//! merged repeats when the text never repeats a line (a crawler's collapse), else glued
//! digits; more tokens than cells: digits broken over lines, in a table of one cell per line
//! — and anything else is `doubtful`, keeping the tokens as read.
//!
//! Rows with several readings are then settled by the table's identities: every combination
//! of readings is tried against them and only readings that take part in a consistent
//! combination stay. A cell whose value is the same in every reading left is known
//! (`decoded`); the others are `doubtful` with no value, and the row's note lists the
//! readings. A blank 总计 cell of a row whose other cells are all known is `derived` from
//! them.
//! Guarantees: cell ranges are token ranges, sub-ranges of digit runs or runs of whole tokens,
//! so every cell's text is its slice; the cross-row search is capped at [`MAX_COMBINATIONS`].

use super::assemble::{Assembled, PRow, Stats};
use super::cell::{fmt_num, grid_values, is_digit_run};
use super::decode::{self, Budget, Decoding, Op, Piece, Rule};
use super::forms::Tok;
use super::identities::{self, Grid};
use super::{CellStatus, RawCell, RawRow};
use crate::lexicon::tables::{
    self as template, t2_columns_from_header, t2_template_from_header, T3_COLUMNS, T4_BLOCKS,
    T4_COLUMNS,
};
use std::ops::Range;

/// Most combinations of ambiguous rows tried against the identities.
const MAX_COMBINATIONS: usize = 4096;
/// Search nodes of the budget one combination is charged.
const COMBINATION_COST: u64 = 50;
/// Readings listed in a note.
const SHOWN: usize = 4;

/// How a table's rows were flattened: which readings the decoder may try.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Flattening {
    /// One cell per line: a row with too many tokens may hold digits broken over lines.
    pub cell_per_line: bool,
    /// The text never repeats a line: a row with too few tokens (one cell per line) may hold
    /// merged repeats.
    pub merged_repeats: bool,
}

/// A row's cells as made, before cross-row settling.
pub(crate) enum Made {
    Cells {
        cells: Vec<RawCell>,
        note: Option<String>,
    },
    Ambiguous {
        candidates: Vec<Vec<Piece>>,
        span: Range<usize>,
        how: String,
    },
}

fn cell(norm: &str, t: &Tok, status: CellStatus) -> RawCell {
    RawCell {
        value: t.value.and_then(|v| v.number()),
        text: norm.get(t.range.clone()).unwrap_or("").to_owned(),
        range: t.range.clone(),
        status,
    }
}

fn pieces_to_cells(norm: &str, p: &[Piece], status: CellStatus) -> Vec<RawCell> {
    p.iter()
        .map(|x| RawCell {
            value: Some(x.value),
            text: norm.get(x.range.clone()).unwrap_or("").to_owned(),
            range: x.range.clone(),
            status,
        })
        .collect()
}

fn doubtful_span(norm: &str, span: Range<usize>) -> Vec<RawCell> {
    vec![RawCell {
        value: None,
        text: norm.get(span.clone()).unwrap_or("").to_owned(),
        range: span,
        status: CellStatus::Doubtful,
    }]
}

fn list(cands: &[&Vec<Piece>]) -> String {
    let mut s: Vec<String> = cands.iter().take(SHOWN).map(|c| decode::show(c)).collect();
    if cands.len() > SHOWN {
        s.push("……".to_owned());
    }
    s.join("；")
}

/// What happened to a row's digits, for notes.
fn damage(op: Op) -> &'static str {
    match op {
        Op::Split => "粘连在一起",
        Op::Join => "被换行拆开",
        Op::Collapse => "中相邻的相同数字被合并（原文重复的行被去掉）",
    }
}

fn rule_words(rule: Rule) -> &'static str {
    match rule {
        Rule::RowTotal => "按“总计 = 六类申请人之和”",
        Rule::Blocks5 => "按“总计 = 维持 + 纠正 + 其他 + 尚未审结”",
        Rule::UpTo => "按“本年度不超过累计”",
        Rule::None => "",
    }
}

/// What a row must be: its number of cells and the arithmetic it satisfies (none for table 2).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Expect {
    pub cells: usize,
    pub rule: Option<Rule>,
}

/// Makes the cells of one row; `restored` is set when its digits had to be decoded.
pub(crate) fn make(
    norm: &str,
    label: &str,
    vals: &[Tok],
    expect: Expect,
    flat: Flattening,
    budget: &mut Budget,
    restored: &mut Option<Op>,
) -> Made {
    let Expect {
        cells: expected,
        rule,
    } = expect;
    let mut v: Vec<Tok> = vals.to_vec();
    while v.len() > expected && v.first().is_some_and(Tok::is_empty_value) {
        v.remove(0);
    }
    while v.len() > expected && v.last().is_some_and(Tok::is_empty_value) {
        v.pop();
    }
    // Still too many with exactly the expected number filled: the empty ones are the places a
    // spanned cell covers (an HTML colspan), not blank cells.
    if v.len() > expected && v.iter().filter(|t| !t.is_empty_value()).count() == expected {
        v.retain(|t| !t.is_empty_value());
    }
    if v.len() == expected {
        return Made::Cells {
            cells: v.iter().map(|t| cell(norm, t, CellStatus::Ok)).collect(),
            note: None,
        };
    }
    let texts: Vec<&str> = v
        .iter()
        .map(|t| norm.get(t.range.clone()).unwrap_or(""))
        .collect();
    let all_digits = !v.is_empty() && texts.iter().all(|t| is_digit_run(t));
    let all_numbers = !v.is_empty() && v.iter().all(|t| t.value.and_then(|x| x.number()).is_some());
    let digits: usize = texts.iter().map(|t| t.len()).sum();
    // Each token alone on its line (vacuous for one token).
    let own_lines = v.windows(2).all(|w| {
        norm.get(w[0].range.end..w[1].range.start)
            .is_some_and(|g| g.contains('\n'))
    });
    // The readings this flattening allows, tried in turn.
    let mut ops: Vec<Op> = Vec::new();
    if v.len() < expected {
        if flat.cell_per_line && flat.merged_repeats && all_numbers && own_lines {
            ops.push(Op::Collapse);
        }
        if all_digits && digits >= expected && !(flat.cell_per_line && v.len() > 1) {
            ops.push(Op::Split);
        }
    } else if flat.cell_per_line && all_digits && own_lines {
        ops.push(Op::Join);
    }
    let span = match (v.first(), v.last()) {
        (Some(a), Some(b)) => a.range.start..b.range.end,
        _ => 0..0,
    };
    let shown = norm.get(span.clone()).unwrap_or("").replace('\n', " ");
    if ops.is_empty() && v.len() > 2 * expected {
        // Far too many numbers for the row: one doubtful span, not a cell per number.
        return Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行应有 {expected} 个数，实际读到 {} 个，无法确定各数所在的列。",
                v.len()
            )),
        };
    }
    if ops.is_empty() {
        let read: Vec<&str> = texts
            .iter()
            .map(|t| if t.is_empty() { "(空)" } else { t })
            .collect();
        return Made::Cells {
            cells: v
                .iter()
                .map(|t| cell(norm, t, CellStatus::Doubtful))
                .collect(),
            note: Some(format!(
                "“{label}”行应有 {expected} 个数，实际读到 {} 个（{}），无法确定各数所在的列。",
                v.len(),
                read.join("、")
            )),
        };
    }
    // Without arithmetic of its own a row may still have one reading only (`000` is 0|0|0);
    // merged repeats are never assumed without a sum to confirm them.
    let rule = rule.unwrap_or(Rule::None);
    if rule == Rule::None {
        ops.retain(|&op| op != Op::Collapse);
        if ops.is_empty() {
            return Made::Cells {
                cells: v
                    .iter()
                    .map(|t| cell(norm, t, CellStatus::Doubtful))
                    .collect(),
                note: Some(format!(
                    "“{label}”行应有 {expected} 个数，实际读到 {} 个（{shown}），本表没有可用来还原的勾稽关系，无法确定各数所在的列。",
                    v.len()
                )),
            };
        }
    }
    let ranges: Vec<Range<usize>> = v.iter().map(|t| t.range.clone()).collect();
    let how = rule_words(rule);
    let mut result = (ops[0], Decoding::NoFit);
    for &op in &ops {
        let d = decode::decode(norm, &ranges, expected, op, rule, budget);
        let fits = d != Decoding::NoFit;
        result = (op, d);
        if fits {
            break;
        }
    }
    let (op, decoding) = result;
    if *restored != Some(Op::Split) {
        *restored = Some(op);
    }
    let what = damage(op);
    match decoding {
        Decoding::Unique(p) => Made::Cells {
            note: Some(format!(
                "“{label}”行的数字“{shown}”{what}，{how}只有一种读法：{}。",
                decode::show(&p)
            )),
            cells: pieces_to_cells(norm, &p, CellStatus::Decoded),
        },
        Decoding::Many {
            candidates,
            complete: true,
        } => Made::Ambiguous {
            candidates,
            span,
            how: format!("“{label}”行的数字“{shown}”{what}，{how}"),
        },
        Decoding::Many {
            candidates,
            complete: false,
        } => Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行的数字“{shown}”{what}，{how}可能的读法太多（{}），无法确定。",
                list(&candidates.iter().collect::<Vec<_>>())
            )),
        },
        Decoding::NoFit => Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行的数字“{shown}”{what}，{how}没有一种读法成立，无法确定。"
            )),
        },
        Decoding::TooHard => Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行的数字“{shown}”{what}，数字太长，未尝试还原。"
            )),
        },
    }
}

/// The cells of a row read in several ways: a cell with the same value in every reading is
/// known, the others are doubtful (their range covers every reading's place for them).
fn agreed_cells(norm: &str, readings: &[&Vec<Piece>]) -> Vec<RawCell> {
    let Some(first) = readings.first() else {
        return Vec::new();
    };
    (0..first.len())
        .map(|i| {
            let same = readings
                .iter()
                .all(|r| r.get(i).map(|p| p.value) == Some(first[i].value));
            if same {
                RawCell {
                    value: Some(first[i].value),
                    text: norm.get(first[i].range.clone()).unwrap_or("").to_owned(),
                    range: first[i].range.clone(),
                    status: CellStatus::Decoded,
                }
            } else {
                let start = readings
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|p| p.range.start)
                    .min();
                let end = readings
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|p| p.range.end)
                    .max();
                let range = start.unwrap_or(0)..end.unwrap_or(0);
                RawCell {
                    value: None,
                    text: norm.get(range.clone()).unwrap_or("").to_owned(),
                    range,
                    status: CellStatus::Doubtful,
                }
            }
        })
        .collect()
}

/// Settles the rows' readings against the table's identities (`consistent` on a grid of
/// `n` columns) and returns every row's cells and note.
pub(crate) fn settle(
    norm: &str,
    rows: Vec<(&'static str, String, Made)>,
    n: usize,
    consistent: &dyn Fn(&Grid) -> bool,
    identity_words: &str,
    budget: &mut Budget,
) -> Vec<(Vec<RawCell>, Option<String>)> {
    let amb: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.2, Made::Ambiguous { .. }))
        .map(|(i, _)| i)
        .collect();
    let sizes: Vec<usize> = amb
        .iter()
        .map(|&i| match &rows[i].2 {
            Made::Ambiguous { candidates, .. } => candidates.len(),
            Made::Cells { .. } => 1,
        })
        .collect();
    // kept[k][c]: reading c of ambiguous row k takes part in a consistent combination.
    let mut kept: Vec<Vec<bool>> = sizes.iter().map(|&s| vec![false; s]).collect();
    let mut outcome = "";
    if !amb.is_empty() {
        let total = sizes
            .iter()
            .try_fold(1usize, |acc, &s| {
                acc.checked_mul(s).filter(|&p| p <= MAX_COMBINATIONS)
            })
            .filter(|&p| budget.take(p as u64 * COMBINATION_COST));
        match total {
            Some(total) => {
                let mut grid: Grid = rows
                    .iter()
                    .map(|(key, _, m)| {
                        let vals = match m {
                            Made::Cells { cells, .. } => grid_values(cells, n),
                            Made::Ambiguous { .. } => vec![None; n],
                        };
                        (*key, vals)
                    })
                    .collect();
                let mut any = false;
                for mut code in 0..total {
                    let mut choice = Vec::with_capacity(amb.len());
                    for (&i, &s) in amb.iter().zip(&sizes) {
                        let c = code % s;
                        code /= s;
                        choice.push(c);
                        if let Made::Ambiguous { candidates, .. } = &rows[i].2 {
                            grid[i].1 = candidates[c].iter().map(|p| Some(p.value)).collect();
                        }
                    }
                    if consistent(&grid) {
                        any = true;
                        for (k, &c) in choice.iter().enumerate() {
                            kept[k][c] = true;
                        }
                    }
                }
                if !any {
                    // The identities fail whatever the reading: they cannot choose.
                    kept.iter_mut()
                        .for_each(|k| k.iter_mut().for_each(|x| *x = true));
                    outcome = "；与表内各列的勾稽关系也都不相符";
                } else {
                    outcome = "consistent";
                }
            }
            None => {
                kept.iter_mut()
                    .for_each(|k| k.iter_mut().for_each(|x| *x = true));
                outcome = "；可能的组合太多，未按列核对";
            }
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for (i, (_, label, m)) in rows.into_iter().enumerate() {
        match m {
            Made::Cells { cells, note } => out.push((cells, note)),
            Made::Ambiguous {
                candidates,
                span,
                how,
            } => {
                let k = amb.iter().position(|&a| a == i).unwrap_or(0);
                let left: Vec<&Vec<Piece>> = candidates
                    .iter()
                    .zip(kept.get(k).map(Vec::as_slice).unwrap_or(&[]))
                    .filter(|(_, &keep)| keep)
                    .map(|(c, _)| c)
                    .collect();
                let all: Vec<&Vec<Piece>> = candidates.iter().collect();
                let by_columns = outcome == "consistent";
                let _ = &label;
                if left.len() == 1 {
                    out.push((
                        pieces_to_cells(norm, left[0], CellStatus::Decoded),
                        Some(format!(
                            "{how}有 {} 种读法（{}），按{identity_words}只有 {} 成立。",
                            all.len(),
                            list(&all),
                            decode::show(left[0])
                        )),
                    ));
                } else if left.is_empty() {
                    out.push((doubtful_span(norm, span), None));
                } else {
                    let cells = agreed_cells(norm, &left);
                    let known: Vec<String> = cells
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.status == CellStatus::Decoded)
                        .map(|(j, c)| {
                            format!("第 {} 格 {}", j + 1, c.value.map_or(String::new(), fmt_num))
                        })
                        .collect();
                    let tail = if by_columns && !identity_words.is_empty() {
                        format!("，按{identity_words}仍有 {} 种成立", left.len())
                    } else if by_columns {
                        String::new()
                    } else {
                        outcome.to_owned()
                    };
                    let agree = if known.is_empty() {
                        String::new()
                    } else {
                        format!("；各读法相同的只有{}", known.join("、"))
                    };
                    out.push((
                        cells,
                        Some(format!(
                            "{how}有 {} 种读法（{}）{tail}{agree}，其余无法确定。",
                            all.len(),
                            list(&all)
                        )),
                    ));
                }
            }
        }
    }
    out
}

/// A blank total (the last cell) of a row whose other cells are all known and not all blank
/// becomes their sum, `derived`.
fn derive_total(cells: &mut [RawCell]) -> bool {
    let Some((total, parts)) = cells.split_last_mut() else {
        return false;
    };
    let blank = total.value.is_none() && total.status == CellStatus::Ok;
    if !blank || parts.iter().any(|c| !c.status.is_known()) {
        return false;
    }
    if parts.iter().all(|c| c.value.is_none()) {
        return false;
    }
    total.value = Some(parts.iter().filter_map(|c| c.value).sum());
    total.status = CellStatus::Derived;
    true
}

const DERIVED_NOTE: &str = "“总计”格为空，按本行各格之和计（空格按 0 计）。";

fn row_range(r: &PRow, cells: &[RawCell]) -> Range<usize> {
    let end = cells
        .iter()
        .map(|c| c.range.end)
        .max()
        .unwrap_or(r.label_range.end)
        .max(r.label_range.end);
    r.label_range.start..end
}

fn add_note(note: &mut Option<String>, extra: &str) {
    match note {
        Some(n) => n.push_str(extra),
        None => *note = Some(extra.to_owned()),
    }
}

/// Builds table 3's rows; returns them, the template and how digits were restored.
pub(crate) fn table3(
    norm: &str,
    a: &Assembled,
    flat: Flattening,
    budget: &mut Budget,
) -> (Vec<RawRow>, Option<&'static str>, Option<Op>) {
    let mut restored = None;
    let made: Vec<(&'static str, String, Made)> = a
        .rows
        .iter()
        .map(|r| {
            (
                r.key,
                r.label.clone(),
                make(
                    norm,
                    &r.label,
                    &r.vals,
                    Expect {
                        cells: 7,
                        rule: Some(Rule::RowTotal),
                    },
                    flat,
                    budget,
                    &mut restored,
                ),
            )
        })
        .collect();
    let settled = settle(
        norm,
        made,
        7,
        &identities::t3_consistent,
        "各列勾稽关系（一 + 二 = (七)总计 + 四；(七)总计 = 各办理结果之和）",
        budget,
    );
    let mut rows = Vec::with_capacity(settled.len());
    for (r, (mut cells, mut note)) in a.rows.iter().zip(settled) {
        if cells.len() == 7 && derive_total(&mut cells) {
            add_note(&mut note, DERIVED_NOTE);
        }
        rows.push(RawRow {
            label: r.label.clone(),
            key: r.key,
            range: row_range(r, &cells),
            cells,
            columns: Vec::new(),
            note,
        });
    }
    let template = if rows
        .iter()
        .any(|r| template::T3_OTHER_2021.contains(&r.key))
    {
        Some("2021")
    } else if rows.iter().any(|r| r.key == "outcome_other") {
        Some("2019")
    } else {
        None
    };
    (rows, template, restored)
}

/// Builds table 2's rows; returns them, the template and how digits were restored.
pub(crate) fn table2(
    norm: &str,
    a: &Assembled,
    flat: Flattening,
    budget: &mut Budget,
) -> (Vec<RawRow>, Option<&'static str>, Option<Op>) {
    let mut template = t2_template_from_header(&a.header).or_else(|| {
        a.rows
            .iter()
            .find_map(|r| t2_template_from_header(&template::compact(&r.label)))
            .or_else(|| {
                a.rows
                    .iter()
                    .find_map(|r| t2_template_from_header(&r.block_header))
            })
    });
    if template.is_none() {
        // 行政许可 has one number in 2021 and three in 2019.
        template = a
            .rows
            .iter()
            .find(|r| r.key == "licensing")
            .and_then(|r| match r.vals.len() {
                1 => Some("2021"),
                3 => Some("2019"),
                _ => None,
            });
    }
    let mut restored = None;
    let mut rows = Vec::new();
    for r in &a.rows {
        // The block's own header names the columns; the template's when it does not.
        let from_header = t2_columns_from_header(&r.block_header);
        let columns: Vec<&'static str> = if !from_header.is_empty() {
            from_header
        } else {
            template.map_or(Vec::new(), |t| {
                template::table2_row_columns(t, r.key).to_vec()
            })
        };
        let expected = columns.len();
        let (cells, note) = if expected == 0 {
            (
                r.vals
                    .iter()
                    .map(|t| cell(norm, t, CellStatus::Ok))
                    .collect(),
                None,
            )
        } else {
            let made = make(
                norm,
                &r.label,
                &r.vals,
                Expect {
                    cells: expected,
                    rule: None,
                },
                flat,
                budget,
                &mut restored,
            );
            // No identities across table 2's rows: what all readings share is known.
            settle(
                norm,
                vec![(r.key, r.label.clone(), made)],
                expected,
                &|_| true,
                "",
                budget,
            )
            .pop()
            .unwrap_or_default()
        };
        rows.push(RawRow {
            label: r.label.clone(),
            key: r.key,
            range: row_range(r, &cells),
            columns: if cells.len() == columns.len() {
                columns
            } else {
                Vec::new()
            },
            cells,
            note,
        });
    }
    (rows, template, restored)
}

/// Builds table 4's three block rows (or one `undecoded` row); returns them and how digits
/// were restored.
pub(crate) fn table4(
    norm: &str,
    a: &Assembled,
    flat: Flattening,
    budget: &mut Budget,
) -> (Vec<RawRow>, Option<Op>) {
    let mut restored = None;
    let label = "行政复议、行政诉讼";
    let made = make(
        norm,
        label,
        &a.values,
        Expect {
            cells: 15,
            rule: Some(Rule::Blocks5),
        },
        flat,
        budget,
        &mut restored,
    );
    let (cells, note) = settle(
        norm,
        vec![("table4", label.to_owned(), made)],
        15,
        &|_| true,
        "",
        budget,
    )
    .pop()
    .unwrap_or_default();
    if cells.len() == 15 {
        // The blocks in the order the text names them (template order unless it says).
        let order = a.block_order.unwrap_or([0, 1, 2]);
        let mut rows = Vec::new();
        for (b, &slot) in order.iter().enumerate() {
            let (key, lab) = T4_BLOCKS[slot];
            let mut cs: Vec<RawCell> = cells
                .get(b * 5..b * 5 + 5)
                .map(|s| s.to_vec())
                .unwrap_or_default();
            let mut note = note.clone();
            if derive_total(&mut cs) {
                add_note(&mut note, DERIVED_NOTE);
            }
            let range = match (cs.first(), cs.last()) {
                (Some(x), Some(y)) => {
                    x.range.start.min(y.range.start)..x.range.end.max(y.range.end)
                }
                _ => 0..0,
            };
            rows.push(RawRow {
                label: lab.to_owned(),
                key,
                cells: cs,
                columns: Vec::new(),
                range,
                note,
            });
        }
        rows.sort_by_key(|r| T4_BLOCKS.iter().position(|b| b.0 == r.key));
        return (rows, restored);
    }
    let range = match (cells.first(), cells.last()) {
        (Some(x), Some(y)) => x.range.start..y.range.end,
        _ => a.start..a.end,
    };
    (
        vec![RawRow {
            label: label.to_owned(),
            key: "undecoded",
            cells,
            columns: Vec::new(),
            range,
            note,
        }],
        restored,
    )
}

/// Column names.
pub(crate) fn columns(id: super::TableId, template: Option<&str>) -> Vec<String> {
    let v: &[&str] = match id {
        super::TableId::Table3 => &T3_COLUMNS,
        super::TableId::Table4 => &T4_COLUMNS,
        super::TableId::Table2 => {
            template.map_or(&[][..], |t| template::table2_row_columns(t, "rules"))
        }
        super::TableId::Stats2008 => &[],
    };
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// The flattened form of a table.
pub(crate) fn form(stats: &Stats, restored: Option<Op>) -> &'static str {
    if restored == Some(Op::Split) {
        "glued"
    } else if stats.md_rule > 0 {
        "markdown"
    } else if stats.tab >= 2 {
        "tsv"
    } else if stats.pipe >= 2 {
        "pipe"
    } else if stats.multi_value > 0 {
        "spaces"
    } else {
        "cell_per_line"
    }
}

/// True when a table's lines put one cell on a line.
pub(crate) fn is_cell_per_line(stats: &Stats) -> bool {
    stats.tab == 0 && stats.pipe == 0 && stats.multi_value == 0 && stats.single_value > 0
}
