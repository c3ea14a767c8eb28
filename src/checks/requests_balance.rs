//! Requests in prose must balance: received (+ carried over from last year) = completed +
//! carried to next year; and the stated outcomes must add up to the requests handled.
//! When table 3 is present its own identities are checked by the tables stage instead.
//! Prose often counts 收到申请 as 新收 + 上年结转, so a mismatch may be definitional: the
//! message says so, with both numbers.
//!
//! And the text must not say every request was completed (「所有申请均已办结」) while requests
//! are carried to next year (table 3's 结转下年度继续办理, or the prose's). Statements about
//! timeliness (「均按时办结」, 「在法定期限内办结」) are not claims of completeness.

use super::{num, Context, Finding};
use crate::key::KeyValue;
use crate::report::Severity;
use regex::Regex;
use std::sync::LazyLock;

/// The text says that every request was completed.
static ALL_COMPLETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:所有|全部|各类)(?:政府信息公开)?申请(?:均|都|全部)?(?:已|已经)?(?:全部)?办结|(?:申请|申请件)(?:均|都)已(?:全部)?办结|已全部办结|办结率(?:达到?|为)?100%",
    )
    .expect("valid pattern")
});

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(completed_but_carried(cx));
    if cx.has_table3 {
        return out;
    }
    let get = |f: &str| cx.key.iter().find(|k| k.field == f && k.from == "prose");
    let received = get("requests_received");
    let last = get("requests_carried_over_from_last_year");
    let completed = get("requests_completed");
    let next = get("requests_carried_to_next_year");
    if let (Some(r), Some(c)) = (received, completed) {
        let inflow = r.value + last.map_or(0.0, |k| k.value);
        let outflow = c.value + next.map_or(0.0, |k| k.value);
        if (inflow - outflow).abs() > 1e-9 {
            out.push(Finding::new(
                "requests_do_not_balance",
                Severity::Warning,
                format!(
                    "收到申请 {}{} 件，办结 {}{} 件，两者不平衡（相差 {} 件）。",
                    num(r.value),
                    last.map(|k| format!(" + 上年结转 {}", num(k.value)))
                        .unwrap_or_default(),
                    num(c.value),
                    next.map(|k| format!(" + 结转下年度 {}", num(k.value)))
                        .unwrap_or_default(),
                    num((inflow - outflow).abs())
                ),
                Some(r.range.start..c.range.end.max(r.range.end)),
            ));
        }
    }
    let outcomes: Vec<&KeyValue> = crate::lexicon::key::OUTCOME_FIELDS
        .iter()
        .filter_map(|f| get(f))
        .collect();
    if let (Some(r), true) = (received, outcomes.len() >= 3) {
        let sum: f64 = outcomes.iter().map(|k| k.value).sum();
        let handled = r.value - next.map_or(0.0, |k| k.value) + last.map_or(0.0, |k| k.value);
        let covered_by_shares = cx.quantities.iter().any(|q| {
            q.unit == "%"
                && outcomes
                    .iter()
                    .any(|o| o.range.end <= q.range.start && q.range.start - o.range.end <= 9)
        });
        if (sum - handled).abs() > 1e-9 && !covered_by_shares {
            let terms: Vec<String> = outcomes.iter().map(|k| num(k.value)).collect();
            out.push(Finding::new(
                "outcomes_do_not_add_up",
                Severity::Warning,
                format!(
                    "办理结果 {} = {} 件，与收到申请 {} 件不符（相差 {} 件）。若报告所称“收到申请”含上年结转，差异可能是口径不同。",
                    terms.join(" + "),
                    num(sum),
                    num(handled),
                    num((handled - sum).abs())
                ),
                Some(outcomes[0].range.start..outcomes[outcomes.len() - 1].range.end),
            ));
        }
    }
    out
}

/// 「所有申请均已办结」 while requests are carried to next year.
fn completed_but_carried(cx: &Context) -> Option<Finding> {
    let carried = cx
        .key
        .iter()
        .find(|k| k.field == "requests_carried_to_next_year" && k.value > 0.0)?;
    let m = ALL_COMPLETED.find_iter(cx.norm).find(|m| {
        // 按时办结率100%: on time, not all
        let before = &cx.norm[..m.start()];
        let timely = ["按时", "按期", "及时", "依法", "限内"]
            .iter()
            .any(|w| before.ends_with(w));
        let line = cx.lines.partition_point(|l| l.raw.end < m.start());
        !timely
            && !cx.furniture.is.get(line).copied().unwrap_or(false)
            && !cx.tables.iter().any(|t| t.contains(&m.start()))
    })?;
    let source = if carried.from == "prose" {
        "正文"
    } else {
        "表三"
    };
    Some(Finding::new(
        "all_completed_but_carried",
        Severity::Warning,
        format!(
            "正文说“{}”，而{source}有 {} 件申请结转下年度继续办理。",
            m.as_str(),
            num(carried.value)
        ),
        Some(m.range()),
    ))
}
