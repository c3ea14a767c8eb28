//! Detection: finds where tables 2, 3 and 4 stand in the normalized text and drives their
//! assembly and building.
//!
//! A table is anchored on its most characteristic line — table 2 on `第二十条第(一)项` or its
//! `规章` row, table 3 on its row `一、本年新收政府信息公开申请数量`, table 4 on a header cell
//! such as `尚未审结` or `复议后起诉` — then header lines are gathered upwards (short lines of
//! the table's header words, split header fragments, blank and page-number lines) and the
//! title is looked for just above them. A candidate is kept only when enough rows have
//! values (table 2: two, table 3: three, table 4: any value), so prose that mentions the
//! words is not a table.
//! Guarantees: the scan moves forward only; the look-back is bounded by [`LOOK_BACK`] lines
//! and by the end of the previous table, so the whole is linear in the text.

use super::assemble::{self, Assembled};
use super::build::{self, Flattening};
use super::decode::Budget;
use super::forms::{is_page_number, split_lines};
use super::{RawTable, TableId};
use crate::lexicon::tables::{
    compact, compact_cow, is_cn_heading, strip_numbering, T2_HEADER, T3_HEADER, T4_HEADER,
};
use std::ops::Range;

/// Lines looked at above an anchor for header lines and the title.
const LOOK_BACK: usize = 40;
/// Search nodes for glued digits over the whole input.
const GLUED_BUDGET: u64 = 1_000_000;

/// Which table a line anchors, if any.
fn anchor(line: &str) -> Option<TableId> {
    if line.len() > 600 || line.contains('。') {
        return None;
    }
    // Every anchor has one of these characters (新 本年新收, 章 规章, 条 第二十条, 审 尚未审结,
    // 诉 起诉, 持 结果维持): most lines are rejected without building a compacted copy.
    if !line.contains(['新', '章', '条', '审', '诉', '持']) {
        return None;
    }
    // Anchors are labels and header cells: the start of the line is enough.
    let mut head = line.len().min(240);
    while !line.is_char_boundary(head) {
        head -= 1;
    }
    let c = compact_cow(&line[..head]);
    let plain = strip_numbering(&c);
    if plain.starts_with("本年新收") && !plain.contains(',') {
        return Some(TableId::Table3);
    }
    if c.contains("第二十条第(一)项")
        || plain.strip_prefix("规章").is_some_and(|r| {
            r.is_empty() || r.starts_with(|ch: char| ch.is_ascii_digit() || ch == '/' || ch == '-')
        })
    {
        return Some(TableId::Table2);
    }
    if ["尚未审结", "未经复议直接起诉", "复议后起诉", "结果维持"]
        .iter()
        .any(|w| c.contains(w))
    {
        return Some(TableId::Table4);
    }
    None
}

fn header_words(id: TableId) -> &'static [&'static str] {
    match id {
        TableId::Table2 => &T2_HEADER,
        TableId::Table3 => &T3_HEADER,
        TableId::Table4 => &T4_HEADER,
        TableId::Stats2008 => &[],
    }
}

fn title_words(id: TableId, c: &str) -> bool {
    match id {
        TableId::Table2 => c.contains("主动公开政府信息情况") || c.contains("政府信息主动公开情况"),
        TableId::Table3 => c.contains("收到和处理政府信息公开申请"),
        TableId::Table4 => c.contains("行政复议") && c.contains("行政诉讼") && c.contains("情况"),
        TableId::Stats2008 => c.contains("统计表") || c.contains("附表"),
    }
}

fn default_title(id: TableId) -> &'static str {
    match id {
        TableId::Table2 => "主动公开政府信息情况",
        TableId::Table3 => "收到和处理政府信息公开申请情况",
        TableId::Table4 => "政府信息公开行政复议、行政诉讼情况",
        TableId::Stats2008 => "政府信息公开情况统计表",
    }
}

/// True for a line that can be part of a table's header.
fn is_header_line(id: TableId, c: &str) -> bool {
    if c.is_empty()
        || c.contains('。')
        || c.ends_with(':')
        || is_cn_heading(c)
        || strip_numbering(c).len() != c.len()
    {
        return false;
    }
    if title_words(id, c) {
        return false;
    }
    let chars = c.chars().count();
    if chars <= 80 && header_words(id).iter().any(|w| c.contains(w)) {
        return true;
    }
    // A fragment of a header cell split over lines (法人或其他 / 组织).
    chars <= 8 && !c.contains(|ch: char| ch.is_ascii_digit())
}

/// First line of the table's header above `anchor_line`, and the title line, if any.
fn look_back(
    norm: &str,
    lines: &[Range<usize>],
    anchor_line: usize,
    floor: usize,
    id: TableId,
) -> (usize, Option<usize>) {
    let mut start = anchor_line;
    let lowest = anchor_line.saturating_sub(LOOK_BACK).max(floor);
    let mut j = anchor_line;
    while j > lowest {
        j -= 1;
        let text = norm.get(lines[j].clone()).unwrap_or("");
        // A header line is short (80 characters at most when compacted).
        if text.len() > 480 {
            break;
        }
        let c = compact(text);
        if c.is_empty() || is_page_number(text) || c.bytes().all(|b| matches!(b, b'-' | b':')) {
            continue;
        }
        if is_header_line(id, &c) {
            start = j;
            continue;
        }
        break;
    }
    // The title: a short line with the table's words just above the header.
    let mut title = None;
    let mut k = start;
    let lowest = start.saturating_sub(8).max(floor);
    while k > lowest {
        k -= 1;
        let text = norm.get(lines[k].clone()).unwrap_or("");
        let c = compact(text);
        if c.chars().count() <= 40 && title_words(id, &c) {
            title = Some(k);
            break;
        }
    }
    (start, title)
}

/// True when no line of the text equals the non-blank line before it: the mark of a crawler
/// that drops repeated lines, so that one cell per line loses equal neighbouring cells.
fn never_repeats_a_line(norm: &str, lines: &[Range<usize>]) -> bool {
    let mut prev: Option<&str> = None;
    for l in lines {
        let t = norm.get(l.clone()).unwrap_or("").trim();
        if t.is_empty() {
            continue;
        }
        if prev == Some(t) {
            return false;
        }
        prev = Some(t);
    }
    true
}

/// Finds tables 2, 3 and 4 in the normalized text of a report, in every flattened form.
pub fn find_tables(norm: &str) -> Vec<RawTable> {
    find(norm).tables
}

/// The tables found, and the tables whose anchor line is there but that could not be read.
pub fn find(norm: &str) -> Found {
    let lines = split_lines(norm);
    let mut unread: Vec<Unread> = Vec::new();
    let merged_repeats = never_repeats_a_line(norm, &lines);
    let mut budget = Budget(GLUED_BUDGET);
    let mut out = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < lines.len() {
        let Some(id) = anchor(norm.get(lines[i].clone()).unwrap_or("")) else {
            i += 1;
            continue;
        };
        let (start, title_line) = look_back(norm, &lines, i, floor, id);
        let a = match id {
            TableId::Table4 => assemble::table4(norm, &lines, start),
            _ => assemble::rows(norm, &lines, start, id),
        };
        let flat = Flattening {
            cell_per_line: build::is_cell_per_line(&a.stats),
            merged_repeats,
        };
        let made = make_table(
            norm,
            id,
            &a,
            title_line.and_then(|l| lines.get(l)),
            flat,
            &mut budget,
        );
        let made = match (id, made) {
            // Placing by position needs rows of seven numbers on a line.
            (TableId::Table3, t)
                if a.stats.multi_value > 0 && !t.as_ref().is_some_and(table3_complete) =>
            {
                positional_table3(norm, &lines, i, &a, title_line, t)
            }
            (_, t) => t.map(|t| (t, a.end_line)),
        };
        match made {
            Some((t, end_line)) => {
                out.push(t);
                i = end_line.max(i) + 1;
                floor = i;
            }
            None => {
                if !unread.iter().any(|u| u.id == id) {
                    unread.push(Unread {
                        id,
                        range: lines[i].clone(),
                    });
                }
                i += 1
            }
        }
    }
    unread.retain(|u| !out.iter().any(|t| t.id == u.id));
    let taken: Vec<Range<usize>> = out.iter().map(|t| t.range.clone()).collect();
    out.extend(super::stats2008::find(norm, &taken, &mut budget));
    out.sort_by_key(|t| t.range.start);
    Found {
        tables: out,
        unread,
    }
}

/// What [`find`] found.
#[derive(Debug, Default)]
pub struct Found {
    pub tables: Vec<RawTable>,
    /// Tables whose anchor (a row label or header cell only the table has) is in the text
    /// but whose rows could not be read: a figure the prose gives for them is not the table's.
    pub unread: Vec<Unread>,
}

/// A table that is there but could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Unread {
    pub id: TableId,
    /// The anchor line.
    pub range: Range<usize>,
}

/// Table 3 read by its labels has its three defining rows, all seven cells known.
fn table3_complete(t: &RawTable) -> bool {
    ["new_requests", "outcome_total", "carried_to_next_year"]
        .iter()
        .all(|k| {
            t.row(k).is_some_and(|r| {
                r.cells.len() == 7
                    && r.cells
                        .iter()
                        .all(|c| c.value.is_some() && c.status != super::CellStatus::Doubtful)
            })
        })
}

/// Table 3 placed by position (see [`super::positional`]) when its labels could not be read;
/// otherwise whatever the label reading gave. Returns the table and its last line.
fn positional_table3(
    norm: &str,
    lines: &[Range<usize>],
    anchor_line: usize,
    a: &Assembled,
    title_line: Option<usize>,
    by_labels: Option<RawTable>,
) -> Option<(RawTable, usize)> {
    let stop = |t: &str| anchor(t) == Some(TableId::Table4) || t.contains("行政复议");
    let Some((rows, template)) = super::positional::table3(norm, lines, anchor_line, stop) else {
        return by_labels.map(|t| (t, a.end_line));
    };
    let end = rows.last().map_or(a.end, |r| r.range.end);
    let end_line = lines
        .iter()
        .rposition(|l| l.start <= end)
        .unwrap_or(a.end_line);
    let title = title_line
        .and_then(|l| lines.get(l))
        .and_then(|r| norm.get(r.clone()))
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| default_title(TableId::Table3).to_owned());
    Some((
        RawTable {
            id: TableId::Table3,
            title,
            template: Some(template),
            form: "spaces",
            range: a.start.min(end)..end,
            columns: build::columns(TableId::Table3, Some(template)),
            rows,
        },
        end_line,
    ))
}

fn make_table(
    norm: &str,
    id: TableId,
    a: &Assembled,
    title: Option<&Range<usize>>,
    flat: Flattening,
    budget: &mut Budget,
) -> Option<RawTable> {
    let filled = a
        .rows
        .iter()
        .filter(|r| r.vals.iter().any(|t| !t.is_empty_value()))
        .count();
    let ok = match id {
        TableId::Table2 => filled >= 2,
        TableId::Table3 => filled >= 3,
        TableId::Table4 => a.values.iter().any(|t| !t.is_empty_value()),
        TableId::Stats2008 => false,
    };
    if !ok {
        return None;
    }
    let (rows, template, restored) = match id {
        TableId::Table2 => build::table2(norm, a, flat, budget),
        TableId::Table3 => build::table3(norm, a, flat, budget),
        TableId::Table4 => {
            let (r, g) = build::table4(norm, a, flat, budget);
            (r, None, g)
        }
        TableId::Stats2008 => return None,
    };
    let title = title
        .and_then(|r| norm.get(r.clone()))
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| default_title(id).to_owned());
    let end = rows
        .iter()
        .map(|r| r.range.end)
        .max()
        .unwrap_or(a.end)
        .max(a.end);
    Some(RawTable {
        id,
        title,
        template,
        form: build::form(&a.stats, restored),
        range: a.start.min(end)..end,
        columns: build::columns(id, template),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors() {
        assert_eq!(
            anchor("一、本年新收政府信息公开申请数量\t71"),
            Some(TableId::Table3)
        );
        assert_eq!(anchor("| 规章 | 5 | 0 | 12 |"), Some(TableId::Table2));
        assert_eq!(anchor("第二十条第(一)项"), Some(TableId::Table2));
        assert_eq!(
            anchor("结果维持 结果纠正 其他结果 尚未审结 总计"),
            Some(TableId::Table4)
        );
        assert_eq!(anchor("本年新收政府信息公开申请71件,同比增长。"), None);
        assert_eq!(anchor("规章制度不断完善"), None);
    }

    #[test]
    fn prose_is_not_a_table() {
        let text = "一、本年新收政府信息公开申请数量\n全年共收到申请若干件。\n";
        assert!(find_tables(text).is_empty());
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            "",
            "\n\n",
            "|||",
            "\t\t",
            "本年新收 9",
            "规章 1\n规范性文件 2",
            "尚未审结 99999999999999999999999999999999",
        ] {
            let _ = find_tables(s);
        }
    }
}
