//! Made-up reports in styles the seeds do not show: a department's 2021 report in Markdown,
//! a Shanghai-style 2008-regulation report with 第一部分 headings and local part names, and a
//! mirror-site copy in traditional script with pinyin glosses and Taiwan wording.

mod common;

use common::*;
use xxgk::report::{DocType, Script, Severity};

fn variant(name: &str) -> (String, xxgk::report::Report) {
    let path = format!(
        "{}/tests/fixtures/variants/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let r = xxgk::analyze(&text);
    assert_spans(&text, &r);
    (text, r)
}

#[test]
fn department_report_in_markdown() {
    let (_, r) = variant("dept_2021_markdown");
    assert_eq!(
        r.meta.title.as_deref(),
        Some("某市教育局2021年政府信息公开工作年度报告")
    );
    assert_eq!(r.meta.agency.as_deref(), Some("某市教育局"));
    assert_eq!(
        (r.meta.year, r.meta.published.as_deref()),
        (Some(2021), Some("2022-01-25"))
    );
    assert_eq!(r.meta.doc_type, DocType::AnnualReport2019);
    assert_eq!(canonicals(&r), SIX_PARTS);
    assert!(r
        .sections
        .iter()
        .all(|s| s.style == "markdown" && s.level == 1));
    assert_eq!(r.sections[0].children.len(), 2);
    // a department publishes by 31 January: 25 January is on time
    assert!(!r.checks.iter().any(|c| c.code == "published_late"));
    // no people's-government duty to report assessment results
    assert!(!r.checks.iter().any(|c| c.code == "assessment_not_reported"));
    let k = &r.key;
    assert_eq!(
        (
            k.requests_received,
            k.requests_carried_over_from_last_year,
            k.requests_completed,
            k.requests_carried_to_next_year
        ),
        (Some(36.0), Some(2.0), Some(35.0), Some(3.0))
    );
    assert!(
        !r.checks.iter().any(|c| c.code == "requests_do_not_balance"),
        "36 + 2 = 35 + 3"
    );
    assert!(r
        .quantities
        .iter()
        .any(|q| q.text == "1,234条" && q.value == 1234.0));
    let range = r
        .quantities
        .iter()
        .find(|q| q.value_to.is_some())
        .expect("3至5篇");
    assert_eq!(
        (range.value, range.value_to, range.unit.as_str()),
        (3.0, Some(5.0), "篇")
    );
    assert_eq!(
        r.tables.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["table2"]
    );
    let p = r.meta.period.as_ref().unwrap();
    assert_eq!(
        (p.from.as_str(), p.to.as_str()),
        ("2021-01-01", "2021-12-31")
    );
    assert!(r
        .meta
        .cited
        .iter()
        .any(|c| c.number.as_deref() == Some("国办公开办函〔2021〕30号")));
}

#[test]
fn shanghai_style_report_with_part_headings_and_local_parts() {
    let (_, r) = variant("shanghai_2012");
    assert_eq!(r.meta.doc_type, DocType::AnnualReport2008);
    assert_eq!(
        r.meta.published.as_deref(),
        Some("2013-03-20"),
        "二○一三年三月二十日 signature"
    );
    assert_eq!(
        canonicals(&r),
        [
            Some("overview"),
            Some("proactive"),
            Some("requests_2008"),
            Some("fees"),
            Some("review_litigation"),
            None, // 人员和收支情况: staff and spending, no template part
            Some("problems")
        ]
    );
    assert!(r.sections.iter().all(|s| s.style == "part"));
    assert_eq!(r.sections[4].title, "复议、诉讼和申诉情况");
    assert!(
        !r.checks
            .iter()
            .any(|c| c.code == "part_missing" || c.code == "parts_out_of_order"),
        "{:?}",
        r.checks
    );
    assert!(r
        .quantities
        .iter()
        .any(|q| q.text == "3600多条" && q.approx == Some(xxgk::report::Approx::Over)));
}

#[test]
fn mirror_site_copy_in_traditional_with_pinyin_and_taiwan_wording() {
    let (_, r) = variant("mirror_pinyin");
    assert_eq!(r.meta.script, Script::Traditional);
    assert_eq!(r.meta.agency.as_deref(), Some("某縣人民政府"));
    assert_eq!(r.meta.published.as_deref(), Some("2021-04-02"));
    let kinds: Vec<&str> = r.furniture.iter().map(|f| f.kind.as_str()).collect();
    // (来源 and 发布时间 on one line are two header fields)
    assert_eq!(
        kinds,
        ["breadcrumb", "header", "header", "toolbar", "share"]
    );
    assert_eq!(
        r.sections[0].title, "總體情況",
        "glued heading keeps only the title"
    );
    assert_eq!(r.sections.len(), 6);
    assert_eq!(r.key.requests_received, Some(12.0));
    let late = r
        .checks
        .iter()
        .find(|c| c.code == "published_late")
        .expect("after 31 March");
    assert_eq!(late.severity, Severity::Warning);
    assert!(r
        .quantities
        .iter()
        .any(|q| q.text == "5.3萬條" && q.value == 53000.0 && q.unit == "条"));
}
