//! The section outline: the tree of headings, each with its number, its title as written,
//! the template part it stands for (in Chinese) and an 空 badge when it has no body.
//! Clicking an entry shows the heading in the document view.

use super::labels;
use super::state::{Focus, Shared};
use crate::report::Section;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    /// The span shown in the document view, to mark its entry.
    pub focus: Option<Focus>,
    /// Asks to show a character span of the text.
    pub on_focus: Callback<(usize, usize)>,
}

#[function_component(Outline)]
pub fn outline(props: &Props) -> Html {
    let sections = &props.analysis.report.sections;
    html! {
        <section class="outline" id="outline" aria-labelledby="outline-h">
            <h2 id="outline-h">{ "结构" }</h2>
            if sections.is_empty() {
                <p class="none">{ "未识别出章节。" }</p>
            } else {
                <ul class="tree">
                    { for sections.iter().map(|s| item(s, props)) }
                </ul>
            }
        </section>
    }
}

fn item(s: &Section, props: &Props) -> Html {
    let span = (s.start, s.heading_end.max(s.start));
    let active = props.focus.is_some_and(|f| (f.start, f.end) == span);
    let onclick = {
        let on_focus = props.on_focus.clone();
        Callback::from(move |_: MouseEvent| on_focus.emit(span))
    };
    // The template part, unless the title says exactly that already.
    let key = s
        .canonical
        .as_deref()
        .map(|k| (k, labels::section_name(k)))
        .filter(|(_, name)| *name != s.title);
    html! {
        <li class="sec" data-level={s.level.to_string()}
            data-canonical={s.canonical.clone().unwrap_or_default()}>
            <button type="button" class={classes!("sec-btn", active.then_some("active"))}
                aria-current={active.then_some("true")} {onclick}>
                if let Some(n) = &s.number {
                    <span class="num">{ n.clone() }</span>
                }
                <span class="title">{ s.title.clone() }</span>
                if let Some((k, name)) = key {
                    <span class="key" title={format!("模板部分：{k}")}>{ name }</span>
                }
                if s.empty {
                    <span class="badge empty" title="此部分没有正文">{ "空" }</span>
                }
            </button>
            if !s.children.is_empty() {
                <ul>{ for s.children.iter().map(|c| item(c, props)) }</ul>
            }
        </li>
    }
}
