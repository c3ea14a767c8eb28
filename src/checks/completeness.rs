//! Completeness of an annual report against its template: every statutory part present,
//! none empty, in template order; for a people's government under the 2019 regulation, the
//! results of 工作考核, 社会评议 and 责任追究 reported; the statistical period stated.
//!
//! Only what the text lets us judge: a text that stops mid-report (its last sentence is
//! cut, and the parts not seen are the template's last ones) gets one `truncated` note
//! instead of a `part_missing` for each part it never reached; a report none of whose
//! headings is a template part was not read as one (`parts_not_recognised`), and its parts
//! are not called missing.

use super::{Context, Finding};
use crate::lexicon::parts::{part_name, Era, PARTS_2008, PARTS_2019};
use crate::report::Severity;
use crate::structure::sections::Node;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    if !cx.doc_type.is_annual() {
        return out;
    }
    let parts: &[(&str, &str)] = if cx.era == Era::Y2008 {
        PARTS_2008
    } else {
        PARTS_2019
    };
    let found: Vec<&Node> = cx
        .sections
        .iter()
        .filter(|n| n.canonical.is_some())
        .collect();
    let explicit = found
        .iter()
        .any(|n| n.number.is_some() || !n.title.is_empty());
    if !explicit {
        out.push(Finding::new(
            "parts_not_recognised",
            Severity::Info,
            "未能识别出年度报告模板的各部分（标题的写法或排版特殊），因此未检查缺少哪些部分。"
                .to_owned(),
            None,
        ));
    }
    // The template position of the last part the text reaches.
    let last_present = found
        .iter()
        .filter_map(|n| parts.iter().position(|(k, _)| Some(*k) == n.canonical))
        .max();
    let cut = last_present.and_then(|_| cut_short(cx));
    let mut not_reached: Vec<usize> = Vec::new();
    for (i, (key, name)) in parts.iter().enumerate() {
        // The 2008 regulation has no fixed overview heading and "other" is optional there.
        let optional = cx.era == Era::Y2008 && matches!(*key, "overview" | "other");
        match found.iter().find(|n| n.canonical == Some(key)) {
            None if !explicit || optional && cut.is_some() => {}
            None if cut.is_some() && last_present.is_some_and(|l| i > l) => not_reached.push(i),
            None if !optional => out.push(
                Finding::new(
                    "part_missing",
                    Severity::Warning,
                    format!("缺少第{}部分“{}”。", cn(i + 1), name),
                    None,
                )
                .about_part(key),
            ),
            Some(n) if n.empty => out.push(
                Finding::new(
                    "part_empty",
                    Severity::Warning,
                    format!(
                        "“{}”部分只有标题，没有可读的内容（可能以图片形式发布）。",
                        part_name(key)
                    ),
                    Some(n.range.clone()),
                )
                .about_part(key),
            ),
            _ => {}
        }
    }
    if let (Some(range), false) = (cut.clone(), not_reached.is_empty()) {
        let (a, b) = (not_reached[0], not_reached[not_reached.len() - 1]);
        let names = if a == b {
            format!("第{}部分“{}”", cn(a + 1), parts[a].1)
        } else {
            format!("第{}至第{}部分", cn(a + 1), cn(b + 1))
        };
        let tail = &cx.norm[range.clone()];
        let tail: String = {
            let cs: Vec<char> = tail.chars().collect();
            cs[cs.len().saturating_sub(12)..].iter().collect()
        };
        out.push(Finding::new(
            "truncated",
            Severity::Info,
            format!(
                "文本在“…{tail}”处中断，最后一句不完整：可能是复制或抓取不完整。未见{names}，不作缺少处理。"
            ),
            Some(range),
        ));
    }
    // Order: the template's order of the parts that are present.
    let order: Vec<usize> = found
        .iter()
        .filter_map(|n| parts.iter().position(|(k, _)| Some(*k) == n.canonical))
        .collect();
    if let Some(w) = order.windows(2).position(|w| w[0] > w[1]) {
        let n = found[w + 1];
        let key = n.canonical.unwrap_or("");
        out.push(
            Finding::new(
                "parts_out_of_order",
                Severity::Info,
                format!("“{}”部分的位置与模板顺序不一致。", part_name(key)),
                Some(n.heading.clone()),
            )
            .about_part(key),
        );
    }
    // A text cut before its problems part cannot be judged on what that part reports.
    if cx.era == Era::Y2019 && is_government(cx) && not_reached.is_empty() {
        out.extend(assessment(cx, &found));
    }
    if cx.meta.period.is_none() {
        out.push(Finding::new(
            "period_not_stated",
            Severity::Info,
            "报告未写明数据统计期限（如“2019年1月1日至12月31日”）。".to_owned(),
            None,
        ));
    }
    out
}

/// The last line of the report when it is cut short: it ends in the middle of a sentence
/// or of a table, not with a sentence's end, a signature, a date, 「无」 or a heading.
/// Returns that line's range.
pub fn cut_short(cx: &Context) -> Option<std::ops::Range<usize>> {
    let (_, line) = cx
        .lines
        .iter()
        .enumerate()
        .rev()
        .find(|(i, l)| !l.is_blank() && !cx.furniture.is.get(*i).copied().unwrap_or(false))?;
    let t = line.text(cx.norm).trim_end();
    let last = t.chars().next_back()?;
    let ends_sentence = matches!(
        last,
        '。' | '!' | '?' | ';' | '…' | '”' | '"' | '」' | '』' | ')' | '》' | '.'
    );
    let short_answer = matches!(t, "无" | "无。" | "暂无" | "没有");
    // (a heading alone on the line: one run into its cut-off body is no ending)
    let heading = crate::scan::headings::parse(t, None).is_some_and(|h| h.end >= t.len());
    let signature = crate::lexicon::bodies::is_body(t)
        || crate::scan::dates::parse(t).is_some_and(|(_, n)| n + 4 >= t.len());
    (!(ends_sentence || short_answer || heading || signature)).then(|| line.range.clone())
}

/// The report of a people's government (not of one of its departments).
fn is_government(cx: &Context) -> bool {
    cx.meta.agency.as_deref().is_some_and(|a| {
        a.ends_with("人民政府")
            || a.ends_with("市")
            || a.ends_with("县")
            || a.ends_with("区") && !a.contains("开发区")
    })
}

/// 2019 《条例》 art. 50 (四): 工作考核、社会评议和责任追究结果情况.
fn assessment(cx: &Context, found: &[&Node]) -> Vec<Finding> {
    let mut text = String::new();
    for n in found
        .iter()
        .filter(|n| matches!(n.canonical, Some("problems") | Some("overview")))
    {
        text.push_str(&cx.norm[n.range.clone()]);
    }
    let items = [
        ("工作考核", &["考核"][..]),
        ("社会评议", &["社会评议", "评议"][..]),
        ("责任追究", &["责任追究", "追责", "问责"][..]),
    ];
    let missing: Vec<&str> = items
        .iter()
        .filter(|(_, words)| !words.iter().any(|w| text.contains(w)))
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let at = found
        .iter()
        .find(|n| n.canonical == Some("problems"))
        .map(|n| n.heading.clone());
    vec![Finding::new(
        "assessment_not_reported",
        Severity::Warning,
        format!(
            "人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况，未见：{}。",
            missing.join("、")
        ),
        at,
    )]
}

fn cn(n: usize) -> &'static str {
    ["", "一", "二", "三", "四", "五", "六", "七", "八"]
        .get(n)
        .copied()
        .unwrap_or("")
}
