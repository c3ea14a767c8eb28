//! The checks list: what the analysis found wrong or worth noting, with its severity. An
//! entry with a span can be clicked to show that place in the document view.

use super::labels;
use super::state::{Focus, Shared};
use yew::prelude::*;

/// Checks drawn at most.
const MAX_CHECKS: usize = 300;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    pub focus: Option<Focus>,
    pub on_focus: Callback<(usize, usize)>,
}

#[function_component(Checks)]
pub fn checks(props: &Props) -> Html {
    let checks = &props.analysis.report.checks;
    html! {
        <section class="checks" id="checks" aria-labelledby="checks-h">
            <h2 id="checks-h">{ format!("检查（{}）", checks.len()) }</h2>
            if checks.is_empty() {
                <p class="none">{ "没有发现问题。" }</p>
            } else {
                <ul>
                    { for checks.iter().take(MAX_CHECKS).map(|c| {
                        let sev = labels::severity(c.severity);
                        let active = c.start.is_some_and(|s| {
                            props.focus.is_some_and(|f| (f.start, f.end) == (s, c.end.unwrap_or(s).max(s)))
                        });
                        let class = classes!(
                            "check",
                            format!("sev-{}", labels::severity_class(c.severity)),
                            active.then_some("active"),
                        );
                        let locate = match (c.start, c.end) {
                            (Some(start), end) => {
                                let on_focus = props.on_focus.clone();
                                let end = end.unwrap_or(start).max(start);
                                let onclick = Callback::from(move |_: MouseEvent| on_focus.emit((start, end)));
                                html! { <button type="button" class="locate" {onclick}
                                    aria-label={format!("在原文中查看：{}", c.message)}>{ "定位" }</button> }
                            }
                            _ => Html::default(),
                        };
                        html! {
                            <li {class} data-code={c.code.clone()}>
                                <span class="sev">{ sev }</span>
                                <span class="msg">{ c.message.clone() }</span>
                                { locate }
                            </li>
                        }
                    }) }
                </ul>
                if checks.len() > MAX_CHECKS {
                    <p class="more">{ format!("仅显示前 {MAX_CHECKS} 项（共 {} 项），全部见“导出 JSON”。", checks.len()) }</p>
                }
            }
        </section>
    }
}
