//! The quantities table: every number with its unit as the report states it, the value it
//! means, whether it is approximate, and the part it stands in. Clicking the text shows the
//! place in the document view.

use super::labels;
use super::state::{Focus, Shared};
use super::text::fmt_num;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    pub focus: Option<Focus>,
    pub on_focus: Callback<(usize, usize)>,
}

#[function_component(Quantities)]
pub fn quantities(props: &Props) -> Html {
    let qs = &props.analysis.report.quantities;
    html! {
        <section class="quantities" id="quantities" aria-labelledby="quantities-h">
            <h2 id="quantities-h">{ format!("数量（{}）", qs.len()) }</h2>
            if qs.is_empty() {
                <p class="none">{ "未识别出数量。" }</p>
            } else {
                <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ "原文" }</th>
                            <th scope="col" class="n">{ "数值" }</th>
                            <th scope="col">{ "单位" }</th>
                            <th scope="col">{ "约数" }</th>
                            <th scope="col">{ "所在部分" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for qs.iter().map(|q| {
                            let on_focus = props.on_focus.clone();
                            let span = (q.start, q.end.max(q.start));
                            let active = props.focus.is_some_and(|f| (f.start, f.end) == span);
                            let onclick = Callback::from(move |_: MouseEvent| on_focus.emit(span));
                            let value = match q.value_to {
                                Some(to) => format!("{}–{}", fmt_num(q.value), fmt_num(to)),
                                None => fmt_num(q.value),
                            };
                            html! {
                                <tr class={classes!(active.then_some("active"))}
                                    aria-current={active.then_some("true")}>
                                    <td><button type="button" class="qtext" {onclick}
                                        title="在原文中查看">{ q.text.clone() }</button></td>
                                    <td class="n">{ value }</td>
                                    <td>{ q.unit.clone() }</td>
                                    <td>{ labels::approx(q.approx) }</td>
                                    <td>{ q.section.as_deref().map(labels::section_name).unwrap_or_default() }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }
        </section>
    }
}
