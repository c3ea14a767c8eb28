//! The quantities table: every number with its unit as the report states it, the value it
//! means, whether it is approximate, and the part it stands in. Columns sort on a click of
//! their header (again to reverse); the part and the unit filter the rows. Clicking the text
//! shows the place in the document view. Very long lists show their first rows only, so a
//! huge report never freezes the page.

use super::labels;
use super::state::{Focus, Shared};
use super::text::fmt_num;
use crate::report::Quantity;
use std::cmp::Ordering;
use yew::prelude::*;

/// Rows drawn at most; the rest are counted.
const MAX_ROWS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Position,
    Text,
    Value,
    Unit,
    Approx,
    Section,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Shared,
    pub focus: Option<Focus>,
    pub on_focus: Callback<(usize, usize)>,
}

fn section_of(q: &Quantity) -> String {
    q.section
        .as_deref()
        .map(labels::section_name)
        .unwrap_or_default()
}

fn compare(col: Col, a: &Quantity, b: &Quantity) -> Ordering {
    match col {
        Col::Position => a.start.cmp(&b.start),
        Col::Text => a.text.cmp(&b.text),
        Col::Value => a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal),
        Col::Unit => a.unit.cmp(&b.unit),
        Col::Approx => labels::approx(a.approx).cmp(labels::approx(b.approx)),
        Col::Section => section_of(a).cmp(&section_of(b)),
    }
    .then(a.start.cmp(&b.start))
}

/// Reads the value of the `<select>` an event came from.
fn select_value(e: &Event) -> Option<String> {
    let t = e.target()?;
    js_sys::Reflect::get(&t, &"value".into()).ok()?.as_string()
}

#[function_component(Quantities)]
pub fn quantities(props: &Props) -> Html {
    let sort = use_state(|| (Col::Position, false));
    let section = use_state(String::new);
    let unit = use_state(String::new);
    let qs = &props.analysis.report.quantities;

    let mut sections: Vec<String> = qs.iter().map(section_of).collect();
    sections.sort();
    sections.dedup();
    let mut units: Vec<String> = qs.iter().map(|q| q.unit.clone()).collect();
    units.sort();
    units.dedup();

    let mut shown: Vec<&Quantity> = qs
        .iter()
        .filter(|q| section.is_empty() || section_of(q) == *section)
        .filter(|q| unit.is_empty() || q.unit == *unit)
        .collect();
    let (col, desc) = *sort;
    shown.sort_by(|a, b| {
        let o = compare(col, a, b);
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    let total = shown.len();
    shown.truncate(MAX_ROWS);

    let header = |c: Col, name: &'static str, numeric: bool| {
        let aria_sort = (col == c).then_some(if desc { "descending" } else { "ascending" });
        let arrow = match (col == c, desc) {
            (true, false) => " ▲",
            (true, true) => " ▼",
            _ => "",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                let (cur, d) = *sort;
                sort.set((c, cur == c && !d));
            })
        };
        html! {
            <th scope="col" class={classes!(numeric.then_some("n"))} aria-sort={aria_sort}>
                <button type="button" class="sort" {onclick}
                    data-col={format!("{c:?}").to_lowercase()}>{ name }{ arrow }</button>
            </th>
        }
    };
    let on_section = {
        let section = section.clone();
        Callback::from(move |e: Event| section.set(select_value(&e).unwrap_or_default()))
    };
    let on_unit = {
        let unit = unit.clone();
        Callback::from(move |e: Event| unit.set(select_value(&e).unwrap_or_default()))
    };
    let heading = if total == qs.len() {
        format!("数量（{}）", qs.len())
    } else {
        format!("数量（{total} / {}）", qs.len())
    };
    html! {
        <section class="quantities" id="quantities" aria-labelledby="quantities-h">
            <h2 id="quantities-h">{ heading }</h2>
            if qs.is_empty() {
                <p class="none">{ "未识别出数量。" }</p>
            } else {
                <div class="filters">
                    <label>{ "所在部分 " }
                        <select id="q-section" onchange={on_section}>
                            <option value="" selected={section.is_empty()}>{ "全部" }</option>
                            { for sections.iter().map(|s| html! {
                                <option value={s.clone()} selected={*s == *section}>
                                    { if s.is_empty() { "（不属于任何部分）".to_owned() } else { s.clone() } }
                                </option>
                            }) }
                        </select>
                    </label>
                    <label>{ "单位 " }
                        <select id="q-unit" onchange={on_unit}>
                            <option value="" selected={unit.is_empty()}>{ "全部" }</option>
                            { for units.iter().map(|u| html! {
                                <option value={u.clone()} selected={*u == *unit}>{ u.clone() }</option>
                            }) }
                        </select>
                    </label>
                </div>
                <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            { header(Col::Text, "原文", false) }
                            { header(Col::Value, "数值", true) }
                            { header(Col::Unit, "单位", false) }
                            { header(Col::Approx, "约数", false) }
                            { header(Col::Section, "所在部分", false) }
                            { header(Col::Position, "位置", true) }
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().map(|q| {
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
                                    <td>{ section_of(q) }</td>
                                    <td class="n pos">{ q.start.to_string() }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
                if total > MAX_ROWS {
                    <p class="more">{ format!("仅显示前 {MAX_ROWS} 条；全部 {total} 条可用“导出 CSV”查看，或用上面的筛选缩小范围。") }</p>
                }
            }
        </section>
    }
}
