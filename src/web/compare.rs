//! Many reports at once (the page's view of [`crate::compare`]): the overview table — one row
//! per report, sortable by any column, filtered by body or file, year, type and status, shown
//! a page of [`PAGE`] rows (and [`SERIES_PAGE`] series) at a time so that 500 reports stay quick — with a click on a file
//! opening that report; the series of each body with the cross-year checks (both numbers,
//! both reports), the text-reuse ratio and its passages, and a chart of the key indicators by
//! year; the distribution of one chosen indicator over the set; the set's findings
//! (duplicates, outliers); and the exports: CSV (UTF-8 with BOM), the Excel workbook and the
//! `xxgk-compare/1` JSON, the same as the CLI's. Charts are plain SVG, printable and saved with
//! 导出 SVG. The user's grouping (a report put in another series, or in none) is kept in
//! localStorage under the file's name (`storage::GROUPS_KEY`).

use super::export;
use super::state::{Analysis, Shared};
use super::storage;
use crate::compare::{self, Cell, Comparison, Finding, Input, Options, Series};
use crate::report::Severity;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Rows of the overview shown at once.
pub const PAGE: usize = 50;
/// Series shown at once (each has its table and chart).
pub const SERIES_PAGE: usize = 20;

/// One report in the comparison, with the name it is shown under.
#[derive(Clone, PartialEq)]
pub struct Entry {
    pub label: String,
    pub analysis: Shared,
}

/// The reports in the order they were opened.
pub fn entries(list: Vec<(String, Rc<Analysis>)>) -> Vec<Entry> {
    list.into_iter()
        .map(|(label, a)| Entry {
            label,
            analysis: Shared(a),
        })
        .collect()
}

/// The comparison of the entries with the user's grouping.
pub fn comparison(entries: &[Entry], groups: &BTreeMap<String, String>) -> Comparison {
    let inputs: Vec<Input> = entries
        .iter()
        .map(|e| Input {
            name: &e.label,
            text: &e.analysis.text,
            report: &e.analysis.report,
        })
        .collect();
    let options = Options {
        one_series: false,
        groups: entries
            .iter()
            .map(|e| groups.get(&e.label).cloned())
            .collect(),
    };
    compare::compare(&inputs, &options)
}

fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), wasm_bindgen::JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| wasm_bindgen::JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Orders two cells: numbers before text, empty last.
fn cmp_cells(a: &Cell, b: &Cell) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (Cell::Empty, Cell::Empty) => Equal,
        (Cell::Empty, _) => Greater,
        (_, Cell::Empty) => Less,
        (Cell::Number(x), Cell::Number(y)) => x.partial_cmp(y).unwrap_or(Equal),
        (Cell::Number(_), Cell::Text(_)) => Less,
        (Cell::Text(_), Cell::Number(_)) => Greater,
        (Cell::Text(x), Cell::Text(y)) => x.cmp(y),
    }
}

/// Statuses the overview can be filtered by.
const STATUSES: &[(&str, &str)] = &[
    ("", "全部"),
    ("errors", "有错误"),
    ("warnings", "有警告"),
    ("late", "逾期发布"),
    ("missing", "缺少法定部分"),
    ("noted", "有比较提示"),
    ("duplicate", "重复"),
    ("no_series", "不在系列中"),
];

fn matches_status(r: &compare::Row, status: &str) -> bool {
    match status {
        "errors" => r.errors > 0,
        "warnings" => r.warnings > 0,
        "late" => r.on_time == Some(false),
        "missing" => r.parts.is_some_and(|p| p.missing > 0),
        "noted" => !r.notes.is_empty(),
        "duplicate" => r.duplicate_of.is_some(),
        "no_series" => r.series.is_none(),
        _ => true,
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn fmt(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub entries: Vec<Entry>,
    /// Shows one report (its index in `entries`) in the single-report view.
    pub on_show: Callback<usize>,
}

#[function_component(Compare)]
pub fn compare_view(props: &Props) -> Html {
    let groups = use_state(storage::load_groups);
    // The comparison and its table, computed once per set of reports and grouping.
    let memo = {
        let entries = props.entries.clone();
        let g = (*groups).clone();
        use_memo((entries, g), |(entries, g)| {
            let c = Rc::new(comparison(entries, g));
            let (head, cells) = compare::overview_table(&c);
            // Indicator columns no report in the set fills (table 2 of the other template,
            // say) are left out of the page's table; the exports keep every column.
            let first_key = c
                .columns
                .first()
                .and_then(|k| head.iter().position(|h| *h == k.name))
                .unwrap_or(head.len());
            let visible: Vec<bool> = (0..head.len())
                .map(|col| {
                    col < first_key
                        || col >= first_key + c.columns.len()
                        || cells
                            .iter()
                            .any(|row| !matches!(row.get(col), Some(Cell::Empty) | None))
                })
                .collect();
            (c, head, cells, visible)
        })
    };
    let cmp = memo.0.clone();
    let (head, cells, visible) = (&memo.1, &memo.2, &memo.3);
    let sort = use_state(|| (usize::MAX, true));
    let filter_text = use_state(String::new);
    let filter_year = use_state(String::new);
    let filter_type = use_state(String::new);
    let filter_status = use_state(String::new);
    let page = use_state(|| 0usize);
    let series_page = use_state(|| 0usize);
    let chosen = use_state(|| "requests_received".to_owned());

    let n_cols = head.len();
    let year_col = 2;
    let series_col = n_cols - 3;

    // Filtering and sorting work on row indices; only one page is drawn.
    let text = filter_text.trim().to_lowercase();
    let mut order: Vec<usize> = (0..cmp.reports.len())
        .filter(|&i| {
            let r = &cmp.reports[i];
            (text.is_empty()
                || r.file.to_lowercase().contains(&text)
                || r.body
                    .as_deref()
                    .is_some_and(|b| b.to_lowercase().contains(&text))
                || r.body_key.as_deref().is_some_and(|b| b.contains(&text)))
                && (filter_year.is_empty()
                    || r.year.map(|y| y.to_string()).as_deref() == Some(filter_year.as_str()))
                && (filter_type.is_empty()
                    || compare::doc_type_label(r.doc_type) == filter_type.as_str())
                && matches_status(r, &filter_status)
        })
        .collect();
    let (sort_col, ascending) = *sort;
    if sort_col < n_cols {
        order.sort_by(|&a, &b| {
            let o = cmp_cells(&cells[a][sort_col], &cells[b][sort_col]);
            if ascending {
                o
            } else {
                o.reverse()
            }
        });
    }
    let pages = order.len().div_ceil(PAGE).max(1);
    let current_page = (*page).min(pages - 1);
    let shown: Vec<usize> = order
        .iter()
        .copied()
        .skip(current_page * PAGE)
        .take(PAGE)
        .collect();

    let mut years: Vec<i32> = cmp.reports.iter().filter_map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    let mut types: Vec<&'static str> = cmp
        .reports
        .iter()
        .map(|r| compare::doc_type_label(r.doc_type))
        .collect();
    types.sort_unstable();
    types.dedup();

    let on_text = {
        let (f, page) = (filter_text.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            let v = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            f.set(v);
            page.set(0);
        })
    };
    let select = |state: &UseStateHandle<String>| {
        let (s, page) = (state.clone(), page.clone());
        Callback::from(move |e: Event| {
            s.set(value_of(&e));
            page.set(0);
        })
    };
    let on_year = select(&filter_year);
    let on_type = select(&filter_type);
    let on_status = select(&filter_status);

    let on_csv = {
        let cmp = cmp.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = export::download(
                "比较.csv",
                "text/csv;charset=utf-8",
                &compare::overview_csv(&cmp),
            );
        })
    };
    let on_xlsx = {
        let cmp = cmp.clone();
        Callback::from(move |_: MouseEvent| match compare::workbook(&cmp) {
            Ok(bytes) => {
                let _ = download_bytes(
                    "比较.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &bytes,
                );
            }
            Err(msg) => web_sys::console::error_1(&msg.into()),
        })
    };
    let on_json = {
        let cmp = cmp.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = export::download(
                "比较.xxgk-compare.json",
                "application/json;charset=utf-8",
                &compare::to_json(&cmp, true),
            );
        })
    };
    // The user's grouping: a report put into a named series, or out of every series ("-").
    let set_group = {
        let groups = groups.clone();
        Callback::from(move |(file, value): (String, String)| {
            let mut g = (*groups).clone();
            let v = value.trim();
            if v.is_empty() {
                g.remove(&file);
            } else if v == "-" || v == "—" {
                g.insert(file, String::new());
            } else {
                g.insert(file, v.to_owned());
            }
            storage::save_groups(&g);
            groups.set(g);
        })
    };
    let reset_groups = {
        let groups = groups.clone();
        Callback::from(move |_: MouseEvent| {
            storage::save_groups(&BTreeMap::new());
            groups.set(BTreeMap::new());
        })
    };

    let header = html! {
        <tr>
            { for head.iter().enumerate().filter(|(c, _)| visible[*c]).map(|(c, h)| {
                let sort = sort.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    let (col, asc) = *sort;
                    sort.set(if col == c { (c, !asc) } else { (c, true) });
                });
                let state = if sort_col == c { if ascending { "ascending" } else { "descending" } } else { "none" };
                html! {
                    <th scope="col" aria-sort={state} data-col={c.to_string()}>
                        <button type="button" class="sort" {onclick} title="按此列排序（再点一次反向）">
                            { h.clone() }
                            { match state { "ascending" => " ▲", "descending" => " ▼", _ => "" } }
                        </button>
                    </th>
                }
            }) }
        </tr>
    };
    let body = html! {
        { for shown.iter().map(|&i| {
            let r = &cmp.reports[i];
            let row = &cells[i];
            let on_show = props.on_show.clone();
            let open = Callback::from(move |_: MouseEvent| on_show.emit(i));
            let class = classes!(
                r.duplicate_of.is_some().then_some("dup"),
                (r.errors > 0).then_some("has-errors"),
            );
            html! {
                <tr {class} data-index={i.to_string()} data-file={r.file.clone()}>
                    { for row.iter().enumerate().filter(|(c, _)| visible[*c]).map(|(c, cell)| {
                        if c == 0 {
                            return html! {
                                <th scope="row"><button type="button" class="link" onclick={open.clone()}
                                    title="打开这份报告的完整分析">{ cell.display() }</button></th>
                            };
                        }
                        if c == series_col {
                            let set_group = set_group.clone();
                            let file = r.file.clone();
                            let onchange = Callback::from(move |e: Event| set_group.emit((file.clone(), value_of(&e))));
                            let user = groups.get(&r.file).cloned();
                            let value = match &user {
                                Some(g) if g.is_empty() => "-".to_owned(),
                                Some(g) => g.clone(),
                                None => cell.display(),
                            };
                            return html! {
                                <td class={classes!("group", user.is_some().then_some("by-user"))}>
                                    <input type="text" list="xxgk-series-names" value={value} {onchange}
                                        aria-label={format!("{} 所属系列（改名即调整分组，“-”表示不列入系列，清空恢复自动）", r.file)}
                                        title="改名即调整分组；“-”表示不列入系列；清空则恢复自动分组" />
                                </td>
                            };
                        }
                        let bad = (head[c] == "按期发布" && cell.display() == "逾期")
                            || (head[c] == "法定部分：缺少" && matches!(cell, Cell::Number(v) if *v > 0.0))
                            || (head[c] == "检查：错误" && matches!(cell, Cell::Number(v) if *v > 0.0));
                        let class = classes!(
                            matches!(cell, Cell::Number(_)).then_some("n"),
                            bad.then_some("bad"),
                            (c == n_cols - 1).then_some("notes"),
                            (c == year_col).then_some("year"),
                        );
                        html! { <td {class}>{ if matches!(cell, Cell::Empty) { "—".to_owned() } else { cell.display() } }</td> }
                    }) }
                </tr>
            }
        }) }
    };
    let to_page = |p: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(p))
    };
    let pager = html! {
        <div class="pager" role="group" aria-label="分页">
            <button type="button" id="page-prev" disabled={current_page == 0}
                onclick={to_page(current_page.saturating_sub(1))}>{ "上一页" }</button>
            <span id="page-info">{ format!("第 {} / {} 页，共 {} 份（全部 {} 份）", current_page + 1, pages, order.len(), cmp.reports.len()) }</span>
            <button type="button" id="page-next" disabled={current_page + 1 >= pages}
                onclick={to_page((current_page + 1).min(pages - 1))}>{ "下一页" }</button>
        </div>
    };

    // Series: those whose body matches the text filter, a page at a time.
    let series_shown: Vec<usize> = (0..cmp.series.len())
        .filter(|&i| {
            text.is_empty()
                || cmp.series[i].body.to_lowercase().contains(&text)
                || cmp.series[i].key.contains(&text)
        })
        .collect();
    let series_pages = series_shown.len().div_ceil(SERIES_PAGE).max(1);
    let current_series_page = (*series_page).min(series_pages - 1);
    let to_series_page = |p: usize| {
        let sp = series_page.clone();
        Callback::from(move |_: MouseEvent| sp.set(p))
    };
    let series_pager = (series_pages > 1).then(|| html! {
        <div class="pager" role="group" aria-label="系列分页">
            <button type="button" id="series-prev" disabled={current_series_page == 0}
                onclick={to_series_page(current_series_page.saturating_sub(1))}>{ "上一页" }</button>
            <span id="series-info">{ format!("第 {} / {} 页，共 {} 个系列", current_series_page + 1, series_pages, series_shown.len()) }</span>
            <button type="button" id="series-next" disabled={current_series_page + 1 >= series_pages}
                onclick={to_series_page((current_series_page + 1).min(series_pages - 1))}>{ "下一页" }</button>
        </div>
    });
    let indicator_cols: Vec<(String, String)> = cmp
        .columns
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(value_of(&e)))
    };
    let dist = distribution(&cmp, &chosen);

    html! {
        <section class="compare" id="compare" aria-labelledby="compare-h">
            <div class="compare-head">
                <h2 id="compare-h">{ format!("比较（{} 份报告）", cmp.reports.len()) }</h2>
                <span class="exports">
                    <button type="button" id="compare-csv" onclick={on_csv}
                        title="总览表，每份报告一行，UTF-8 编码，可用 Excel、WPS 打开">{ "导出 CSV" }</button>
                    <button type="button" id="compare-xlsx" onclick={on_xlsx}
                        title="Excel 工作簿：总览、系列核对、发现三张表">{ "导出 Excel" }</button>
                    <button type="button" id="compare-json" onclick={on_json}
                        title="与命令行 xxgk compare 相同的 JSON">{ "导出 JSON" }</button>
                </span>
            </div>
            <div class="filters" role="search" aria-label="筛选报告">
                <label>{ "机关或文件：" }<input type="search" id="filter-text" value={(*filter_text).clone()} oninput={on_text} /></label>
                <label>{ "年度：" }
                    <select id="filter-year" onchange={on_year}>
                        <option value="" selected={filter_year.is_empty()}>{ "全部" }</option>
                        { for years.iter().map(|y| html! { <option value={y.to_string()} selected={*filter_year == y.to_string()}>{ y.to_string() }</option> }) }
                    </select>
                </label>
                <label>{ "文种：" }
                    <select id="filter-type" onchange={on_type}>
                        <option value="" selected={filter_type.is_empty()}>{ "全部" }</option>
                        { for types.iter().map(|t| html! { <option value={*t} selected={filter_type.as_str() == *t}>{ *t }</option> }) }
                    </select>
                </label>
                <label>{ "状态：" }
                    <select id="filter-status" onchange={on_status}>
                        { for STATUSES.iter().map(|(v, n)| html! { <option value={*v} selected={filter_status.as_str() == *v}>{ *n }</option> }) }
                    </select>
                </label>
                if !groups.is_empty() {
                    <button type="button" id="reset-groups" onclick={reset_groups}
                        title="撤销所有手动分组，恢复按机关名称自动分组">{ "恢复自动分组" }</button>
                }
            </div>
            <datalist id="xxgk-series-names">
                { for cmp.series.iter().map(|s| html! { <option value={s.body.clone()} /> }) }
            </datalist>
            <div class="table-wrap overview-wrap">
                <table id="overview">
                    <caption class="visually-hidden">{ "各报告总览：每份报告一行" }</caption>
                    <thead>{ header }</thead>
                    <tbody>{ body }</tbody>
                </table>
            </div>
            { pager }
            <SetFindings findings={cmp.checks.clone()} />
            <section class="series-list" aria-labelledby="series-h">
                <h3 id="series-h">{ format!("系列（{} 个机关）与跨年度核对", cmp.series.len()) }</h3>
                if cmp.series.is_empty() {
                    <p class="none">{ "没有可以排成系列的年度报告（需识别出机关和年度）。" }</p>
                }
                { for series_shown.iter().skip(current_series_page * SERIES_PAGE).take(SERIES_PAGE).map(|&i| (i, &cmp.series[i])).map(|(i, s)| html! {
                    <SeriesView index={i} series={s.clone()} files={cmp.reports.iter().map(|r| r.file.clone()).collect::<Vec<_>>()}
                        values={cmp.reports.iter().map(|r| r.key.clone()).collect::<Vec<_>>()}
                        columns={indicator_cols.clone()} />
                }) }
                { for series_pager }
            </section>
            <section class="chart" aria-labelledby="dist-h">
                <h3 id="dist-h">
                    <label for="chart-field">{ "分布：" }</label>
                    <select id="chart-field" onchange={on_choose}>
                        { for indicator_cols.iter().map(|(id, name)| html! {
                            <option value={id.clone()} selected={*chosen == *id}>{ name.clone() }</option>
                        }) }
                    </select>
                    <SvgExport target="dist-chart" name="分布" />
                </h3>
                { dist }
            </section>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FindingsProps {
    findings: Vec<Finding>,
}

#[function_component(SetFindings)]
fn set_findings(props: &FindingsProps) -> Html {
    if props.findings.is_empty() {
        return Html::default();
    }
    html! {
        <section class="set-findings" aria-labelledby="set-findings-h">
            <h3 id="set-findings-h">{ format!("整体提示（{}）", props.findings.len()) }</h3>
            <ul class="findings">
                { for props.findings.iter().map(finding_item) }
            </ul>
        </section>
    }
}

fn finding_item(f: &Finding) -> Html {
    html! {
        <li class={classes!("finding", severity_class(f.severity))} data-code={f.code.clone()}>
            { f.message.clone() }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct SeriesProps {
    index: usize,
    series: Series,
    files: Vec<String>,
    values: Vec<Vec<Option<f64>>>,
    columns: Vec<(String, String)>,
}

/// One body's series: its years, the cross-year checks, reuse and a chart by year.
#[function_component(SeriesView)]
fn series_view(props: &SeriesProps) -> Html {
    let s = &props.series;
    let file = |i: usize| props.files.get(i).cloned().unwrap_or_default();
    let chart_id = format!("series-chart-{}", props.index);
    let years: Vec<String> = s
        .years
        .iter()
        .map(|y| {
            let names: Vec<String> = y.reports.iter().map(|&i| file(i)).collect();
            format!("{}年（{}）", y.year, names.join("、"))
        })
        .collect();
    html! {
        <article class="series" data-body={s.body.clone()} data-key={s.key.clone()}>
            <h4>{ s.body.clone() }{ if s.by_user { "（手动分组）" } else { "" } }</h4>
            <p class="years">{ years.join("；") }</p>
            if !s.missing_years.is_empty() {
                <p class="missing">{ format!("缺少：{}", s.missing_years.iter().map(|y| format!("{y}年")).collect::<Vec<_>>().join("、")) }</p>
            }
            if !s.links.is_empty() {
                <table class="links">
                    <thead><tr>
                        <th scope="col">{ "上年报告" }</th><th scope="col">{ "本年报告" }</th>
                        <th scope="col">{ "核对项" }</th><th scope="col" class="n">{ "应为" }</th>
                        <th scope="col" class="n">{ "实为" }</th><th scope="col">{ "结果" }</th>
                    </tr></thead>
                    <tbody>
                        { for s.links.iter().flat_map(|l| {
                            let lf = format!("{}（{}年）", file(l.last), l.last_year);
                            let tf = format!("{}（{}年）", file(l.this), l.year);
                            let mut rows: Vec<Html> = l.results.iter().map(|r| {
                                let label = match r.status.as_str() { "consistent" => "一致", "inconsistent" => "不一致", _ => "无法核对" };
                                html! {
                                    <tr data-code={r.code.clone()} data-status={r.status.clone()} data-year={l.year.to_string()}>
                                        <td>{ lf.clone() }</td><td>{ tf.clone() }</td><td>{ r.label.clone() }</td>
                                        <td class="n">{ r.expected.map_or_else(|| "—".to_owned(), fmt) }</td>
                                        <td class="n">{ r.found.map_or_else(|| "—".to_owned(), fmt) }</td>
                                        <td class={classes!("result", r.status.clone())}>{ label }</td>
                                    </tr>
                                }
                            }).collect();
                            if let Some(reuse) = &l.reuse {
                                let pct = (reuse.ratio * 1000.0).round() / 10.0;
                                rows.push(html! {
                                    <tr data-code="reuse" data-year={l.year.to_string()} data-ratio={format!("{:.3}", reuse.ratio)}>
                                        <td>{ lf.clone() }</td><td>{ tf.clone() }</td>
                                        <td colspan="3">
                                            { format!("文字与上年相同的比例：{pct}%") }
                                            if !reuse.passages.is_empty() {
                                                <details class="passages">
                                                    <summary>{ format!("列出沿用的 {} 段文字", reuse.passages.len()) }</summary>
                                                    <ol>{ for reuse.passages.iter().map(|p| html! { <li>{ p.text.clone() }</li> }) }</ol>
                                                </details>
                                            }
                                        </td>
                                        <td class={classes!("result", (reuse.ratio >= 0.8).then_some("inconsistent"))}>
                                            { if reuse.ratio >= 0.8 { "大部分沿用" } else { "" } }
                                        </td>
                                    </tr>
                                });
                            }
                            rows
                        }) }
                    </tbody>
                </table>
            }
            if !s.checks.is_empty() {
                <ul class="findings">{ for s.checks.iter().map(finding_item) }</ul>
            }
            if s.years.len() >= 2 {
                <div class="chart-head">
                    <SvgExport target={chart_id.clone()} name={format!("{}-按年度", s.body)} />
                </div>
                { series_chart(&chart_id, s, &props.values, &props.columns) }
            }
        </article>
    }
}

/// The main indicators drawn by year.
const SERIES_FIELDS: &[&str] = &[
    "requests_received",
    "requests_completed",
    "outcome_disclosed",
    "requests_carried_to_next_year",
];
const COLOURS: &[&str] = &["#1f5fa8", "#c2572b", "#2e8540", "#7a4fa3"];

/// One line of a series chart: its colour index, name and points (year, value).
type Line<'a> = (usize, &'a str, Vec<(i32, f64)>);

fn series_chart(
    id: &str,
    s: &Series,
    values: &[Vec<Option<f64>>],
    columns: &[(String, String)],
) -> Html {
    const W: f64 = 560.0;
    const H: f64 = 220.0;
    const L: f64 = 50.0;
    const B: f64 = 30.0;
    let years: Vec<(i32, usize)> = s
        .years
        .iter()
        .filter_map(|y| y.reports.first().map(|&i| (y.year, i)))
        .collect();
    let lines: Vec<Line> = SERIES_FIELDS
        .iter()
        .enumerate()
        .filter_map(|(k, f)| {
            let c = columns.iter().position(|(id, _)| id == f)?;
            let pts: Vec<(i32, f64)> = years
                .iter()
                .filter_map(|&(y, i)| {
                    values
                        .get(i)
                        .and_then(|v| v.get(c).copied().flatten())
                        .map(|v| (y, v))
                })
                .collect();
            (!pts.is_empty()).then_some((k, columns[c].1.as_str(), pts))
        })
        .collect();
    let max = lines
        .iter()
        .flat_map(|l| l.2.iter().map(|p| p.1))
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let (y0, y1) = (
        years.first().map_or(0, |y| y.0),
        years.last().map_or(0, |y| y.0),
    );
    let span = f64::from((y1 - y0).max(1));
    let x = |y: i32| L + f64::from(y - y0) / span * (W - L - 20.0);
    let yv = |v: f64| (H - B) - v / max * (H - B - 20.0);
    let summary: Vec<String> = lines
        .iter()
        .map(|(_, name, pts)| {
            format!(
                "{name}：{}",
                pts.iter()
                    .map(|(y, v)| format!("{y}年 {}", fmt(*v)))
                    .collect::<Vec<_>>()
                    .join("，")
            )
        })
        .collect();
    html! {
        <svg id={id.to_owned()} class="lines" xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {W} {}", H + 20.0 * lines.len() as f64)}
            width={W.to_string()} height={(H + 20.0 * lines.len() as f64).to_string()} role="img"
            aria-label={format!("{}按年度：{}", s.body, summary.join("；"))}>
            <line x1={L.to_string()} y1={(H - B).to_string()} x2={(W - 10.0).to_string()} y2={(H - B).to_string()} stroke="#999" />
            <text x={(L - 6.0).to_string()} y="20" text-anchor="end" font-size="11">{ fmt(max) }</text>
            <text x={(L - 6.0).to_string()} y={(H - B).to_string()} text-anchor="end" font-size="11">{ "0" }</text>
            { for years.iter().map(|(y, _)| html! {
                <text x={x(*y).to_string()} y={(H - B + 16.0).to_string()} text-anchor="middle" font-size="11">{ y.to_string() }</text>
            }) }
            { for lines.iter().map(|(k, name, pts)| {
                let colour = COLOURS[*k % COLOURS.len()];
                let path = pts.iter().map(|(y, v)| format!("{:.1},{:.1}", x(*y), yv(*v))).collect::<Vec<_>>().join(" ");
                html! {
                    <g class="line" data-field={SERIES_FIELDS[*k]}>
                        <polyline points={path} fill="none" stroke={colour} stroke-width="2" />
                        { for pts.iter().map(|(y, v)| html! {
                            <circle cx={format!("{:.1}", x(*y))} cy={format!("{:.1}", yv(*v))} r="3" fill={colour}>
                                <title>{ format!("{name} {y}年：{}", fmt(*v)) }</title>
                            </circle>
                        }) }
                    </g>
                }
            }) }
            { for lines.iter().enumerate().map(|(n, (k, name, _))| html! {
                <g class="legend">
                    <rect x={L.to_string()} y={(H + 4.0 + 20.0 * n as f64).to_string()} width="12" height="12" fill={COLOURS[*k % COLOURS.len()]} />
                    <text x={(L + 18.0).to_string()} y={(H + 14.0 + 20.0 * n as f64).to_string()} font-size="12">{ name.to_string() }</text>
                </g>
            }) }
        </svg>
    }
}

/// The distribution of one indicator over the set (duplicates counted once): a histogram of
/// ten bins, on a logarithmic scale when the values span more than two orders of magnitude.
fn distribution(c: &Comparison, field: &str) -> Html {
    let Some(col) = c.columns.iter().position(|x| x.id == field) else {
        return Html::default();
    };
    let name = c.columns[col].name.clone();
    let values: Vec<f64> = c
        .reports
        .iter()
        .filter(|r| r.duplicate_of.is_none())
        .filter_map(|r| r.key.get(col).copied().flatten())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .collect();
    if values.is_empty() {
        return html! { <p class="none" id="dist-chart-none">{ format!("没有报告给出“{name}”。") }</p> };
    }
    let max = values.iter().copied().fold(0.0_f64, f64::max);
    let min_pos = values
        .iter()
        .copied()
        .filter(|v| *v > 0.0)
        .fold(f64::INFINITY, f64::min);
    let log = max > 0.0 && min_pos.is_finite() && max / min_pos > 100.0;
    const BINS: usize = 10;
    let scale = |v: f64| if log { (1.0 + v).log10() } else { v };
    let top = scale(max).max(1e-9);
    let mut counts = [0usize; BINS];
    for v in &values {
        let b = ((scale(*v) / top) * BINS as f64).floor() as usize;
        counts[b.min(BINS - 1)] += 1;
    }
    let edge = |b: usize| {
        let t = top * b as f64 / BINS as f64;
        if log {
            10f64.powf(t) - 1.0
        } else {
            t
        }
    };
    let most = counts.iter().copied().max().unwrap_or(1).max(1);
    const W: f64 = 560.0;
    const H: f64 = 200.0;
    let bw = (W - 60.0) / BINS as f64;
    html! {
        <svg id="dist-chart" class="bars" xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {W} {}", H + 40.0)}
            width={W.to_string()} height={(H + 40.0).to_string()} role="img"
            aria-label={format!("{name}的分布：{} 份报告，最大 {}{}", values.len(), fmt(max), if log { "（对数刻度）" } else { "" })}>
            { for counts.iter().enumerate().map(|(b, n)| {
                let h = *n as f64 / most as f64 * (H - 20.0);
                let x = 40.0 + bw * b as f64;
                let (lo, hi) = (edge(b), edge(b + 1));
                html! {
                    <g class="bin" data-count={n.to_string()}>
                        <title>{ format!("{}–{}：{} 份", fmt(lo.round()), fmt(hi.round()), n) }</title>
                        <rect x={format!("{:.1}", x + 2.0)} y={format!("{:.1}", H - h)} width={format!("{:.1}", bw - 4.0)} height={format!("{h:.1}")} />
                        if *n > 0 {
                            <text class="val" x={format!("{:.1}", x + bw / 2.0)} y={format!("{:.1}", H - h - 4.0)} text-anchor="middle" font-size="11">{ n.to_string() }</text>
                        }
                        <text x={format!("{:.1}", x + bw / 2.0)} y={(H + 16.0).to_string()} text-anchor="middle" font-size="10">{ fmt(lo.round()) }</text>
                    </g>
                }
            }) }
            <text x="40" y={(H + 34.0).to_string()} font-size="11">{ format!("{name}（{} 份报告{}）", values.len(), if log { "，对数刻度" } else { "" }) }</text>
        </svg>
    }
}

#[derive(Properties, PartialEq)]
struct SvgProps {
    target: String,
    name: String,
}

/// 导出 SVG: the chart's markup as an .svg file.
#[function_component(SvgExport)]
fn svg_export(props: &SvgProps) -> Html {
    let onclick = {
        let (target, name) = (props.target.clone(), props.name.clone());
        Callback::from(move |_: MouseEvent| {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&target));
            if let Some(el) = el {
                let svg = format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
                    el.outer_html()
                );
                let _ =
                    export::download(&format!("{name}.svg"), "image/svg+xml;charset=utf-8", &svg);
            }
        })
    };
    html! {
        <button type="button" class="svg-export" data-target={props.target.clone()} {onclick}
            title="把图表保存为 SVG 文件">{ "导出 SVG" }</button>
    }
}
