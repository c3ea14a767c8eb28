//! Duplicates, series and the cross-year checks.
//!
//! A report joins a series when it is an annual report with a body and a year (or when the
//! user grouped it). Reports of one series and year are one report opened twice when their
//! prose is at least [`NEAR_DUPLICATE`] the same and no key figure differs; otherwise both
//! are named in a `year_twice` finding and that year is left out of the cross-year checks
//! (which of the two is the body's report is the user's call). Each pair of consecutive years
//! with one report each is a [`Link`]: 上年结转 against last year's 结转下年度继续办理; table 2
//! of the 2021 template (现行有效 = last year's 现行有效 + 本年制发 − 本年废止, for 规章 and
//! 规范性文件); the 2008 统计表's 历年累计 (= last year's 历年累计 + 本年度, row by row); and the
//! share of reused prose. A check runs only when all its figures are stated.

use super::body;
use super::fields::{self, Column};
use super::fingerprint::{self, Sentences, Whole};
use super::{fmt_num, ChainResult, Finding, Input, Link, Options, Row, Series, YearReports};
use crate::report::{DocType, Report, Severity};
use std::collections::HashMap;

/// Share of reused prose above which a year's report is taken for last year's text reused.
pub const REUSED: f64 = 0.8;
/// Share of common prose (both ways) above which two reports of one body and year are one
/// report opened twice (when no key figure differs).
pub const NEAR_DUPLICATE: f64 = 0.95;

fn quote(r: &Row) -> String {
    format!("「{}」", r.file)
}

fn finding(
    code: &str,
    severity: Severity,
    message: String,
    reports: Vec<usize>,
    field: Option<&str>,
    values: Vec<f64>,
) -> Finding {
    Finding {
        code: code.to_owned(),
        severity,
        message,
        reports,
        field: field.map(str::to_owned),
        values,
    }
}

/// Marks every input whose text repeats an earlier one (whitespace aside) as its duplicate.
pub fn exact_duplicates(
    inputs: &[Input],
    prints: &[Whole],
    reports: &mut [Row],
    checks: &mut Vec<Finding>,
) {
    let mut first: HashMap<Whole, Vec<usize>> = HashMap::new();
    for (i, w) in prints.iter().enumerate() {
        let same = first.get(w).and_then(|list| {
            list.iter()
                .copied()
                .find(|&j| fingerprint::same_text(inputs[j].text, inputs[i].text))
        });
        match same {
            Some(j) if w.chars > 0 => {
                reports[i].duplicate_of = Some(j);
                reports[i].notes.push(format!(
                    "与{}文字相同（同一份报告打开了两次），只计一次。",
                    quote(&reports[j])
                ));
                checks.push(finding(
                    "duplicate",
                    Severity::Info,
                    format!(
                        "{}与{}文字相同，是同一份报告，只计一次。",
                        quote(&reports[i]),
                        quote(&reports[j])
                    ),
                    vec![j, i],
                    None,
                    vec![],
                ));
            }
            _ => first.entry(*w).or_default().push(i),
        }
    }
}

fn annual(r: &Report) -> bool {
    matches!(
        r.meta.doc_type,
        DocType::AnnualReport2019 | DocType::AnnualReport2008
    )
}

/// The series key of each input, with whether the user chose it; notes why a report is in
/// no series.
fn keys(inputs: &[Input], options: &Options, reports: &mut [Row]) -> Vec<Option<(String, bool)>> {
    let mut out: Vec<Option<(String, bool)>> = Vec::with_capacity(inputs.len());
    for (i, inp) in inputs.iter().enumerate() {
        let row = &mut reports[i];
        if row.duplicate_of.is_some() {
            out.push(None);
            continue;
        }
        let user = options.groups.get(i).cloned().flatten();
        let key = match user {
            Some(g) if g.trim().is_empty() => {
                row.notes.push("已按用户的分组移出系列。".to_owned());
                None
            }
            // A name the user typed joins the series of the body it names, if there is one.
            Some(g) => {
                let k = body::key(&g);
                Some((if k.is_empty() { g.trim().to_owned() } else { k }, true))
            }
            None if options.one_series => Some(("*".to_owned(), true)),
            None if !annual(inp.report) => {
                row.notes
                    .push("不是政府信息公开工作年度报告，不列入系列。".to_owned());
                None
            }
            None => match &row.body_key {
                Some(k) => Some((k.clone(), false)),
                None => {
                    row.notes
                        .push("未识别出报告机关，不列入系列（可在页面上手动分组）。".to_owned());
                    None
                }
            },
        };
        let key = key.filter(|_| {
            if row.year.is_none() {
                row.notes.push("未识别出报告年度，不列入系列。".to_owned());
                false
            } else {
                true
            }
        });
        out.push(key);
    }
    // 浙江省衢州市人民政府 and 衢州市人民政府: one body when both occur.
    let auto: std::collections::HashSet<String> = out
        .iter()
        .flatten()
        .filter(|(_, u)| !u)
        .map(|(k, _)| k.clone())
        .collect();
    for (k, user) in out.iter_mut().flatten() {
        if !*user {
            if let Some(rest) = body::without_province(k) {
                if auto.contains(rest) {
                    *k = rest.to_owned();
                }
            }
        }
    }
    out
}

/// The most common way the reports of a series write the body (the first on a tie).
fn display_body(members: &[usize], reports: &[Row]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &i in members {
        if let Some(b) = reports[i].body.as_deref() {
            match counts.iter_mut().find(|(n, _)| *n == b) {
                Some(c) => c.1 += 1,
                None => counts.push((b, 1)),
            }
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    counts.iter().find(|c| c.1 == best).map(|c| c.0.to_owned())
}

/// Builds the series, marks near duplicates, and makes the cross-year checks.
pub fn build(
    inputs: &[Input],
    options: &Options,
    columns: &[Column],
    reports: &mut [Row],
    checks: &mut Vec<Finding>,
) -> Vec<Series> {
    let keys = keys(inputs, options, reports);
    let mut groups: Vec<(String, bool, Vec<usize>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    // The name the user gave a group (the first given), shown as its body.
    let mut named: HashMap<String, String> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some((k, user)) = k {
            let g = *at.entry(k.clone()).or_insert_with(|| {
                groups.push((k.clone(), false, Vec::new()));
                groups.len() - 1
            });
            groups[g].1 |= *user;
            groups[g].2.push(i);
            if let Some(Some(name)) = options.groups.get(i) {
                named
                    .entry(k.clone())
                    .or_insert_with(|| name.trim().to_owned());
            }
        }
    }
    let mut prose: HashMap<usize, Sentences> = HashMap::new();
    let mut out: Vec<Series> = Vec::new();
    for (key, by_user, members) in groups {
        let body = match named.get(&key) {
            Some(name) => name.clone(),
            None => display_body(&members, reports).unwrap_or_else(|| key.clone()),
        };
        let mut s = Series {
            body,
            key,
            by_user,
            years: Vec::new(),
            missing_years: Vec::new(),
            links: Vec::new(),
            checks: Vec::new(),
        };
        let mut by_year: Vec<(i32, Vec<usize>)> = Vec::new();
        for &i in &members {
            let y = reports[i].year.unwrap_or_default();
            match by_year.iter_mut().find(|(yy, _)| *yy == y) {
                Some(e) => e.1.push(i),
                None => by_year.push((y, vec![i])),
            }
        }
        by_year.sort_by_key(|e| e.0);
        for (year, list) in &mut by_year {
            near_duplicates(
                *year, list, inputs, columns, reports, &mut prose, &mut s, checks,
            );
        }
        for w in by_year.windows(2) {
            for y in w[0].0 + 1..w[1].0 {
                s.missing_years.push(y);
            }
        }
        if !s.missing_years.is_empty() {
            let have: Vec<String> = by_year.iter().map(|e| format!("{}年", e.0)).collect();
            let miss: Vec<String> = s.missing_years.iter().map(|y| format!("{y}年")).collect();
            s.checks.push(finding(
                "year_missing",
                Severity::Info,
                format!(
                    "{}的系列缺少{}的报告（已有{}）。",
                    s.body,
                    miss.join("、"),
                    have.join("、")
                ),
                by_year.iter().flat_map(|e| e.1.clone()).collect(),
                None,
                vec![],
            ));
        }
        for w in by_year.windows(2) {
            let ((ly, last), (y, this)) = (&w[0], &w[1]);
            if *y != ly + 1 || last.len() != 1 || this.len() != 1 {
                continue;
            }
            let link = link(
                *ly,
                last[0],
                *y,
                this[0],
                inputs,
                columns,
                reports,
                &mut prose,
                &s.body,
                &mut s.checks,
            );
            s.links.push(link);
        }
        s.years = by_year
            .into_iter()
            .map(|(year, reports)| YearReports { year, reports })
            .collect();
        out.push(s);
    }
    out.sort_by(|a, b| a.body.cmp(&b.body).then(a.key.cmp(&b.key)));
    for (si, s) in out.iter().enumerate() {
        for y in &s.years {
            for &i in &y.reports {
                reports[i].series = Some(si);
            }
        }
    }
    out
}

/// The reuse of report `i`'s prose in report `j`'s (each read once, then kept).
fn reuse<'a>(
    prose: &mut HashMap<usize, Sentences<'a>>,
    inputs: &[Input<'a>],
    i: usize,
    j: usize,
) -> Option<super::Reuse> {
    for k in [i, j] {
        prose
            .entry(k)
            .or_insert_with(|| Sentences::of(inputs[k].text, inputs[k].report));
    }
    prose[&i].reuse_of(&prose[&j])
}

/// Two reports of one year: one report twice (counted once), or a finding.
#[allow(clippy::too_many_arguments)]
fn near_duplicates<'a>(
    year: i32,
    list: &mut Vec<usize>,
    inputs: &[Input<'a>],
    columns: &[Column],
    reports: &mut [Row],
    prose: &mut HashMap<usize, Sentences<'a>>,
    s: &mut Series,
    checks: &mut Vec<Finding>,
) {
    let mut k = 1;
    while k < list.len() {
        let i = list[k];
        let same = list[..k].iter().copied().find(|&j| {
            let agree = reports[i]
                .key
                .iter()
                .zip(&reports[j].key)
                .all(|(a, b)| a.is_none() || b.is_none() || a == b);
            if !agree {
                return false;
            }
            let a = reuse(prose, inputs, i, j);
            let b = reuse(prose, inputs, j, i);
            matches!((a, b), (Some(a), Some(b)) if a.ratio >= NEAR_DUPLICATE && b.ratio >= NEAR_DUPLICATE)
        });
        match same {
            Some(j) => {
                reports[i].duplicate_of = Some(j);
                let msg = format!(
                    "{}与{}是{}{}年的同一份报告（文字基本相同，数字一致），只计一次。",
                    quote(&reports[i]),
                    quote(&reports[j]),
                    s.body,
                    year
                );
                reports[i].notes.push(msg.clone());
                checks.push(finding(
                    "duplicate",
                    Severity::Info,
                    msg,
                    vec![j, i],
                    None,
                    vec![],
                ));
                list.remove(k);
            }
            None => k += 1,
        }
    }
    let _ = columns;
    if list.len() > 1 {
        let names: Vec<String> = list.iter().map(|&i| quote(&reports[i])).collect();
        s.checks.push(finding(
            "year_twice",
            Severity::Warning,
            format!(
                "{}{}年有{}份内容不同的报告：{}。这一年不参加跨年度核对；若分组有误，可在页面上调整分组，或在命令行用 --series。",
                s.body,
                year,
                list.len(),
                names.join("、")
            ),
            list.clone(),
            None,
            vec![],
        ));
    }
}

fn status(expected: Option<f64>, found: Option<f64>) -> &'static str {
    match (expected, found) {
        (Some(a), Some(b)) if (a - b).abs() < 1e-6 => "consistent",
        (Some(_), Some(_)) => "inconsistent",
        _ => "unknown",
    }
}

fn table2_2021(r: &Report) -> bool {
    r.tables
        .iter()
        .any(|t| t.id == "table2" && t.template.as_deref() == Some("2021"))
}

/// The 2008 统计表's rows: key → (label, 本年度, 历年累计), from any table with a 本年度 and
/// a running-total (历年累计) column; doubtful cells left out.
fn cumulative_rows(r: &Report) -> Vec<(String, String, f64, f64)> {
    let mut out: Vec<(String, String, f64, f64)> = Vec::new();
    for t in &r.tables {
        let cur = t
            .columns
            .iter()
            .position(|c| c.contains("本年度") || c == "本年");
        let cum = t.columns.iter().position(|c| {
            c.contains("累计")
                && !c.contains("本年累计")
                && !c.contains("本期")
                && !c.contains("本年度")
        });
        let (Some(cur), Some(cum)) = (cur, cum) else {
            continue;
        };
        for row in &t.rows {
            let cell = |i: usize| {
                row.cells
                    .get(i)
                    .filter(|c| c.status != "doubtful")
                    .and_then(|c| c.value)
            };
            if let (Some(a), Some(b)) = (cell(cur), cell(cum)) {
                if !out.iter().any(|(k, ..)| *k == row.key) {
                    out.push((row.key.clone(), row.label.clone(), a, b));
                }
            }
        }
    }
    out
}

/// The checks between last year's report and this year's.
#[allow(clippy::too_many_arguments)]
fn link<'a>(
    last_year: i32,
    last: usize,
    year: i32,
    this: usize,
    inputs: &[Input<'a>],
    columns: &[Column],
    reports: &[Row],
    prose: &mut HashMap<usize, Sentences<'a>>,
    body: &str,
    out: &mut Vec<Finding>,
) -> Link {
    let (lr, tr) = (&reports[last], &reports[this]);
    let get = |r: &Row, id: &str| fields::get(&r.key, columns, id);
    let lname = format!("{}（{}年）", quote(lr), last_year);
    let tname = format!("{}（{}年）", quote(tr), year);
    let mut results = Vec::new();

    // 上年结转 = last year's 结转下年度继续办理.
    let a = get(lr, "requests_carried_to_next_year");
    let b = get(tr, "requests_carried_over_from_last_year");
    let st = status(a, b);
    if let ("inconsistent", Some(a), Some(b)) = (st, a, b) {
        out.push(finding(
            "carried_over_differs",
            Severity::Warning,
            format!(
                "{body}：{lname}结转下年度继续办理 {} 件，{tname}上年结转 {} 件，两者应相等。",
                fmt_num(a),
                fmt_num(b)
            ),
            vec![last, this],
            Some("requests_carried_over_from_last_year"),
            vec![a, b],
        ));
    }
    results.push(ChainResult {
        code: "carried_over".into(),
        label: "上年结转 = 上年的结转下年度继续办理".into(),
        expected: a,
        found: b,
        status: st.into(),
    });

    // Table 2 (2021 template): 现行有效 carried forward.
    if table2_2021(inputs[last].report) && table2_2021(inputs[this].report) {
        for (p, name) in [("rules", "规章"), ("normative_documents", "规范性文件")] {
            let prev = get(lr, &format!("{p}_in_force"));
            let issued = get(tr, &format!("{p}_issued"));
            let repealed = get(tr, &format!("{p}_repealed"));
            let now = get(tr, &format!("{p}_in_force"));
            let (Some(prev), Some(issued), Some(repealed), Some(now)) =
                (prev, issued, repealed, now)
            else {
                continue;
            };
            let expected = prev + issued - repealed;
            let st = status(Some(expected), Some(now));
            if st == "inconsistent" {
                out.push(finding(
                    "table2_chain_broken",
                    Severity::Warning,
                    format!(
                        "{body}：{name}，{lname}现行有效 {} 件，加{tname}本年制发 {} 件、减本年废止 {} 件，应为 {} 件，而{}年报告写现行有效 {} 件。",
                        fmt_num(prev),
                        fmt_num(issued),
                        fmt_num(repealed),
                        fmt_num(expected),
                        year,
                        fmt_num(now)
                    ),
                    vec![last, this],
                    Some(&format!("{p}_in_force")),
                    vec![prev, issued, repealed, now],
                ));
            }
            results.push(ChainResult {
                code: "table2_chain".into(),
                label: format!("{name} 现行有效 = 上年现行有效 + 本年制发 − 本年废止"),
                expected: Some(expected),
                found: Some(now),
                status: st.into(),
            });
        }
    }

    // The 2008 统计表: 历年累计 = last year's 历年累计 + 本年度.
    let prev_rows = cumulative_rows(inputs[last].report);
    if !prev_rows.is_empty() {
        for (key, label, cur, cum) in cumulative_rows(inputs[this].report) {
            let Some((_, _, _, prev)) = prev_rows.iter().find(|r| r.0 == key) else {
                continue;
            };
            let expected = prev + cur;
            let st = status(Some(expected), Some(cum));
            if st == "inconsistent" {
                out.push(finding(
                    "cumulative_chain_broken",
                    Severity::Warning,
                    format!(
                        "{body}：统计表“{label}”，{lname}历年累计 {} 加{tname}本年度 {}，应为 {}，而{}年报告的历年累计为 {}。",
                        fmt_num(*prev),
                        fmt_num(cur),
                        fmt_num(expected),
                        year,
                        fmt_num(cum)
                    ),
                    vec![last, this],
                    None,
                    vec![*prev, cur, cum],
                ));
            }
            results.push(ChainResult {
                code: "cumulative_2008".into(),
                label: format!("{label} 历年累计 = 上年历年累计 + 本年度"),
                expected: Some(expected),
                found: Some(cum),
                status: st.into(),
            });
        }
    }

    // Text reused from last year.
    let reused = reuse(prose, inputs, this, last);
    if let Some(r) = reused.as_ref().filter(|r| r.ratio >= REUSED) {
        let pct = (r.ratio * 100.0).round();
        out.push(finding(
            "text_reused",
            Severity::Warning,
            format!(
                "{body}：{tname}的文字有 {}% 与{lname}相同（数字不计），可能沿用了上年的报告。",
                fmt_num(pct)
            ),
            vec![last, this],
            None,
            vec![pct],
        ));
    }
    Link {
        last_year,
        year,
        last,
        this,
        results,
        reuse: reused,
    }
}
