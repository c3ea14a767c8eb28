//! The list of opened files: each file with its encoding and what was found in it, or why it
//! could not be read. 查看 loads a file into the editor.

use super::labels;
use super::state::{Analysis, OpenedFile, Origin, Shared};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub files: Vec<Rc<OpenedFile>>,
    pub on_show: Callback<Rc<Analysis>>,
    pub on_remove: Callback<usize>,
    /// The analysis in the editor, to mark its file.
    pub current: Option<Shared>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.on_show == other.on_show
            && self.on_remove == other.on_remove
            && self.current == other.current
            && self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

#[function_component(FileList)]
pub fn file_list(props: &Props) -> Html {
    if props.files.is_empty() {
        return Html::default();
    }
    html! {
        <section class="files" aria-labelledby="files-h">
            <h2 id="files-h">{ format!("已打开的文件（{}）", props.files.len()) }</h2>
            <ul>
                { for props.files.iter().enumerate().map(|(i, f)| {
                    let remove = {
                        let on_remove = props.on_remove.clone();
                        let onclick = Callback::from(move |_: MouseEvent| on_remove.emit(i));
                        html! { <button type="button" class="remove" {onclick}
                            aria-label={format!("从列表中移除 {}", f.name)} title="从列表中移除">{ "移除" }</button> }
                    };
                    let size = format!("{:.1} KB", f.size / 1024.0);
                    match &f.result {
                        Ok(a) => {
                            let encoding = match &a.origin {
                                Origin::File { encoding, .. } => encoding.clone(),
                                _ => String::new(),
                            };
                            let m = &a.report.meta;
                            let what = format!(
                                "{}{}{}；{} 个部分，{} 个数量，{} 项检查",
                                labels::doc_type(m.doc_type),
                                m.agency.as_deref().map(|s| format!("，{s}")).unwrap_or_default(),
                                m.year.map(|y| format!("，{y}年")).unwrap_or_default(),
                                a.report.sections.len(),
                                a.report.quantities.len(),
                                a.report.checks.len(),
                            );
                            let onclick = {
                                let (on_show, a) = (props.on_show.clone(), a.clone());
                                Callback::from(move |_: MouseEvent| on_show.emit(a.clone()))
                            };
                            let shown = props.current.as_ref().is_some_and(|c| Rc::ptr_eq(&c.0, a));
                            html! {
                                <li class={classes!("file", "ok", shown.then_some("shown"))}
                                    aria-current={shown.then_some("true")}>
                                    <span class="name">{ f.name.clone() }</span>
                                    <span class="meta">{ format!("{size}，{encoding}") }</span>
                                    <span class="what">{ what }</span>
                                    <button type="button" {onclick}
                                        aria-label={format!("在编辑区查看 {}", f.name)}>{ "查看" }</button>
                                    { remove }
                                </li>
                            }
                        }
                        Err(msg) => html! {
                            <li class="file bad">
                                <span class="name">{ f.name.clone() }</span>
                                <span class="meta">{ size }</span>
                                <span class="what error" role="alert">{ msg.clone() }</span>
                                { remove }
                            </li>
                        },
                    }
                }) }
            </ul>
        </section>
    }
}
