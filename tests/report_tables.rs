//! The statistics tables through the whole analysis: a report with tables 2–4 in every
//! flattened form gives the same tables and key values, table lines never become sections
//! or quantities, broken identities are reported, and prose is compared with the table.

mod common;

use common::*;
use xxgk::report::Severity;

fn table_fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/tables/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn tsv_report_gives_three_tables_and_key_values_from_table3_and_table4() {
    let text = table_fixture("r2021_tsv");
    let r = xxgk::analyze(&text);
    assert_spans(&text, &r);
    let ids: Vec<&str> = r.tables.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["table2", "table3", "table4"]);
    assert_eq!(r.key.requests_received, Some(77.0));
    assert_eq!(r.key.requests_carried_over_from_last_year, Some(3.0));
    assert_eq!(r.key.outcome_disclosed, Some(32.0));
    assert_eq!(r.key.outcome_partially_disclosed, Some(6.0));
    let src = r
        .key
        .sources
        .iter()
        .find(|s| s.field == "requests_received")
        .unwrap();
    assert_eq!((src.from.as_str(), src.text.as_str()), ("table3", "77"));
    assert!(r.key.sources.iter().any(|s| s.from == "table4"));
    // cells slice the input
    for t in &r.tables {
        for row in &t.rows {
            for c in &row.cells {
                assert_eq!(chars(&text, c.start, c.end), c.text, "{} {}", t.id, row.key);
            }
        }
    }
    // six parts, and no table row opened a section or became a quantity
    assert_eq!(r.sections.len(), 6);
    let mut all = Vec::new();
    walk(&r.sections, &mut all);
    assert!(!all
        .iter()
        .any(|s| s.title.contains("本年新收") || s.title.contains("予以公开")));
    for q in &r.quantities {
        assert!(
            !r.tables
                .iter()
                .any(|t| t.start <= q.start && q.end <= t.end),
            "{:?} inside a table",
            q.text
        );
    }
    assert!(
        r.checks.iter().all(|c| c.severity != Severity::Error),
        "{:?}",
        r.checks
    );
    let p = r.meta.period.as_ref().expect("统计期限自…起至…止");
    assert_eq!(
        (p.from.as_str(), p.to.as_str()),
        ("2021-01-01", "2021-12-31")
    );
}

#[test]
fn every_flattened_form_gives_the_key_values_of_the_tsv_form() {
    let want = key_values(&xxgk::analyze(&table_fixture("r2021_tsv")));
    for form in [
        "r2021_pipe",
        "r2021_markdown",
        "r2021_cells",
        "r2021_pdf",
        "r2021_glued",
    ] {
        let text = table_fixture(form);
        let r = xxgk::analyze(&text);
        assert_spans(&text, &r);
        assert_eq!(key_values(&r), want, "{form}");
    }
}

#[test]
fn broken_table_identities_are_errors_citing_the_numbers() {
    let text = table_fixture("r2021_broken");
    let r = xxgk::analyze(&text);
    let codes: Vec<&str> = r
        .checks
        .iter()
        .filter(|c| c.severity == Severity::Error)
        .map(|c| c.code.as_str())
        .collect();
    for code in [
        "table3_row_total",
        "table3_column_balance",
        "table3_outcome_total",
        "table4_block_total",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    let c = r
        .checks
        .iter()
        .find(|c| c.code == "table4_block_total")
        .unwrap();
    assert!(
        c.message.contains("维持 2") && c.message.contains("总计为 4"),
        "{}",
        c.message
    );
    let (s, e) = (c.start.unwrap(), c.end.unwrap());
    let t4 = r.tables.iter().find(|t| t.id == "table4").unwrap();
    assert!(
        t4.start <= s && e <= t4.end,
        "the check points into table 4"
    );
}

#[test]
fn prose_counting_carried_over_requests_is_explained_not_flagged() {
    // Prose says 80 received; table 3 has 77 new + 3 carried over.
    let text = table_fixture("r2021_tsv").replacen(
        "办理政府信息公开申请若干件",
        "共收到政府信息公开申请80件",
        1,
    );
    let r = xxgk::analyze(&text);
    assert_eq!(
        r.key.requests_received,
        Some(77.0),
        "the table is the authority"
    );
    let c: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.code == "prose_table_differ")
        .collect();
    assert_eq!(c.len(), 1, "{:?}", r.checks);
    assert_eq!(c[0].severity, Severity::Info);
    assert!(c[0].message.contains("77 + 3 = 80"), "{}", c[0].message);
    assert_eq!(chars(&text, c[0].start.unwrap(), c[0].end.unwrap()), "80件");
}

#[test]
fn prose_that_contradicts_the_table_is_a_warning() {
    let text = table_fixture("r2021_tsv").replacen(
        "办理政府信息公开申请若干件",
        "共收到政府信息公开申请95件",
        1,
    );
    let r = xxgk::analyze(&text);
    let c: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.code == "prose_table_differ")
        .collect();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].severity, Severity::Warning);
}

#[test]
fn a_table_that_is_there_but_unreadable_keeps_the_prose_out_of_its_fields() {
    // c08's OCR tables cut into one cell per line with placeholder headers (数据1…数据6) and
    // rule cells: table 3's rows are in the text but cannot be placed. The prose's 749 (新收
    // and 结转 together) must not stand in for the table's 本年新收.
    let text = "三、收到和处理政府信息公开申请情况\n全年共收到政府信息公开申请749件，全部按期答复。\n### 一、本年新收政府信息公开申请数量\n类别\n数据1\n数据2\n---\n---\n本年新收政府信息公开申请数量\n---\n";
    let r = xxgk::analyze(text);
    assert_spans(text, &r);
    assert!(r.tables.iter().all(|t| t.id != "table3"));
    assert_eq!(r.key.requests_received, None);
    assert!(r
        .checks
        .iter()
        .any(|c| c.code == "key_unknown" && c.message.contains("表三在文中")));
    // Without the table's rows, the prose is the report's figure.
    let prose_only =
        "三、收到和处理政府信息公开申请情况\n全年共收到政府信息公开申请749件，全部按期答复。\n";
    assert_eq!(xxgk::analyze(prose_only).key.requests_received, Some(749.0));
}
