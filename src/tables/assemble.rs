//! Assembly: walks the tokenized lines of one table from its first header line and groups
//! the tokens into labelled rows, the same way for every flattened form.
//!
//! Tables 2 and 3: a label that names a row opens it; the values after it, on the same line
//! or on the following lines, are its cells. A label naming nothing is a header cell before
//! the first row, the continuation of a split label while the row has no values yet, and
//! after that closes the row (values then belong to nobody). A row label followed directly by
//! another row label was a group header (2021's (六)其他处理) and is dropped.
//! A tab or pipe line of header words only (`| 类别 | 数据1 | … |`, a wrong header repeated
//! inside the table) names columns, not rows. Table 2 rows remember the header of their
//! 第二十条 block, which names their columns.
//! Table 4: header cells, then the values of its one data row — or of its three blocks, each
//! after its own label (`### 行政复议`, `行政诉讼(复议后起诉)`), whose order is kept.
//!
//! The walk stops at prose (`。`), at another part's heading (`五、…`), at another table's
//! words, after the last row is complete, or after a dozen lines that add nothing.
//! Guarantees: each line is tokenized once; at most [`MAX_LINES`] lines per table.

use super::forms::{tokenize, LineKind, Tok};
use super::TableId;
use crate::lexicon::tables::{
    self as template, classify_t2, classify_t3, compact, is_cn_heading, Class, T3Group,
};
use std::ops::Range;

/// Most lines one table may span.
pub(crate) const MAX_LINES: usize = 1500;
/// Lines without anything for the table before the walk stops.
const MAX_IDLE: usize = 12;

/// A row as assembled: label and value tokens.
#[derive(Debug, Clone)]
pub(crate) struct PRow {
    pub label: String,
    pub label_range: Range<usize>,
    pub key: &'static str,
    pub vals: Vec<Tok>,
    /// Table 2: the compact header text of the row's 第二十条 block (its column names).
    pub block_header: String,
}

/// How the lines of a table were written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stats {
    pub tab: usize,
    pub pipe: usize,
    pub md_rule: usize,
    /// Plain lines with two or more values.
    pub multi_value: usize,
    /// Plain lines holding one value and nothing else.
    pub single_value: usize,
}

/// An assembled table.
#[derive(Debug, Clone)]
pub(crate) struct Assembled {
    pub rows: Vec<PRow>,
    /// Header label texts (compact) before the first row.
    pub header: String,
    /// Table 4: the values of the data row.
    pub values: Vec<Tok>,
    pub start: usize,
    pub end: usize,
    /// Last line that belonged to the table.
    pub end_line: usize,
    pub stats: Stats,
    /// Table 4: the template block (0 复议, 1 直接起诉, 2 复议后起诉) of each group of five
    /// values, when the text labels all three groups.
    pub block_order: Option<[usize; 3]>,
}

fn count(stats: &mut Stats, kind: LineKind, toks: &[Tok]) {
    match kind {
        LineKind::Tab => stats.tab += 1,
        LineKind::Pipe => stats.pipe += 1,
        LineKind::Plain if toks.iter().filter(|t| !t.is_label()).count() >= 2 => {
            stats.multi_value += 1
        }
        LineKind::Plain if toks.len() == 1 && !toks[0].is_label() => stats.single_value += 1,
        _ => {}
    }
}

/// The words of a line for the stop checks: its labels compacted (the numbers after them say
/// nothing), or `。` alone when the line holds a sentence end.
fn line_words(norm: &str, line: Range<usize>, tl: &super::forms::TLine) -> String {
    let text = norm.get(line).unwrap_or("");
    if text.contains('。') {
        return "。".to_owned();
    }
    let mut c = String::new();
    for t in tl.toks.iter().filter(|t| t.is_label()) {
        c.push_str(&template::compact_cow(
            norm.get(t.range.clone()).unwrap_or(""),
        ));
    }
    c
}

/// True when a line ends table `id` (checked once its first row has been seen).
fn is_stop_line(id: TableId, c: &str, kind: LineKind) -> bool {
    if c.contains('。') || (kind == LineKind::Plain && c.len() > 240) {
        return true;
    }
    let foreign: &[&str] = match id {
        TableId::Table2 => &[
            "本年新收",
            "申请人情况",
            "收到和处理政府信息公开申请",
            "行政复议",
            "行政诉讼",
        ],
        TableId::Table3 => &[
            "行政复议",
            "行政诉讼",
            "第二十条",
            "尚未审结",
            "信息内容",
            "主动公开政府信息情况",
        ],
        TableId::Table4 | TableId::Stats2008 => &["本年新收", "第二十条", "申请人情况"],
    };
    if foreign.iter().any(|w| c.contains(w)) {
        return true;
    }
    if is_cn_heading(c) {
        // Table 3's own rows 一、 … 四、 look like headings.
        return !(id == TableId::Table3 && template::is_table_row_label(c));
    }
    false
}

/// Assembles table 2 or 3 from `start_line`.
pub(crate) fn rows(
    norm: &str,
    lines: &[Range<usize>],
    start_line: usize,
    id: TableId,
) -> Assembled {
    let mut a = Assembled {
        rows: Vec::new(),
        header: String::new(),
        values: Vec::new(),
        start: usize::MAX,
        end: 0,
        end_line: start_line,
        stats: Stats::default(),
        block_order: None,
    };
    let mut group = T3Group::None;
    // Table 2: the header of the current 第二十条 block.
    let mut block = String::new();
    // Index of the row taking values.
    let mut cur: Option<usize> = None;
    let mut started = false;
    let mut idle = 0;
    let last = lines.len().min(start_line.saturating_add(MAX_LINES));
    'lines: for (li, line) in lines.iter().enumerate().take(last).skip(start_line) {
        let tl = tokenize(norm, line.clone());
        match tl.kind {
            LineKind::Blank | LineKind::PageNumber => continue,
            LineKind::MarkdownRule => {
                a.stats.md_rule += 1;
                continue;
            }
            _ => {}
        }
        // A line of values only (one cell per line, most lines of a table) needs no checks.
        let labels = tl.toks.iter().any(Tok::is_label);
        let c = if labels {
            line_words(norm, line.clone(), &tl)
        } else {
            String::new()
        };
        // After a page break a table repeats its title (`…情况(续)`) and its header.
        if labels && started && id == TableId::Table3 && is_repeated_header(&c, &tl) {
            idle = 0;
            continue;
        }
        if labels && started && is_stop_line(id, &c, tl.kind) {
            break;
        }
        if labels && is_header_row(norm, &tl, id) {
            // Column names (a Markdown header, or a wrong one repeated inside the table).
            let text = tl
                .toks
                .iter()
                .map(|t| compact(norm.get(t.range.clone()).unwrap_or("")))
                .collect::<Vec<_>>()
                .join(" ");
            if id == TableId::Table2 {
                if text.contains("第二十条") {
                    block.clear();
                }
                block.push_str(&text);
            }
            if started {
                idle = 0;
            } else {
                a.header.push_str(&text);
                a.header.push(' ');
            }
            a.end_line = li;
            continue;
        }
        let mut used = false;
        for tok in &tl.toks {
            let text = norm.get(tok.range.clone()).unwrap_or("");
            if tok.is_label() {
                let class = match id {
                    TableId::Table3 => classify_t3(text, &mut group),
                    _ => classify_t2(text).map_or(Class::Unknown, Class::Row),
                };
                // Before the first row only a first row may open the table: table 3's
                // header cell 总计 is not (七)总计.
                let class = match class {
                    Class::Row(k)
                        if !started
                            && id == TableId::Table3
                            && k != "new_requests"
                            && k != "carried_over" =>
                    {
                        Class::Unknown
                    }
                    c => c,
                };
                match class {
                    Class::Row(key) => {
                        let pending =
                            cur.filter(|&i| a.rows.get(i).is_some_and(|r| r.vals.is_empty()));
                        if let Some(i) = pending {
                            if a.rows[i].key == key {
                                if a.rows[i].label_range.end < line.start {
                                    // The same label again on a later line (a Markdown
                                    // heading, then the table's own row): the row's label
                                    // is the one next to its cells.
                                    a.rows[i].label = text.to_owned();
                                    a.rows[i].label_range = tok.range.clone();
                                } else {
                                    extend_label(&mut a.rows[i], text, tok.range.clone());
                                }
                                used = true;
                                continue;
                            }
                            // A row label followed by another: it was a group header.
                            a.rows.remove(i);
                        } else if a.rows.iter().any(|r| r.key == key && !r.vals.is_empty()) {
                            // The same row again: a second table starts here.
                            break 'lines;
                        }
                        a.rows.push(PRow {
                            label: text.to_owned(),
                            label_range: tok.range.clone(),
                            key,
                            vals: Vec::new(),
                            block_header: block.clone(),
                        });
                        cur = Some(a.rows.len() - 1);
                        started = true;
                        used = true;
                    }
                    Class::Structural => {
                        if let Some(i) =
                            cur.filter(|&i| a.rows.get(i).is_some_and(|r| r.vals.is_empty()))
                        {
                            a.rows.remove(i);
                        }
                        cur = None;
                        if started {
                            used = true;
                        }
                    }
                    Class::Unknown => {
                        if id == TableId::Table2 {
                            let c = compact(text);
                            if c.contains("第二十条") {
                                block.clear();
                            }
                            block.push_str(&c);
                        }
                        if !started {
                            a.header.push_str(&compact(text));
                            a.header.push(' ');
                        } else if let Some(r) = cur.and_then(|i| a.rows.get_mut(i)) {
                            if r.vals.is_empty() {
                                extend_label(r, text, tok.range.clone());
                                used = true;
                            } else {
                                cur = None;
                            }
                        }
                    }
                }
            } else if let Some(r) = cur.and_then(|i| a.rows.get_mut(i)) {
                r.vals.push(tok.clone());
                used = true;
            }
            a.start = a.start.min(tok.range.start);
        }
        if !started {
            a.end_line = li;
            continue;
        }
        count(&mut a.stats, tl.kind, &tl.toks);
        if used {
            idle = 0;
            a.end_line = li;
        } else {
            idle += 1;
            if idle > MAX_IDLE {
                break;
            }
        }
        // Table 3 ends with 四、结转下年度继续办理 once its seven cells are in.
        if id == TableId::Table3 {
            if let Some(r) = cur.and_then(|i| a.rows.get(i)) {
                if r.key == "carried_to_next_year"
                    && r.vals.iter().filter(|t| !t.is_empty_value()).count() >= 7
                {
                    break;
                }
            }
        }
    }
    // Rows that never got a value are labels only.
    a.rows.retain(|r| !r.vals.is_empty());
    a.end = a
        .rows
        .iter()
        .flat_map(|r| {
            r.vals
                .iter()
                .map(|t| t.range.end)
                .chain(std::iter::once(r.label_range.end))
        })
        .max()
        .unwrap_or(0);
    if a.start > a.end {
        a.start = a.end;
    }
    a
}

/// A tab or pipe line of two or more labels and no value that is not one row's label chain
/// (`三、本年度办理结果 | (三)不予公开 | 1.属于国家秘密`, blank cells after it: group labels,
/// then one row): a header row naming columns (`| 类别 | 数据1 | … | 总计 |`, `| 项目 |
/// 本年新收件数 | 上年结转件数 | … |`).
fn is_header_row(norm: &str, tl: &super::forms::TLine, id: TableId) -> bool {
    if !matches!(tl.kind, LineKind::Tab | LineKind::Pipe) {
        return false;
    }
    let labels: Vec<&str> = tl
        .toks
        .iter()
        .filter(|t| t.is_label())
        .map(|t| norm.get(t.range.clone()).unwrap_or(""))
        .collect();
    let values = tl
        .toks
        .iter()
        .filter(|t| !t.is_label() && !t.is_empty_value())
        .count();
    if values > 0 || labels.len() < 2 {
        return false;
    }
    let mut g = T3Group::None;
    let classes: Vec<Class> = labels
        .iter()
        .map(|l| match id {
            TableId::Table3 => classify_t3(l, &mut g),
            _ => classify_t2(l).map_or(Class::Unknown, Class::Row),
        })
        .collect();
    let is_row = |c: &Class| matches!(c, Class::Row(_));
    let chain = classes.last().is_some_and(is_row)
        && labels[..labels.len() - 1]
            .iter()
            .zip(&classes)
            .all(|(l, c)| {
                let l = l.trim_start_matches('#').trim();
                *c == Class::Structural || template::strip_numbering(l).len() != l.len()
            })
        && classes.iter().filter(|c| is_row(c)).count() == 1;
    !chain
}

/// Table 3's title again (`三、收到和处理政府信息公开申请情况(续)`, `续表`), or a line of its
/// header words only (`自然人 法人或其他组织 总计`), with no value: what a page break repeats.
fn is_repeated_header(c: &str, tl: &super::forms::TLine) -> bool {
    if tl.toks.iter().any(|t| !t.is_label()) || c.contains('。') {
        return false;
    }
    if c.contains("收到和处理政府信息公开申请") || c == "续表" || c.starts_with("续表")
    {
        return true;
    }
    // 总计 and 其他 alone may be row labels ((七) / 总计 broken over two lines).
    if matches!(c, "总计" | "其他") {
        return false;
    }
    // Nothing but header words, one after the other.
    let mut rest = c;
    let mut any = false;
    while !rest.is_empty() {
        let Some(w) = template::T3_HEADER
            .iter()
            .chain(
                [
                    "申请人情况",
                    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
                ]
                .iter(),
            )
            .filter(|w| rest.starts_with(**w))
            .max_by_key(|w| w.len())
        else {
            return false;
        };
        rest = &rest[w.len()..];
        any = true;
    }
    any
}

fn extend_label(r: &mut PRow, text: &str, range: Range<usize>) {
    r.label.push_str(text);
    r.label_range.end = r.label_range.end.max(range.end);
}

/// Which block of table 4 a label names: 0 行政复议, 1 未经复议直接起诉, 2 复议后起诉.
fn t4_block(c: &str) -> Option<usize> {
    if c.contains("复议后起诉") {
        Some(2)
    } else if c.contains("直接起诉") {
        Some(1)
    } else if c.contains("行政复议") && !c.contains("诉讼") {
        Some(0)
    } else {
        None
    }
}

/// True for a label that belongs to table 4's header.
fn t4_header_word(c: &str) -> bool {
    c.chars().count() <= 24
        && (t4_block(c).is_some() || template::T4_HEADER.iter().any(|w| c.contains(w)))
        || c.chars().count() <= 2
}

/// Assembles table 4 from `start_line`: header cells, then up to 15 values — in one run, or
/// in three groups of five each after its own block label.
pub(crate) fn table4(norm: &str, lines: &[Range<usize>], start_line: usize) -> Assembled {
    let mut a = Assembled {
        rows: Vec::new(),
        header: String::new(),
        values: Vec::new(),
        start: usize::MAX,
        end: 0,
        end_line: start_line,
        stats: Stats::default(),
        block_order: None,
    };
    let mut idle = 0;
    // The block label seen last, and the block of each group of five values.
    let mut pending: Option<usize> = None;
    let mut groups: [Option<usize>; 3] = [None; 3];
    let last = lines.len().min(start_line.saturating_add(MAX_LINES));
    for (li, line) in lines.iter().enumerate().take(last).skip(start_line) {
        let tl = tokenize(norm, line.clone());
        match tl.kind {
            LineKind::Blank | LineKind::PageNumber => continue,
            LineKind::MarkdownRule => {
                a.stats.md_rule += 1;
                continue;
            }
            _ => {}
        }
        let c = line_words(norm, line.clone(), &tl);
        let has_label = tl.toks.iter().any(Tok::is_label);
        if c.contains('。') || (is_cn_heading(&c) && li > start_line) {
            break;
        }
        let filled = a.values.iter().filter(|t| !t.is_empty_value()).count();
        if has_label && filled > 0 {
            // Between groups only the table's own header words may stand.
            let between = a.values.len() % 5 == 0 && a.values.len() < 15;
            let own = tl
                .toks
                .iter()
                .filter(|t| t.is_label())
                .all(|t| t4_header_word(&compact(norm.get(t.range.clone()).unwrap_or(""))));
            if !(between && own) {
                break;
            }
        }
        if filled > 0 && is_stop_line(TableId::Table4, &c, tl.kind) {
            break;
        }
        let mut used = false;
        for tok in &tl.toks {
            if tok.is_label() {
                let lc = compact(norm.get(tok.range.clone()).unwrap_or(""));
                if let Some(b) = t4_block(&lc) {
                    pending = Some(b);
                }
                a.header.push_str(&lc);
                a.header.push(' ');
                used = true;
            } else if !has_label || !tok.is_empty_value() {
                if a.values.len() % 5 == 0 {
                    if let Some(g) = groups.get_mut(a.values.len() / 5) {
                        *g = pending.take();
                    }
                }
                a.values.push(tok.clone());
                used = true;
            }
            a.start = a.start.min(tok.range.start);
            a.end = a.end.max(tok.range.end);
        }
        count(&mut a.stats, tl.kind, &tl.toks);
        if used {
            idle = 0;
            a.end_line = li;
        } else {
            idle += 1;
            if idle > MAX_IDLE {
                break;
            }
        }
        if a.values.iter().filter(|t| !t.is_empty_value()).count() >= 15 {
            break;
        }
    }
    if let [Some(x), Some(y), Some(z)] = groups {
        if x != y && y != z && x != z {
            a.block_order = Some([x, y, z]);
        }
    }
    if a.start > a.end {
        a.start = a.end;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::forms::split_lines;

    fn keys(text: &str) -> Vec<(&'static str, usize)> {
        let lines = split_lines(text);
        rows(text, &lines, 0, TableId::Table3)
            .rows
            .iter()
            .map(|r| (r.key, r.vals.len()))
            .collect()
    }

    #[test]
    fn group_header_row_is_dropped_when_sub_rows_follow() {
        let text = "一、本年新收政府信息公开申请数量\t1\n(六)其他处理\n1.申请人无正当理由逾期不补正\t2\n3.其他\t3\n";
        assert_eq!(
            keys(text),
            [
                ("new_requests", 1),
                ("other_overdue_correction", 1),
                ("other_other", 1)
            ]
        );
    }

    #[test]
    fn header_words_before_the_first_row_are_not_rows() {
        let text = "总计\n其他\n一、本年新收政府信息公开申请数量\n5\n";
        assert_eq!(keys(text), [("new_requests", 1)]);
    }

    #[test]
    fn a_second_table_stops_the_first() {
        let text = "一、本年新收政府信息公开申请数量 1\n二、上年结转政府信息公开申请数量 2\n一、本年新收政府信息公开申请数量 3\n";
        let lines = split_lines(text);
        let a = rows(text, &lines, 0, TableId::Table3);
        assert_eq!(a.rows.len(), 2);
        assert_eq!(a.end_line, 1);
    }
}
