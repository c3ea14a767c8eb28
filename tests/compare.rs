//! `xxgk compare`: the overview of many reports, series by body, the cross-year checks with
//! both numbers and both reports quoted, duplicates, `--csv`, `--xlsx` and `--series`.
//!
//! The series fixtures (`tests/fixtures/compare/series/`, written by its `make.py`, which says
//! exactly what was edited): 上海市人民政府办公厅 2019 is the real report (abridged, tables as
//! published); 2020 keeps the real 2020 report's opening but its table figures are made up so
//! that the carried-over chain holds; 2021 is the 2020 text with the year changed and its
//! figures edited so that the chain breaks. Real reports of one body in consecutive years with
//! full tables could not be found outside the archives the corpus came from, so the figures
//! are edited, as said. The 2008-regulation series (平潭县人民政府 2012–2014) is the real 2012
//! report (corpus c02, its 附表 laid out as tab-separated rows) with the year and the 附表
//! figures edited.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/compare/series/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

const SH: [&str; 3] = [
    "上海市人民政府办公厅2019.txt",
    "上海市人民政府办公厅2020.txt",
    "上海市人民政府办公厅2021.txt",
];
const PT: [&str; 3] = [
    "平潭县人民政府2012.txt",
    "平潭县人民政府2013.txt",
    "平潭县人民政府2014.txt",
];

fn xxgk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(args)
        .output()
        .expect("run xxgk")
}

fn compare(files: &[String], extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["compare"];
    args.extend_from_slice(extra);
    args.extend(files.iter().map(String::as_str));
    let out = xxgk(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("xxgk-compare/1 JSON")
}

fn findings(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    let mut out: Vec<&serde_json::Value> = v["checks"].as_array().unwrap().iter().collect();
    for s in v["series"].as_array().unwrap() {
        out.extend(s["checks"].as_array().unwrap());
    }
    out
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    findings(v)
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn consecutive_years_whose_carried_over_requests_chain_hold_give_no_finding() {
    let v = compare(&[fixture(SH[0]), fixture(SH[1])], &[]);
    assert_eq!(v["schema"], "xxgk-compare/1");
    assert_eq!(v["reports"].as_array().unwrap().len(), 2);
    let series = v["series"].as_array().unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0]["body"], "上海市人民政府办公厅");
    let years: Vec<i64> = series[0]["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2019, 2020]);
    let link = &series[0]["links"][0];
    let carried = &link["results"][0];
    assert_eq!(carried["code"], "carried_over");
    assert_eq!(carried["expected"], 72.0);
    assert_eq!(carried["found"], 72.0);
    assert_eq!(carried["status"], "consistent");
    // The two texts are different reports: a low reuse ratio, shown, and no finding.
    assert!(link["reuse"]["ratio"].as_f64().unwrap() < 0.5, "{link}");
    assert_eq!(codes(&v), Vec::<String>::new());
}

#[test]
fn a_broken_chain_is_found_quoting_both_numbers_and_both_reports() {
    let v = compare(&[fixture(SH[1]), fixture(SH[2])], &[]);
    let f = findings(&v);
    let broken = f
        .iter()
        .find(|f| f["code"] == "carried_over_differs")
        .expect("a carried_over_differs finding");
    assert_eq!(broken["severity"], "warning");
    assert_eq!(broken["values"], serde_json::json!([50.0, 45.0]));
    let msg = broken["message"].as_str().unwrap();
    for quoted in [
        "上海市人民政府办公厅2020.txt」（2020年）",
        "上海市人民政府办公厅2021.txt」（2021年）",
        "结转下年度继续办理 50 件",
        "上年结转 45 件",
    ] {
        assert!(msg.contains(quoted), "{quoted} not in {msg}");
    }
    // 2021 is the 2020 text with the year changed: text reuse is found too.
    let reused = f
        .iter()
        .find(|f| f["code"] == "text_reused")
        .expect("text_reused");
    assert!(reused["values"][0].as_f64().unwrap() >= 80.0, "{reused}");
    let passages = v["series"][0]["links"][0]["reuse"]["passages"]
        .as_array()
        .unwrap();
    let text = std::fs::read_to_string(fixture(SH[2])).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for p in passages {
        let (s, e) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            p["text"].as_str().unwrap()
        );
    }
    let mut c = codes(&v);
    c.sort();
    assert_eq!(c, ["carried_over_differs", "text_reused"]);
}

#[test]
fn the_same_file_under_two_names_is_counted_once() {
    let dir = std::env::temp_dir().join(format!("xxgk-compare-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let copy: PathBuf = dir.join("副本.txt");
    std::fs::copy(fixture(SH[0]), &copy).unwrap();
    let v = compare(
        &[fixture(SH[0]), fixture(SH[1]), copy.display().to_string()],
        &[],
    );
    std::fs::remove_dir_all(&dir).ok();
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 3, "every file keeps its row");
    assert_eq!(reports[2]["duplicate_of"], 0);
    assert!(reports[2]["notes"][0]
        .as_str()
        .unwrap()
        .contains("文字相同"));
    assert_eq!(codes(&v), ["duplicate"]);
    // The duplicate is not a second 2019 report of the body.
    assert_eq!(
        v["series"][0]["years"][0]["reports"],
        serde_json::json!([0])
    );
}

#[test]
fn csv_and_workbook_hold_the_overview() {
    let files: Vec<String> = SH.iter().map(|f| fixture(f)).collect();
    let mut args = vec!["compare", "--csv"];
    args.extend(files.iter().map(String::as_str));
    let out = xxgk(&args);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with('\u{FEFF}'));
    let rows: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{FEFF}')
        .trim_end()
        .split("\r\n")
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 4);
    let col = |name: &str| rows[0].iter().position(|h| *h == name).unwrap();
    assert_eq!(rows[0][0], "文件");
    assert_eq!(rows[3][col("机关")], "上海市人民政府办公厅");
    assert_eq!(rows[3][col("年度")], "2021");
    assert_eq!(rows[1][col("本年新收申请")], "859");
    assert_eq!(rows[2][col("上年结转申请")], "72");
    assert_eq!(rows[1][col("按期发布")], "按期");

    let dir = std::env::temp_dir().join(format!("xxgk-compare-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("比较.xlsx");
    let mut args = vec!["compare", "--xlsx", book.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    let out = xxgk(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "--xlsx alone writes the file only");
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(&book).expect("an xlsx that opens");
    assert_eq!(wb.sheet_names(), ["总览", "系列核对", "发现"]);
    let overview = wb.worksheet_range("总览").unwrap();
    // Every CSV cell is in the workbook, numbers as numbers.
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let got = overview.get((r, c)).cloned().unwrap_or(Data::Empty);
            let text = match &got {
                Data::String(s) => s.clone(),
                Data::Float(f) => format!("{f}"),
                Data::Int(i) => i.to_string(),
                Data::Empty => String::new(),
                other => format!("{other:?}"),
            };
            if cell.chars().all(|ch| ch.is_ascii_digit()) && !cell.is_empty() {
                assert!(
                    matches!(got, Data::Float(_)),
                    "({r},{c}) {got:?} is a number"
                );
            }
            assert_eq!(text, *cell, "cell ({r},{c})");
        }
    }
    let checks = wb.worksheet_range("系列核对").unwrap();
    let inconsistent = checks
        .rows()
        .filter(|row| row.iter().any(|c| *c == Data::String("不一致".into())))
        .count();
    assert_eq!(inconsistent, 1, "2020→2021 上年结转");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn series_puts_every_file_in_one_body() {
    // 2019 under another name: matched by name they are two bodies; --series makes one.
    let dir = std::env::temp_dir().join(format!("xxgk-compare-series-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let renamed = dir.join("2019.txt");
    let text = std::fs::read_to_string(fixture(SH[0]))
        .unwrap()
        .replace("上海市人民政府办公厅", "市政府办公厅");
    std::fs::write(&renamed, text).unwrap();
    let files = [renamed.display().to_string(), fixture(SH[1])];
    let by_name = compare(&files, &[]);
    assert_eq!(by_name["series"].as_array().unwrap().len(), 2);
    let one = compare(&files, &["--series"]);
    std::fs::remove_dir_all(&dir).ok();
    let series = one["series"].as_array().unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0]["by_user"], true);
    assert_eq!(series[0]["links"][0]["results"][0]["status"], "consistent");
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_compared() {
    let out = xxgk(&["compare", "/no/such/file.txt", &fixture(SH[0])]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取文件"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reports"].as_array().unwrap().len(), 1);
}

#[test]
fn a_2008_series_without_its_table_read_gives_no_false_finding() {
    let v = compare(&PT.map(fixture), &[]);
    let series = v["series"].as_array().unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0]["links"].as_array().unwrap().len(), 2);
    // Whatever the tables stage reads of the 附表, a running total that holds is never flagged.
    for f in findings(&v) {
        if f["code"] == "cumulative_chain_broken" {
            assert!(f["reports"] == serde_json::json!([1, 2]), "{f}");
        }
    }
}

#[test]
fn a_2008_series_whose_running_total_breaks() {
    let v = compare(&PT.map(fixture), &[]);
    let f = findings(&v);
    let broken: Vec<&&serde_json::Value> = f
        .iter()
        .filter(|f| f["code"] == "cumulative_chain_broken")
        .collect();
    assert_eq!(broken.len(), 1, "{f:?}");
    assert_eq!(broken[0]["values"], serde_json::json!([51.0, 12.0, 60.0]));
    let msg = broken[0]["message"].as_str().unwrap();
    assert!(msg.contains("受理依申请公开信息总数"), "{msg}");
    assert!(
        msg.contains("平潭县人民政府2013.txt」（2013年）历年累计 51"),
        "{msg}"
    );
    assert!(msg.contains("应为 63"), "{msg}");
    // 2012 → 2013 holds on every row.
    let first = &v["series"][0]["links"][0]["results"];
    assert!(first
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["code"] == "cumulative_2008")
        .all(|r| r["status"] == "consistent"));
}
