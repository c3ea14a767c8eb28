//! What only several reports allow: the stage after the single-report analysis.
//!
//! [`compare`] reads finished [`Report`]s (with the texts they were read from, for duplicates
//! and text reuse) and never calls into the single-report stages. It returns the
//! `xxgk-compare/1` [`Comparison`]:
//! - **the overview**: one row per report — file, body, year, type, publication and deadline,
//!   template parts present/empty/missing, every key indicator (the columns follow the fields
//!   of [`crate::report::Key`] through serde, so new fields appear by themselves), counts of
//!   checks, and notes;
//! - **series**: the annual reports of one body, lined up by year. Bodies are matched by a
//!   name key tolerant of how names are written (`body`): script, width and punctuation
//!   folded, 人民政府 = 政府, 管理委员会 = 管委会, a leading province. The user can override the
//!   grouping ([`Options::groups`]) or declare every report one body's ([`Options::one_series`]);
//! - **cross-year checks** inside a series, each quoting both numbers and both reports
//!   (`series`): 上年结转 = last year's 结转下年度继续办理; table 2 (2021 template) last year's
//!   现行有效 + 本年制发 − 本年废止 = this year's 现行有效; the 2008 统计表's 历年累计 = last
//!   year's 历年累计 + 本年度; a missing year; two reports for one body and year; a text that
//!   is largely last year's, with the ratio and the reused passages (`fingerprint`);
//! - **duplicates**: the same text opened twice, or a copy of the same body-year report, is
//!   noted and counted once;
//! - **outliers** (`outliers`): a value ten times beyond every other of the body's series or of
//!   the whole set is marked for a second look (info, never an error).
//!
//! Guarantees: never panics, for any reports and texts; a check is made only when every number
//! it needs is stated (never on a doubtful table cell), so a missing figure gives no finding;
//! passages are spans of the report's own text (character offsets, end-exclusive, `text` equal
//! to the slice). Work is linear in the total text plus the pairs inside a series.

mod body;
mod csv;
mod fields;
mod fingerprint;
mod outliers;
mod overview;
mod series;
mod xlsx;

pub use body::key as body_key;
pub use csv::overview_csv;
pub use fields::{columns, values as key_values, Column};
pub use overview::{doc_type_label, series_table, table as overview_table, Cell};
pub use xlsx::workbook;

use crate::report::{Report, Severity, Span};
use serde::{Deserialize, Serialize};

/// The schema identifier of a comparison.
pub const SCHEMA: &str = "xxgk-compare/1";

/// One report to compare: the name it is shown under (a file name), the text its spans point
/// into, and its analysis.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub report: &'a Report,
}

/// How the reports are grouped into series.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Every report with a year belongs to one series (the user knows they are one body's).
    pub one_series: bool,
    /// A grouping the user set, per input (same order): the series name to put the report in,
    /// or `None` to keep the name comparison's choice. An empty string takes the report out
    /// of every series.
    pub groups: Vec<Option<String>>,
}

/// The comparison of several reports (`xxgk-compare/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub schema: String,
    /// The indicator columns of the overview, in order (`reports[].key` has one entry each).
    pub columns: Vec<Column>,
    /// The overview: one row per input, in input order.
    pub reports: Vec<Row>,
    pub series: Vec<Series>,
    /// Findings about the set: duplicates and outliers against the whole set.
    pub checks: Vec<Finding>,
}

/// Template parts of an annual report by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    pub present: usize,
    pub empty: usize,
    pub missing: usize,
}

/// One row of the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Position in the input.
    pub index: usize,
    pub file: String,
    pub title: Option<String>,
    /// The reporting body as written.
    pub body: Option<String>,
    /// The name key bodies are matched by (see [`body_key`]).
    pub body_key: Option<String>,
    pub year: Option<i32>,
    pub doc_type: crate::report::DocType,
    pub published: Option<String>,
    /// Published within the legal deadline; `None` when it cannot be judged.
    pub on_time: Option<bool>,
    /// `None` for documents without a statutory template.
    pub parts: Option<Parts>,
    /// The key indicators, one per [`Comparison::columns`] entry, in the same order.
    pub key: Vec<Option<f64>>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The earlier input this one repeats; a duplicate is counted once (not in series,
    /// outliers or distributions).
    pub duplicate_of: Option<usize>,
    /// The series (index into [`Comparison::series`]) the report belongs to.
    pub series: Option<usize>,
    /// Remarks of the comparison about this report (duplicate, why it is in no series, …).
    pub notes: Vec<String>,
}

/// The annual reports of one body, lined up by year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The body as most of its reports write it (or the name the user gave the group).
    pub body: String,
    /// The grouping key.
    pub key: String,
    /// True when the user formed this series (by hand or with `one_series`).
    pub by_user: bool,
    /// The years with the reports of each (more than one report is a finding).
    pub years: Vec<YearReports>,
    /// Years between the first and the last without a report.
    pub missing_years: Vec<i32>,
    /// Each pair of consecutive years with one report each, and what was compared.
    pub links: Vec<Link>,
    /// The findings about this series.
    pub checks: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearReports {
    pub year: i32,
    pub reports: Vec<usize>,
}

/// Two consecutive years of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub last_year: i32,
    pub year: i32,
    /// Last year's report and this year's (indices into [`Comparison::reports`]).
    pub last: usize,
    pub this: usize,
    /// The cross-year identities that could be looked at.
    pub results: Vec<ChainResult>,
    /// How much of this year's text repeats last year's; `None` when too little prose.
    pub reuse: Option<Reuse>,
}

/// One cross-year identity between two reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainResult {
    /// `carried_over`, `table2_chain`, `cumulative_2008`.
    pub code: String,
    /// What is compared, in words: 上年结转, 规章 现行有效, 主动公开信息数 历年累计 …
    pub label: String,
    /// The value last year's report implies for this year (`None`: not stated).
    pub expected: Option<f64>,
    /// The value this year's report states (`None`: not stated).
    pub found: Option<f64>,
    /// `consistent`, `inconsistent` or `unknown` (a figure is missing).
    pub status: String,
}

/// Text reuse between this year's report and last year's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// Share of this year's prose (by characters, table rows and page furniture left out)
    /// in sentences that last year's report also has, numbers aside: 0.0–1.0.
    pub ratio: f64,
    /// Characters of prose compared.
    pub chars: usize,
    /// The reused passages in this year's text (consecutive reused sentences merged).
    pub passages: Vec<Span>,
}

/// A finding that only several reports allow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// `carried_over_differs`, `table2_chain_broken`, `cumulative_chain_broken`,
    /// `year_missing`, `year_twice`, `text_reused`, `duplicate`, `outlier_in_series`,
    /// `outlier_in_set`.
    pub code: String,
    pub severity: Severity,
    /// Plain Chinese, quoting the numbers and the reports.
    pub message: String,
    /// The reports concerned (indices into [`Comparison::reports`]).
    pub reports: Vec<usize>,
    /// The key field concerned, when there is one.
    pub field: Option<String>,
    /// The numbers quoted, in the order of the message.
    pub values: Vec<f64>,
}

/// Compares the reports. Never fails: reports that cannot be placed (no body, no year) stay in
/// the overview with a note.
pub fn compare(inputs: &[Input], options: &Options) -> Comparison {
    let columns = fields::columns();
    let reports: Vec<Row> = inputs
        .iter()
        .enumerate()
        .map(|(i, inp)| overview::row(i, inp, &columns))
        .collect();
    finish(inputs, options, columns, reports)
}

/// The comparison of overview rows already read (their `key` aligned with `columns`).
fn finish(
    inputs: &[Input],
    options: &Options,
    columns: Vec<Column>,
    mut reports: Vec<Row>,
) -> Comparison {
    let mut checks = Vec::new();
    let prints: Vec<fingerprint::Whole> = inputs
        .iter()
        .map(|i| fingerprint::Whole::of(i.text))
        .collect();
    series::exact_duplicates(inputs, &prints, &mut reports, &mut checks);
    let mut all_series = series::build(inputs, options, &columns, &mut reports, &mut checks);
    outliers::find(&columns, &mut reports, &mut all_series, &mut checks);
    Comparison {
        schema: SCHEMA.to_owned(),
        columns,
        reports,
        series: all_series,
        checks,
    }
}

/// The comparison as JSON.
pub fn to_json(c: &Comparison, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(c)
    } else {
        serde_json::to_string(c)
    };
    r.unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// A number as a reader expects it: no trailing `.0`.
pub(crate) fn fmt_num(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Every finding of a comparison: the set's, then each series'.
pub fn all_findings(c: &Comparison) -> impl Iterator<Item = &Finding> {
    c.checks
        .iter()
        .chain(c.series.iter().flat_map(|s| &s.checks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Cell, DocType, Table, TableRow};

    /// A made-up annual report of `body` for `year` with the carried-over figures given.
    fn report(
        body: &str,
        year: i32,
        carried_over: Option<f64>,
        carried_next: Option<f64>,
    ) -> Report {
        let mut r = crate::analyze("");
        r.meta.agency = Some(body.to_owned());
        r.meta.year = Some(year);
        r.meta.doc_type = DocType::AnnualReport2019;
        r.key.requests_carried_over_from_last_year = carried_over;
        r.key.requests_carried_to_next_year = carried_next;
        r
    }

    /// Distinct prose for each year, so that no text is reused unless a test wants it.
    fn prose(year: i32) -> String {
        let words = [
            "优化营商环境",
            "公开惠企政策",
            "完善办事指南",
            "建设政务公开专区",
            "规范依申请办理",
            "加强政策解读",
            "回应社会关切",
            "推进基层公开",
        ];
        (0..12)
            .map(|i| {
                format!(
                    "第{i}项：本年着力{}并{}，取得明显成效。\n",
                    words[(i + year as usize) % 8],
                    words[(i * 3 + year as usize * 5) % 8]
                )
            })
            .collect::<String>()
            + &format!("编号{year}")
    }

    fn run(reports: &[(&str, String, Report)], options: &Options) -> Comparison {
        let inputs: Vec<Input> = reports
            .iter()
            .map(|(n, t, r)| Input {
                name: n,
                text: t,
                report: r,
            })
            .collect();
        compare(&inputs, options)
    }

    fn codes(c: &Comparison) -> Vec<&str> {
        all_findings(c).map(|f| f.code.as_str()).collect()
    }

    #[test]
    fn a_chain_that_holds_gives_no_finding_and_one_that_breaks_quotes_both() {
        let set = vec![
            (
                "a2020.txt",
                prose(2020),
                report("甲县人民政府", 2020, Some(1.0), Some(3.0)),
            ),
            (
                "a2021.txt",
                prose(2021),
                report("甲县政府", 2021, Some(3.0), Some(5.0)),
            ),
            (
                "b2020.txt",
                prose(2020) + "乙",
                report("乙县人民政府", 2020, Some(2.0), Some(4.0)),
            ),
            (
                "b2021.txt",
                prose(2021) + "乙",
                report("乙縣人民政府", 2021, Some(3.0), Some(5.0)),
            ),
        ];
        let c = run(&set, &Options::default());
        assert_eq!(c.schema, "xxgk-compare/1");
        assert_eq!(c.series.len(), 2, "{:?}", c.series);
        let jia = c.series.iter().find(|s| s.key == "甲县政府").unwrap();
        assert_eq!(jia.links.len(), 1);
        assert_eq!(jia.links[0].results[0].status, "consistent");
        assert!(jia.checks.is_empty(), "{:?}", jia.checks);
        let yi = c.series.iter().find(|s| s.key == "乙县政府").unwrap();
        assert_eq!(
            yi.years.iter().map(|y| y.year).collect::<Vec<_>>(),
            [2020, 2021]
        );
        let f = &yi.checks[0];
        assert_eq!(f.code, "carried_over_differs");
        assert_eq!(f.values, [4.0, 3.0]);
        assert_eq!(f.reports, [2, 3]);
        for quoted in [
            "「b2020.txt」（2020年）",
            "「b2021.txt」（2021年）",
            " 4 件",
            " 3 件",
        ] {
            assert!(f.message.contains(quoted), "{quoted} in {}", f.message);
        }
        assert_eq!(c.reports[3].series, c.reports[2].series);
        assert_eq!(codes(&c), ["carried_over_differs"]);
    }

    #[test]
    fn a_missing_figure_gives_no_finding() {
        let set = vec![
            (
                "a2020.txt",
                prose(2020),
                report("甲县人民政府", 2020, None, None),
            ),
            (
                "a2021.txt",
                prose(2021),
                report("甲县人民政府", 2021, Some(3.0), None),
            ),
        ];
        let c = run(&set, &Options::default());
        assert_eq!(c.series[0].links[0].results[0].status, "unknown");
        assert!(codes(&c).is_empty());
    }

    #[test]
    fn years_missing_twice_and_not_consecutive() {
        let set = vec![
            (
                "2019.txt",
                prose(2019),
                report("甲县人民政府", 2019, None, Some(3.0)),
            ),
            (
                "2021.txt",
                prose(2021),
                report("甲县人民政府", 2021, Some(7.0), Some(5.0)),
            ),
            (
                "2022a.txt",
                prose(2022),
                report("甲县人民政府", 2022, Some(5.0), None),
            ),
            (
                "2022b.txt",
                prose(2023),
                report("甲县人民政府", 2022, Some(9.0), None),
            ),
        ];
        let c = run(&set, &Options::default());
        let s = &c.series[0];
        assert_eq!(s.missing_years, [2020]);
        // 2019→2021 is not consecutive and 2022 has two different reports: nothing to chain.
        assert!(s.links.is_empty(), "{:?}", s.links);
        let mut got = codes(&c);
        got.sort();
        assert_eq!(got, ["year_missing", "year_twice"]);
        let twice = s.checks.iter().find(|f| f.code == "year_twice").unwrap();
        assert!(twice.message.contains("「2022a.txt」") && twice.message.contains("「2022b.txt」"));
        assert_eq!(twice.severity, Severity::Warning);
    }

    #[test]
    fn the_same_report_twice_is_counted_once() {
        let text = prose(2020);
        let set = vec![
            (
                "a.txt",
                text.clone(),
                report("甲县人民政府", 2020, Some(1.0), Some(3.0)),
            ),
            (
                "copy of a.txt",
                text.replace('\n', "\r\n"),
                report("甲县人民政府", 2020, Some(1.0), Some(3.0)),
            ),
            (
                "mirror.txt",
                format!("标题：某网站\n{text}"),
                report("甲县人民政府", 2020, Some(1.0), Some(3.0)),
            ),
        ];
        let c = run(&set, &Options::default());
        assert_eq!(c.reports.len(), 3, "every file keeps its row");
        assert_eq!(c.reports[1].duplicate_of, Some(0));
        assert_eq!(
            c.reports[2].duplicate_of,
            Some(0),
            "a copy with other page furniture"
        );
        assert!(c.reports[1].notes[0].contains("「a.txt」"));
        assert_eq!(c.series[0].years[0].reports, [0]);
        assert_eq!(codes(&c), ["duplicate", "duplicate"]);
        // Figures that differ make two reports, not one.
        let set = vec![
            (
                "a.txt",
                text.clone(),
                report("甲县人民政府", 2020, Some(1.0), Some(3.0)),
            ),
            (
                "b.txt",
                text.clone() + "。",
                report("甲县人民政府", 2020, Some(1.0), Some(4.0)),
            ),
        ];
        let c = run(&set, &Options::default());
        assert_eq!(c.reports[1].duplicate_of, None);
        assert_eq!(codes(&c), ["year_twice"]);
    }

    #[test]
    fn last_years_text_reused_is_found_with_its_passages() {
        let last = prose(2020);
        let this = last.replace("2020", "2021").replace("第3项", "第三项");
        let set = vec![
            (
                "2020.txt",
                last.clone(),
                report("甲县人民政府", 2020, None, None),
            ),
            (
                "2021.txt",
                this.clone(),
                report("甲县人民政府", 2021, None, None),
            ),
        ];
        let c = run(&set, &Options::default());
        let link = &c.series[0].links[0];
        let reuse = link.reuse.as_ref().unwrap();
        assert!(reuse.ratio > 0.85 && reuse.ratio < 1.0, "{}", reuse.ratio);
        for p in &reuse.passages {
            let slice: String = this.chars().skip(p.start).take(p.end - p.start).collect();
            assert_eq!(slice, p.text);
        }
        assert!(
            reuse.passages.len() >= 2,
            "the changed sentence splits the passages"
        );
        let f = &c.series[0].checks[0];
        assert_eq!(f.code, "text_reused");
        assert!(f.message.contains('%') && f.message.contains("「2020.txt」"));
    }

    #[test]
    fn the_table2_chain_of_the_2021_template() {
        let columns = fields::columns();
        let t2 = Table {
            id: "table2".into(),
            title: String::new(),
            template: Some("2021".into()),
            form: "tsv".into(),
            start: 0,
            end: 0,
            columns: vec![],
            rows: vec![],
        };
        // issued, repealed, in force
        let mk = |year: i32, rules: [f64; 3], normative: [f64; 3]| {
            let mut r = report("甲县人民政府", year, None, None);
            r.tables.push(t2.clone());
            let k = &mut r.key;
            (k.rules_issued, k.rules_repealed, k.rules_in_force) =
                (Some(rules[0]), Some(rules[1]), Some(rules[2]));
            (
                k.normative_documents_issued,
                k.normative_documents_repealed,
                k.normative_documents_in_force,
            ) = (Some(normative[0]), Some(normative[1]), Some(normative[2]));
            r
        };
        let r1 = mk(2021, [2.0, 0.0, 15.0], [12.0, 3.0, 86.0]);
        let r2 = mk(2022, [1.0, 1.0, 15.0], [10.0, 4.0, 90.0]);
        let (t1, t2s) = (prose(2021), prose(2022));
        let inputs = [
            Input {
                name: "2021.txt",
                text: &t1,
                report: &r1,
            },
            Input {
                name: "2022.txt",
                text: &t2s,
                report: &r2,
            },
        ];
        let rows: Vec<Row> = inputs
            .iter()
            .enumerate()
            .map(|(i, inp)| overview::row(i, inp, &columns))
            .collect();
        let c = finish(&inputs, &Options::default(), columns, rows);
        let link = &c.series[0].links[0];
        let t2r: Vec<&ChainResult> = link
            .results
            .iter()
            .filter(|r| r.code == "table2_chain")
            .collect();
        assert_eq!(t2r.len(), 2);
        // 规章: 15 + 1 − 1 = 15 holds; 规范性文件: 86 + 10 − 4 = 92, not 90.
        assert_eq!(t2r[0].status, "consistent");
        assert_eq!((t2r[1].expected, t2r[1].found), (Some(92.0), Some(90.0)));
        let f: Vec<&Finding> = all_findings(&c).collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "table2_chain_broken");
        assert_eq!(f[0].values, [86.0, 10.0, 4.0, 90.0]);
        assert!(
            f[0].message.contains("规范性文件") && f[0].message.contains("应为 92 件"),
            "{}",
            f[0].message
        );
    }

    fn table2008(cur_cum: &[(&str, &str, f64, Option<f64>)]) -> Table {
        let cell = |v: Option<f64>, status: &str| Cell {
            value: v,
            text: v.map(fmt_num).unwrap_or_default(),
            start: 0,
            end: 0,
            status: status.into(),
        };
        Table {
            id: "table2008".into(),
            title: "政府信息公开情况统计表".into(),
            template: None,
            form: "tsv".into(),
            start: 0,
            end: 0,
            columns: vec!["本年度".into(), "历年累计".into()],
            rows: cur_cum
                .iter()
                .map(|(key, label, cur, cum)| TableRow {
                    label: (*label).into(),
                    key: (*key).into(),
                    cells: vec![
                        cell(Some(*cur), "ok"),
                        cell(*cum, if cum.is_some() { "ok" } else { "doubtful" }),
                    ],
                    columns: Vec::new(),
                    note: None,
                })
                .collect(),
        }
    }

    #[test]
    fn the_running_total_of_the_2008_table() {
        let mut a = report("平潭县人民政府", 2012, None, None);
        a.meta.doc_type = DocType::AnnualReport2008;
        a.tables.push(table2008(&[
            ("proactive", "主动公开信息数", 2026.0, Some(3542.0)),
            ("requests", "受理依申请公开信息总数", 21.0, Some(21.0)),
            ("review", "行政复议数", 0.0, None),
        ]));
        let mut b = report("平潭县人民政府", 2013, None, None);
        b.meta.doc_type = DocType::AnnualReport2008;
        b.tables.push(table2008(&[
            ("proactive", "主动公开信息数", 1800.0, Some(5342.0)),
            ("requests", "受理依申请公开信息总数", 30.0, Some(50.0)),
            ("review", "行政复议数", 1.0, Some(1.0)),
        ]));
        let set = vec![("2012.txt", prose(2012), a), ("2013.txt", prose(2013), b)];
        let c = run(&set, &Options::default());
        let results = &c.series[0].links[0].results;
        let cum: Vec<&ChainResult> = results
            .iter()
            .filter(|r| r.code == "cumulative_2008")
            .collect();
        // The doubtful 2012 cell of 行政复议数 is not used.
        assert_eq!(cum.len(), 2, "{cum:?}");
        assert_eq!(cum[0].status, "consistent");
        assert_eq!((cum[1].expected, cum[1].found), (Some(51.0), Some(50.0)));
        let f: Vec<&Finding> = all_findings(&c).collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].code, "cumulative_chain_broken");
        assert_eq!(f[0].values, [21.0, 30.0, 50.0]);
        assert!(
            f[0].message.contains("受理依申请公开信息总数") && f[0].message.contains("应为 51")
        );
    }

    #[test]
    fn outliers_in_the_set_and_in_a_series_are_info() {
        let mut set = Vec::new();
        for (i, v) in [12.0, 40.0, 6637.0, 95.0, 3.0, 0.0, 7.0].iter().enumerate() {
            let mut r = report(&format!("第{i}县人民政府"), 2021, None, None);
            r.key.outcome_not_disclosed = Some(*v);
            set.push((format!("{i}.txt"), prose(2000 + i as i32), r));
        }
        let set: Vec<(&str, String, Report)> = set
            .iter()
            .map(|(n, t, r)| (n.as_str(), t.clone(), r.clone()))
            .collect();
        let c = run(&set, &Options::default());
        let f: Vec<&Finding> = all_findings(&c).collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].code, "outlier_in_set");
        assert_eq!(f[0].severity, Severity::Info);
        assert_eq!(f[0].reports, [2]);
        assert_eq!(f[0].values, [6637.0, 95.0]);
        assert!(f[0].message.contains("不予公开为 6637"));
        assert!(c.reports[2].notes.iter().any(|n| n.contains("6637")));

        let mut series = Vec::new();
        for (i, v) in [20.0, 25.0, 31.0, 900.0].iter().enumerate() {
            let mut r = report("甲县人民政府", 2018 + i as i32, None, None);
            r.key.requests_received = Some(*v);
            series.push((format!("{i}.txt"), prose(2018 + i as i32), r));
        }
        let series: Vec<(&str, String, Report)> = series
            .iter()
            .map(|(n, t, r)| (n.as_str(), t.clone(), r.clone()))
            .collect();
        let c = run(&series, &Options::default());
        let f: Vec<&Finding> = all_findings(&c).collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].code, "outlier_in_series");
        assert!(f[0].message.contains("（2021年）") && f[0].message.contains("900"));
    }

    #[test]
    fn the_users_grouping_wins() {
        let set = vec![
            (
                "2020.txt",
                prose(2020),
                report("甲县人民政府", 2020, None, Some(3.0)),
            ),
            (
                "2021.txt",
                prose(2021),
                report("甲县人民政府办公室", 2021, Some(4.0), None),
            ),
            ("memo.txt", prose(2022), {
                let mut r = report("甲县人民政府", 2021, None, None);
                r.meta.doc_type = DocType::WorkSummary;
                r
            }),
        ];
        let c = run(&set, &Options::default());
        assert_eq!(c.series.len(), 2, "an office is not its government");
        assert!(c.reports[2].series.is_none());
        assert!(c.reports[2].notes[0].contains("不是政府信息公开工作年度报告"));
        let one = run(
            &set[..2],
            &Options {
                one_series: true,
                groups: vec![],
            },
        );
        assert_eq!(one.series.len(), 1);
        assert!(one.series[0].by_user);
        assert_eq!(codes(&one), ["carried_over_differs"]);
        let grouped = run(
            &set,
            &Options {
                one_series: false,
                groups: vec![
                    Some("甲县".into()),
                    Some("甲县".into()),
                    Some(String::new()),
                ],
            },
        );
        assert_eq!(grouped.series.len(), 1);
        assert_eq!(grouped.series[0].body, "甲县");
        assert!(grouped.reports[2].series.is_none());
        assert!(grouped.reports[2].notes[0].contains("用户"));
    }

    #[test]
    fn reports_without_body_or_year_stay_in_the_overview() {
        let mut r = crate::analyze("随便一段文字");
        r.meta.doc_type = DocType::AnnualReport2019;
        let set = vec![("x.txt", "随便一段文字".to_owned(), r)];
        let c = run(&set, &Options::default());
        assert_eq!(c.reports.len(), 1);
        assert!(c.series.is_empty());
        assert!(c.reports[0].notes[0].contains("未识别出报告机关"));
        let json = to_json(&c, false);
        let back: Comparison = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        let empty = compare(&[], &Options::default());
        assert!(empty.reports.is_empty() && empty.series.is_empty());
    }

    #[test]
    fn csv_and_workbook_carry_the_same_cells() {
        let set = vec![
            (
                "=a,2020.txt",
                prose(2020),
                report("甲县人民政府", 2020, Some(1.0), Some(3.0)),
            ),
            (
                "a2021.txt",
                prose(2021),
                report("甲县人民政府", 2021, Some(4.0), Some(5.0)),
            ),
        ];
        let c = run(&set, &Options::default());
        let csv = overview_csv(&c);
        assert!(csv.starts_with("\u{FEFF}文件,机关,年度,"));
        assert!(
            csv.contains("\r\n\"'=a,2020.txt\",甲县人民政府,2020,"),
            "{csv}"
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        let bytes = workbook(&c).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        assert!(
            names.iter().any(|n| n == "xl/worksheets/sheet2.xml"),
            "{names:?}"
        );
        let mut wb = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut wb)
            .unwrap();
        assert!(wb.contains("总览") && wb.contains("系列核对") && wb.contains("发现"));
    }
}
