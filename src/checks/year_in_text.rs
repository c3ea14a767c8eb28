//! A year in the text that presents another year as the report's own: 「本单位2022年度政府
//! 信息公开…」 or 「现将2022年…年度报告…」 in a report whose title says 2023 — a sentence left
//! over from last year's report.
//!
//! Only sentences in which the report names itself count (本机关/本单位/我局 + year, 现公布/
//! 现将/编制了 + year + 报告); comparisons with another year (比2022年增长, 较上年) and cited
//! documents (《…2022年…通知》) are legitimate and never flagged. Needs the title's year: the
//! year the report gives itself. Read in the first 4,000 characters, where a report names
//! itself (its opening and overview).

use super::{Context, Finding};
use crate::report::{DocType, Severity};
use crate::scan::patterns::CJK;
use regex::Regex;
use std::sync::LazyLock;

/// The report naming itself with a year, matched backwards from where it ends (信息公开,
/// 政务公开, 年度报告, 年报: literals found quickly) on the few dozen characters before; the year
/// of 「2021年本机关政府信息公开…」 is read before the match.
static SELF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        concat!(
            r"(?:(?:本(?:机关|单位|部门|局|委|办|厅|院|中心)|我(?:局|委|办|厅|院|单位|中心))((?:19|20)[0-9]{{2}})年度?(?:政府信息公开|政务公开|信息公开)",
            r"|本(?:机关|单位|部门)(?:政府信息公开|政务公开)",
            r"|(?:现公布|现予公布|现将|特向社会公布|编制了)[{CJK}()]{{0,30}}?((?:19|20)[0-9]{{2}})年度?[{CJK}()]{{0,30}}?(?:年度报告|年报))$",
        ),
        CJK = CJK
    ))
    .expect("valid pattern")
});

/// How much of the text is searched: the header, the opening and the overview's start.
const SEARCHED_CHARS: usize = 4000;

/// A cheap test before the regex, on the words that end at `end`: 「…年(度)(政府信息|政务|
/// 信息)公开」 or 「本机关/本单位/本部门…公开」 (branches 1 and 2), or a report (年度报告, 年报) with
/// a verb of publishing shortly before (branch 3).
fn may_name_itself(norm: &str, end: usize) -> bool {
    let before = &norm[..end];
    if let Some(p) = before.strip_suffix("公开") {
        let p = p
            .strip_suffix("政府信息")
            .or_else(|| p.strip_suffix("政务"))
            .or_else(|| p.strip_suffix("信息"))
            .unwrap_or(p);
        return p.ends_with('年')
            || p.ends_with("年度")
            || ["本机关", "本单位", "本部门"]
                .iter()
                .any(|w| p.ends_with(w));
    }
    let mut from = before.len().saturating_sub(3 * 48);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    ["现公布", "现予公布", "现将", "特向社会公布", "编制了"]
        .iter()
        .any(|w| window.contains(w))
}

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
    if !matches!(
        cx.doc_type,
        DocType::AnnualReport2019 | DocType::AnnualReport2008
    ) {
        return out;
    }
    let Some(year) = cx.meta.title_year else {
        return out;
    };
    // The report names itself in its opening and overview: the first characters are read.
    let text = crate::scan::chars::head(cx.norm, SEARCHED_CHARS);
    // where 信息公开/政务公开 (…公开) and 年度报告/年报 (…报, …报告) end
    let open = text
        .match_indices('开')
        .filter(|&(at, _)| text[..at].ends_with('公'))
        .map(|(at, w)| at + w.len());
    let report = text.match_indices('报').filter_map(|(at, w)| {
        let end = at + w.len();
        if text[end..].starts_with('告') {
            Some(end + '告'.len_utf8())
        } else {
            text[..at].ends_with('年').then_some(end)
        }
    });
    let mut ends: Vec<usize> = open.chain(report).collect();
    ends.sort_unstable();
    ends.dedup();
    for end in ends {
        if !may_name_itself(cx.norm, end) {
            continue;
        }
        let mut from = end.saturating_sub(3 * 48);
        while !cx.norm.is_char_boundary(from) {
            from += 1;
        }
        let Some(c) = SELF_YEAR.captures(&cx.norm[from..end]) else {
            continue;
        };
        let Some(m) = c.get(0) else { continue };
        // the match's range in the whole text
        let all = from + m.start()..from + m.end();
        let (found, start) = match c.get(1).or(c.get(2)) {
            Some(y) => match y.as_str().parse::<i32>() {
                Ok(v) => (v, all.start),
                Err(_) => continue,
            },
            None => match year_before(cx.norm, all.start) {
                Some(v) => v,
                None => continue,
            },
        };
        let all_range = start..all.end;
        let before = &cx.norm[..start];
        let in_book = match (before.rfind('《'), before.rfind('》')) {
            (Some(open), Some(close)) => open > close,
            (Some(_), None) => true,
            _ => false,
        };
        let line = cx.lines.partition_point(|l| l.raw.end < all.start);
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
