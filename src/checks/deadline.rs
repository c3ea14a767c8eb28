//! Dates: publication after the legal deadline (2019 《条例》 art. 49: departments by 31
//! January, people's governments by 31 March of the following year; 2008 《条例》 art. 31:
//! 31 March for all), and a title year that disagrees with the statistical period.

use super::{Context, Finding};
use crate::lexicon::parts::Era;
use crate::report::{DocType, Severity};
use crate::scan::dates::Date;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let annual = matches!(
        cx.doc_type,
        DocType::AnnualReport2019 | DocType::AnnualReport2008
    );
    if let (true, Some(year), Some(published)) = (annual, cx.meta.year, cx.meta.published) {
        let agency = cx.meta.agency.as_deref().unwrap_or("");
        let government =
            agency.ends_with("人民政府") || agency.ends_with('市') || agency.ends_with('县');
        let (deadline, who) = if cx.era == Era::Y2019 && !government && !agency.is_empty() {
            (
                Date::new(year + 1, 1, 31),
                "县级以上人民政府部门应于次年1月31日前公布",
            )
        } else {
            (
                Date::new(year + 1, 3, 31),
                "县级以上人民政府应于次年3月31日前公布",
            )
        };
        if let Some(d) = deadline.filter(|d| published > *d) {
            out.push(Finding::new(
                "published_late",
                Severity::Warning,
                format!(
                    "发布日期 {} 晚于法定期限 {}（{}）。",
                    published.iso(),
                    d.iso(),
                    who
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
