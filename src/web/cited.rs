//! The documents the report cites (`meta.cited`): laws, regulations and notices with their
//! titles and document numbers (国办发〔2019〕14号). Clicking one shows it in the document
//! view.

use super::state::{Focus, Shared};
use yew::prelude::*;

/// Cited documents drawn at most.
const MAX_CITED: usize = 300;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    pub focus: Option<Focus>,
    pub on_focus: Callback<(usize, usize)>,
}

#[function_component(Cited)]
pub fn cited(props: &Props) -> Html {
    let cited = &props.analysis.report.meta.cited;
    html! {
        <section class="cited" id="cited" aria-labelledby="cited-h">
            <h2 id="cited-h">{ format!("引用文件（{}）", cited.len()) }</h2>
            if cited.is_empty() {
                <p class="none">{ "未识别出引用的文件。" }</p>
            } else {
                <ol>
                    { for cited.iter().take(MAX_CITED).map(|c| {
                        let span = (c.start, c.end.max(c.start));
                        let active = props.focus.is_some_and(|f| (f.start, f.end) == span);
                        let on_focus = props.on_focus.clone();
                        let onclick = Callback::from(move |_: MouseEvent| on_focus.emit(span));
                        html! {
                            <li class={classes!(active.then_some("active"))}>
                                <button type="button" class="qtext" {onclick} title="在原文中查看">
                                    if let Some(t) = &c.title {
                                        <span class="ctitle">{ format!("《{t}》") }</span>
                                    }
                                    if let Some(n) = &c.number {
                                        <span class="cnum">{ n.clone() }</span>
                                    }
                                    if c.title.is_none() && c.number.is_none() {
                                        <span class="ctitle">{ c.text.clone() }</span>
                                    }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                if cited.len() > MAX_CITED {
                    <p class="more">{ format!("仅显示前 {MAX_CITED} 个（共 {} 个）。", cited.len()) }</p>
                }
            }
        </section>
    }
}
