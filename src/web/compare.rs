//! The comparison of all loaded reports (several cities, or one agency over several years):
//! a side-by-side table of metadata, completeness and key indicators; the cross-year check
//! (this year's 上年结转 must equal last year's 结转下年度, matched by agency and consecutive
//! years); a bar chart of one indicator drawn as plain SVG; and the comparison as CSV.

use super::export;
use super::keyview::fields;
use super::labels;
use super::parts::{self, Deadline};
use super::state::{Analysis, Shared};
use super::text::fmt_num;
use std::rc::Rc;
use yew::prelude::*;

/// One report in the comparison, with the name it is shown under.
#[derive(Clone, PartialEq)]
pub struct Entry {
    pub label: String,
    pub analysis: Shared,
}

/// The reports in comparison order: by agency, then year, then name.
pub fn entries(list: Vec<(String, Rc<Analysis>)>) -> Vec<Entry> {
    let mut out: Vec<Entry> = list
        .into_iter()
        .map(|(label, a)| Entry {
            label,
            analysis: Shared(a),
        })
        .collect();
    out.sort_by(|a, b| {
        let (ma, mb) = (&a.analysis.report.meta, &b.analysis.report.meta);
        (
            ma.agency.as_deref().unwrap_or("\u{10FFFF}"),
            ma.year,
            &a.label,
        )
            .cmp(&(
                mb.agency.as_deref().unwrap_or("\u{10FFFF}"),
                mb.year,
                &b.label,
            ))
    });
    out
}

/// A row of the comparison: an id (for CSV headers and tests), a Chinese name and the value
/// for one report.
struct Row {
    id: &'static str,
    name: &'static str,
    value: Box<dyn Fn(&Analysis) -> String>,
}

fn rows() -> Vec<Row> {
    let mut out: Vec<Row> = vec![
        Row {
            id: "agency",
            name: "机关",
            value: Box::new(|a| a.report.meta.agency.clone().unwrap_or_default()),
        },
        Row {
            id: "year",
            name: "年度",
            value: Box::new(|a| {
                a.report
                    .meta
                    .year
                    .map(|y| y.to_string())
                    .unwrap_or_default()
            }),
        },
        Row {
            id: "doc_type",
            name: "文种",
            value: Box::new(|a| labels::doc_type(a.report.meta.doc_type).to_owned()),
        },
        Row {
            id: "published",
            name: "发布日期",
            value: Box::new(|a| a.report.meta.published.clone().unwrap_or_default()),
        },
        Row {
            id: "deadline",
            name: "按期发布",
            value: Box::new(|a| match parts::deadline(&a.report) {
                Deadline::Late(_) => "逾期".to_owned(),
                Deadline::OnTime => "按期".to_owned(),
                Deadline::Unknown => String::new(),
            }),
        },
        Row {
            id: "chars",
            name: "字数",
            value: Box::new(|a| a.report.input.chars.to_string()),
        },
        Row {
            id: "parts_present",
            name: "法定部分：有内容",
            value: Box::new(|a| count(a, 0)),
        },
        Row {
            id: "parts_empty",
            name: "法定部分：空",
            value: Box::new(|a| count(a, 1)),
        },
        Row {
            id: "parts_missing",
            name: "法定部分：缺少",
            value: Box::new(|a| count(a, 2)),
        },
    ];
    for (i, (id, name, _)) in fields(&Default::default()).into_iter().enumerate() {
        out.push(Row {
            id,
            name,
            value: Box::new(move |a| fields(&a.report.key)[i].2.map(fmt_num).unwrap_or_default()),
        });
    }
    out.push(Row {
        id: "quantities",
        name: "数量个数",
        value: Box::new(|a| a.report.quantities.len().to_string()),
    });
    for (id, name, k) in [
        ("errors", "检查：错误", 0),
        ("warnings", "检查：警告", 1),
        ("notes", "检查：提示", 2),
    ] {
        out.push(Row {
            id,
            name,
            value: Box::new(move |a| {
                let s = parts::severities(&a.report);
                [s.0, s.1, s.2][k].to_string()
            }),
        });
    }
    out
}

/// Present, empty or missing template parts of an annual report ("" for other documents).
fn count(a: &Analysis, which: usize) -> String {
    let p = parts::parts(&a.report);
    if p.is_empty() {
        return String::new();
    }
    let c = parts::counts(&p);
    [c.0, c.1, c.2][which].to_string()
}

/// The result of the cross-year check for one pair of reports.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossYear {
    pub agency: String,
    pub last_year: i32,
    pub last_label: String,
    /// Last year's 结转下年度继续办理.
    pub carried_to_next: Option<f64>,
    pub this_label: String,
    /// This year's 上年结转.
    pub carried_over: Option<f64>,
}

impl CrossYear {
    pub fn status(&self) -> &'static str {
        match (self.carried_to_next, self.carried_over) {
            (Some(a), Some(b)) if a == b => "consistent",
            (Some(_), Some(_)) => "inconsistent",
            _ => "unknown",
        }
    }

    pub fn label(&self) -> &'static str {
        match self.status() {
            "consistent" => "一致",
            "inconsistent" => "不一致",
            _ => "无法核对",
        }
    }
}

/// Every pair of reports of the same agency for consecutive years.
pub fn cross_year(entries: &[Entry]) -> Vec<CrossYear> {
    let norm = |s: &str| s.split_whitespace().collect::<String>();
    let mut out = Vec::new();
    for this in entries {
        let m = &this.analysis.report.meta;
        let (Some(agency), Some(year)) = (m.agency.as_deref(), m.year) else {
            continue;
        };
        for last in entries {
            let lm = &last.analysis.report.meta;
            if lm.year == Some(year - 1) && lm.agency.as_deref().map(norm) == Some(norm(agency)) {
                out.push(CrossYear {
                    agency: agency.to_owned(),
                    last_year: year - 1,
                    last_label: last.label.clone(),
                    carried_to_next: last.analysis.report.key.requests_carried_to_next_year,
                    this_label: this.label.clone(),
                    carried_over: this
                        .analysis
                        .report
                        .key
                        .requests_carried_over_from_last_year,
                });
            }
        }
    }
    out
}

/// The comparison as CSV (UTF-8 with BOM): one row per report.
pub fn csv(entries: &[Entry]) -> String {
    let rows = rows();
    let mut out = String::from("\u{FEFF}报告");
    for r in &rows {
        out.push(',');
        out.push_str(&export::field(r.name));
    }
    out.push_str("\r\n");
    for e in entries {
        out.push_str(&export::field(&e.label));
        for r in &rows {
            out.push(',');
            out.push_str(&export::field(&(r.value)(&e.analysis)));
        }
        out.push_str("\r\n");
    }
    let pairs = cross_year(entries);
    if !pairs.is_empty() {
        out.push_str("\r\n跨年度核对,机关,上年,上年结转下年度,本年,本年上年结转,结果\r\n");
        for p in pairs {
            let cells = [
                String::new(),
                export::field(&p.agency),
                export::field(&format!("{}（{}年）", p.last_label, p.last_year)),
                p.carried_to_next.map(fmt_num).unwrap_or_default(),
                export::field(&format!("{}（{}年）", p.this_label, p.last_year + 1)),
                p.carried_over.map(fmt_num).unwrap_or_default(),
                p.label().to_owned(),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub entries: Vec<Entry>,
    /// Shows one report in the single-report view.
    pub on_show: Callback<usize>,
}

#[function_component(Compare)]
pub fn compare(props: &Props) -> Html {
    let chosen = use_state(|| "requests_received".to_owned());
    let entries = &props.entries;
    let rows = rows();
    let on_csv = {
        let entries = entries.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = export::download("比较.csv", "text/csv;charset=utf-8", &csv(&entries));
        })
    };
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string());
            if let Some(v) = v {
                chosen.set(v);
            }
        })
    };
    let pairs = cross_year(entries);
    let table = html! {
        <div class="table-wrap compare-wrap">
            <table id="compare-table">
                <caption class="visually-hidden">{ "各报告的主要信息和指标" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "项目" }</th>
                        { for entries.iter().enumerate().map(|(i, e)| {
                            let on_show = props.on_show.clone();
                            let onclick = Callback::from(move |_: MouseEvent| on_show.emit(i));
                            html! {
                                <th scope="col" data-report={i.to_string()}>
                                    <button type="button" class="link" {onclick}
                                        title="在单份报告视图中查看">{ e.label.clone() }</button>
                                </th>
                            }
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr data-row={r.id}>
                            <th scope="row">{ r.name }</th>
                            { for entries.iter().map(|e| {
                                let v = (r.value)(&e.analysis);
                                let class = classes!(
                                    v.parse::<f64>().is_ok().then_some("n"),
                                    (r.id == "deadline" && v == "逾期").then_some("bad"),
                                    (r.id == "parts_missing" && v != "0" && !v.is_empty()).then_some("bad"),
                                );
                                html! { <td {class}>{ if v.is_empty() { "—".to_owned() } else { v } }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    };
    let cross = html! {
        <section class="cross-year" aria-labelledby="cross-h">
            <h3 id="cross-h">{ "跨年度核对：本年“上年结转”＝上年“结转下年度继续办理”" }</h3>
            if pairs.is_empty() {
                <p class="none">{ "没有同一机关相邻年度的报告可以核对（按机关名称和年度配对）。" }</p>
            } else {
                <table id="cross-year">
                    <thead><tr>
                        <th scope="col">{ "机关" }</th>
                        <th scope="col">{ "上年报告" }</th>
                        <th scope="col" class="n">{ "结转下年度" }</th>
                        <th scope="col">{ "本年报告" }</th>
                        <th scope="col" class="n">{ "上年结转" }</th>
                        <th scope="col">{ "结果" }</th>
                    </tr></thead>
                    <tbody>
                        { for pairs.iter().map(|p| html! {
                            <tr data-status={p.status()} data-agency={p.agency.clone()}
                                data-year={(p.last_year + 1).to_string()}>
                                <td>{ p.agency.clone() }</td>
                                <td>{ format!("{}（{}年）", p.last_label, p.last_year) }</td>
                                <td class="n">{ p.carried_to_next.map_or_else(|| "—".to_owned(), fmt_num) }</td>
                                <td>{ format!("{}（{}年）", p.this_label, p.last_year + 1) }</td>
                                <td class="n">{ p.carried_over.map_or_else(|| "—".to_owned(), fmt_num) }</td>
                                <td class={classes!("result", p.status())}>{ p.label() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    };
    let chart_rows: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            !matches!(
                r.id,
                "agency" | "year" | "doc_type" | "published" | "deadline"
            )
        })
        .collect();
    let current = chart_rows
        .iter()
        .find(|r| r.id == chosen.as_str())
        .or(chart_rows.first())
        .copied();
    let chart = current.map(|row| {
        let values: Vec<(String, Option<f64>)> = entries
            .iter()
            .map(|e| {
                (
                    e.label.clone(),
                    (row.value)(&e.analysis).parse::<f64>().ok(),
                )
            })
            .collect();
        bar_chart(row.name, &values)
    });
    html! {
        <section class="compare" id="compare" aria-labelledby="compare-h">
            <div class="compare-head">
                <h2 id="compare-h">{ format!("比较（{} 份报告）", entries.len()) }</h2>
                <button type="button" onclick={on_csv}
                    title="比较表，每份报告一行，UTF-8 编码，可用 Excel 打开">{ "导出比较 CSV" }</button>
            </div>
            { table }
            { cross }
            <section class="chart" aria-labelledby="chart-h">
                <h3 id="chart-h">
                    <label for="chart-field">{ "柱状图：" }</label>
                    <select id="chart-field" onchange={on_choose}>
                        { for chart_rows.iter().map(|r| html! {
                            <option value={r.id} selected={current.is_some_and(|c| c.id == r.id)}>{ r.name }</option>
                        }) }
                    </select>
                </h3>
                { for chart }
            </section>
        </section>
    }
}

/// A horizontal bar chart of one indicator, as SVG elements.
fn bar_chart(name: &str, values: &[(String, Option<f64>)]) -> Html {
    const LABEL_W: f64 = 220.0;
    const BAR_W: f64 = 360.0;
    const ROW_H: f64 = 30.0;
    let width = LABEL_W + BAR_W + 80.0;
    let height = ROW_H * values.len() as f64 + 10.0;
    let max = values
        .iter()
        .filter_map(|v| v.1)
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    let short = |s: &str| {
        let n = s.chars().count();
        if n > 16 {
            format!("{}…", s.chars().take(15).collect::<String>())
        } else {
            s.to_owned()
        }
    };
    let summary = values
        .iter()
        .map(|(l, v)| format!("{l}：{}", v.map_or_else(|| "无".to_owned(), fmt_num)))
        .collect::<Vec<_>>()
        .join("；");
    html! {
        <svg id="compare-chart" class="bars" viewBox={format!("0 0 {width} {height}")}
            width={width.to_string()} height={height.to_string()}
            role="img" aria-label={format!("{name}：{summary}")}>
            { for values.iter().enumerate().map(|(i, (label, v))| {
                let y = 5.0 + ROW_H * i as f64;
                let w = match v {
                    Some(v) if max > 0.0 => (v.abs() / max * BAR_W).max(1.0),
                    _ => 0.0,
                };
                let text = v.map_or_else(|| "无数据".to_owned(), fmt_num);
                html! {
                    <g class="bar" data-label={label.clone()} data-value={v.map(fmt_num).unwrap_or_default()}>
                        <title>{ format!("{label}：{text}") }</title>
                        <text x={(LABEL_W - 8.0).to_string()} y={(y + ROW_H / 2.0).to_string()}
                            text-anchor="end" dominant-baseline="middle">{ short(label) }</text>
                        if v.is_some() {
                            <rect x={LABEL_W.to_string()} y={(y + 4.0).to_string()}
                                width={format!("{w:.1}")} height={(ROW_H - 8.0).to_string()} rx="2" />
                        }
                        <text class="val" x={(LABEL_W + w + 6.0).to_string()} y={(y + ROW_H / 2.0).to_string()}
                            dominant-baseline="middle">{ text }</text>
                    </g>
                }
            }) }
        </svg>
    }
}
