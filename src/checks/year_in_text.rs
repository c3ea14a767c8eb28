//! A year in the text that presents another year as the report's own: 「本单位2022年度政府
//! 信息公开…」 or 「现将2022年…年度报告…」 in a report whose title says 2023 — a sentence left
//! over from last year's report.
//!
//! Only sentences in which the report names itself count (本机关/本单位/我局 + year, 现公布/
//! 现将/编制了 + year + 报告); comparisons with another year (比2022年增长, 较上年) and cited
//! documents (《…2022年…通知》) are legitimate and never flagged. Needs the title's year: the
//! year the report gives itself.

use super::{Context, Finding};
use crate::report::Severity;
use crate::scan::patterns::CJK;
use regex::Regex;
use std::sync::LazyLock;

/// The report naming itself with a year. Each branch starts with words, so the search jumps
/// from one candidate to the next (a branch starting with the year would stop at every
/// number of the text); the year of 「2021年本机关政府信息公开…」 is read before the match.
static SELF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?:本(?:机关|单位|部门|局|委|办|厅|院|中心)|我(?:局|委|办|厅|院|单位|中心))((?:19|20)[0-9]{{2}})年度?(?:政府信息公开|政务公开|信息公开)",
            r"|本(?:机关|单位|部门)(?:政府信息公开|政务公开)",
            r"|(?:现公布|现予公布|现将|特向社会公布|编制了)[{CJK}()]{{0,30}}?((?:19|20)[0-9]{{2}})年度?[{CJK}()]{{0,30}}?(?:年度报告|年报)",
        ),
        CJK = CJK
    ))
    .expect("valid pattern")
});

/// The year written right before `at`: 2021年 or 2021年度.
fn year_before(s: &str, at: usize) -> Option<(i32, usize)> {
    let before = &s[..at];
    let before = before
        .strip_suffix("年度")
        .or_else(|| before.strip_suffix('年'))?;
    let b = before.as_bytes();
    if b.len() < 4 || !b[b.len() - 4..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if b.len() > 4 && b[b.len() - 5].is_ascii_digit() {
        return None;
    }
    let y = before[b.len() - 4..].parse().ok()?;
    Some((y, b.len() - 4))
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    if !cx.doc_type.is_annual() {
        return out;
    }
    let Some(year) = cx.meta.title_year else {
        return out;
    };
    for c in SELF_YEAR.captures_iter(cx.norm) {
        let Some(all) = c.get(0) else { continue };
        let (found, start) = match c.get(1).or(c.get(2)) {
            Some(y) => match y.as_str().parse::<i32>() {
                Ok(v) => (v, all.start()),
                Err(_) => continue,
            },
            None => match year_before(cx.norm, all.start()) {
                Some(v) => v,
                None => continue,
            },
        };
        let all_range = start..all.end();
        let before = &cx.norm[..start];
        let in_book = match (before.rfind('《'), before.rfind('》')) {
            (Some(open), Some(close)) => open > close,
            (Some(_), None) => true,
            _ => false,
        };
        let line = cx.lines.partition_point(|l| l.raw.end < all.start());
        let in_furniture = cx.furniture.is.get(line).copied().unwrap_or(false);
        if found == year || in_book || in_furniture {
            continue;
        }
        out.push(Finding::new(
            "year_in_text_differs",
            Severity::Warning,
            format!(
                "正文“{}”把{found}年说成本报告的年度，而标题写的是{year}年（可能沿用了往年报告的文字）。",
                &cx.norm[all_range.clone()]
            ),
            Some(all_range),
        ));
        break;
    }
    out
}
