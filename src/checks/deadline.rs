//! Dates: publication after the legal deadline, and a title year that disagrees with the
//! statistical period.
//!
//! The deadline depends on who reports. 2019 《条例》 第四十九条: a people's government at
//! county level or above (and a body acting as one: the 管委会 of a development zone,
//! experimental zone or new area) publishes its report by 31 March; its departments and
//! offices by 31 January. 2008 《条例》 第三十一条: every body by 31 March. When the kind of
//! body is unknown (no name, a name read only from the page's header, a town or street that
//! art. 49 sets no date for), the later date is used: a false alarm is worse than a missed
//! one.

use super::{Context, Finding};
use crate::lexicon::bodies::{body_kind, BodyKind};
use crate::lexicon::parts::Era;
use crate::report::Severity;
use crate::scan::dates::Date;

/// The rules, quoted in the messages.
const RULE_2019_DEPARTMENT: &str = "《政府信息公开条例》（2019年修订）第四十九条：县级以上人民政府部门应当在每年1月31日前向社会公布本行政机关上一年度政府信息公开工作年度报告";
const RULE_2019_GOVERNMENT: &str = "《政府信息公开条例》（2019年修订）第四十九条：县级以上地方人民政府应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告";
const RULE_2008: &str =
    "《政府信息公开条例》（2008年）第三十一条：各级行政机关应当在每年3月31日前公布本行政机关的政府信息公开工作年度报告";

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let annual = cx.doc_type.is_annual();
    if let (true, Some(year), Some(published)) = (annual, cx.meta.year, cx.meta.published) {
        // A name read from the page's header is the poster's: its kind says nothing.
        let named_by_report = !matches!(cx.meta.agency_source, Some("header" | "site") | None);
        let kind = match (&cx.meta.agency, named_by_report) {
            (Some(a), true) => body_kind(a),
            _ => BodyKind::Unknown,
        };
        let (deadline, rule) = match (cx.era, kind) {
            (Era::Y2008, _) => (Date::new(year + 1, 3, 31), RULE_2008),
            (Era::Y2019, BodyKind::Department) => {
                (Date::new(year + 1, 1, 31), RULE_2019_DEPARTMENT)
            }
            (Era::Y2019, _) => (Date::new(year + 1, 3, 31), RULE_2019_GOVERNMENT),
        };
        if let Some(d) = deadline.filter(|d| published > *d) {
            let who = cx
                .meta
                .agency
                .as_deref()
                .map(|a| format!("{a}的"))
                .unwrap_or_default();
            out.push(Finding::new(
                "published_late",
                Severity::Warning,
                format!(
                    "{who}{year}年度报告发布日期 {} 晚于法定期限 {}（{rule}）。",
                    published.iso(),
                    d.iso()
                ),
                None,
            ));
        }
    }
    if let (Some(year), Some((from, to, range))) = (cx.meta.year, &cx.meta.period) {
        if from.year != year && to.year != year {
            out.push(Finding::new(
                "year_mismatch",
                Severity::Warning,
                format!(
                    "标题所写年度 {year} 年与统计期限（{} 至 {}）不一致。",
                    from.iso(),
                    to.iso()
                ),
                Some(range.clone()),
            ));
        }
    }
    out
}
