//! The list of opened files: each file with its encoding and what was found in it, or why it
//! could not be read. 查看 loads a file into the editor.

use super::labels;
use super::state::{Analysis, OpenedFile, Origin};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct Props {
    pub files: Vec<Rc<OpenedFile>>,
    pub on_show: Callback<Rc<Analysis>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.on_show == other.on_show
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
                { for props.files.iter().map(|f| {
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
                            html! {
                                <li class="file ok">
                                    <span class="name">{ f.name.clone() }</span>
                                    <span class="meta">{ format!("{size}，{encoding}") }</span>
                                    <span class="what">{ what }</span>
                                    <button type="button" {onclick}
                                        aria-label={format!("在编辑区查看 {}", f.name)}>{ "查看" }</button>
                                </li>
                            }
                        }
                        Err(msg) => html! {
                            <li class="file bad">
                                <span class="name">{ f.name.clone() }</span>
                                <span class="meta">{ size }</span>
                                <span class="what error" role="alert">{ msg.clone() }</span>
                            </li>
                        },
                    }
                }) }
            </ul>
        </section>
    }
}
