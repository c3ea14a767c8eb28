//! Integration tests of `xxgk::tables` on the made-up fixtures in tests/fixtures/tables/
//! (written by make_fixtures.py there): two imaginary reports, 2021 and 2019 template, each
//! with tables 2, 3 and 4 in every flattened form, plus one with broken identities.

use xxgk::key::key_values;
use xxgk::normalize::Text;
use xxgk::report::Severity;
use xxgk::tables::{find_tables, is_table_row_label, table_checks, CellStatus, RawTable, TableId};

const FORMS: [&str; 6] = ["tsv", "pipe", "markdown", "cells", "pdf", "glued"];

fn norm_of(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/tables/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Text::new(&raw).norm
}

fn load(name: &str) -> (String, Vec<RawTable>) {
    let norm = norm_of(name);
    let tables = find_tables(&norm);
    (norm, tables)
}

fn table(tables: &[RawTable], id: TableId) -> &RawTable {
    tables
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("{} not found", id.as_str()))
}

fn vals(t: &RawTable, key: &str) -> Vec<Option<f64>> {
    t.row(key)
        .unwrap_or_else(|| panic!("row {key} missing"))
        .values()
}

fn nums(v: &[i64]) -> Vec<Option<f64>> {
    v.iter().map(|&x| Some(x as f64)).collect()
}

fn statuses(t: &RawTable, key: &str) -> Vec<&'static str> {
    t.row(key)
        .map(|r| r.cells.iter().map(|c| c.status.as_str()).collect())
        .unwrap_or_default()
}

/// Key, values and statuses of a row.
type RowCells = (&'static str, Vec<Option<f64>>, Vec<&'static str>);

/// (key, values, statuses) of every row: what must not depend on the form.
fn cells_of(t: &RawTable) -> Vec<RowCells> {
    t.rows
        .iter()
        .map(|r| {
            (
                r.key,
                r.values(),
                r.cells.iter().map(|c| c.status.as_str()).collect(),
            )
        })
        .collect()
}

const T3_KEYS_2021: [&str; 25] = [
    "new_requests",
    "carried_over",
    "outcome_disclosed",
    "outcome_partially_disclosed",
    "not_disclosed_state_secret",
    "not_disclosed_prohibited_by_law",
    "not_disclosed_three_safeties",
    "not_disclosed_third_party",
    "not_disclosed_internal_affairs",
    "not_disclosed_process_info",
    "not_disclosed_enforcement_file",
    "not_disclosed_query_matter",
    "unable_not_held",
    "unable_needs_creation",
    "unable_unclear",
    "not_processed_petition",
    "not_processed_repeated",
    "not_processed_publication",
    "not_processed_mass_repeated",
    "not_processed_confirmation",
    "other_overdue_correction",
    "other_overdue_fee",
    "other_other",
    "outcome_total",
    "carried_to_next_year",
];

#[test]
fn tsv_2021_report_gives_three_tables_with_template_keys_and_values() {
    let (_, tables) = load("r2021_tsv");
    assert_eq!(
        tables.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["table2", "table3", "table4"]
    );
    let t3 = table(&tables, TableId::Table3);
    assert_eq!(t3.title, "三、收到和处理政府信息公开申请情况");
    assert_eq!(t3.template, Some("2021"));
    assert_eq!(t3.form, "tsv");
    assert_eq!(
        t3.columns,
        [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计"
        ]
    );
    assert_eq!(
        t3.rows.iter().map(|r| r.key).collect::<Vec<_>>(),
        T3_KEYS_2021
    );
    assert_eq!(vals(t3, "new_requests"), nums(&[71, 3, 0, 0, 2, 1, 77]));
    assert_eq!(
        vals(t3, "outcome_partially_disclosed"),
        nums(&[5, 0, 0, 0, 0, 1, 6])
    );
    assert_eq!(vals(t3, "unable_not_held"), nums(&[15, 1, 0, 0, 1, 0, 17]));
    assert_eq!(vals(t3, "other_other"), nums(&[1, 0, 0, 0, 0, 0, 1]));
    assert_eq!(vals(t3, "outcome_total"), nums(&[69, 3, 0, 0, 2, 1, 75]));
    assert_eq!(
        vals(t3, "carried_to_next_year"),
        nums(&[5, 0, 0, 0, 0, 0, 5])
    );
    assert!(t3
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.status == CellStatus::Ok));

    let t2 = table(&tables, TableId::Table2);
    assert_eq!(t2.title, "二、主动公开政府信息情况");
    assert_eq!(t2.template, Some("2021"));
    assert_eq!(
        t2.rows.iter().map(|r| r.key).collect::<Vec<_>>(),
        [
            "rules",
            "normative_documents",
            "licensing",
            "penalty",
            "coercion",
            "admin_fees"
        ]
    );
    assert_eq!(vals(t2, "normative_documents"), nums(&[12, 3, 86]));
    assert_eq!(vals(t2, "admin_fees"), vec![Some(1276.5534)]);

    let t4 = table(&tables, TableId::Table4);
    assert_eq!(t4.title, "四、政府信息公开行政复议、行政诉讼情况");
    assert_eq!(t4.template, None);
    assert_eq!(vals(t4, "review"), nums(&[2, 1, 0, 0, 3]));
    assert_eq!(vals(t4, "litigation_direct"), nums(&[1, 0, 0, 0, 1]));
    assert_eq!(vals(t4, "litigation_after_review"), nums(&[1, 0, 0, 0, 1]));
    assert!(table_checks(&tables).is_empty());
}

#[test]
fn tsv_and_pipe_forms_give_identical_cells() {
    for report in ["r2021", "r2019"] {
        let (_, tsv) = load(&format!("{report}_tsv"));
        let (_, pipe) = load(&format!("{report}_pipe"));
        assert_eq!(tsv.len(), 3);
        assert_eq!(table(&pipe, TableId::Table3).form, "pipe");
        for (a, b) in tsv.iter().zip(&pipe) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.template, b.template);
            assert_eq!(cells_of(a), cells_of(b), "{report} {}", a.id.as_str());
        }
    }
}

#[test]
fn every_separated_and_spaced_form_gives_the_cells_of_the_tsv_form() {
    for report in ["r2021", "r2019"] {
        let (_, tsv) = load(&format!("{report}_tsv"));
        for (form, expect) in [
            ("markdown", "markdown"),
            ("cells", "cell_per_line"),
            ("pdf", "spaces"),
        ] {
            let (_, other) = load(&format!("{report}_{form}"));
            assert_eq!(other.len(), 3, "{report}_{form}");
            for (a, b) in tsv.iter().zip(&other) {
                assert_eq!(b.form, expect, "{report}_{form} {}", b.id.as_str());
                assert_eq!(a.template, b.template, "{report}_{form}");
                assert_eq!(
                    cells_of(a),
                    cells_of(b),
                    "{report}_{form} {}",
                    a.id.as_str()
                );
            }
            assert!(table_checks(&other).is_empty(), "{report}_{form}");
        }
    }
}

#[test]
fn markdown_padding_cells_next_to_labels_are_not_data() {
    let (norm, tables) = load("r2021_markdown");
    let t3 = table(&tables, TableId::Table3);
    let row = t3.row("new_requests").unwrap();
    assert_eq!(row.cells.len(), 7);
    assert_eq!(row.cells[0].text, "71");
    assert!(norm[row.range.clone()].starts_with("一、本年新收政府信息公开申请数量"));
    // 行政许可 | 1236 | | : the trailing blanks of the 4-column layout are dropped.
    let t2 = table(&tables, TableId::Table2);
    assert_eq!(vals(t2, "licensing"), nums(&[1236]));
}

#[test]
fn cell_per_line_joins_labels_split_over_lines() {
    let (_, tables) = load("r2021_cells");
    let t3 = table(&tables, TableId::Table3);
    assert_eq!(t3.form, "cell_per_line");
    let r = t3.row("outcome_partially_disclosed").unwrap();
    assert_eq!(
        r.label,
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"
    );
    assert_eq!(r.values(), nums(&[5, 0, 0, 0, 0, 1, 6]));
    // The header cell 总计 before the first row is not (七)总计.
    assert_eq!(t3.rows[0].key, "new_requests");
    assert_eq!(
        t3.rows.iter().filter(|r| r.key == "outcome_total").count(),
        1
    );
}

#[test]
fn pdf_spaces_skip_page_numbers_and_wrapped_label_tails() {
    let (norm, tables) = load("r2021_pdf");
    assert!(norm.contains("\n- 4 -\n"));
    let t3 = table(&tables, TableId::Table3);
    assert_eq!(t3.form, "spaces");
    assert!(t3
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.text != "4" || c.value == Some(4.0)));
    assert_eq!(
        vals(t3, "not_disclosed_internal_affairs"),
        nums(&[1, 0, 0, 0, 0, 0, 1])
    );
    assert_eq!(
        vals(t3, "other_overdue_correction"),
        nums(&[2, 0, 0, 0, 0, 0, 2])
    );
    assert_eq!(vals(t3, "other_overdue_fee"), nums(&[0; 7]));
    // The page number lies inside the table's range but in no cell.
    let page = norm.find("- 4 -").unwrap();
    assert!(t3.range.contains(&page));
    assert!(t3
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| !c.range.contains(&page)));
}

#[test]
fn glued_row_is_decoded_with_row_total() {
    let (norm, tables) = load("r2021_glued");
    let t3 = table(&tables, TableId::Table3);
    assert_eq!(t3.form, "glued");
    let r = t3.row("new_requests").unwrap();
    assert_eq!(r.values(), nums(&[71, 3, 0, 0, 2, 1, 77]));
    assert_eq!(statuses(t3, "new_requests"), ["decoded"; 7]);
    let texts: Vec<&str> = r.cells.iter().map(|c| &norm[c.range.clone()]).collect();
    assert_eq!(texts, ["71", "3", "0", "0", "2", "1", "77"]);
    assert!(r.note.as_deref().unwrap().contains("71|3|0|0|2|1|77"));
    // The digits glued to the label without a space are split off too.
    assert!(norm.contains("二、上年结转政府信息公开申请数量3000003"));
    assert_eq!(vals(t3, "carried_over"), nums(&[3, 0, 0, 0, 0, 0, 3]));
    // Every row decodes and the identities then hold.
    assert!(t3
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.status == CellStatus::Decoded));
    assert!(table_checks(std::slice::from_ref(t3)).is_empty());
}

#[test]
fn ambiguous_glued_row_is_settled_by_column_identities() {
    let (_, tables) = load("r2021_glued");
    let t3 = table(&tables, TableId::Table3);
    // 151001017 fits 1|5|1|0|0|10|17, 1|5|10|0|1|0|17 and 15|1|0|0|1|0|17 by the row
    // total; only the last makes every column balance.
    let r = t3.row("unable_not_held").unwrap();
    assert_eq!(r.values(), nums(&[15, 1, 0, 0, 1, 0, 17]));
    assert_eq!(statuses(t3, "unable_not_held"), ["decoded"; 7]);
    let note = r.note.as_deref().unwrap();
    assert!(note.contains("3 种读法"), "{note}");
}

#[test]
fn ambiguous_glued_row_is_marked_doubtful() {
    let (norm, tables) = load("r2019_glued");
    let t3 = table(&tables, TableId::Table3);
    // 予以公开 11|0|0|0|0|0|11 and 部分公开 1|10|0|0|0|0|11 are both glued to 110000011;
    // swapping them satisfies every identity too, so their first two cells cannot be decided
    // — but every reading has the same 总计 11 and the same zeros, which are known.
    for key in ["outcome_disclosed", "outcome_partially_disclosed"] {
        let r = t3.row(key).unwrap();
        assert_eq!(r.cells.len(), 7, "{key}");
        assert_eq!(
            r.values(),
            [
                None,
                None,
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(11.0)
            ],
            "{key}"
        );
        assert_eq!(
            statuses(t3, key),
            ["doubtful", "doubtful", "decoded", "decoded", "decoded", "decoded", "decoded"]
        );
        for c in &r.cells {
            assert_eq!(&norm[c.range.clone()], c.text);
        }
        let note = r.note.as_deref().unwrap();
        assert!(
            note.contains("1|10|0|0|0|0|11") && note.contains("11|0|0|0|0|0|11"),
            "{note}"
        );
    }
    // Unambiguous rows of the same table are still decoded.
    assert_eq!(vals(t3, "carried_over"), nums(&[2, 0, 0, 0, 0, 0, 2]));
    assert_eq!(statuses(t3, "carried_over"), ["decoded"; 7]);
    let checks = table_checks(&tables);
    let doubtful: Vec<_> = checks
        .iter()
        .filter(|c| c.code == "table_cell_doubtful")
        .collect();
    assert!(doubtful
        .iter()
        .any(|c| c.message.contains("予以公开") && c.severity == Severity::Warning));
    // Doubt is not reported as a broken identity.
    assert!(
        checks.iter().all(|c| c.severity != Severity::Error),
        "{checks:?}"
    );
    // 本年新收 4012010053 reads 40|1|2|0|10|0|53 or 40|12|0|1|0|0|53; whichever way the two
    // rows above are swapped, only the second balances the columns.
    assert_eq!(vals(t3, "new_requests"), nums(&[40, 12, 0, 1, 0, 0, 53]));
    // No key value is made of doubtful cells; the 总计 every reading shares is one.
    let keys = key_values(&tables);
    assert!(keys
        .iter()
        .any(|k| k.field == "requests_received" && k.value == 53.0));
    assert!(keys
        .iter()
        .any(|k| k.field == "outcome_disclosed" && k.value == 11.0));
    assert!(keys
        .iter()
        .any(|k| k.field == "requests_carried_over_from_last_year" && k.value == 2.0));
}

#[test]
fn glued_table4_is_decoded_by_block_totals() {
    let (_, tables) = load("r2021_glued");
    let t4 = table(&tables, TableId::Table4);
    assert_eq!(t4.form, "glued");
    assert_eq!(vals(t4, "review"), nums(&[2, 1, 0, 0, 3]));
    assert_eq!(vals(t4, "litigation_direct"), nums(&[1, 0, 0, 0, 1]));
    assert_eq!(vals(t4, "litigation_after_review"), nums(&[1, 0, 0, 0, 1]));
    assert_eq!(statuses(t4, "review"), ["decoded"; 5]);
}

#[test]
fn glued_table2_rows_have_no_identity_and_stay_doubtful() {
    let (_, tables) = load("r2021_glued");
    let t2 = table(&tables, TableId::Table2);
    // 2015 reads 2|0|15 or 20|1|5: no cell is the same in both.
    let r = t2.row("rules").unwrap();
    assert!(r
        .cells
        .iter()
        .all(|c| c.status == CellStatus::Doubtful && c.value.is_none()));
    assert!(r.note.as_deref().unwrap().contains("2|0|15"));
    // One-number rows are not glued.
    assert_eq!(vals(t2, "licensing"), nums(&[1236]));
    assert_eq!(statuses(t2, "licensing"), ["ok"]);
    let (_, tables) = load("r2019_glued");
    let t2 = table(&tables, TableId::Table2);
    let r = t2.row("licensing").unwrap();
    assert_eq!(r.label, "行政许可");
    assert_eq!(
        (r.cells[0].text.as_str(), r.cells[0].status),
        ("56增152310", CellStatus::Doubtful)
    );
}

#[test]
fn broken_identities_are_reported_with_numbers() {
    let (norm, tables) = load("r2021_broken");
    let checks = table_checks(&tables);
    let codes: Vec<&str> = checks.iter().map(|c| c.code).collect();
    assert_eq!(
        codes,
        [
            "table3_row_total",
            "table3_column_balance",
            "table3_outcome_total",
            "table3_column_balance",
            "table3_outcome_total",
            "table4_block_total"
        ]
    );
    assert!(checks.iter().all(|c| c.severity == Severity::Error));
    let msg = |i: usize| checks[i].message.as_str();
    assert_eq!(
        msg(0),
        "表三“(一)予以公开”行：六类申请人 30 + 1 + 0 + 0 + 1 + 0 = 32，但“总计”列为 33，相差 1。"
    );
    assert_eq!(msg(1), "表三“自然人”列：新收 71 + 上年结转 3 = 74，但办理结果总计 68 + 结转下年度 5 = 73，相差 1。");
    assert_eq!(
        msg(2),
        "表三“自然人”列：办理结果 予以公开 30 + 部分公开 5 + 不予公开 5 + 无法提供 19 + 不予处理 7 + 其他处理 3 = 69，但“(七)总计”为 68，相差 1。"
    );
    assert_eq!(
        msg(3),
        "表三“总计”列：新收 77 + 上年结转 3 = 80，但办理结果总计 74 + 结转下年度 5 = 79，相差 1。"
    );
    assert_eq!(
        msg(5),
        "表四“行政复议”：维持 2 + 纠正 1 + 其他结果 0 + 尚未审结 0 = 3，但总计为 4，相差 1。"
    );
    // Ranges point at the offending total cells.
    let r = |i: usize| &norm[checks[i].range.clone().unwrap()];
    assert_eq!((r(0), r(1), r(3), r(5)), ("33", "68", "74", "4"));
}

#[test]
fn key_values_come_from_table3_totals_and_table4() {
    let (norm, tables) = load("r2021_tsv");
    let keys = key_values(&tables);
    let get = |f: &str| {
        keys.iter()
            .find(|k| k.field == f)
            .unwrap_or_else(|| panic!("{f} missing"))
    };
    let expect = [
        ("requests_received", 77.0),
        ("requests_carried_over_from_last_year", 3.0),
        ("requests_completed", 75.0),
        ("requests_carried_to_next_year", 5.0),
        ("outcome_disclosed", 32.0),
        ("outcome_partially_disclosed", 6.0),
        ("outcome_not_disclosed", 5.0),
        ("outcome_unable_to_provide", 21.0),
        ("outcome_not_processed", 8.0),
        ("outcome_other", 3.0),
        ("review_total", 3.0),
        ("litigation_total", 2.0),
    ];
    let core: Vec<&str> = keys
        .iter()
        .map(|k| k.field)
        .filter(|f| expect.iter().any(|e| e.0 == *f))
        .collect();
    assert_eq!(core.len(), expect.len());
    for (f, v) in expect {
        assert_eq!(get(f).value, v, "{f}");
    }
    assert_eq!(&norm[get("requests_received").range.clone()], "77");
    assert!(get("outcome_not_disclosed")
        .note
        .as_deref()
        .unwrap()
        .contains("不予公开"));
    // The 2019 report: (六)其他处理 is one row.
    let (_, tables) = load("r2019_pdf");
    let keys = key_values(&tables);
    assert!(keys
        .iter()
        .any(|k| k.field == "outcome_other" && k.value == 2.0 && k.note.is_none()));
    assert!(keys
        .iter()
        .any(|k| k.field == "litigation_total" && k.value == 1.0));
}

#[test]
fn templates_differ_in_other_processing_rows_and_table2_columns() {
    let (_, t19) = load("r2019_tsv");
    let t3 = table(&t19, TableId::Table3);
    assert_eq!(t3.template, Some("2019"));
    assert_eq!(vals(t3, "outcome_other"), nums(&[2, 0, 0, 0, 0, 0, 2]));
    assert!(t3.row("other_other").is_none());
    let t2 = table(&t19, TableId::Table2);
    assert_eq!(t2.template, Some("2019"));
    assert_eq!(
        t2.columns,
        ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
    );
    assert_eq!(vals(t2, "licensing"), nums(&[56, 15, 2310]));
    assert_eq!(vals(t2, "other_external_services"), nums(&[12, -4, 305]));
    assert_eq!(vals(t2, "admin_fees"), nums(&[5, -1]));
    assert_eq!(vals(t2, "government_procurement"), nums(&[23, 251000]));
    assert_eq!(
        xxgk::tables::table2_row_columns("2019", "government_procurement"),
        ["采购项目数量", "采购总金额"]
    );
}

#[test]
fn every_cell_range_slices_back_to_the_cell_text() {
    let mut names: Vec<String> = vec!["r2021_broken".to_owned()];
    for r in ["r2021", "r2019"] {
        for f in FORMS {
            names.push(format!("{r}_{f}"));
        }
    }
    for name in names {
        let (norm, tables) = load(&name);
        assert_eq!(tables.len(), 3, "{name}");
        for t in &tables {
            assert!(
                t.range.start <= t.range.end && t.range.end <= norm.len(),
                "{name}"
            );
            for r in &t.rows {
                assert!(
                    t.range.start <= r.range.start && r.range.end <= t.range.end,
                    "{name} {}",
                    r.key
                );
                for c in &r.cells {
                    assert_eq!(
                        norm.get(c.range.clone()),
                        Some(c.text.as_str()),
                        "{name} {}",
                        r.key
                    );
                    assert!(
                        r.range.start <= c.range.start && c.range.end <= r.range.end,
                        "{name}"
                    );
                }
            }
        }
        for k in key_values(&tables) {
            assert!(norm.get(k.range.clone()).is_some(), "{name} {}", k.field);
        }
    }
}

#[test]
fn empty_and_slash_cells_have_no_value() {
    let text = "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t\t/\t3\n行政规范性文件\t-\t0\t12\n";
    let tables = find_tables(text);
    let t2 = table(&tables, TableId::Table2);
    assert_eq!(vals(t2, "rules"), vec![None, None, Some(3.0)]);
    assert_eq!(statuses(t2, "rules"), ["ok"; 3]);
    let r = t2.row("rules").unwrap();
    assert_eq!(
        (r.cells[0].text.as_str(), r.cells[1].text.as_str()),
        ("", "/")
    );
    assert_eq!(
        vals(t2, "normative_documents"),
        vec![None, Some(0.0), Some(12.0)]
    );
}

#[test]
fn wrong_cell_count_is_doubtful_not_shifted() {
    let text = "申请人情况 自然人 总计\n一、本年新收政府信息公开申请数量 5 0 0 0 0 5\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n三、本年度办理结果\n(一)予以公开 5 0 0 0 0 0 5\n(七)总计 5 0 0 0 0 0 5\n四、结转下年度继续办理 0 0 0 0 0 0 0\n";
    let tables = find_tables(text);
    let t3 = table(&tables, TableId::Table3);
    assert_eq!(statuses(t3, "new_requests"), ["doubtful"; 6]);
    assert!(t3
        .row("new_requests")
        .unwrap()
        .note
        .as_deref()
        .unwrap()
        .contains("应有 7 个数，实际读到 6 个"));
    assert_eq!(statuses(t3, "carried_over"), ["ok"; 7]);
    let checks = table_checks(&tables);
    assert_eq!(
        checks.iter().map(|c| c.code).collect::<Vec<_>>(),
        ["table_cell_doubtful"]
    );
}

#[test]
fn seed_reports_without_table_text_give_no_tables() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let raw = std::fs::read_to_string(&p).unwrap();
            let norm = Text::new(&raw).norm;
            assert!(find_tables(&norm).is_empty(), "{}", p.display());
        }
    }
}

#[test]
fn table_row_labels_are_not_section_headings() {
    for l in [
        "一、本年新收政府信息公开申请数量",
        "四、结转下年度继续办理\t5\t0",
        "(七)总计",
        "1.属于国家秘密",
    ] {
        assert!(is_table_row_label(l), "{l}");
    }
    for l in [
        "三、收到和处理政府信息公开申请情况",
        "一、总体情况",
        "(一)主动公开方面。严格按照…",
    ] {
        assert!(!is_table_row_label(l), "{l}");
    }
}

#[test]
fn hostile_input_does_not_panic() {
    // A megabyte of table-like junk: glued runs, endless rows, odd bytes and separators.
    // (Its speed is measured by the benchmarks, not asserted here.)
    let mut s = String::new();
    let pieces = [
        "一、本年新收政府信息公开申请数量 111111111111111111111111111111\n",
        "(三)不予公开1.属于国家秘密1010101010101010101010\n",
        "|规章|1|2|\n",
        "尚未审结\t总计\n1111111111111111111111111111111111111\n",
        "四、结转下年度继续办理 ９９\u{0}\t|\n",
        "二、上年结转政府信息公开申请数量\n0\n0\n",
        "- 4 -\n𠀀𠀀 增 减 元 万元\n",
    ];
    let mut i = 0;
    while s.len() < 1_000_000 {
        s.push_str(pieces[i % pieces.len()]);
        i += 1;
    }
    let tables = find_tables(&s);
    let _ = table_checks(&tables);
    let _ = key_values(&tables);
    for t in &tables {
        for row in &t.rows {
            for c in &row.cells {
                assert_eq!(&s[c.range.clone()], c.text);
            }
        }
    }
    // Every fixture cut at every char boundary near its tables does not panic either.
    let norm = norm_of("r2021_glued");
    for (b, _) in norm.char_indices().step_by(7) {
        let _ = find_tables(&norm[..b]);
        let _ = find_tables(&norm[b..]);
    }
}

#[test]
fn traditional_script_report_reads_the_same_after_normalization() {
    use ferrous_opencc::{config::BuiltinConfig, OpenCC};
    let path = format!(
        "{}/tests/fixtures/tables/r2021_tsv.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let simplified = std::fs::read_to_string(path).unwrap();
    let cc = OpenCC::from_config(BuiltinConfig::S2twp).unwrap();
    let traditional = cc.convert(&simplified);
    assert!(
        traditional.contains("本年新收政府資訊公開申請數量")
            || traditional.contains("本年新收政府信息公開申請數量")
    );
    let text = Text::new(&traditional);
    let tables = find_tables(&text.norm);
    let (_, expect) = load("r2021_tsv");
    assert_eq!(tables.len(), 3);
    for (a, b) in expect.iter().zip(&tables) {
        assert_eq!(cells_of(a), cells_of(b), "{}", a.id.as_str());
    }
    // Cell spans map back to the traditional input as written.
    let c = &table(&tables, TableId::Table3)
        .row("new_requests")
        .unwrap()
        .cells[6];
    assert_eq!(text.span(c.range.clone()).text, "77");
}

#[test]
fn pdf_row_numbers_broken_over_two_lines_stay_in_their_row() {
    let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 法人或其他组织 总计\n\
一、本年新收政府信息公开申请数量 71 3 0\n0 2 1 77\n\
二、上年结转政府信息公开申请数量 3 0 0 0 0 0 3\n三、本年度办理结果\n\
(一)予以公开 74 3 0 0 2 1 80\n(七)总计 74 3 0 0 2 1 80\n四、结转下年度继续办理 0 0 0 0 0 0 0\n\
四、政府信息公开行政复议、行政诉讼情况\n";
    let tables = find_tables(text);
    assert_eq!(tables.len(), 1);
    let t3 = &tables[0];
    assert_eq!(t3.form, "spaces");
    assert_eq!(vals(t3, "new_requests"), nums(&[71, 3, 0, 0, 2, 1, 77]));
    assert_eq!(t3.template, None);
    assert!(table_checks(&tables).is_empty());
    assert_eq!(&text[t3.range.clone()][..15], "申请人情况");
}

#[test]
fn random_table_soup_never_panics_and_cells_slice_back() {
    // Deterministic pseudo-random mixes of labels, digits, separators and odd characters.
    const VOCAB: [&str; 28] = [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "(三)不予公开",
        "1.属于国家秘密",
        "(六)其他处理",
        "3.其他",
        "(七)总计",
        "四、结转下年度继续办理",
        "规章",
        "行政许可",
        "第二十条第(一)项",
        "尚未审结",
        "复议后起诉",
        "总计",
        "\t",
        "|",
        " ",
        "\n",
        "\n- 4 -\n",
        "0",
        "7",
        "713000074",
        "110000011",
        "增15",
        "1276.5534万元",
        "𠀀é",
        "。",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..2000 {
        let n = (next() % 200) as usize;
        let s: String = (0..n)
            .map(|_| VOCAB[(next() % VOCAB.len() as u64) as usize])
            .collect();
        let tables = find_tables(&s);
        let _ = table_checks(&tables);
        for k in key_values(&tables) {
            assert!(s.get(k.range.clone()).is_some());
        }
        for t in &tables {
            assert!(s.get(t.range.clone()).is_some());
            for c in t.rows.iter().flat_map(|r| &r.cells) {
                assert_eq!(s.get(c.range.clone()), Some(c.text.as_str()));
            }
        }
    }
}
