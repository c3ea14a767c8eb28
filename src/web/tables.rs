//! The statistics tables (表二, 表三, 表四) as the analysis read them: rows with their labels,
//! cells with their values, and the cells that had to be split out of glued digits (decoded)
//! or could not be settled (doubtful) marked. Clicking a cell shows it in the document view.

use super::state::{Focus, Shared};
use super::text::fmt_num;
use crate::report::{Cell, Table};
use yew::prelude::*;

fn table_name(id: &str) -> &str {
    match id {
        "table2" => "表二",
        "table3" => "表三",
        "table4" => "表四",
        other => other,
    }
}

fn form_name(form: &str) -> &str {
    match form {
        "tsv" => "制表符分隔",
        "pipe" => "竖线分隔",
        "markdown" => "Markdown 表格",
        "cell_per_line" => "每格一行",
        "spaces" => "空格分隔",
        "glued" => "数字粘连",
        "html" => "网页表格",
        other => other,
    }
}

fn status_title(status: &str) -> Option<&'static str> {
    match status {
        "decoded" => Some("由表内勾稽关系从粘连的数字中拆出"),
        "doubtful" => Some("存疑：粘连的数字有多种拆法，或没有一种拆法与合计相符"),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    pub focus: Option<Focus>,
    pub on_focus: Callback<(usize, usize)>,
}

#[function_component(Tables)]
pub fn tables(props: &Props) -> Html {
    let tables = &props.analysis.report.tables;
    if tables.is_empty() {
        return Html::default();
    }
    html! {
        <section class="tables" id="tables" aria-labelledby="tables-h">
            <h2 id="tables-h">{ format!("统计表（{}）", tables.len()) }</h2>
            { for tables.iter().map(|t| table(t, props)) }
        </section>
    }
}

fn table(t: &Table, props: &Props) -> Html {
    let width = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    // `columns` names the label column too only when it has one more entry than the widest row.
    let mut header: Vec<String> = t.columns.clone();
    if header.len() != width + 1 {
        header.insert(0, "项目".to_owned());
    }
    let cols = header.len().max(width + 1);
    let locate = {
        let on_focus = props.on_focus.clone();
        let span = (t.start, t.end.max(t.start));
        Callback::from(move |_: MouseEvent| on_focus.emit(span))
    };
    let mut meta = vec![format!("形式：{}", form_name(&t.form))];
    if let Some(v) = &t.template {
        meta.insert(0, format!("{v}年模板"));
    }
    html! {
        <figure class="stat-table" data-table={t.id.clone()}>
            <figcaption>
                <span class="tname">{ format!("{} {}", table_name(&t.id), t.title) }</span>
                <span class="tmeta">{ meta.join("，") }</span>
                <button type="button" class="locate" onclick={locate}
                    aria-label={format!("在原文中查看{}", table_name(&t.id))}>{ "定位" }</button>
            </figcaption>
            <div class="table-wrap">
                <table>
                    <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                    <tbody>
                        { for t.rows.iter().map(|r| html! {
                            <tr data-key={r.key.clone()}>
                                <th scope="row">{ r.label.clone() }</th>
                                { for r.cells.iter().map(|c| cell(c, props)) }
                                { for (r.cells.len() + 1..cols).map(|_| html! { <td class="pad"></td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

fn cell(c: &Cell, props: &Props) -> Html {
    let shown = c.value.map_or_else(|| c.text.clone(), fmt_num);
    let active = props
        .focus
        .is_some_and(|f| f.start == c.start && f.end == c.end.max(c.start));
    let class = classes!("n", format!("st-{}", c.status), active.then_some("active"));
    let title = status_title(&c.status).map(|s| format!("{s}；原文：{}", c.text));
    if c.end <= c.start {
        return html! { <td {class} {title}>{ shown }</td> };
    }
    let on_focus = props.on_focus.clone();
    let span = (c.start, c.end);
    let onclick = Callback::from(move |_: MouseEvent| on_focus.emit(span));
    html! { <td {class} {title}><button type="button" class="cell" {onclick}>{ shown }</button></td> }
}
