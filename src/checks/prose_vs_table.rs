//! Prose against the tables: a figure stated in the text (收到申请, 办结, 结转, 各办理结果,
//! 行政复议, 行政诉讼) that differs from the table's, quoting both numbers and pointing at the
//! prose figure.
//!
//! Prose often counts 收到申请 as 新收 + 上年结转: when the prose figure is exactly that sum
//! the finding says so and is only informative. A prose figure for 予以公开 and 部分公开
//! together is checked against the sum of the two table rows. Figures the tables do not give
//! are not compared (the prose value is the key's then), and neither are fields whose table
//! reading is uncertain (they are unknown, see the key stage).

use super::{num, Context, Finding};
use crate::key::field_name;
use crate::report::Severity;

fn table_name(from: &str) -> &'static str {
    match from {
        "table2" => "表二",
        "table3" => "表三",
        "table4" => "表四",
        "table2008" => "统计表",
        _ => "表格",
    }
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let table = |f: &str| cx.key.iter().find(|k| k.field == f && k.from != "prose");
    for prose in cx.key.iter().filter(|k| k.from == "prose") {
        if prose.field == "outcome_disclosed_combined" {
            if let (Some(a), Some(b)) = (
                table("outcome_disclosed"),
                table("outcome_partially_disclosed"),
            ) {
                let sum = a.value + b.value;
                if sum != prose.value {
                    out.push(Finding::new(
                        "prose_table_differ",
                        Severity::Warning,
                        format!(
                            "正文所写予以公开与部分公开合计 {}，与{}中予以公开 {} + 部分公开 {} = {} 不一致（以表格为准）。",
                            num(prose.value),
                            table_name(a.from),
                            num(a.value),
                            num(b.value),
                            num(sum)
                        ),
                        Some(prose.range.clone()),
                    ));
                }
            }
            continue;
        }
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
        let where_ = table_name(t.from);
        let message = if definitional {
            format!(
                "正文所写{name} {} 与{where_}本年新收 {} 不同：正文把上年结转的 {} 件计入了收到申请（{} + {} = {}），属口径不同。",
                num(prose.value),
                num(t.value),
                num(carried),
                num(t.value),
                num(carried),
                num(prose.value)
            )
        } else {
            format!(
                "正文所写{name} {} 与{where_}中的 {} 不一致（以表格为准）。",
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
