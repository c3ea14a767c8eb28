//! The section outline: the tree of headings, each with its number, its title as written,
//! the template part it stands for (in Chinese) and an 空 badge when it has no body.
//! Clicking an entry shows the heading in the document view.

use super::labels;
use super::parts::{self, Status};
use super::state::{Focus, Shared};
use crate::report::Section;
use std::cell::Cell;

/// Outline entries drawn at most (a huge paste can have thousands).
const MAX_ENTRIES: usize = 500;
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
    let budget = Cell::new(MAX_ENTRIES);
    let total = super::summary::count_sections(sections);
    let template = parts::parts(&props.analysis.report);
    let (present, empty, missing) = parts::counts(&template);
    let statuses = (!template.is_empty()).then(|| html! {
        <div class="parts" aria-label="法定部分完整性">
            <p class="parts-sum">{ format!("法定部分：{present} 个有内容，{empty} 个空，{missing} 个缺少") }</p>
            <ol class="parts-list">
                { for template.iter().enumerate().map(|(i, p)| {
                    let label = format!("{}、{}：{}", cn_number(i + 1), p.name, p.status.label());
                    let body = html! { <>
                        <span class="pnum">{ cn_number(i + 1) }</span>
                        <span class="pname">{ p.name }</span>
                        <span class={classes!("pstatus", p.status.code())}>{ p.status.label() }</span>
                    </> };
                    let inner = match p.span {
                        Some(span) => {
                            let on_focus = props.on_focus.clone();
                            let onclick = Callback::from(move |_: MouseEvent| on_focus.emit(span));
                            html! { <button type="button" class="part-btn" {onclick}
                                aria-label={format!("{label}（在原文中查看）")}>{ body }</button> }
                        }
                        None => html! { <span class="part-btn" aria-label={label}>{ body }</span> },
                    };
                    html! {
                        <li data-key={p.key} data-status={p.status.code()}
                            class={classes!((p.status == Status::Missing).then_some("missing"))}>{ inner }</li>
                    }
                }) }
            </ol>
        </div>
    });
    html! {
        <section class="outline" id="outline" aria-labelledby="outline-h">
            <h2 id="outline-h">{ "结构" }</h2>
            { for statuses }
            if sections.is_empty() {
                <p class="none">{ "未识别出章节。" }</p>
            } else {
                <ul class="tree">
                    { for sections.iter().map(|s| item(s, props, &budget)) }
                </ul>
                if budget.get() == 0 && total > MAX_ENTRIES {
                    <p class="more">{ format!("仅显示前 {MAX_ENTRIES} 个标题（共 {total} 个）。") }</p>
                }
            }
        </section>
    }
}

fn item(s: &Section, props: &Props, budget: &Cell<usize>) -> Html {
    if budget.get() == 0 {
        return Html::default();
    }
    budget.set(budget.get() - 1);
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
                <ul>{ for s.children.iter().map(|c| item(c, props, budget)) }</ul>
            }
        </li>
    }
}

/// 一 … 十 for template part numbers.
pub fn cn_number(n: usize) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or("")
}
