//! What the template's parts say, beyond their presence: part 五 (problems and improvements)
//! reduced to 「无」; a fee in table 2 that the text says there is none of; a part numbered
//! with another part's ordinal (「三、主动公开政府信息情况」); a heading numbered as a part
//! that belongs inside the overview (「四、政府信息管理」 — one of the overview's five topics).
//!
//! Each rule fires only on a clear case: a renumbering that runs through the report (a
//! report without an overview heading numbers every part one lower) is not a wrong ordinal.

use super::{num, Context, Finding};
use crate::lexicon::parts::{part_name, Era, PARTS_2019};
use crate::report::Severity;
use crate::scan::headings::Style;
use crate::structure::sections::Node;
use regex::Regex;
use std::sync::LazyLock;

/// The overview's topics in the 2021 template: headings inside 一、总体情况, never parts.
const OVERVIEW_TOPICS: &[&str] = &[
    "政府信息管理",
    "信息管理",
    "平台建设",
    "公开平台建设",
    "政府信息公开平台建设",
    "监督保障",
];

/// The text says there is no administrative fee at all.
static NO_FEES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:无|没有|未(?:收取|收|产生|设立|设置)?|不涉及)(?:任何)?(?:收取)?行政事业性收费")
        .expect("valid pattern")
});

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    if !cx.doc_type.is_annual() {
        return out;
    }
    if cx.era == Era::Y2019 {
        out.extend(problems_only_none(cx));
        out.extend(wrong_ordinal(cx));
        out.extend(overview_topic_as_part(cx));
    }
    out.extend(fees_said_none(cx));
    out
}

/// The body of a section, without its heading, as trimmed text.
fn body<'a>(cx: &Context<'a>, n: &Node) -> &'a str {
    let from = n.heading.end.min(n.range.end);
    cx.norm[from..n.range.end].trim()
}

fn problems_only_none(cx: &Context) -> Option<Finding> {
    let n = cx
        .sections
        .iter()
        .find(|n| n.canonical == Some("problems") && !n.empty)?;
    let text: String = body(cx, n)
        .chars()
        .filter(|c| !matches!(c, '。' | '.' | ' ' | '\n' | '\r' | '\t'))
        .collect();
    matches!(
        text.as_str(),
        "无" | "暂无" | "没有" | "无问题" | "无此类情况" | "本年度无" | "不涉及"
    )
    .then(|| {
        Finding::new(
            "problems_not_reported",
            Severity::Warning,
            format!(
                "第五部分“{}”只写了“{}”：《政府信息公开条例》第五十条要求报告存在的主要问题及改进情况。",
                part_name("problems"),
                text
            ),
            Some(n.range.clone()),
        )
        .about_part("problems")
    })
}

/// A part whose ordinal is another part's, while the parts before and after it carry their
/// template ordinals: a slip, not a renumbering.
fn wrong_ordinal(cx: &Context) -> Vec<Finding> {
    let parts: Vec<(&Node, usize)> = cx
        .sections
        .iter()
        .filter(|n| n.style == Style::CnDun && n.value.is_some())
        .filter_map(|n| {
            let pos = PARTS_2019
                .iter()
                .position(|(k, _)| Some(*k) == n.canonical)?;
            Some((n, pos + 1))
        })
        .collect();
    let right = |i: usize| {
        parts
            .get(i)
            .is_some_and(|(n, want)| n.value == Some(*want as u32))
    };
    let mut out = Vec::new();
    for (i, (n, want)) in parts.iter().enumerate() {
        if n.value == Some(*want as u32) {
            continue;
        }
        let prev_ok = i == 0 || right(i - 1);
        let next_ok = i + 1 == parts.len() || right(i + 1);
        let has_neighbour = i > 0 || i + 1 < parts.len();
        if !(prev_ok && next_ok && has_neighbour) {
            continue;
        }
        let written = n
            .number
            .clone()
            .map(|r| cx.norm[r].to_owned())
            .unwrap_or_default();
        let key = n.canonical.unwrap_or("");
        out.push(
            Finding::new(
                "part_number_wrong",
                Severity::Warning,
                format!(
                    "“{}”是模板的第{}部分，标题却编为“{}、”。",
                    cx.norm[n.title.clone()].trim(),
                    cn(*want),
                    written
                ),
                Some(n.heading.clone()),
            )
            .about_part(key),
        );
    }
    out
}

/// A top-level heading that is one of the overview's topics (政府信息管理, 平台建设, 监督保障).
fn overview_topic_as_part(cx: &Context) -> Vec<Finding> {
    if !cx.sections.iter().any(|n| n.canonical == Some("overview")) {
        return Vec::new();
    }
    cx.sections
        .iter()
        .filter(|n| n.number.is_some() && n.canonical.is_none())
        .filter(|n| {
            let t = cx.norm[n.title.clone()].trim();
            let t = t.trim_end_matches(['。', ' ']);
            let t = t
                .strip_suffix("情况")
                .or_else(|| t.strip_suffix("方面"))
                .or_else(|| t.strip_suffix("工作"))
                .unwrap_or(t);
            OVERVIEW_TOPICS.contains(&t)
        })
        .map(|n| {
            Finding::new(
                "heading_level_wrong",
                Severity::Info,
                format!(
                    "“{}”是“总体情况”中的一项（2021年模板：主动公开、依申请公开、政府信息管理、平台建设、监督保障），却编号为报告的一个部分。",
                    cx.norm[n.heading.clone()].trim()
                ),
                Some(n.heading.clone()),
            )
        })
        .collect()
}

/// Table 2 reports administrative fees while the text says there are none.
fn fees_said_none(cx: &Context) -> Option<Finding> {
    let fee = cx.key.iter().find(|k| {
        k.from == "table2"
            && matches!(k.field, "fees_amount" | "fees_items_last_year")
            && k.value > 0.0
    })?;
    let m = NO_FEES.find_iter(cx.norm).find(|m| {
        // not a table's own words
        let line = cx.lines.partition_point(|l| l.raw.end < m.start());
        !cx.furniture.is.get(line).copied().unwrap_or(false)
            && !cx.tables.iter().any(|t| t.contains(&m.start()))
    })?;
    let what = if fee.field == "fees_amount" {
        format!("本年收费金额 {} 万元", num(fee.value))
    } else {
        format!("上一年项目数量 {}", num(fee.value))
    };
    Some(Finding::new(
        "fees_contradict_table",
        Severity::Warning,
        format!(
            "正文说“{}”，而表二“行政事业性收费”一行填有{what}。",
            m.as_str()
        ),
        Some(m.range()),
    ))
}

fn cn(n: usize) -> &'static str {
    ["", "一", "二", "三", "四", "五", "六", "七", "八"]
        .get(n)
        .copied()
        .unwrap_or("")
}
