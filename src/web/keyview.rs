//! The key indicators: requests received and carried over, outcomes, reviews and suits, each
//! with where it was read (table 3, table 4 or the prose) and any remark. Clicking a value
//! shows its source in the document view.

use super::state::Shared;
use super::text::fmt_num;
use crate::report::Key;
use yew::prelude::*;

/// Every key indicator in the order `Key` declares it, with its Chinese name and value.
pub fn all_fields(k: &Key) -> Vec<(String, &'static str, Option<f64>)> {
    crate::compare::key_values(k)
        .into_iter()
        .map(|(id, v)| {
            let name = crate::lexicon::key::label(&id).unwrap_or("");
            (id, name, v)
        })
        .collect()
}

/// The indicators the page shows: the twelve of `xxgk/1` always (— when not given), the
/// others (table 2, 予以公开与部分公开合计) when the report gives them.
pub fn fields(k: &Key) -> Vec<(String, &'static str, Option<f64>)> {
    all_fields(k)
        .into_iter()
        .enumerate()
        .filter(|(i, (_, _, v))| *i < crate::lexicon::key::MAIN || v.is_some())
        .map(|(_, f)| f)
        .collect()
}

pub fn source_name(from: &str) -> &str {
    match from {
        "table2" => "表二",
        "table3" => "表三",
        "table4" => "表四",
        "table2008" => "统计表",
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
                            let field = field.clone();
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
                                <tr data-field={field}>
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
