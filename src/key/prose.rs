//! Key indicators: requests received, completed and carried over, their outcomes, and the
//! numbers of administrative reviews and lawsuits.
//!
//! Table 3 and table 4 are the authority when present. Otherwise the indicators are read
//! from the prose: a count (件, 宗, 条, 个, 份, 起) whose own clause names the indicator
//! (全市收到依申请公开件229件 → requests_received; 转接到2021年度办结1件 →
//! requests_carried_to_next_year). The first statement of an indicator wins; clauses that
//! open with 其中 are parts, not totals.

use super::KeyValue;
use crate::lexicon::index::{bit, Present, Words};
use crate::numbers::quantities::Found;
use memchr::memmem;
use std::ops::Range;
use std::sync::LazyLock;

/// The words [`classify`] looks for in a clause, found in one walk over it.
const CLAUSE_WORDS: &[&str] = &[
    "比上年",
    "同比",
    "下年",
    "下一年",
    "转入",
    "转接",
    "顺延",
    "上年结转",
    "上年度结转",
    "上一年度结转",
    "结转",
    "信息数",
    "信息总数",
    "申请",
    "答复",
    "公开",
    "处理",
    "不予公开",
    "部分公开",
    "予以公开",
    "同意公开",
    "全部公开",
    "无法提供",
    "不掌握",
    "信息不存在",
    "不予处理",
    "其他处理",
    "行政复议",
    "诉讼",
    "行政诉讼",
    "复议",
    "办结",
    "办理完毕",
    "收到",
    "受理",
    "接收",
    "接到",
    "新收",
    "共收",
    "年度",
    "信息",
];

fn clause_words(clause: &str) -> Words {
    static PRESENT: LazyLock<Present> = LazyLock::new(|| Present::new(CLAUSE_WORDS));
    PRESENT.in_text(clause)
}

/// Whether the clause words `$found` include `$w` (a word of [`CLAUSE_WORDS`], checked when
/// compiling).
macro_rules! has {
    ($found:expr, $($w:literal)|+) => {
        false $(|| $found.has(const { bit(CLAUSE_WORDS, $w) }))+
    };
}

/// Units that count requests, reviews and suits.
const COUNT_UNITS: &[&str] = &["件", "宗", "条", "个", "份", "起", "次", "例"];

/// Zeros stated in words: a review-and-litigation part that says nothing happened
/// (本年度没有发生…行政复议和提起行政诉讼 / 无。) gives 0 reviews and 0 suits, and a
/// sentence saying no request was received (未收到政府信息公开申请) gives 0 requests.
/// `parts` are the top-level sections as (template key, body range).
pub fn zeros_in_words(norm: &str, parts: &[(Option<&str>, Range<usize>)]) -> Vec<KeyValue> {
    const NONE: &[&str] = &["没有", "未发生", "未出现", "未有", "无"];
    let mut out = Vec::new();
    let zero = |field, range: Range<usize>, note: &str| KeyValue {
        field,
        value: 0.0,
        range,
        from: "prose",
        note: Some(note.to_owned()),
    };
    for (part, body) in parts {
        if *part != Some("review_litigation") {
            continue;
        }
        let text = norm.get(body.clone()).unwrap_or("").trim();
        let short = text.len() <= 360 && text.chars().count() <= 120;
        let no_numbers = !text.bytes().any(|b| (b'1'..=b'9').contains(&b));
        if short && no_numbers && NONE.iter().any(|w| text.contains(w)) {
            let r = body.start + (norm[body.clone()].len() - norm[body.clone()].trim_start().len());
            let r = r..r + text.len();
            let note = "报告称本年度未发生，记为 0。";
            if !text.contains("诉讼") || text.contains("复议") {
                out.push(zero("review_total", r.clone(), note));
            }
            if !text.contains("复议") || text.contains("诉讼") {
                out.push(zero("litigation_total", r, note));
            }
        }
    }
    // 未收到 / 没有收到 / 未受理 / 无 政府信息公开申请, 未收到依申请公开: found from the
    // object's words, the negation read backwards.
    // (searched over the whole text: the searchers are built once)
    static OBJECTS: LazyLock<[(memmem::Finder<'static>, &[&str]); 2]> = LazyLock::new(|| {
        [
            (
                memmem::Finder::new("政府信息公开申请"),
                &["未收到", "没有收到", "未受理", "无"][..],
            ),
            (memmem::Finder::new("依申请公开"), &["未收到"][..]),
        ]
    });
    let said = OBJECTS
        .iter()
        .filter_map(|(object, negations)| {
            object.find_iter(norm.as_bytes()).find_map(|at| {
                negations
                    .iter()
                    .find(|n| norm[..at].ends_with(**n))
                    .map(|n| at - n.len()..at + object.needle().len())
            })
        })
        .min_by_key(|r| r.start);
    if let Some(r) = said {
        out.push(zero(
            "requests_received",
            r,
            "报告称本年度未收到申请，记为 0。",
        ));
    }
    out
}

/// Reads key indicators from prose quantities. `parts` are the top-level sections as
/// (template key, body range): a bare 受理申请 N 件 counts as requests received only in the
/// requests part, since elsewhere it may count applications for services.
pub fn from_prose(
    norm: &str,
    quantities: &[Found],
    parts: &[(Option<&str>, Range<usize>)],
) -> Vec<KeyValue> {
    let in_requests_part = |at: usize| {
        parts
            .iter()
            .any(|(k, r)| matches!(*k, Some("requests" | "requests_2008")) && r.contains(&at))
    };
    let mut out: Vec<KeyValue> = Vec::new();
    for q in quantities {
        if !COUNT_UNITS.contains(&q.unit) || q.approx.is_some() {
            continue;
        }
        let clause = clause_before(norm, q.range.start);
        let words = clause_words(clause);
        let Some((field, note)) = classify(clause, words) else {
            continue;
        };
        if field == "requests_received"
            && !has!(words, "公开" | "信息")
            && !in_requests_part(q.range.start)
            && SERVICE_WORDS
                .iter()
                .any(|w| sentence_before(norm, q.range.start).contains(w))
        {
            continue;
        }
        if out.iter().any(|k| k.field == field) {
            continue;
        }
        // 办结 and 结转 without 申请 in their clause count only in the sentence that stated
        // the requests received (依法依规办结228件 after 收到…申请229件).
        if matches!(
            field,
            "requests_completed" | "requests_carried_to_next_year"
        ) && !has!(words, "申请")
        {
            let same_sentence = out
                .iter()
                .find(|k| k.field == "requests_received")
                .is_some_and(|r| {
                    r.range.end <= q.range.start
                        && !norm[r.range.end..q.range.start].contains(['。', '\n'])
                });
            if !same_sentence {
                continue;
            }
        }
        out.push(KeyValue {
            field,
            value: q.value,
            range: q.range.clone(),
            from: "prose",
            note,
        });
    }
    out
}

/// Words of a sentence about government services (审批服务 windows and their cases): a bare
/// 受理申请 N 件 in it counts service applications, not disclosure requests.
const SERVICE_WORDS: [&str; 6] = ["审批", "窗口", "政务服务", "办件", "便民服务", "服务事项"];

/// The text of the sentence that ends where the number starts.
fn sentence_before(norm: &str, at: usize) -> &str {
    let before = &norm[..at];
    let start = before.rfind(['。', '\n', '!', '?']).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    &before[start..]
}

/// The text of the clause that ends where the number starts.
fn clause_before(norm: &str, at: usize) -> &str {
    let before = &norm[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | '。' | ';' | '\n' | ':' | '!' | '?'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let clause = &before[start..];
    // keep it short: the indicator's words stand right before the number
    let n = clause.chars().count();
    if n > 40 {
        let skip: usize = clause.chars().take(n - 40).map(char::len_utf8).sum();
        &clause[skip..]
    } else {
        clause
    }
}

/// The indicator a clause's count states; `w` are the clause's [`CLAUSE_WORDS`].
fn classify(clause: &str, w: Words) -> Option<(&'static str, Option<String>)> {
    if clause.trim_start().starts_with("其中") || has!(w, "比上年" | "同比") {
        return None;
    }
    let next_year =
        has!(w, "下年" | "下一年" | "转入" | "转接" | "顺延") || has_year_ahead(clause, w);
    if has!(w, "上年结转" | "上年度结转" | "上一年度结转") {
        return Some(("requests_carried_over_from_last_year", None));
    }
    if has!(w, "结转" | "转接" | "转入" | "顺延") && next_year {
        return Some(("requests_carried_to_next_year", None));
    }
    // Counts of information items (不予公开信息数 1854 条 of the proactive statistics) are not
    // outcomes of requests.
    let items = has!(w, "信息数" | "信息总数") && !has!(w, "申请" | "答复");
    if items && has!(w, "公开" | "处理") {
        return None;
    }
    if has!(w, "不予公开") {
        return Some(("outcome_not_disclosed", None));
    }
    // 予以公开与部分公开 4 宗, 属于已公开或部分公开 343 件: one figure for two outcomes, which
    // is neither of them — kept as their sum.
    if has!(w, "部分公开") && clause.matches("公开").count() >= 2 {
        return Some((
            "outcome_disclosed_combined",
            Some("报告只给出“予以公开”与“部分公开”合计的一个数字，二者均未单独给出。".to_owned()),
        ));
    }
    if has!(w, "部分公开") {
        return Some(("outcome_partially_disclosed", None));
    }
    if has!(w, "予以公开" | "同意公开" | "全部公开") {
        return Some(("outcome_disclosed", None));
    }
    if has!(w, "无法提供" | "不掌握" | "信息不存在") {
        return Some(("outcome_unable_to_provide", None));
    }
    if has!(w, "不予处理") {
        return Some(("outcome_not_processed", None));
    }
    if has!(w, "其他处理") {
        return Some(("outcome_other", None));
    }
    if has!(w, "行政复议") && !has!(w, "诉讼") {
        return Some(("review_total", None));
    }
    if has!(w, "行政诉讼") && !has!(w, "复议") {
        return Some(("litigation_total", None));
    }
    if has!(w, "办结" | "办理完毕" | "答复") && !next_year {
        return Some(("requests_completed", None));
    }
    if has!(w, "收到" | "受理" | "接收" | "接到" | "新收" | "共收") && has!(w, "申请")
    {
        return Some(("requests_received", None));
    }
    None
}

/// 转接到2021年度: a four-digit year in the clause marks the next year.
fn has_year_ahead(clause: &str, w: Words) -> bool {
    has!(w, "年度")
        && clause.bytes().filter(u8::is_ascii_digit).count() >= 4
        && (clause.contains('到') || clause.contains('至'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<(&'static str, f64)> {
        let norm = crate::text::normalize::Text::new(s).norm;
        let q = crate::numbers::quantities::extract(&norm, &[]);
        from_prose(&norm, &q, &[])
            .into_iter()
            .map(|k| (k.field, k.value))
            .collect()
    }

    #[test]
    fn received_completed_and_carried_from_one_sentence() {
        assert_eq!(
            keys("全市收到依申请公开件229件,依法依规办结228件,转接到2021年度办结1件。其中,办理向市政府申请的依申请公开件43件"),
            vec![("requests_received", 229.0), ("requests_completed", 228.0), ("requests_carried_to_next_year", 1.0)]
        );
    }

    #[test]
    fn outcomes_with_a_combined_disclosed_figure() {
        // 予以公开及部分公开 411 is neither outcome: both stay unknown, their sum is kept.
        let k = keys("全市598件依申请公开件中,予以公开及部分公开411件,占70%;不予公开23件,占4%;因本机关不掌握等原因无法提供121件,占20%;不予处理21件,占4%;其他处理14件,占2%。");
        assert_eq!(
            k,
            vec![
                ("outcome_disclosed_combined", 411.0),
                ("outcome_not_disclosed", 23.0),
                ("outcome_unable_to_provide", 121.0),
                ("outcome_not_processed", 21.0),
                ("outcome_other", 14.0)
            ]
        );
    }

    #[test]
    fn zeros_stated_in_words() {
        let norm = "本年度没有发生因政府信息公开而申请行政复议和提起行政诉讼情况";
        let k = zeros_in_words(norm, &[(Some("review_litigation"), 0..norm.len())]);
        assert_eq!(
            k.iter().map(|k| (k.field, k.value)).collect::<Vec<_>>(),
            [("review_total", 0.0), ("litigation_total", 0.0)]
        );
        let norm = "无。";
        assert_eq!(
            zeros_in_words(norm, &[(Some("review_litigation"), 0..norm.len())]).len(),
            2
        );
        let norm = "行政复议2起,无行政诉讼。";
        assert!(zeros_in_words(norm, &[(Some("review_litigation"), 0..norm.len())]).is_empty());
        let norm = "本年度未收到政府信息公开申请。";
        let z = zeros_in_words(norm, &[]);
        assert_eq!(z[0].field, "requests_received");
        assert_eq!(&norm[z[0].range.clone()], "未收到政府信息公开申请");
        for said in [
            "全年没有收到政府信息公开申请。",
            "本机关未收到依申请公开事项。",
            "本年度无政府信息公开申请。",
        ] {
            assert_eq!(zeros_in_words(said, &[]).len(), 1, "{said}");
        }
        // the words without their negation say nothing of zero
        assert!(zeros_in_words("共收到政府信息公开申请12件。", &[]).is_empty());
    }

    #[test]
    fn combined_figures_and_information_counts_are_not_outcomes() {
        assert_eq!(
            keys("依申请公开信息中,属于已公开或部分公开343件,占62.9%"),
            [("outcome_disclosed_combined", 343.0)]
        );
        assert_eq!(
            keys("予以公开与部分公开4宗"),
            [("outcome_disclosed_combined", 4.0)]
        );
        assert!(keys("2012年制作、获取政府信息总数3978条,其中主动公开政府信息2026条,作为依申请公开信息数46条,不予公开信息数1854条。").is_empty());
        assert_eq!(
            keys("部分公开28件"),
            [("outcome_partially_disclosed", 28.0)]
        );
        assert_eq!(keys("不予公开35件"), [("outcome_not_disclosed", 35.0)]);
    }

    #[test]
    fn applications_for_services_are_not_disclosure_requests() {
        // 审批服务 applications outside the requests part.
        assert!(
            keys("区县已入驻审批服务部门和单位13个,开设窗口26个,共受理申请121510件。").is_empty()
        );
        assert_eq!(keys("全年共受理申请12件。"), [("requests_received", 12.0)]);
        assert_eq!(
            keys("共受理政府信息公开申请598件"),
            [("requests_received", 598.0)]
        );
        // In the requests part a bare 收到申请 counts.
        let norm = crate::text::normalize::Text::new("全年共收到申请75件。").norm;
        let q = crate::numbers::quantities::extract(&norm, &[]);
        let k = from_prose(&norm, &q, &[(Some("requests"), 0..norm.len())]);
        assert_eq!(
            k.first().map(|k| (k.field, k.value)),
            Some(("requests_received", 75.0))
        );
    }

    #[test]
    fn parts_after_qizhong_are_not_totals() {
        assert_eq!(
            keys("共受理政府信息公开申请598件,比上年增长26%,其中市级行政机关256件"),
            vec![("requests_received", 598.0)]
        );
    }
}
