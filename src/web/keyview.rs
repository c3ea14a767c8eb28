//! The key indicators: requests received and carried over, outcomes, reviews and suits, each
//! with where it was read (table 3, table 4 or the prose) and any remark. Clicking a value
//! shows its source in the document view.

use super::state::Shared;
use super::text::fmt_num;
use crate::report::Key;
use yew::prelude::*;

/// The indicators in reading order, with their Chinese names.
pub fn fields(k: &Key) -> [(&'static str, &'static str, Option<f64>); 12] {
    [
        ("requests_received", "本年新收申请", k.requests_received),
        (
            "requests_carried_over_from_last_year",
            "上年结转申请",
            k.requests_carried_over_from_last_year,
        ),
        ("requests_completed", "办理结果总计", k.requests_completed),
        (
            "requests_carried_to_next_year",
            "结转下年度继续办理",
            k.requests_carried_to_next_year,
        ),
        ("outcome_disclosed", "予以公开", k.outcome_disclosed),
        (
            "outcome_partially_disclosed",
            "部分公开",
            k.outcome_partially_disclosed,
        ),
        ("outcome_not_disclosed", "不予公开", k.outcome_not_disclosed),
        (
            "outcome_unable_to_provide",
            "无法提供",
            k.outcome_unable_to_provide,
        ),
        ("outcome_not_processed", "不予处理", k.outcome_not_processed),
        ("outcome_other", "其他处理", k.outcome_other),
        ("review_total", "行政复议", k.review_total),
        ("litigation_total", "行政诉讼", k.litigation_total),
    ]
}

pub fn source_name(from: &str) -> &str {
    match from {
        "table3" => "表三",
        "table4" => "表四",
        "prose" => "正文",
        other => other,
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    pub on_focus: Callback<(usize, usize)>,
}

#[function_component(KeyView)]
pub fn key_view(props: &Props) -> Html {
    let key = &props.analysis.report.key;
    let rows = fields(key);
    let found = rows.iter().filter(|r| r.2.is_some()).count();
    html! {
        <section class="keyview" id="key" aria-labelledby="key-h">
            <h2 id="key-h">{ "主要指标" }</h2>
            if found == 0 {
                <p class="none">{ "未识别出依申请公开和复议诉讼的主要数字。" }</p>
            } else {
                <table>
                    <tbody>
                        { for rows.iter().map(|(field, name, value)| {
                            let source = key.sources.iter().find(|s| s.field == *field);
                            let value_html = match (value, source) {
                                (Some(v), Some(s)) => {
                                    let on_focus = props.on_focus.clone();
                                    let span = (s.start, s.end.max(s.start));
                                    let onclick = Callback::from(move |_: MouseEvent| on_focus.emit(span));
                                    html! { <button type="button" class="qtext" {onclick}
                                        title={format!("在原文中查看：{}", s.text)}>{ fmt_num(*v) }</button> }
                                }
                                (Some(v), None) => html! { { fmt_num(*v) } },
                                (None, _) => html! { <span class="unknown">{ "—" }</span> },
                            };
                            let from = source.map(|s| {
                                let mut t = source_name(&s.from).to_owned();
                                if let Some(n) = &s.note {
                                    t.push('；');
                                    t.push_str(n);
                                }
                                t
                            });
                            html! {
                                <tr data-field={*field}>
                                    <th scope="row">{ *name }</th>
                                    <td class="n">{ value_html }</td>
                                    <td class="src">{ from.unwrap_or_default() }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
