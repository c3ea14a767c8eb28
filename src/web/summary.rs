//! The summary line: what the document is, who issued it, for which year, when it was
//! published, in which script, and how much the analysis found.

use super::labels;
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
                { fact("发布日期", m.published.as_ref().map_or_else(unknown, |v| html! { { v.clone() } })) }
                { fact("文字", html! { { labels::script(m.script) } }) }
                { fact("字数", html! { { fmt_count(chars) } }) }
                { fact("部分", html! { { fmt_count(n_sections) } }) }
                { fact("数量", html! { { fmt_count(r.quantities.len()) } }) }
                { fact("检查", html! { { fmt_count(r.checks.len()) } }) }
            </ul>
            <p class="origin">
                { format!("来源：{origin}；分析用时 {:.0} 毫秒。", a.millis) }
                { for r.input.diagnostics.iter().map(|d| html! { <span class="diag">{ d.clone() }</span> }) }
            </p>
        </section>
    }
}

fn count_sections(sections: &[crate::report::Section]) -> usize {
    sections
        .iter()
        .map(|s| 1 + count_sections(&s.children))
        .sum()
}
