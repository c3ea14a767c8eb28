//! One overview row per report: what the report's analysis says, counted and aligned with
//! the indicator columns. Template parts are counted as the page's outline shows them: a part
//! is present, empty (heading only) or missing (the analysis reported `part_missing`, or a
//! 2019-template part not found); the deadline is missed when the analysis reported
//! `published_late`, kept when an annual report has a year and a date and no such check.

use super::fields::{self, Column};
use super::{Input, Parts, Row};
use crate::lexicon::parts::{PARTS_2008, PARTS_2019};
use crate::report::{DocType, Report, Severity};

pub fn row(index: usize, inp: &Input, columns: &[Column]) -> Row {
    let r = inp.report;
    let m = &r.meta;
    let n = |s: Severity| r.checks.iter().filter(|c| c.severity == s).count();
    let body = m.agency.clone().filter(|a| !a.trim().is_empty());
    let body_key = body
        .as_deref()
        .map(super::body::key)
        .filter(|k| !k.is_empty());
    Row {
        index,
        file: inp.name.to_owned(),
        title: m.title.clone(),
        body,
        body_key,
        year: m.year,
        doc_type: m.doc_type,
        published: m.published.clone(),
        on_time: on_time(r),
        parts: parts(r),
        key: fields::aligned(&r.key, columns),
        errors: n(Severity::Error),
        warnings: n(Severity::Warning),
        infos: n(Severity::Info),
        duplicate_of: None,
        series: None,
        notes: Vec::new(),
    }
}

fn annual(r: &Report) -> bool {
    matches!(
        r.meta.doc_type,
        DocType::AnnualReport2019 | DocType::AnnualReport2008
    )
}

/// Whether the report was published within the deadline; `None` when it cannot be judged.
pub fn on_time(r: &Report) -> Option<bool> {
    if r.checks.iter().any(|c| c.code == "published_late") {
        return Some(false);
    }
    (annual(r) && r.meta.year.is_some() && r.meta.published.is_some()).then_some(true)
}

/// Template parts by status; `None` for documents without a template.
pub fn parts(r: &Report) -> Option<Parts> {
    let template = match r.meta.doc_type {
        DocType::AnnualReport2019 => PARTS_2019,
        DocType::AnnualReport2008 => PARTS_2008,
        _ => return None,
    };
    let missing: Vec<&str> = r
        .checks
        .iter()
        .filter(|c| c.code == "part_missing")
        .filter_map(|c| c.part.as_deref())
        .collect();
    let mut p = Parts {
        present: 0,
        empty: 0,
        missing: 0,
    };
    for (key, _) in template {
        let found = r
            .sections
            .iter()
            .find(|s| s.canonical.as_deref() == Some(*key));
        match found {
            Some(s) if s.empty => p.empty += 1,
            Some(_) => p.present += 1,
            None if missing.contains(key) => p.missing += 1,
            None if r.meta.doc_type == DocType::AnnualReport2019 => p.missing += 1,
            None => {}
        }
    }
    Some(p)
}

/// A cell of the overview as the exports write it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// The cell as text (numbers without a trailing `.0`).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(v) => super::fmt_num(*v),
            Cell::Empty => String::new(),
        }
    }
}

/// The Chinese name of a document type.
pub fn doc_type_label(t: DocType) -> &'static str {
    match t {
        DocType::AnnualReport2019 => "年度报告（2019年修订条例）",
        DocType::AnnualReport2008 => "年度报告（2008年条例）",
        DocType::WorkSummary => "工作总结",
        DocType::Other => "其他文件",
    }
}

/// The overview as a table: header names and one row of cells per report — what the CSV, the
/// workbook and the page show.
pub fn table(c: &super::Comparison) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut head: Vec<String> = [
        "文件",
        "机关",
        "年度",
        "文种",
        "发布日期",
        "按期发布",
        "法定部分：有内容",
        "法定部分：空",
        "法定部分：缺少",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    head.extend(c.columns.iter().map(|col| col.name.clone()));
    head.extend(
        [
            "检查：错误",
            "检查：警告",
            "检查：提示",
            "系列",
            "重复",
            "说明",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    let rows = c
        .reports
        .iter()
        .map(|r| {
            let parts = |f: fn(&Parts) -> usize| {
                r.parts
                    .as_ref()
                    .map_or(Cell::Empty, |p| Cell::Number(f(p) as f64))
            };
            let mut row = vec![
                Cell::text(r.file.clone()),
                Cell::text(r.body.clone().unwrap_or_default()),
                r.year.map_or(Cell::Empty, |y| Cell::Number(f64::from(y))),
                Cell::text(doc_type_label(r.doc_type)),
                Cell::text(r.published.clone().unwrap_or_default()),
                match r.on_time {
                    Some(true) => Cell::text("按期"),
                    Some(false) => Cell::text("逾期"),
                    None => Cell::Empty,
                },
                parts(|p| p.present),
                parts(|p| p.empty),
                parts(|p| p.missing),
            ];
            row.extend(r.key.iter().map(|v| v.map_or(Cell::Empty, Cell::Number)));
            row.push(Cell::Number(r.errors as f64));
            row.push(Cell::Number(r.warnings as f64));
            row.push(Cell::Number(r.infos as f64));
            row.push(Cell::text(
                r.series
                    .and_then(|s| c.series.get(s))
                    .map(|s| s.body.clone())
                    .unwrap_or_default(),
            ));
            row.push(Cell::text(
                r.duplicate_of
                    .and_then(|d| c.reports.get(d))
                    .map(|d| format!("同{}", d.file))
                    .unwrap_or_default(),
            ));
            row.push(Cell::text(r.notes.join("；")));
            row
        })
        .collect();
    (head, rows)
}

/// The cross-year comparisons as a table: one row per identity looked at and per text-reuse
/// ratio, series by series.
pub fn series_table(c: &super::Comparison) -> (Vec<String>, Vec<Vec<Cell>>) {
    let head = [
        "系列",
        "上年",
        "上年报告",
        "本年",
        "本年报告",
        "核对项",
        "应为",
        "实为",
        "结果",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let file = |i: usize| c.reports.get(i).map(|r| r.file.clone()).unwrap_or_default();
    let mut rows = Vec::new();
    for s in &c.series {
        for l in &s.links {
            let lead = |label: String| {
                vec![
                    Cell::text(s.body.clone()),
                    Cell::Number(f64::from(l.last_year)),
                    Cell::text(file(l.last)),
                    Cell::Number(f64::from(l.year)),
                    Cell::text(file(l.this)),
                    Cell::text(label),
                ]
            };
            for res in &l.results {
                let mut row = lead(res.label.clone());
                row.push(res.expected.map_or(Cell::Empty, Cell::Number));
                row.push(res.found.map_or(Cell::Empty, Cell::Number));
                row.push(Cell::text(match res.status.as_str() {
                    "consistent" => "一致",
                    "inconsistent" => "不一致",
                    _ => "无法核对",
                }));
                rows.push(row);
            }
            if let Some(r) = &l.reuse {
                let mut row = lead("文字与上年相同的比例（%）".to_owned());
                row.push(Cell::Empty);
                row.push(Cell::Number((r.ratio * 1000.0).round() / 10.0));
                row.push(Cell::text(if r.ratio >= super::series::REUSED {
                    "大部分沿用上年"
                } else {
                    ""
                }));
                rows.push(row);
            }
        }
    }
    (head, rows)
}
