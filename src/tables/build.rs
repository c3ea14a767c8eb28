//! Building: turns assembled rows into cells with a status — as read, decoded from glued
//! digits, or doubtful — and decides the template and the flattened form of each table.
//!
//! Per row: empty cells beyond the expected count are dropped (merged-cell padding next to
//! the label first, then at the end); the right count gives `ok` cells; fewer cells that are
//! all bare digit runs are glued and go to [`super::glued`]; anything else is `doubtful`,
//! keeping the tokens as read. Table 3 rows with several possible splits are settled by the
//! column identities when exactly one combination of candidates satisfies them.
//! Guarantees: cell ranges are token ranges or sub-ranges of digit runs, so every cell's
//! text is its slice; the cross-row search is capped at [`MAX_COMBINATIONS`].

use super::assemble::{Assembled, PRow, Stats};
use super::cell::{grid_values, is_digit_run};
use super::forms::Tok;
use super::glued::{self, Budget, Decoding, Piece, Rule};
use super::identities::{self, Grid};
use super::{CellStatus, RawCell, RawRow};
use crate::lexicon::tables::{
    self as template, t2_template_from_header, T3_COLUMNS, T4_BLOCKS, T4_COLUMNS,
};
use std::ops::Range;

/// Most combinations of ambiguous table-3 rows tried against the column identities.
const MAX_COMBINATIONS: usize = 1024;
/// Search nodes of the glued-digits budget one combination is charged.
const COMBINATION_COST: u64 = 200;
/// Candidates listed in a note.
const SHOWN: usize = 4;

/// A row's cells as made, before cross-row settling.
enum Made {
    Cells {
        cells: Vec<RawCell>,
        note: Option<String>,
    },
    Ambiguous {
        candidates: Vec<Vec<Piece>>,
        span: Range<usize>,
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
            value: Some(x.value as f64),
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

fn list(cands: &[Vec<Piece>]) -> String {
    let mut s: Vec<String> = cands.iter().take(SHOWN).map(|c| glued::show(c)).collect();
    if cands.len() > SHOWN {
        s.push("……".to_owned());
    }
    s.join("；")
}

/// Makes the cells of one row; `glued` is set when the row's digits were glued.
fn make(
    norm: &str,
    label: &str,
    vals: &[Tok],
    expected: usize,
    rule: Option<Rule>,
    budget: &mut Budget,
    glued: &mut bool,
) -> Made {
    let mut v: Vec<Tok> = vals.to_vec();
    while v.len() > expected && v.first().is_some_and(Tok::is_empty_value) {
        v.remove(0);
    }
    while v.len() > expected && v.last().is_some_and(Tok::is_empty_value) {
        v.pop();
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
    let digits: usize = texts.iter().map(|t| t.len()).sum();
    let is_glued = v.len() < expected
        && !v.is_empty()
        && texts.iter().all(|t| is_digit_run(t))
        && digits >= expected;
    let span = match (v.first(), v.last()) {
        (Some(a), Some(b)) => a.range.start..b.range.end,
        _ => 0..0,
    };
    let shown = norm.get(span.clone()).unwrap_or("");
    if !is_glued {
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
    *glued = true;
    let Some(rule) = rule else {
        return Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行的数字“{shown}”粘连在一起，应为 {expected} 个数，但本表没有可用来拆分的勾稽关系，无法确定。"
            )),
        };
    };
    let ranges: Vec<Range<usize>> = v.iter().map(|t| t.range.clone()).collect();
    let how = match rule {
        Rule::RowTotal => "按“总计 = 六类申请人之和”",
        Rule::Blocks5 => "按“总计 = 维持 + 纠正 + 其他 + 尚未审结”",
    };
    match glued::decode(norm, &ranges, expected, rule, budget) {
        Decoding::Unique(p) => Made::Cells {
            note: Some(format!(
                "“{label}”行的数字“{shown}”粘连在一起，{how}只有一种拆法：{}。",
                glued::show(&p)
            )),
            cells: pieces_to_cells(norm, &p, CellStatus::Decoded),
        },
        Decoding::Many {
            candidates,
            complete: true,
        } => Made::Ambiguous { candidates, span },
        Decoding::Many {
            candidates,
            complete: false,
        } => Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行的数字“{shown}”粘连在一起，{how}可拆分的方式太多（{}），无法确定。",
                list(&candidates)
            )),
        },
        Decoding::NoFit => Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行的数字“{shown}”粘连在一起，{how}没有一种拆法成立，无法确定。"
            )),
        },
        Decoding::TooHard => Made::Cells {
            cells: doubtful_span(norm, span),
            note: Some(format!(
                "“{label}”行的数字“{shown}”粘连在一起，数字太长，未尝试拆分。"
            )),
        },
    }
}

fn row_range(r: &PRow, cells: &[RawCell]) -> Range<usize> {
    let end = cells
        .iter()
        .map(|c| c.range.end)
        .max()
        .unwrap_or(r.label_range.end)
        .max(r.label_range.end);
    r.label_range.start..end
}

/// Builds table 3's rows; returns them, the template and whether digits were glued.
pub(crate) fn table3(
    norm: &str,
    a: &Assembled,
    budget: &mut Budget,
) -> (Vec<RawRow>, Option<&'static str>, bool) {
    let mut glued = false;
    let made: Vec<Made> = a
        .rows
        .iter()
        .map(|r| {
            make(
                norm,
                &r.label,
                &r.vals,
                7,
                Some(Rule::RowTotal),
                budget,
                &mut glued,
            )
        })
        .collect();
    let amb: Vec<usize> = made
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m, Made::Ambiguous { .. }))
        .map(|(i, _)| i)
        .collect();
    // Settle ambiguous rows with the column identities.
    let mut settled: Vec<Option<usize>> = vec![None; made.len()];
    let mut combos_note = String::new();
    if !amb.is_empty() {
        let sizes: Vec<usize> = amb
            .iter()
            .map(|&i| match &made[i] {
                Made::Ambiguous { candidates, .. } => candidates.len(),
                Made::Cells { .. } => 1,
            })
            .collect();
        let total = sizes
            .iter()
            .try_fold(1usize, |acc, &s| {
                acc.checked_mul(s).filter(|&p| p <= MAX_COMBINATIONS)
            })
            // Each combination costs a few hundred lookups: charge the shared budget.
            .filter(|&p| budget.0 >= (p as u64) * COMBINATION_COST);
        if let Some(p) = total {
            budget.0 -= (p as u64) * COMBINATION_COST;
        }
        if let Some(total) = total {
            let mut grid: Grid = a
                .rows
                .iter()
                .zip(&made)
                .map(|(r, m)| {
                    let vals = match m {
                        Made::Cells { cells, .. } => grid_values(cells, 7),
                        Made::Ambiguous { .. } => vec![None; 7],
                    };
                    (r.key, vals)
                })
                .collect();
            let mut fits: Vec<Vec<usize>> = Vec::new();
            for mut n in 0..total {
                let mut choice = Vec::with_capacity(amb.len());
                for (&i, &s) in amb.iter().zip(&sizes) {
                    let c = n % s;
                    n /= s;
                    choice.push(c);
                    if let Made::Ambiguous { candidates, .. } = &made[i] {
                        if let Some(g) = grid.get_mut(i) {
                            g.1 = candidates[c].iter().map(|p| Some(p.value as f64)).collect();
                        }
                    }
                }
                if identities::t3_consistent(&grid) {
                    fits.push(choice);
                    if fits.len() > 1 {
                        break;
                    }
                }
            }
            if fits.len() == 1 {
                for (k, &i) in amb.iter().enumerate() {
                    settled[i] = fits[0].get(k).copied();
                }
            } else if fits.is_empty() {
                combos_note = "；与表内各列的勾稽关系也都不相符".to_owned();
            } else {
                combos_note = "；表内各列的勾稽关系也不能确定是哪一种".to_owned();
            }
        } else {
            combos_note = "；可能的组合太多，未按列核对".to_owned();
        }
    }
    let mut rows = Vec::with_capacity(made.len());
    for ((r, m), pick) in a.rows.iter().zip(made).zip(settled) {
        let (cells, note) = match m {
            Made::Cells { cells, note } => (cells, note),
            Made::Ambiguous { candidates, span } => {
                let shown = norm.get(span.clone()).unwrap_or("");
                match pick.and_then(|k| candidates.get(k)) {
                    Some(p) => (
                        pieces_to_cells(norm, p, CellStatus::Decoded),
                        Some(format!(
                            "“{}”行的数字“{shown}”粘连在一起，按本行合计有 {} 种拆法（{}），按各列勾稽关系（一 + 二 = (七)总计 + 四；(七)总计 = 各办理结果之和）只有 {} 成立。",
                            r.label,
                            candidates.len(),
                            list(&candidates),
                            glued::show(p)
                        )),
                    ),
                    None => (
                        doubtful_span(norm, span),
                        Some(format!(
                            "“{}”行的数字“{shown}”粘连在一起，按本行合计有 {} 种拆法（{}）{combos_note}，无法确定。",
                            r.label,
                            candidates.len(),
                            list(&candidates)
                        )),
                    ),
                }
            }
        };
        rows.push(RawRow {
            label: r.label.clone(),
            key: r.key,
            range: row_range(r, &cells),
            cells,
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
    (rows, template, glued)
}

/// Builds table 2's rows; returns them, the template and whether digits were glued.
pub(crate) fn table2(
    norm: &str,
    a: &Assembled,
    budget: &mut Budget,
) -> (Vec<RawRow>, Option<&'static str>, bool) {
    let mut template = t2_template_from_header(&a.header).or_else(|| {
        a.rows
            .iter()
            .find_map(|r| t2_template_from_header(&template::compact(&r.label)))
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
    let mut glued = false;
    let mut rows = Vec::new();
    for r in &a.rows {
        let expected = template.map_or(0, |t| template::table2_row_columns(t, r.key).len());
        let (cells, note) = if expected == 0 {
            (
                r.vals
                    .iter()
                    .map(|t| cell(norm, t, CellStatus::Ok))
                    .collect(),
                None,
            )
        } else {
            match make(norm, &r.label, &r.vals, expected, None, budget, &mut glued) {
                Made::Cells { cells, note } => (cells, note),
                Made::Ambiguous { span, .. } => (doubtful_span(norm, span), None),
            }
        };
        rows.push(RawRow {
            label: r.label.clone(),
            key: r.key,
            range: row_range(r, &cells),
            cells,
            note,
        });
    }
    (rows, template, glued)
}

/// Builds table 4's three block rows (or one `undecoded` row); returns them and whether
/// digits were glued.
pub(crate) fn table4(norm: &str, a: &Assembled, budget: &mut Budget) -> (Vec<RawRow>, bool) {
    let mut glued = false;
    let label = "行政复议、行政诉讼";
    let (cells, note) = match make(
        norm,
        label,
        &a.values,
        15,
        Some(Rule::Blocks5),
        budget,
        &mut glued,
    ) {
        Made::Cells { cells, note } => (cells, note),
        Made::Ambiguous { candidates, span } => {
            let shown = norm.get(span.clone()).unwrap_or("").to_owned();
            (
                doubtful_span(norm, span),
                Some(format!(
                    "表四的数字“{shown}”粘连在一起，按各栏“总计 = 维持 + 纠正 + 其他 + 尚未审结”有 {} 种拆法（{}），无法确定。",
                    candidates.len(),
                    list(&candidates)
                )),
            )
        }
    };
    if cells.len() == 15 && cells.iter().all(|c| c.status != CellStatus::Doubtful) {
        let mut rows = Vec::new();
        for (b, (key, lab)) in T4_BLOCKS.iter().enumerate() {
            let cs: Vec<RawCell> = cells
                .get(b * 5..b * 5 + 5)
                .map(|s| s.to_vec())
                .unwrap_or_default();
            let range = match (cs.first(), cs.last()) {
                (Some(x), Some(y)) => x.range.start..y.range.end,
                _ => 0..0,
            };
            rows.push(RawRow {
                label: (*lab).to_owned(),
                key,
                cells: cs,
                range,
                note: note.clone(),
            });
        }
        return (rows, glued);
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
            range,
            note,
        }],
        glued,
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
    };
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// The flattened form of a table.
pub(crate) fn form(stats: &Stats, glued: bool) -> &'static str {
    if glued {
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
