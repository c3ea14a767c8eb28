//! The section tree: headings ([`crate::scan::headings`]) nested by numbering style, each with its
//! body span, mapped onto the statutory template ([`crate::lexicon::parts`]).
//!
//! A section runs from its heading to the last report line before the next heading of the
//! same or a higher level; furniture and blank lines at its end are left out, so furniture
//! never ends up inside a body. An annual report whose overview has no heading (the body
//! text before the first part, after the preamble) gets an implicit `overview` section.
//! Ranges are normalized byte ranges.

use crate::lexicon::parts::{self, Era};
use crate::page::furniture::Furniture;
use crate::page::title::Title;
use crate::scan::chars::char_len;
use crate::scan::headings::{self, Heading, Style};
use crate::text::lines::Line;
use std::ops::Range;

/// A section with normalized ranges.
#[derive(Debug, Clone)]
pub struct Node {
    pub style: Style,
    pub level: u8,
    pub number: Option<Range<usize>>,
    pub value: Option<u32>,
    pub title: Range<usize>,
    pub heading: Range<usize>,
    pub range: Range<usize>,
    pub line: usize,
    pub empty: bool,
    /// Template part named by the title, before the document type is known (era-neutral).
    pub part: Option<&'static str>,
    pub canonical: Option<&'static str>,
    pub malformed: bool,
    pub children: Vec<Node>,
}

/// Builds the tree. `era` decides the request part's key; canonical keys are set for every
/// top-level section whose title names a template part (the caller clears them for
/// documents that are not annual reports).
/// Lines inside `tables` (the ranges of the statistics tables) never open a section.
pub fn build(
    norm: &str,
    lines: &[Line],
    furniture: &Furniture,
    title: Option<&Title>,
    era: Era,
    tables: &[Range<usize>],
) -> Vec<Node> {
    let body_from = title.map_or(0, |t| t.lines.end);
    let mut flat: Vec<Node> = Vec::new();
    let mut expect_arabic: Option<u32> = None;
    // Table ranges in text order, walked along with the lines.
    let mut ranges: Vec<&Range<usize>> = tables.iter().collect();
    ranges.sort_by_key(|r| r.start);
    let mut next_table = 0;
    for (i, line) in lines.iter().enumerate().skip(body_from) {
        let at = line.range.start;
        while ranges.get(next_table).is_some_and(|r| r.end <= at) {
            next_table += 1;
        }
        let in_table = ranges[next_table..]
            .iter()
            .take_while(|r| r.start <= at)
            .any(|r| at < r.end);
        if line.is_blank() || furniture.is[i] || in_table {
            continue;
        }
        let t = line.text(norm);
        let Some(h) = headings::parse(t, expect_arabic).or_else(|| headings::parse_unnumbered(t))
        else {
            continue;
        };
        if h.style == Style::ArabicDot {
            expect_arabic = h.value.map(|v| v + 1);
        }
        // A heading printed again after a page break (the same numbering and title right
        // after itself, with only table rows or furniture between) opens nothing new.
        if flat.last().is_some_and(|prev: &Node| {
            prev.style == h.style
                && prev.value == h.value
                && norm[prev.title.clone()] == t[h.title.clone()]
        }) {
            continue;
        }
        flat.push(node(line, i, h));
    }
    if let Some(overview) = implicit_overview(norm, lines, furniture, body_from, &flat) {
        flat.insert(0, overview);
    }
    assign_levels(&mut flat);
    set_ranges(norm, lines, furniture, &mut flat);
    let mut tree = nest(flat);
    for n in &mut tree {
        if n.part.is_none() {
            n.part = parts::part_of_title(&norm[n.title.clone()]);
            n.canonical = parts::canonical(&norm[n.title.clone()], era);
        }
    }
    tree
}

fn node(line: &Line, i: usize, h: Heading) -> Node {
    let s = line.range.start;
    Node {
        style: h.style,
        level: 0,
        number: h.number.map(|r| s + r.start..s + r.end),
        value: h.value,
        title: s + h.title.start..s + h.title.end,
        heading: s..s + h.end,
        range: s..line.range.end,
        line: i,
        empty: false,
        part: None,
        canonical: None,
        malformed: h.malformed,
        children: Vec::new(),
    }
}

/// Levels by a stack of styles: a heading closes every open heading of its rank or lower.
fn assign_levels(flat: &mut [Node]) {
    let mut stack: Vec<u8> = Vec::new();
    for n in flat.iter_mut() {
        let r = n.style.rank();
        while stack.last().is_some_and(|&top| top >= r) {
            stack.pop();
        }
        stack.push(r);
        n.level = stack.len() as u8;
    }
}

/// Each section ends at the last report line before the next heading of its level or
/// above; `empty` when nothing but furniture, blanks and picture names follows the heading.
fn set_ranges(norm: &str, lines: &[Line], furniture: &Furniture, flat: &mut [Node]) {
    for k in 0..flat.len() {
        let next_line = flat[k + 1..]
            .iter()
            .find(|m| m.level <= flat[k].level)
            .map_or(lines.len(), |m| m.line);
        let own_next = flat.get(k + 1).map_or(lines.len(), |m| m.line);
        let first = flat[k].line;
        let mut end = flat[k].heading.end.max(lines[first].range.end);
        for (j, l) in lines.iter().enumerate().take(next_line).skip(first + 1) {
            if !l.is_blank() && !furniture.is[j] {
                end = l.range.end;
            }
        }
        flat[k].range = flat[k].range.start..end;
        // Body: the rest of the heading line plus the lines up to the first child.
        let rest_of_line = norm[flat[k].heading.end..lines[first].range.end].trim();
        let has_body = !rest_of_line.is_empty()
            || (first + 1..next_line).any(|j| !lines[j].is_blank() && !furniture.is[j])
            || own_next != next_line;
        flat[k].empty = !has_body;
    }
}

fn nest(flat: Vec<Node>) -> Vec<Node> {
    let mut roots: Vec<Node> = Vec::new();
    for n in flat {
        attach(&mut roots, n);
    }
    roots
}

fn attach(siblings: &mut Vec<Node>, n: Node) {
    if let Some(last) = siblings.last_mut() {
        if last.level < n.level {
            attach(&mut last.children, n);
            return;
        }
    }
    siblings.push(n);
}

/// The overview of some reports has no heading: body text (and perhaps its own subsections
/// (一)…(四)) stands between the preamble and the first statutory part. Such a report gets an
/// implicit `overview` section starting after the preamble, so its structure is complete.
fn implicit_overview(
    norm: &str,
    lines: &[Line],
    furniture: &Furniture,
    body_from: usize,
    flat: &[Node],
) -> Option<Node> {
    let parts: Vec<&'static str> = flat
        .iter()
        .filter(|n| n.style.rank() <= 1)
        .filter_map(|n| parts::part_of_title(&norm[n.title.clone()]))
        .collect();
    if parts.len() < 3 || parts.first() == Some(&"overview") {
        return None;
    }
    let first_part = flat.iter().find(|n| n.style.rank() <= 1)?;
    let content: Vec<usize> = (body_from..first_part.line)
        .filter(|&j| !lines[j].is_blank() && !furniture.is[j])
        .collect();
    let after_preamble = content
        .iter()
        .rposition(|&j| is_preamble(lines[j].text(norm)))
        .map_or(0, |p| p + 1);
    let body = &content[after_preamble..];
    let chars: usize = body.iter().map(|&j| char_len(lines[j].text(norm))).sum();
    let &start_line = body.first()?;
    if chars < 60 {
        return None;
    }
    let s = lines[start_line].range.start;
    Some(Node {
        style: Style::Unnumbered,
        level: 0,
        number: None,
        value: None,
        title: s..s,
        heading: s..s,
        range: s..lines[start_line].range.end,
        line: start_line,
        empty: false,
        part: Some("overview"),
        canonical: Some("overview"),
        malformed: false,
        children: Vec::new(),
    })
}

/// The opening paragraph that cites the regulation and announces the report.
pub fn is_preamble(t: &str) -> bool {
    t.contains("条例")
        && (t.contains("现公布")
            || t.contains("本报告")
            || t.contains("编制")
            || t.contains("本年度报告"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::split;

    fn outline(norm: &str) -> Vec<(u8, String, Option<&'static str>, bool)> {
        let lines = split(norm);
        let f = crate::page::furniture::detect(norm, &lines, None);
        let tree = build(norm, &lines, &f, None, Era::Y2019, &[]);
        let mut out = Vec::new();
        fn walk(norm: &str, ns: &[Node], out: &mut Vec<(u8, String, Option<&'static str>, bool)>) {
            for n in ns {
                out.push((
                    n.level,
                    norm[n.title.clone()].to_owned(),
                    n.canonical,
                    n.empty,
                ));
                walk(norm, &n.children, out);
            }
        }
        walk(norm, &tree, &mut out);
        out
    }

    #[test]
    fn nested_numbering_styles_make_a_tree() {
        let o = outline("一、总体情况\n(一)主动公开方面。正文。\n1.加强建设。正文。\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n正文。");
        assert_eq!(o[0], (1, "总体情况".into(), Some("overview"), false));
        assert_eq!(o[1], (2, "主动公开方面".into(), None, false));
        assert_eq!(o[2], (3, "加强建设".into(), None, false));
        assert_eq!(
            o[3],
            (1, "主动公开政府信息情况".into(), Some("proactive"), true)
        );
        assert_eq!(
            o[4],
            (
                1,
                "收到和处理政府信息公开申请情况".into(),
                Some("requests"),
                false
            )
        );
    }

    #[test]
    fn a_part_with_only_a_picture_is_empty() {
        let o = outline("二、主动公开的政府信息\n\n报告_页面_08.png\n\n三、收到和处理政府信息公开申请情况\n正文。");
        assert!(o[0].3);
        assert!(!o[1].3);
    }

    #[test]
    fn table3_rows_do_not_open_sections() {
        let o = outline("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t71\n四、结转下年度继续办理\t3\n四、政府信息公开行政复议、行政诉讼情况\n正文。");
        assert_eq!(o.len(), 2, "{o:?}");
        assert_eq!(o[1].2, Some("review_litigation"));
    }

    #[test]
    fn a_heading_repeated_after_a_page_break_is_one_section() {
        let text = "一、总体情况\n正文。\n二、主动公开政府信息情况\n第二十条第(一)项\n- 4 -\n二、主动公开政府信息情况\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n正文。";
        let r = crate::analyze(text);
        let keys: Vec<_> = r.sections.iter().map(|s| s.canonical.as_deref()).collect();
        assert_eq!(
            keys,
            [Some("overview"), Some("proactive"), Some("requests")]
        );
    }
}
