//! The statutory templates: which section titles are which part of the report.
//!
//! The 2019 regulation's template has six parts (overview, proactive, requests,
//! review_litigation, problems, other); the 2008 regulation's reports have their own
//! (overview, proactive, requests_2008, fees, review_litigation, problems, other) with many
//! local variants (report-formats.md §2). Titles are matched in simplified script on
//! keywords, so variants, both scripts and typos such as 行政法复议 map to the same key.

/// Era of the regulation a report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// 2008 《条例》 (reports for 2008–2018).
    Y2008,
    /// 2019 《条例》 (reports for 2019 on).
    Y2019,
}

/// Template part keys with their Chinese names, in template order.
pub const PARTS_2019: &[(&str, &str)] = &[
    ("overview", "总体情况"),
    ("proactive", "主动公开政府信息情况"),
    ("requests", "收到和处理政府信息公开申请情况"),
    ("review_litigation", "政府信息公开行政复议、行政诉讼情况"),
    ("problems", "存在的主要问题及改进情况"),
    ("other", "其他需要报告的事项"),
];

/// Parts of a 2008-regulation report, in their usual order.
pub const PARTS_2008: &[(&str, &str)] = &[
    ("overview", "概述"),
    ("proactive", "主动公开政府信息情况"),
    ("requests_2008", "依申请公开政府信息和不予公开政府信息情况"),
    ("fees", "政府信息公开的收费及减免情况"),
    (
        "review_litigation",
        "因政府信息公开申请行政复议、提起行政诉讼情况",
    ),
    ("problems", "存在的主要问题及改进情况"),
    ("other", "其他需要报告的事项"),
];

/// The short Chinese label of a template part key, as the page and the CLI show it.
pub fn part_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "overview" => "总体情况",
        "proactive" => "主动公开",
        "requests" => "依申请公开",
        "review_litigation" => "复议诉讼",
        "problems" => "问题与改进",
        "other" => "其他事项",
        "requests_2008" => "依申请公开（2008）",
        "fees" => "收费及减免",
        _ => return None,
    })
}

/// Chinese name of a template part key.
pub fn part_name(key: &str) -> &'static str {
    PARTS_2019
        .iter()
        .chain(PARTS_2008)
        .find(|(k, _)| *k == key)
        .map_or("", |(_, n)| n)
}

/// The template part a section title names, era-neutral: `requests` for both request parts.
/// Returns `None` for titles that are not a template part.
pub fn part_of_title(title: &str) -> Option<&'static str> {
    let t = title.trim();
    let has = |w: &str| t.contains(w);
    if has("其他需要报告")
        || has("其他需报告")
        || has("其他事项")
        || has("其它需要报告")
        || t == "其他"
    {
        return Some("other");
    }
    if (has("收费") || has("减免")) && !has("复议") {
        return Some("fees");
    }
    // Shanghai-style 人员和收支情况 / 工作人员和费用支出情况: staff and spending, no template part.
    if has("收支") || has("费用支出") || has("人员") {
        return None;
    }
    if has("复议") || has("诉讼") || has("申诉") {
        return Some("review_litigation");
    }
    if has("问题") && (has("改进") || has("存在") || has("主要") || has("措施") || has("打算"))
        || has("改进情况")
        || has("改进措施")
    {
        return Some("problems");
    }
    if has("收到和处理") || has("依申请") || has("申请公开") || has("公开申请") {
        return Some("requests");
    }
    // 公文类政府信息: the official documents disclosed proactively (Shanghai districts' term).
    if has("主动公开") || has("公文类") {
        return Some("proactive");
    }
    // …年政府信息公开工作情况 / 政务公开工作开展情况: the year's work as a whole.
    if has("总体情况")
        || has("概述")
        || has("基本情况")
        || has("概况")
        || has("总体工作情况")
        || (has("公开工作") && t.ends_with("情况") && !has("存在"))
    {
        return Some("overview");
    }
    None
}

/// The template key of a title in an era: the 2008 request part has its own key.
pub fn canonical(title: &str, era: Era) -> Option<&'static str> {
    match (part_of_title(title)?, era) {
        ("requests", Era::Y2008) if !title.contains("收到和处理") => Some("requests_2008"),
        (k, _) => Some(k),
    }
}

/// Statutory part titles (and frequent variants) that are found glued to the next sentence
/// (`总体情况2019年,…`); longest first.
const GLUED_TITLES: &[&str] = &[
    "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    "政府信息公开工作存在的主要问题及改进情况",
    "依申请公开政府信息和不予公开政府信息情况",
    "因政府信息公开申请行政复议、提起行政诉讼情况",
    "政府信息公开行政复议、行政诉讼情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开的收费及减免情况",
    "存在的主要问题及改进情况",
    "存在的主要问题和改进措施",
    "存在的主要问题及改进措施",
    "存在的问题及改进措施",
    "存在问题及改进措施",
    "主要问题和改进措施",
    "主要问题及改进措施",
    "政府信息依申请公开情况",
    "主动公开政府信息情况",
    "主动公开的政府信息",
    "其他需要报告的事项",
    "总体情况",
    "基本情况",
    "概述",
];

/// Byte length of a statutory title at the start of `rest` when more text follows it.
pub fn glued_part_title(rest: &str) -> Option<usize> {
    GLUED_TITLES
        .iter()
        .find(|t| rest.starts_with(*t) && rest.len() > t.len())
        .map(|t| t.len())
}

/// Words a part title ends with.
const TITLE_ENDS: &[&str] = &["情况", "事项", "措施", "打算", "计划", "概述", "概况"];

/// Byte length of the statutory part title at the start of `rest` when more text follows
/// it: a known title ([`glued_part_title`]), else the shortest run up to a title ending
/// (`情况`, `事项`, …) within 40 characters that names a part and holds no punctuation
/// (`政府信息公开行政法复议、行政诉讼情况行政复议 …` → the title up to 情况).
pub fn title_len(rest: &str) -> Option<usize> {
    if let Some(n) = glued_part_title(rest) {
        // 主动公开的政府信息 + 情况: the title goes on to its ending.
        let more = TITLE_ENDS
            .iter()
            .chain(&["的情况"])
            .find(|w| rest[n..].starts_with(**w))
            .map_or(0, |w| w.len());
        return (n + more < rest.len()).then_some(n + more);
    }
    let limit: usize = rest.chars().take(40).map(char::len_utf8).sum();
    let head = &rest[..limit];
    let stop = head
        .find(['。', ',', ';', ':', '!', '?', ' ', '\t'])
        .unwrap_or(head.len());
    let head = &head[..stop];
    let end = TITLE_ENDS
        .iter()
        .filter_map(|w| head.find(w).map(|k| k + w.len()))
        .filter(|&e| part_of_title(&head[..e]).is_some())
        .min()?;
    (end < rest.len()).then_some(end)
}

/// Row labels of table 3 that look like headings: 一、本年新收政府信息公开申请数量 …
pub fn is_table3_row(rest: &str) -> bool {
    [
        "本年新收",
        "上年结转",
        "本年度办理结果",
        "结转下年度继续办理",
        "结转下年度",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_and_typos_map_to_the_template() {
        assert_eq!(canonical("总体情况", Era::Y2019), Some("overview"));
        assert_eq!(
            canonical("主动公开的政府信息", Era::Y2019),
            Some("proactive")
        );
        assert_eq!(
            canonical("政府信息公开行政法复议、行政诉讼情况", Era::Y2019),
            Some("review_litigation")
        );
        assert_eq!(
            canonical("政府信息公开工作存在的主要问题及改进情况", Era::Y2019),
            Some("problems")
        );
        assert_eq!(
            canonical("存在问题及改进措施", Era::Y2008),
            Some("problems")
        );
        assert_eq!(
            canonical("主要问题和改进措施", Era::Y2019),
            Some("problems")
        );
        assert_eq!(
            canonical("依申请公开政府信息和不予公开政府信息情况", Era::Y2008),
            Some("requests_2008")
        );
        assert_eq!(
            canonical("收到和处理政府信息公开申请情况", Era::Y2019),
            Some("requests")
        );
        assert_eq!(
            canonical("政府信息公开的收费及减免情况", Era::Y2008),
            Some("fees")
        );
        assert_eq!(
            canonical("因政府信息公开申请行政复议、提起行政诉讼情况", Era::Y2008),
            Some("review_litigation")
        );
        assert_eq!(canonical("其他需要报告的事项", Era::Y2019), Some("other"));
        assert_eq!(canonical("典型经验和做法", Era::Y2019), None);
        assert_eq!(
            canonical("政府信息公开支出和收费情况", Era::Y2008),
            Some("fees")
        );
        assert_eq!(canonical("人员和收支情况", Era::Y2008), None);
        assert_eq!(
            canonical("复议、诉讼和申诉情况", Era::Y2008),
            Some("review_litigation")
        );
        assert_eq!(
            canonical("依申请公开政府信息情况", Era::Y2008),
            Some("requests_2008")
        );
    }
}
