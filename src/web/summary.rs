//! The summary line: what the document is, who issued it, for which year, when it was
//! published, in which script, and how much the analysis found.

use super::labels;
use super::parts::{self, Deadline};
use super::state::{Origin, Shared};
use super::text::fmt_count;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
}

#[function_component(Summary)]
pub fn summary(props: &Props) -> Html {
    let a = &props.analysis;
    let r = &a.report;
    let m = &r.meta;
    let chars = a.text.chars().count();
    let unknown = || html! { <span class="unknown">{ "未识别" }</span> };
    let fact = |k: &str, v: Html| {
        html! { <li><span class="k">{ k.to_owned() }</span>{ v }</li> }
    };
    let origin = match &a.origin {
        Origin::Typed => "粘贴或输入的文字".to_owned(),
        Origin::Sample => "示例报告".to_owned(),
        Origin::File { name, encoding } => format!("文件 {name}（{encoding}）"),
    };
    let n_sections = count_sections(&r.sections);
    let deadline = parts::deadline(r);
    let (errors, warnings, notes) = parts::severities(r);
    let bytes = a.text.len();
    let size = if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / 1048576.0)
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    };
    let deadline_html = {
        let title = match &deadline {
            Deadline::Late(msg) => msg.clone(),
            Deadline::OnTime => "未发现逾期：发布日期在法定期限内。".to_owned(),
            Deadline::Unknown => "不是年度报告，或未识别出年度或发布日期。".to_owned(),
        };
        html! {
            <span class={classes!("deadline", deadline.code())} id="xxgk-deadline"
                data-status={deadline.code()} {title}>{ deadline.label() }</span>
        }
    };
    html! {
        <section class="summary" id="summary" aria-labelledby="summary-h"
            data-chars={chars.to_string()}>
            <h2 id="summary-h">{ "概要" }</h2>
            <p class="doc-title">
                { m.title.clone().unwrap_or_else(|| "（未识别出标题）".to_owned()) }
            </p>
            <ul class="facts">
                { fact("文种", html! { { labels::doc_type(m.doc_type) } }) }
                { fact("机关", m.agency.as_ref().map_or_else(unknown, |v| html! { { v.clone() } })) }
                { fact("年度", m.year.map_or_else(unknown, |y| html! { { format!("{y}年") } })) }
                { fact("发布日期", html! { <>
                    { m.published.as_ref().map_or_else(unknown, |v| html! { { v.clone() } }) }
                    { deadline_html }
                </> }) }
                { fact("文字", html! { { labels::script(m.script) } }) }
                { fact("字数", html! { { fmt_count(chars) } }) }
                { fact("大小", html! { { size } }) }
                { fact("部分", html! { <span data-n="sections">{ fmt_count(n_sections) }</span> }) }
                { fact("数量", html! { <span data-n="quantities">{ fmt_count(r.quantities.len()) }</span> }) }
                { fact("问题", html! { <span data-n="checks" title="错误、警告、提示">
                    { format!("{}（错误 {errors}，警告 {warnings}，提示 {notes}）", fmt_count(r.checks.len())) }
                </span> }) }
            </ul>
            { details(r) }
            <p class="origin">
                { format!("来源：{origin}；分析用时 {:.0} 毫秒。", a.millis) }
                { for r.input.diagnostics.iter().map(|d| html! { <span class="diag">{ d.clone() }</span> }) }
            </p>
        </section>
    }
}

pub fn count_sections(sections: &[crate::report::Section]) -> usize {
    sections
        .iter()
        .map(|s| 1 + count_sections(&s.children))
        .sum()
}

/// The document's other facts, folded away: index number, document number, statistical
/// period, where the date was read, contacts and cited documents.
fn details(r: &crate::report::Report) -> Html {
    let m = &r.meta;
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(v) = &m.index_number {
        rows.push(("索引号", v.clone()));
    }
    if let Some(v) = &m.doc_number {
        rows.push(("文号", v.clone()));
    }
    if let Some(p) = &m.period {
        rows.push(("统计期限", format!("{} 至 {}", p.from, p.to)));
    }
    if let Some(v) = &m.published_source {
        rows.push(("发布日期来自", v.clone()));
    }
    for n in &m.notes {
        rows.push(("说明", n.clone()));
    }
    let c = &m.contacts;
    for (k, list) in [
        ("电话", &c.phones),
        ("电子邮箱", &c.emails),
        ("网站", &c.websites),
        ("地址", &c.addresses),
    ] {
        if !list.is_empty() {
            rows.push((
                k,
                list.iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join("；"),
            ));
        }
    }
    if !m.cited.is_empty() {
        let cited = m
            .cited
            .iter()
            .map(|c| match (&c.title, &c.number) {
                (Some(t), Some(n)) => format!("《{t}》（{n}）"),
                (Some(t), None) => format!("《{t}》"),
                (None, Some(n)) => n.clone(),
                (None, None) => c.text.clone(),
            })
            .collect::<Vec<_>>();
        rows.push(("引用文件", cited.join("；")));
    }
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <details class="meta-details">
            <summary>{ format!("更多信息（{}项）", rows.len()) }</summary>
            <dl>
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
        </details>
    }
}
