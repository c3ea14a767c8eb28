//! One test per form the statistics tables arrive in (issue 12), each on a real report: the
//! development corpus (`tests/fixtures/corpus`), a saved page of the 2019 report of the
//! 上海市人民政府办公厅 (`tests/fixtures/tables/real/shanghai_2019.html`, its three tables
//! whole), and a real table re-flattened the way a PDF gives it
//! (`tests/fixtures/tables/real/make_from_real.py`). Each test names its form; the values are
//! the report's own, checked by hand against its arithmetic (the corpus truth's notes).

use xxgk::report::{Cell, Report, Table, TableRow};

fn corpus(id: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/corpus/{id}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    // Byte for byte: some files use CRLF.
    String::from_utf8(std::fs::read(&path).expect("corpus file")).expect("UTF-8")
}

fn real(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/tables/real/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn table<'a>(r: &'a Report, id: &str) -> &'a Table {
    let found: Vec<&Table> = r.tables.iter().filter(|t| t.id == id).collect();
    assert_eq!(found.len(), 1, "exactly one {id}: {:?}", ids(r));
    found[0]
}

fn ids(r: &Report) -> Vec<&str> {
    r.tables.iter().map(|t| t.id.as_str()).collect()
}

fn row<'a>(t: &'a Table, key: &str) -> &'a TableRow {
    t.rows
        .iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("{} has no row {key}", t.id))
}

fn values(r: &TableRow) -> Vec<Option<f64>> {
    r.cells.iter().map(|c| c.value).collect()
}

fn nums(v: &[i64]) -> Vec<Option<f64>> {
    v.iter().map(|&x| Some(x as f64)).collect()
}

fn statuses(r: &TableRow) -> Vec<&str> {
    r.cells.iter().map(|c| c.status.as_str()).collect()
}

/// The twelve key fields of the contract.
fn key12(r: &Report) -> [Option<f64>; 12] {
    let k = &r.key;
    [
        k.requests_received,
        k.requests_carried_over_from_last_year,
        k.requests_completed,
        k.requests_carried_to_next_year,
        k.outcome_disclosed,
        k.outcome_partially_disclosed,
        k.outcome_not_disclosed,
        k.outcome_unable_to_provide,
        k.outcome_not_processed,
        k.outcome_other,
        k.review_total,
        k.litigation_total,
    ]
}

fn some(v: [i64; 12]) -> [Option<f64>; 12] {
    v.map(|x| Some(x as f64))
}

fn messages<'a>(r: &'a Report, code: &str) -> Vec<&'a str> {
    r.checks
        .iter()
        .filter(|c| c.code == code)
        .map(|c| c.message.as_str())
        .collect()
}

/// Every cell's text is its slice of the input.
fn assert_cells_slice(input: &str, r: &Report) {
    for t in &r.tables {
        for row in &t.rows {
            for Cell {
                text, start, end, ..
            } in &row.cells
            {
                let slice: String = input.chars().skip(*start).take(end - start).collect();
                assert_eq!(&slice, text, "{} {}", t.id, row.key);
            }
        }
    }
}

#[test]
fn html_table_with_spans_blank_cells_and_nbsp() {
    // The 总计 cells of the outcome rows are left blank and zeros are written as &nbsp;:
    // blank is not zero, and a blank total is derived from its complete row.
    let file = xxgk::analyze_file(&real("shanghai_2019.html"), "shanghai_2019.html").unwrap();
    let r = &file.report;
    assert_eq!(r.input.format.as_deref(), Some("html"));
    assert_cells_slice(&file.text, r);
    let t3 = table(r, "table3");
    assert_eq!(t3.template.as_deref(), Some("2019"));
    let disclosed = row(t3, "outcome_disclosed");
    assert_eq!(
        values(disclosed),
        [
            Some(258.0),
            Some(12.0),
            None,
            None,
            Some(1.0),
            Some(1.0),
            Some(272.0)
        ]
    );
    assert_eq!(statuses(disclosed)[6], "derived");
    assert_eq!(
        disclosed.cells[6].text, "",
        "a derived cell keeps its blank text"
    );
    // A stated total stays as written.
    assert_eq!(row(t3, "outcome_total").cells[6].status, "ok");
    // (二)不予公开 rows under a rowspan keep their own labels and cells.
    assert_eq!(
        values(row(t3, "not_disclosed_process_info")),
        [Some(3.0), Some(1.0), None, None, None, None, Some(4.0)]
    );
    assert_eq!(
        key12(r),
        some([859, 18, 805, 72, 272, 3, 35, 337, 158, 0, 7, 9])
    );
    // The sums hold with the derived totals: no identity is reported broken.
    for code in [
        "table3_row_total",
        "table3_column_balance",
        "table3_outcome_total",
        "table4_block_total",
    ] {
        assert!(
            messages(r, code).is_empty(),
            "{code}: {:?}",
            messages(r, code)
        );
    }
    // Table 2's colspans are layout, not cells.
    let t2 = table(r, "table2");
    assert_eq!(values(row(t2, "rules")), nums(&[13, 13, 524]));
    assert_eq!(values(row(t2, "licensing")), nums(&[0, 0, 0]));
    assert_eq!(
        (r.key.rules_issued, r.key.rules_published_total),
        (Some(13.0), Some(524.0))
    );
    assert_eq!(r.key.normative_documents_issued, Some(60.0));
    // 251000元 in a column without a unit: read as written, converted to 万元.
    assert_eq!(r.key.procurement_amount, Some(25.1));
    // The report's prose gives other figures than its table: both are quoted.
    let differ = messages(r, "prose_table_differ");
    assert!(
        differ
            .iter()
            .any(|m| m.contains("258") && m.contains("275")),
        "{differ:?}"
    );
    assert!(
        differ
            .iter()
            .any(|m| m.contains("265") && m.contains("337")),
        "{differ:?}"
    );
    // …but not where they agree (859 received, 7 reviews, 9 suits).
    assert!(!differ
        .iter()
        .any(|m| m.contains("859") || m.contains(" 7 ")));
}

#[test]
fn tab_separated_rows_copied_from_a_saved_page() {
    let text = xxgk::extract(&real("shanghai_2019.html"), "shanghai_2019.html")
        .unwrap()
        .text;
    // The label spans three columns: two places it covers stay empty before the cells.
    assert!(text.contains("一、本年新收政府信息公开申请数量\t\t\t821\t35\t\t\t2\t1\t859"));
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t3 = table(&r, "table3");
    assert_eq!(t3.form, "tsv");
    assert_eq!(
        values(row(t3, "new_requests")),
        [
            Some(821.0),
            Some(35.0),
            None,
            None,
            Some(2.0),
            Some(1.0),
            Some(859.0)
        ]
    );
    assert_eq!(table(&r, "table4").form, "tsv");
    assert_eq!(
        key12(&r),
        some([859, 18, 805, 72, 272, 3, 35, 337, 158, 0, 7, 9])
    );
}

#[test]
fn space_separated_rows_with_a_header_repeated_after_a_page_break() {
    let text = String::from_utf8(real("c09_pdf_page_break.txt")).unwrap();
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t3 = table(&r, "table3");
    assert_eq!(t3.form, "spaces");
    assert_eq!(
        t3.rows.len(),
        23,
        "every row of the 2019 template, across the break"
    );
    // Read by its labels, as written: nothing had to be placed or restored.
    assert!(t3
        .rows
        .iter()
        .all(|row| row.cells.len() == 7 && statuses(row).iter().all(|s| *s == "ok")));
    assert_eq!(
        values(row(t3, "unable_needs_creation")),
        nums(&[0, 0, 0, 0, 0, 0, 0])
    );
    assert_eq!(key12(&r), some([110, 1, 109, 2, 77, 7, 6, 12, 6, 1, 0, 0]));
    assert!(messages(&r, "table_cell_doubtful").is_empty());
}

#[test]
fn space_separated_table4_in_a_one_line_body() {
    // c01: table 4 as fifteen space-separated numbers after its header.
    let text = corpus("c01");
    let r = xxgk::analyze(&text);
    let t4 = table(&r, "table4");
    assert_eq!(t4.form, "spaces");
    assert_eq!(values(row(t4, "review")), nums(&[0, 1, 1, 0, 2]));
    assert_eq!(values(row(t4, "litigation_direct")), nums(&[1, 0, 0, 0, 1]));
    assert_eq!(
        (r.key.review_total, r.key.litigation_total),
        (Some(2.0), Some(1.0))
    );
}

#[test]
fn pipe_rows_without_a_leading_pipe() {
    // c05: `规章 | 0 | 0 | 0 |` under `第二十条第(一)项 | |||`.
    let text = corpus("c05");
    let r = xxgk::analyze(&text);
    let t2 = table(&r, "table2");
    assert_eq!(t2.form, "pipe");
    assert_eq!(t2.template.as_deref(), Some("2021"));
    assert_eq!(values(row(t2, "normative_documents")), nums(&[0, 0, 0]));
    assert_eq!(
        (
            r.key.normative_documents_issued,
            r.key.normative_documents_repealed,
            r.key.normative_documents_in_force,
            r.key.licensing_decisions
        ),
        (Some(0.0), Some(0.0), Some(0.0), Some(0.0))
    );
    // The page has no table 3: no request figure is made up.
    assert_eq!(key12(&r), [None; 12]);
}

#[test]
fn markdown_with_header_rows_and_placeholder_columns() {
    // c08: columns named 数据1…数据6, every row under its own `### …` heading and header, a
    // wrong header row inside the table, `(六) 其他` for (六)其他处理, and table 4 as three
    // tables of one row each.
    let text = corpus("c08");
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t3 = table(&r, "table3");
    assert_eq!(t3.form, "markdown");
    assert_eq!(t3.template.as_deref(), Some("2021"));
    assert_eq!(
        values(row(t3, "other_overdue_correction")),
        nums(&[9, 0, 0, 0, 0, 0, 9])
    );
    assert_eq!(
        values(row(t3, "outcome_total")),
        nums(&[710, 3, 0, 0, 5, 0, 718])
    );
    assert_eq!(
        t3.rows.iter().filter(|r| r.key == "carried_over").count(),
        1
    );
    let t4 = table(&r, "table4");
    assert_eq!(
        values(row(t4, "litigation_after_review")),
        nums(&[8, 0, 1, 1, 10])
    );
    assert_eq!(
        key12(&r),
        some([713, 36, 718, 31, 294, 101, 32, 113, 19, 159, 61, 13])
    );
    // Header rows are not rows with too few cells.
    assert!(
        messages(&r, "table_cell_doubtful").is_empty(),
        "{:?}",
        messages(&r, "table_cell_doubtful")
    );
    let t2 = table(&r, "table2");
    assert_eq!(values(row(t2, "normative_documents")), nums(&[6, 1, 32]));
    assert_eq!(r.key.fees_amount, Some(4068.208));
    assert_eq!(r.key.licensing_decisions, Some(517645.0));
}

#[test]
fn one_cell_per_line() {
    // c09: every cell on its own line, CRLF.
    let text = corpus("c09");
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t3 = table(&r, "table3");
    assert_eq!(t3.form, "cell_per_line");
    assert!(t3.rows.iter().all(|row| statuses(row) == ["ok"; 7]));
    assert_eq!(key12(&r), some([110, 1, 109, 2, 77, 7, 6, 12, 6, 1, 0, 0]));
    let t2 = table(&r, "table2");
    assert_eq!(values(row(t2, "licensing")), nums(&[13191, 0, 92210]));
    assert_eq!(
        (r.key.licensing_items_last_year, r.key.licensing_decisions),
        (Some(13191.0), Some(92210.0))
    );
    assert_eq!(r.key.procurement_amount, Some(48171.458729));
    // Everything read: nothing unknown, no doubt.
    assert!(messages(&r, "key_unknown").is_empty());
    assert!(messages(&r, "table_cell_doubtful").is_empty());
    // 办结403件 (city-wide) against the table's 109: quoted, a warning.
    let differ = messages(&r, "prose_table_differ");
    assert!(differ
        .iter()
        .any(|m| m.contains("403") && m.contains("109")));
}

#[test]
fn label_cells_wrapped_over_lines() {
    // c11: `(一` / `)` / `予以公开`, `(二` / `)` / `部分公开` / `(` / `区分处理的` / `,` …, and
    // header cells split per character (`自` / `然` / `人`).
    let text = corpus("c11");
    let r = xxgk::analyze(&text);
    let t3 = table(&r, "table3");
    assert_eq!(t3.rows.len(), 23);
    let partly = row(t3, "outcome_partially_disclosed");
    assert!(partly.label.contains("部分公开"));
    assert!(partly.label.contains("不计其他情形"), "{}", partly.label);
    assert_eq!(values(partly), nums(&[28, 0, 0, 0, 0, 0, 28]));
}

#[test]
fn digit_runs_split_over_lines() {
    // c10: 本年新收 `160 0 0 2 0 0 1 62` is 160|0|0|2|0|0|162; (七)总计 has both numbers broken.
    let text = corpus("c10");
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t3 = table(&r, "table3");
    let new = row(t3, "new_requests");
    assert_eq!(values(new), nums(&[160, 0, 0, 2, 0, 0, 162]));
    assert_eq!(statuses(new)[6], "decoded");
    assert!(
        new.cells[6].text.contains('\n'),
        "the cell spans the line break"
    );
    assert_eq!(
        values(row(t3, "outcome_total")),
        nums(&[160, 0, 0, 2, 0, 0, 162])
    );
    assert_eq!(
        values(row(t3, "unable_not_held")),
        nums(&[27, 0, 0, 1, 0, 0, 28])
    );
    assert_eq!(key12(&r), some([162, 0, 162, 0, 99, 5, 24, 30, 1, 3, 0, 0]));
    // No prose figure: nothing to compare, no finding.
    assert!(messages(&r, "prose_table_differ").is_empty());
    // The text repeats lines (0 after 0): merged repeats are never assumed.
    assert!(t3
        .rows
        .iter()
        .all(|row| !row.note.as_deref().is_some_and(|n| n.contains("合并"))));
}

#[test]
fn glued_digits() {
    // c01: `713000074` = 71|3|0|0|0|0|74, decodable only with the row and column sums.
    let text = corpus("c01");
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t3 = table(&r, "table3");
    assert_eq!(t3.form, "glued");
    assert_eq!(
        values(row(t3, "new_requests")),
        nums(&[71, 3, 0, 0, 0, 0, 74])
    );
    assert_eq!(values(row(t3, "other_other")), nums(&[0, 2, 0, 0, 0, 0, 2]));
    assert_eq!(key12(&r), some([74, 1, 75, 0, 21, 9, 4, 37, 0, 4, 2, 1]));
    // Table 2 has no sums: `000` has one reading, `8855698` many — those stay unknown, with
    // a check that says why.
    let t2 = table(&r, "table2");
    assert_eq!(values(row(t2, "rules")), nums(&[0, 0, 0]));
    assert_eq!(r.key.rules_in_force, Some(0.0));
    assert_eq!(r.key.normative_documents_in_force, None);
    let unknown = messages(&r, "key_unknown");
    assert!(
        unknown.iter().any(|m| m.contains("规范性文件")),
        "{unknown:?}"
    );
    // 收到申请75件 is 新收 74 + 上年结转 1: said, with both numbers, as information only.
    let differ: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.code == "prose_table_differ")
        .collect();
    assert_eq!(differ.len(), 1, "{differ:?}");
    assert!(differ[0].message.contains("74") && differ[0].message.contains("75"));
    assert_eq!(differ[0].severity, xxgk::report::Severity::Info);
}

#[test]
fn merged_repeated_cells() {
    // c11: the crawler dropped every line equal to the one before it.
    let text = corpus("c11");
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t3 = table(&r, "table3");
    assert_eq!(
        values(row(t3, "outcome_disclosed")),
        nums(&[287, 24, 2, 0, 1, 1, 315])
    );
    // `140 5 0 1 0 146` reads two ways by its row; only one balances the columns.
    assert_eq!(
        values(row(t3, "unable_not_held")),
        nums(&[140, 5, 0, 0, 1, 0, 146])
    );
    assert_eq!(values(row(t3, "not_disclosed_state_secret")), nums(&[0; 7]));
    let t4 = table(&r, "table4");
    assert_eq!(values(row(t4, "review")), nums(&[3, 8, 0, 1, 12]));
    assert_eq!(
        values(row(t4, "litigation_after_review")),
        nums(&[1, 0, 0, 0, 1])
    );
    assert_eq!(
        key12(&r),
        some([539, 8, 545, 2, 315, 28, 32, 149, 7, 14, 12, 3])
    );
    // The prose differs from the table twice; 343 = 315 + 28 is not a difference.
    let differ = messages(&r, "prose_table_differ");
    assert!(differ.iter().any(|m| m.contains("35") && m.contains("32")));
    assert!(differ
        .iter()
        .any(|m| m.contains("146") && m.contains("149")));
    assert!(!differ.iter().any(|m| m.contains("343")), "{differ:?}");
}

#[test]
fn statistics_table_of_a_2008_report_glued_in_a_one_line_body() {
    // c02: `…受理依申请公开信息总数条2121其中：1.当面申请数条1818…` — 本年度 | 历年累计 glued,
    // settled by the table's sums.
    let text = corpus("c02");
    let r = xxgk::analyze(&text);
    assert_cells_slice(&text, &r);
    let t = table(&r, "table2008");
    assert_eq!(t.form, "glued");
    assert_eq!(t.columns, ["本年度", "历年累计"]);
    assert_eq!(values(row(t, "requests")), nums(&[21, 21]));
    assert_eq!(values(row(t, "requests_in_person")), nums(&[18, 18]));
    let k = &r.key;
    assert_eq!(
        (
            k.requests_received,
            k.requests_completed,
            k.outcome_disclosed,
            k.outcome_partially_disclosed,
            k.outcome_not_disclosed,
            k.review_total,
            k.litigation_total
        ),
        (
            Some(21.0),
            Some(21.0),
            Some(17.0),
            Some(2.0),
            Some(2.0),
            Some(0.0),
            Some(0.0)
        )
    );
    assert!(k
        .sources
        .iter()
        .filter(|s| s.field == "outcome_not_disclosed")
        .all(|s| s.from == "table2008"));
    // 不予公开信息数1854条 counts information items of the proactive part, not requests.
    assert!(messages(&r, "prose_table_differ").is_empty());
    // The sentence prose restating the requests is not a second table.
    assert_eq!(ids(&r), ["table2008"]);
    // Its sums hold: nothing to report.
    assert!(messages(&r, "table2008_sum").is_empty());
}

#[test]
fn statistics_table_sums_that_do_not_hold_are_reported_with_both_numbers() {
    // c02's 附表 re-flattened with spaces between its cells, 当面申请数 written 17 instead of
    // 18: the channels add up to 20, not the 21 received, in both columns.
    let table = |in_person: &str| {
        format!(
            "附件1：平潭县人民政府2012年政府信息公开情况统计表\n指标名称 计量单位 2012年度 历年累计\n\
             受理依申请公开信息总数 条 21 21\n其中：1.当面申请数 条 {in_person}\n2.传真申请数 条 0 0\n\
             3.电子邮件申请数 条 3 3\n4.网上申请数 条 0 0\n5.信函申请数 条 0 0\n6.其它形式申请数 条 0 0\n\
             对申请的答复数 条 21 21\n其中：1.同意公开答复数 条 17 17\n2.同意部分公开答复数 条 2 2\n\
             3.否决公开答复数 条 2 2\n行政复议数 条 0 0\n行政诉讼数 条 0 0\n"
        )
    };
    let r = xxgk::analyze(&table("17 17"));
    let t = self::table(&r, "table2008");
    assert_eq!(t.form, "spaces");
    assert_eq!(values(row(t, "requests")), nums(&[21, 21]));
    let sums = messages(&r, "table2008_sum");
    assert_eq!(sums.len(), 2, "{sums:?}");
    assert!(sums.iter().all(|m| m.contains("20") && m.contains("21")));
    // As published, the sums hold.
    let r = xxgk::analyze(&table("18 18"));
    assert!(messages(&r, "table2008_sum").is_empty());
    assert_eq!(r.key.requests_received, Some(21.0));
}

#[test]
fn a_table_inside_a_one_line_body() {
    // c01's body is one line: the layout stage gives each row its own line, and the tables
    // are read with none of the body's sentences.
    let text = corpus("c01");
    assert!(text.lines().map(str::len).max().unwrap_or(0) > 5000);
    let r = xxgk::analyze(&text);
    assert_eq!(ids(&r), ["table2", "table3", "table4"]);
    let t3 = table(&r, "table3");
    assert_eq!(t3.rows.len(), 25);
    assert!(t3.rows.iter().all(|row| !row.label.contains('。')));
}

/// Every text fixture of the repository: corpus, seeds, variants, table fixtures.
fn all_fixtures() -> Vec<(String, String)> {
    let root = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["", "corpus", "variants", "tables", "tables/real"] {
        let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        for n in names {
            let bytes = std::fs::read(format!("{root}/{dir}/{n}")).unwrap();
            if let Ok(text) = String::from_utf8(bytes) {
                out.push((format!("{dir}/{n}"), text));
            }
        }
    }
    let html = xxgk::extract(&real("shanghai_2019.html"), "shanghai_2019.html").unwrap();
    out.push(("tables/real/shanghai_2019.html".to_owned(), html.text));
    out
}

/// What table 3 and table 4 say for a key field.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Says {
    /// A certain value.
    Value(f64),
    /// A certain value if the table's blanks are zeros, else nothing.
    IfBlanksAreZero(f64),
    /// A row the table has but cannot read with certainty.
    Unknown,
}

fn table_says(r: &Report, field: &str) -> Option<Says> {
    let total = |t: &Table, key: &str, n: usize| -> Option<Says> {
        let row = t.rows.iter().find(|r| r.key == key)?;
        let Some(c) = row.cells.get(n - 1).filter(|_| row.cells.len() == n) else {
            return Some(Says::Unknown);
        };
        Some(match (c.status.as_str(), c.value) {
            ("doubtful", _) => Says::Unknown,
            (_, Some(v)) => Says::Value(v),
            (_, None) => Says::IfBlanksAreZero(0.0),
        })
    };
    let sum = |t: &Table, keys: &[&str]| -> Option<Says> {
        let parts: Vec<Says> = keys.iter().filter_map(|k| total(t, k, 7)).collect();
        if parts.is_empty() {
            return None;
        }
        let mut s = 0.0;
        let mut blank = false;
        for p in parts {
            match p {
                Says::Value(v) => s += v,
                Says::IfBlanksAreZero(v) => {
                    s += v;
                    blank = true
                }
                Says::Unknown => return Some(Says::Unknown),
            }
        }
        Some(if blank {
            Says::IfBlanksAreZero(s)
        } else {
            Says::Value(s)
        })
    };
    let t3 = r.tables.iter().find(|t| t.id == "table3");
    let t4 = r.tables.iter().find(|t| t.id == "table4");
    match field {
        "requests_received" => total(t3?, "new_requests", 7),
        "requests_carried_over_from_last_year" => total(t3?, "carried_over", 7),
        "requests_completed" => total(t3?, "outcome_total", 7),
        "requests_carried_to_next_year" => total(t3?, "carried_to_next_year", 7),
        "outcome_disclosed" => total(t3?, "outcome_disclosed", 7),
        "outcome_partially_disclosed" => total(t3?, "outcome_partially_disclosed", 7),
        "outcome_not_disclosed" => sum(
            t3?,
            &[
                "not_disclosed_state_secret",
                "not_disclosed_prohibited_by_law",
                "not_disclosed_three_safeties",
                "not_disclosed_third_party",
                "not_disclosed_internal_affairs",
                "not_disclosed_process_info",
                "not_disclosed_enforcement_file",
                "not_disclosed_query_matter",
            ],
        ),
        "outcome_unable_to_provide" => sum(
            t3?,
            &["unable_not_held", "unable_needs_creation", "unable_unclear"],
        ),
        "outcome_not_processed" => sum(
            t3?,
            &[
                "not_processed_petition",
                "not_processed_repeated",
                "not_processed_publication",
                "not_processed_mass_repeated",
                "not_processed_confirmation",
            ],
        ),
        "review_total" => total(t4?, "review", 5),
        _ => None,
    }
}

#[test]
fn no_key_value_contradicts_what_a_table_states_and_uncertain_fields_are_null_with_a_reason() {
    let fields = [
        "requests_received",
        "requests_carried_over_from_last_year",
        "requests_completed",
        "requests_carried_to_next_year",
        "outcome_disclosed",
        "outcome_partially_disclosed",
        "outcome_not_disclosed",
        "outcome_unable_to_provide",
        "outcome_not_processed",
        "review_total",
    ];
    let mut checked = 0;
    for (name, text) in all_fixtures() {
        let r = xxgk::analyze(&text);
        let key = serde_json::to_value(&r.key).unwrap();
        for f in fields {
            let got = key[f].as_f64();
            let reason = || {
                r.checks
                    .iter()
                    .any(|c| c.code == "key_unknown" || c.code == "table_cell_doubtful")
            };
            match table_says(&r, f) {
                // Stated with certainty: the key agrees.
                Some(Says::Value(v)) => {
                    assert_eq!(got, Some(v), "{name}: {f}");
                    checked += 1;
                }
                // Blank cells: zeros where the table shows it, else unknown with a reason.
                Some(Says::IfBlanksAreZero(v)) => {
                    assert!(got.is_none() || got == Some(v), "{name}: {f} = {got:?}");
                    assert!(
                        got.is_some() || reason(),
                        "{name}: {f} unknown without a reason"
                    );
                    checked += 1;
                }
                // The table has the row but not its value: no number, and a check says why.
                Some(Says::Unknown) => {
                    assert_eq!(got, None, "{name}: {f}");
                    assert!(reason(), "{name}: {f} is unknown without a reason");
                }
                None => {}
            }
            // A value from a table points at cells of that table.
            if let Some(s) = r
                .key
                .sources
                .iter()
                .find(|s| s.field == f && s.from != "prose")
            {
                assert!(
                    r.tables
                        .iter()
                        .any(|t| t.id == s.from && t.start <= s.start && s.end <= t.end),
                    "{name}: {f} from {} outside it",
                    s.from
                );
            }
        }
    }
    assert!(checked >= 150, "only {checked} values compared");
}
