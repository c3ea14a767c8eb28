//! Prose against table 3: a request figure stated in the text that differs from the table's.
//! Prose often counts 收到申请 as 新收 + 上年结转, so when the difference is exactly the
//! carried-over figure the finding says so and is only informative.

use super::{num, Context, Finding};
use crate::report::Severity;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let table = |f: &str| cx.key.iter().find(|k| k.field == f && k.from != "prose");
    for prose in cx.key.iter().filter(|k| k.from == "prose") {
        let Some(t) = table(prose.field) else {
            continue;
        };
        if t.value == prose.value {
            continue;
        }
        let carried = table("requests_carried_over_from_last_year").map_or(0.0, |k| k.value);
        let definitional =
            prose.field == "requests_received" && carried > 0.0 && t.value + carried == prose.value;
        let name = field_name(prose.field);
        let message = if definitional {
            format!(
                "正文所写{name} {} 与表三本年新收 {} 不同：正文把上年结转的 {} 件计入了收到申请（{} + {} = {}），属口径不同。",
                num(prose.value),
                num(t.value),
                num(carried),
                num(t.value),
                num(carried),
                num(prose.value)
            )
        } else {
            format!(
                "正文所写{name} {} 与表格中的 {} 不一致（以表格为准）。",
                num(prose.value),
                num(t.value)
            )
        };
        out.push(Finding::new(
            "prose_table_differ",
            if definitional {
                Severity::Info
            } else {
                Severity::Warning
            },
            message,
            Some(prose.range.clone()),
        ));
    }
    out
}

fn field_name(field: &str) -> &'static str {
    match field {
        "requests_received" => "收到申请数",
        "requests_carried_over_from_last_year" => "上年结转数",
        "requests_completed" => "办结数",
        "requests_carried_to_next_year" => "结转下年度数",
        "outcome_disclosed" => "予以公开数",
        "outcome_partially_disclosed" => "部分公开数",
        "outcome_not_disclosed" => "不予公开数",
        "outcome_unable_to_provide" => "无法提供数",
        "outcome_not_processed" => "不予处理数",
        "outcome_other" => "其他处理数",
        "review_total" => "行政复议数",
        "litigation_total" => "行政诉讼数",
        _ => "数字",
    }
}
