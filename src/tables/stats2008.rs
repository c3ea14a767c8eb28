//! The statistics table of 2008-regulation reports (附表 / 政府信息公开情况统计表): rows named
//! by their labels (`受理依申请公开信息总数`, `其中：1.当面申请数`, `对申请的答复数`,
//! `同意公开答复数`, `行政复议数` …, see [`T2008_ROWS`]), each followed by a unit and one or
//! two numbers (本年度 | 历年累计, 本期实际 | 本年累计, or one 统计数).
//!
//! The table is read by its labels wherever they stand — one per line, or all in one line
//! with no separator at all (`…总数条2121其中：1.当面申请数条1818 2.传真…`): a row's cells are
//! the numbers between its label and the next label, after its unit, without the next
//! label's numbering (`…条179533042.政府公报公开` keeps `17953304`). Glued pairs are read by
//! [`super::decode`] (a year is within its running total) and settled by the table's sums
//! (a row = its exhaustive parts, in every column); what stays ambiguous is `doubtful`.
//!
//! Guarantees: a table needs three request rows with numbers and no sentence between its
//! labels; the look-up is one bounded window per candidate, so the whole is linear; every
//! range is a byte range of the text and slices to its cell.

use super::build::{self, Made};
use super::decode::{Budget, Op, Rule};
use super::forms::Tok;
use super::identities::{Grid, UNREAD};
use super::{RawRow, RawTable, TableId};
use crate::lexicon::tables::{compact, Row2008, T2008_ROWS, T2008_UNITS};
use std::ops::Range;

/// Bytes looked at before a table's first label for its header.
const HEADER_BACK: usize = 400;
/// Bytes after an anchor searched for the table's labels.
const WINDOW: usize = 6000;
/// Rows of the request part a table must have.
const MIN_REQUEST_ROWS: usize = 3;

/// A label found in the text.
#[derive(Debug, Clone)]
struct Hit {
    range: Range<usize>,
    row: &'static Row2008,
}

/// Every label in `norm[from..to]`, longest first where two overlap, in text order.
fn hits(norm: &str, from: usize, to: usize) -> Vec<Hit> {
    let Some(window) = norm.get(from..to) else {
        return Vec::new();
    };
    let mut all: Vec<Hit> = Vec::new();
    for row in &T2008_ROWS {
        for w in row.words {
            for (at, _) in window.match_indices(w) {
                all.push(Hit {
                    range: from + at..from + at + w.len(),
                    row,
                });
            }
        }
    }
    all.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.len())));
    let mut out: Vec<Hit> = Vec::new();
    for h in all {
        match out.last() {
            Some(last) if h.range.start < last.range.end => {
                // Overlap: keep the longer one.
                if h.range.len() > last.range.len() {
                    out.pop();
                    out.push(h);
                }
            }
            _ => out.push(h),
        }
    }
    out
}

/// A candidate anchor: the start of a request row label.
fn anchors(norm: &str) -> Vec<usize> {
    // Every label ends in 数: one search for it, the label read backwards from there.
    const LABELS: [&str; 5] = [
        "申请总数",
        "收到申请数",
        "依申请公开信息总数",
        "答复数",
        "答复总数",
    ];
    let mut out = Vec::new();
    for (at, _) in norm.match_indices('数') {
        let end = at + '数'.len_utf8();
        for w in LABELS {
            if norm[..end].ends_with(w) {
                out.push(end - w.len());
            }
        }
    }
    out.sort_unstable();
    out
}

/// The numbering of the next label at the end of `s` (`2.`, `2、`, `(二)`, `其中:`), and
/// the white space around it: the length of `s` without it.
fn without_next_numbering(s: &str) -> usize {
    let mut t = s.trim_end();
    for _ in 0..2 {
        if let Some(x) = t.strip_suffix(['.', '、', '．']) {
            // One numeral: items are numbered 1–9 (一–十).
            let mut cs = x.chars();
            match cs.next_back() {
                Some(c) if c.is_ascii_digit() || crate::scan::chars::is_cn_numeral(c) => {
                    t = cs.as_str()
                }
                _ => {}
            }
        } else if let Some(x) = t.strip_suffix(')') {
            if let Some(p) = x.rfind('(') {
                let inner = &x[p + 1..];
                if !inner.is_empty()
                    && inner
                        .chars()
                        .all(|c| c.is_ascii_digit() || crate::scan::chars::is_cn_numeral(c))
                {
                    t = &x[..p];
                }
            }
        }
        t = t.trim_end();
        for p in ["其中:", "其中", ":"] {
            if let Some(x) = t.strip_suffix(p) {
                t = x.trim_end();
            }
        }
    }
    t.len()
}

/// The value tokens of a row: after separators, the unit and (with a 代码 column) the row's
/// code, the runs of digits up to the first other character. Also whether anything but
/// white space follows them (another, unknown row).
fn value_tokens(norm: &str, r: Range<usize>, code_column: bool) -> (Vec<Tok>, bool) {
    let s = norm.get(r.clone()).unwrap_or("");
    let sep = |c: char| c.is_whitespace() || matches!(c, '|' | ':' | '\t');
    let mut i = s.len() - s.trim_start_matches(sep).len();
    if let Some(u) = T2008_UNITS.iter().find(|u| s[i..].starts_with(*u)) {
        i += u.len();
    }
    let mut toks: Vec<Tok> = Vec::new();
    let mut code_seen = !code_column;
    loop {
        let rest = &s[i..];
        let skip = rest.len() - rest.trim_start_matches(sep).len();
        i += skip;
        let rest = &s[i..];
        let n = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
            .count();
        if n == 0 {
            break;
        }
        let tr = r.start + i..r.start + i + n;
        i += n;
        if !code_seen {
            code_seen = true;
            continue;
        }
        let text = norm.get(tr.clone()).unwrap_or("");
        toks.push(Tok {
            range: tr,
            value: super::cell::parse_cell(text),
        });
    }
    let trailing = !s[i..].trim().is_empty();
    (toks, trailing)
}

/// The columns a header names (the year's is one of [`YEAR_COLUMNS`]; 本期实际 | 本年累计, or
/// two columns of other names, leave it open).
fn header_columns(h: &str) -> Vec<&'static str> {
    let h = compact(h);
    if h.contains("历年累计") {
        return vec!["本年度", "历年累计"];
    }
    if h.contains("本期") && h.contains("本年累计") {
        return vec!["本期实际", "本年累计"];
    }
    // How many number columns the header names.
    let mut names = 0;
    let mut rest = h.as_str();
    while let Some(p) = ["年度", "本期", "累计", "统计数", "数量"]
        .iter()
        .filter_map(|w| rest.find(w).map(|p| (p, w.len())))
        .min()
    {
        names += 1;
        rest = &rest[p.0 + p.1..];
    }
    match names {
        0 => Vec::new(),
        1 => vec!["统计数"],
        // 2012年度 | 2011年度 and the like: two columns, neither known to be the year's.
        _ => vec!["第一列", "第二列"],
    }
}

/// Column names that hold the year's figure.
pub const YEAR_COLUMNS: [&str; 2] = ["本年度", "统计数"];

/// Finds the 2008 统计表 of a text, outside the ranges of tables already found.
pub(crate) fn find(norm: &str, taken: &[Range<usize>], budget: &mut Budget) -> Vec<RawTable> {
    let mut out: Vec<RawTable> = Vec::new();
    let mut floor = 0;
    // Anchors this close after one that gave no table were in its window already: the text
    // is looked at a bounded number of times whatever it repeats.
    let mut skip_to = 0;
    for at in anchors(norm) {
        if at < floor || at < skip_to || taken.iter().any(|t| t.contains(&at)) {
            continue;
        }
        let from = floor_char(norm, at.saturating_sub(WINDOW / 2).max(floor));
        let to = floor_char(norm, (at + WINDOW).min(norm.len()));
        match read(norm, from, to, taken, budget) {
            Some(t) => {
                floor = t.range.end;
                out.push(t);
            }
            None => skip_to = at + WINDOW / 4,
        }
    }
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads the table whose labels stand in `norm[from..to]`.
fn read(
    norm: &str,
    from: usize,
    to: usize,
    taken: &[Range<usize>],
    budget: &mut Budget,
) -> Option<RawTable> {
    let all = hits(norm, from, to);
    // The run of labels with no sentence between them and numbers after them.
    let mut runs: Vec<Vec<Hit>> = Vec::new();
    for h in all {
        if taken.iter().any(|t| t.contains(&h.range.start)) {
            continue;
        }
        let joins = runs
            .last()
            .and_then(|r| r.last())
            .is_some_and(|prev: &Hit| {
                let gap = norm.get(prev.range.end..h.range.start).unwrap_or("");
                // A table has no sentence between its labels.
                !gap.contains(['。', ',', ';', '!', '?']) && gap.chars().count() <= 80
            });
        if joins {
            if let Some(r) = runs.last_mut() {
                r.push(h);
            }
        } else {
            runs.push(vec![h]);
        }
    }
    let run = runs.into_iter().find(|r| {
        let mut keys: Vec<&str> = r
            .iter()
            .filter(|h| {
                h.row.key.starts_with("requests")
                    || h.row.key.starts_with("replies")
                    || matches!(h.row.key, "review" | "litigation" | "completed")
            })
            .map(|h| h.row.key)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len() >= MIN_REQUEST_ROWS
    })?;
    let first = run.first()?.range.start;
    let header_from = floor_char(norm, first.saturating_sub(HEADER_BACK));
    let header_text = norm.get(header_from..first).unwrap_or("");
    // The header is the text after the last sentence before the first label.
    let header_text = header_text.rsplit('。').next().unwrap_or("");
    let code_column = compact(header_text).contains("代码");
    let columns = header_columns(header_text);
    // Each row's value text runs to the next label (without its numbering).
    let mut raw: Vec<(&Hit, Vec<Tok>, bool)> = Vec::new();
    for (i, h) in run.iter().enumerate() {
        let end = match run.get(i + 1) {
            Some(next) => {
                let gap = norm.get(h.range.end..next.range.start).unwrap_or("");
                h.range.end + without_next_numbering(gap)
            }
            None => {
                let rest = norm.get(h.range.end..).unwrap_or("");
                h.range.end + rest.find(['\n', '。']).unwrap_or(rest.len()).min(200)
            }
        };
        let end = floor_char(norm, end.max(h.range.end));
        let (toks, trailing) = value_tokens(norm, h.range.end..end, code_column);
        // A number followed by its unit (`当面申请数18条`) is prose, not a cell.
        let prose = toks.last().is_some_and(|t| {
            let after = norm.get(t.range.end..end).unwrap_or("").trim_start();
            T2008_UNITS.iter().any(|u| after.starts_with(u))
        });
        if toks.is_empty() || prose {
            continue;
        }
        raw.push((h, toks, trailing));
    }
    // The number of columns: the header's, else the widest separated row.
    let ncols = if columns.is_empty() {
        raw.iter().map(|(_, t, _)| t.len()).max().unwrap_or(0)
    } else {
        columns.len()
    };
    if ncols == 0 || raw.len() < MIN_REQUEST_ROWS {
        return None;
    }
    // Without a header every row must be read as written.
    let rule = if columns.is_empty() {
        None
    } else if ncols == 2 && columns[1].contains("累计") && columns[0] == "本年度" {
        Some(Rule::UpTo)
    } else {
        Some(Rule::None)
    };
    let flat = build::Flattening::default();
    let mut restored = None;
    let made: Vec<(&'static str, String, Made)> = raw
        .iter()
        .map(|(h, toks, _)| {
            let label = norm.get(h.range.clone()).unwrap_or("").to_owned();
            let m = build::make(
                norm,
                &label,
                toks,
                build::Expect { cells: ncols, rule },
                flat,
                budget,
                &mut restored,
            );
            (h.row.key, label, m)
        })
        .collect();
    // Sums hold only over groups read whole: no unknown row among the parts.
    let incomplete: Vec<&str> = raw
        .iter()
        .filter(|(_, _, trailing)| *trailing)
        .filter_map(|(h, _, _)| h.row.parent.or(Some(h.row.key)))
        .collect();
    let consistent = |g: &Grid| sums_hold(g, ncols, &incomplete);
    let settled = build::settle(norm, made, ncols, &consistent, "表内各项之和", budget);
    let mut rows = Vec::new();
    for ((h, _, _), (cells, note)) in raw.iter().zip(settled) {
        let start = h.range.start;
        let end = cells
            .iter()
            .map(|c| c.range.end)
            .max()
            .unwrap_or(h.range.end);
        rows.push(RawRow {
            label: norm.get(h.range.clone()).unwrap_or("").to_owned(),
            key: h.row.key,
            columns: if cells.len() == columns.len() {
                columns.clone()
            } else {
                Vec::new()
            },
            cells,
            range: start..end.max(h.range.end),
            note,
        });
    }
    // A group with a row the vocabulary does not know is not summed.
    for r in rows.iter_mut() {
        if incomplete.contains(&r.key)
            && T2008_ROWS
                .iter()
                .any(|x| x.key == r.key && x.parent.is_none())
        {
            let flag = UNREAD;
            match &mut r.note {
                Some(n) => n.push_str(flag),
                None => r.note = Some(flag.to_owned()),
            }
        }
    }
    let end = rows.iter().map(|r| r.range.end).max().unwrap_or(first);
    let start = header_start(norm, header_from, first);
    let title = title_before(norm, start);
    let form = if restored == Some(Op::Split) {
        "glued"
    } else if norm.get(start..end).is_some_and(|t| t.contains('\t')) {
        "tsv"
    } else if norm.get(start..end).is_some_and(|t| t.contains('|')) {
        "pipe"
    } else {
        "spaces"
    };
    Some(RawTable {
        id: TableId::Stats2008,
        title,
        template: Some("2008"),
        form,
        range: start..end,
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows,
    })
}

/// Where the header before the first label starts: at `指标名称`/`统计指标` when it is near.
fn header_start(norm: &str, from: usize, first: usize) -> usize {
    let h = norm.get(from..first).unwrap_or("");
    ["指标名称", "统计指标", "指 标 名 称", "项目"]
        .iter()
        .filter_map(|w| h.rfind(w))
        .max()
        .map_or(first, |p| from + p)
}

/// The table's title: `…统计表` or `附表…` just before it, else the template's name.
fn title_before(norm: &str, start: usize) -> String {
    let from = floor_char(norm, start.saturating_sub(120));
    let before = norm.get(from..start).unwrap_or("");
    let piece = before.rsplit(['。', '\n']).next().unwrap_or("").trim();
    if piece.contains("统计表") || piece.contains("附表") {
        piece.to_owned()
    } else {
        "政府信息公开情况统计表".to_owned()
    }
}

/// True when every sum of the table that can be evaluated holds, in every column.
fn sums_hold(g: &Grid, ncols: usize, incomplete: &[&str]) -> bool {
    for parent in T2008_ROWS.iter().filter(|r| r.parent.is_none()) {
        if incomplete.contains(&parent.key) {
            continue;
        }
        let Some((_, pv)) = g.iter().find(|(k, _)| *k == parent.key) else {
            continue;
        };
        let kids: Vec<&Vec<Option<f64>>> = g
            .iter()
            .filter(|(k, _)| {
                T2008_ROWS
                    .iter()
                    .any(|r| r.key == *k && r.parent == Some(parent.key))
            })
            .map(|(_, v)| v)
            .collect();
        if kids.len() < 2 {
            continue;
        }
        for col in 0..ncols {
            let Some(Some(total)) = pv.get(col) else {
                continue;
            };
            let parts: Option<f64> = kids.iter().map(|v| v.get(col).copied().flatten()).sum();
            if let Some(sum) = parts {
                if (sum - total).abs() > 1e-6 {
                    return false;
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::CellStatus;

    /// The normalized view, as the pipeline gives it.
    fn norm(s: &str) -> String {
        crate::text::normalize::Text::new(s).norm
    }

    fn table(s: &str) -> RawTable {
        find(s, &[], &mut Budget(1_000_000))
            .into_iter()
            .next()
            .expect("a table")
    }

    fn vals(t: &RawTable, key: &str) -> Vec<Option<f64>> {
        t.row(key).map(RawRow::values).unwrap_or_default()
    }

    #[test]
    fn glued_fujian_form_is_settled_by_its_sums() {
        // c02's 附表, glued into one line.
        let s = "附件1：平潭县人民政府2012年政府信息公开情况统计表 指标名称计量单位2012年度历年累计主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07受理依申请公开信息总数条2121其中：1.当面申请数条18182.传真申请数条003.电子邮件申请数条334.网上申请数条005.信函申请数条006.其它形式申请数条00对申请的答复数条2121其中：1.同意公开答复数条17172.同意部分公开答复数条223.否决公开答复数条22行政复议数条00行政诉讼数条00行政申诉数条00";
        let s = &norm(s);
        let t = table(s);
        assert_eq!(t.columns, ["本年度", "历年累计"]);
        assert_eq!(t.form, "glued");
        assert_eq!(vals(&t, "requests"), [Some(21.0), Some(21.0)]);
        assert_eq!(vals(&t, "requests_in_person"), [Some(18.0), Some(18.0)]);
        assert_eq!(vals(&t, "replies"), [Some(21.0), Some(21.0)]);
        assert_eq!(vals(&t, "replies_disclosed"), [Some(17.0), Some(17.0)]);
        assert_eq!(vals(&t, "replies_partial"), [Some(2.0), Some(2.0)]);
        assert_eq!(vals(&t, "replies_refused"), [Some(2.0), Some(2.0)]);
        assert_eq!(vals(&t, "review"), [Some(0.0), Some(0.0)]);
        assert_eq!(vals(&t, "litigation"), [Some(0.0), Some(0.0)]);
        // 主动公开 has no sum to settle it: 20263542 stays doubtful.
        let p = t.row("proactive").expect("proactive row");
        assert!(p.cells.iter().any(|c| c.status == CellStatus::Doubtful));
        for r in &t.rows {
            for c in &r.cells {
                assert_eq!(&s[c.range.clone()], c.text);
            }
        }
    }

    #[test]
    fn one_column_form_with_numbered_rows() {
        let s = "统计指标 单位 统计数\n(一)收到申请数 件 12\n1.当面申请数 件 3\n2.传真申请数 件 0\n3.网络申请数 件 9\n4.信函申请数 件 0\n(二)申请办结数 件 12\n(三)申请答复数 件 12\n2.同意公开答复数 件 7\n3.同意部分公开答复数 件 2\n4.不同意公开答复数 件 3\n四、行政复议数量 件 1\n五、行政诉讼数量 件 0\n";
        let t = table(s);
        assert_eq!(t.columns, ["统计数"]);
        assert_eq!(vals(&t, "requests"), [Some(12.0)]);
        assert_eq!(vals(&t, "replies_refused"), [Some(3.0)]);
        assert_eq!(vals(&t, "review"), [Some(1.0)]);
    }

    #[test]
    fn two_columns_of_unknown_meaning_give_no_year_figure() {
        let s = "指标名称 计量单位 2012年度 2011年度\n受理依申请公开信息总数 条 21 30\n其中：1.当面申请数 条 18 20\n2.电子邮件申请数 条 3 10\n对申请的答复数 条 21 30\n行政复议数 条 0 1\n";
        let t = table(s);
        assert_eq!(t.columns, ["第一列", "第二列"]);
        let (k, gaps) = crate::key::from_tables(std::slice::from_ref(&t), &[]);
        assert!(k.iter().all(|k| k.field != "requests_received"));
        assert!(gaps.iter().any(|g| g.field == "requests_received"));
    }

    #[test]
    fn prose_with_the_words_is_not_a_table() {
        let s = "全年受理依申请公开信息总数21条。对申请的答复数21条。同意公开答复数17条。";
        assert!(find(s, &[], &mut Budget(1000)).is_empty());
    }

    #[test]
    fn next_numbering_is_not_a_digit_of_the_row() {
        assert_eq!(without_next_numbering("条179533042."), "条17953304".len());
        assert_eq!(without_next_numbering("条1818 其中:(二)"), "条1818".len());
        assert_eq!(without_next_numbering("件0 "), "件0".len());
    }
}
