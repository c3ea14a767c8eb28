//! The application component: the editor (paste area, 示例, 打开文件, drag and drop, export)
//! on the left, the analysis (summary, outline, checks, quantities) on the right (with the key indicators), the
//! annotated document below the editor.
//!
//! The editor's text is the user's: it is saved to `localStorage` on every input, before
//! anything else, restored on load, and put aside (with a way back) when 示例 or a file
//! replaces it. Analysis runs 200 ms after the last keystroke.

use super::checks::Checks;
use super::cited::Cited;
use super::compare::{self, Compare};
use super::docview::DocView;
use super::export;
use super::filelist::FileList;
use super::files;
use super::keyview::KeyView;
use super::outline::Outline;
use super::quantities::Quantities;
use super::state::{Action, Analysis, Notice, OpenedFile, Origin, Shared, State, View};
use super::storage::{self, PREVIOUS_KEY, TEXT_KEY};
use super::summary::Summary;
use super::tables::Tables;
use super::text::utf16_offset;
use super::worker::{self, run, Analyzer};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The bundled sample: a real 2019 report of 衢州市人民政府.
pub const SAMPLE: &str = include_str!("../../tests/fixtures/002_ce639bba3c248ba6.txt");

/// Pause after the last keystroke before the text is analysed again.
const DEBOUNCE: Duration = Duration::from_millis(200);

fn textarea(r: &NodeRef) -> Option<HtmlTextAreaElement> {
    r.cast::<HtmlTextAreaElement>()
}

/// A plain-language line for screen readers after each analysis.
fn status(a: &Analysis) -> String {
    let r = &a.report;
    format!(
        "分析完成：{} 字，{} 个部分，{} 个数量，{} 项检查。",
        r.input.chars,
        r.sections.len(),
        r.quantities.len(),
        r.checks.len()
    )
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let input = use_node_ref();
    // Bumped by every change of the editor; a pending analysis runs only if still current.
    let generation = use_mut_ref(|| 0u32);
    // The text put aside by the last 示例 or 打开文件.
    let previous: Rc<RefCell<Option<String>>> = use_mut_ref(|| storage::load(PREVIOUS_KEY));
    // Long texts are analysed in a worker (see `worker`).
    let analyzer: Rc<RefCell<Analyzer>> = use_mut_ref(Analyzer::default);
    // The analysis shown, for callbacks made in earlier renders.
    let shown: Rc<RefCell<Option<Rc<Analysis>>>> = use_mut_ref(|| None);
    *shown.borrow_mut() = state.current.clone();

    // Puts a text into the editor (saving it, and putting the old one aside) and shows its
    // analysis at once.
    let load = {
        let (state, input, generation, previous) = (
            state.dispatcher(),
            input.clone(),
            generation.clone(),
            previous.clone(),
        );
        Callback::from(move |(a, notice): (Rc<Analysis>, Option<String>)| {
            *generation.borrow_mut() += 1;
            let Some(ta) = textarea(&input) else { return };
            let old = ta.value();
            let replaced = !old.trim().is_empty() && old != *a.text;
            if replaced {
                storage::save(PREVIOUS_KEY, &old);
                *previous.borrow_mut() = Some(old);
            } else if previous.borrow().as_deref() == Some(&*a.text) {
                // Brought back: nothing is put aside any more.
                storage::remove(PREVIOUS_KEY);
                *previous.borrow_mut() = None;
            }
            ta.set_value(&a.text);
            if !storage::save(TEXT_KEY, &a.text) {
                state.dispatch(Action::StorageFailed);
            }
            state.dispatch(Action::Notice(notice.map(|text| Notice {
                text: if replaced {
                    format!("{text}原来的文字已另存，可用“恢复先前的文字”找回。")
                } else {
                    text
                },
                is_error: false,
            })));
            state.dispatch(Action::Analyzed(a));
        })
    };

    // On mount: bring back the saved text, analyse it, and tell the page we are ready.
    {
        let (state, input, analyzer) = (state.dispatcher(), input.clone(), analyzer.clone());
        use_effect_with((), move |_| {
            let restored: Vec<Rc<OpenedFile>> = storage::load_files()
                .into_iter()
                .map(files::restore)
                .collect();
            if let (Some(text), Some(ta)) = (storage::load(TEXT_KEY), textarea(&input)) {
                if !text.is_empty() {
                    ta.set_value(&text);
                    // The editor held one of the files: show it as that file.
                    let same = restored
                        .iter()
                        .filter_map(|f| f.result.as_ref().ok())
                        .find(|a| *a.text == *text)
                        .cloned();
                    match same {
                        Some(a) => state.dispatch(Action::Analyzed(a)),
                        None => {
                            state.dispatch(Action::Busy(true));
                            let state = state.clone();
                            worker::request(
                                &analyzer,
                                text.into(),
                                Origin::Typed,
                                Callback::from(move |a| state.dispatch(Action::Analyzed(a))),
                            );
                        }
                    }
                }
            }
            if !restored.is_empty() {
                state.dispatch(Action::FilesRestored(restored));
            }
            if let Some(root) = gloo_document().and_then(|d| d.document_element()) {
                let _ = root.set_attribute("data-xxgk", "ready");
            }
            super::mark("xxgk:ready");
            // The last start-up phases as measures (the earlier ones are made by the start-up
            // script in www/index.html).
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                for (name, from, to) in [
                    ("xxgk:start", "xxgk:instantiated", "xxgk:installed"),
                    ("xxgk:mount", "xxgk:installed", "xxgk:ready"),
                ] {
                    let _ = p.measure_with_start_mark_and_end_mark(name, from, to);
                }
            }
        });
    }

    let oninput = {
        let (state, input, generation, analyzer, shown) = (
            state.dispatcher(),
            input.clone(),
            generation.clone(),
            analyzer.clone(),
            shown.clone(),
        );
        Callback::from(move |_: InputEvent| {
            let Some(ta) = textarea(&input) else { return };
            if !storage::save(TEXT_KEY, &ta.value()) {
                state.dispatch(Action::StorageFailed);
            }
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            state.dispatch(Action::Busy(true));
            let (state, input, generation, analyzer, shown) = (
                state.clone(),
                input.clone(),
                generation.clone(),
                analyzer.clone(),
                shown.clone(),
            );
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(DEBOUNCE).await;
                if *generation.borrow() != mine {
                    return;
                }
                let Some(ta) = textarea(&input) else { return };
                let text: Rc<str> = ta.value().into();
                // The same text as shown (an edit undone): nothing to analyse again.
                let same = shown.borrow().clone().filter(|a| a.text == text);
                if let Some(a) = same {
                    state.dispatch(Action::Analyzed(a));
                    return;
                }
                let done = Callback::from(move |a: Rc<Analysis>| {
                    // A newer text (typed, 示例, a file) wins over a late result.
                    if *generation.borrow() == mine {
                        state.dispatch(Action::Analyzed(a));
                    }
                });
                worker::request(&analyzer, text, Origin::Typed, done);
            });
        })
    };

    let on_sample = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| {
            load.emit((
                run(SAMPLE.into(), Origin::Sample),
                Some("已载入示例报告（衢州市人民政府2019年年度报告）。".into()),
            ));
        })
    };

    let on_restore = {
        let (load, previous) = (load.clone(), previous.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(old) = previous.borrow().clone() else {
                return;
            };
            load.emit((
                run(old.into(), Origin::Typed),
                Some("已恢复先前的文字。".into()),
            ));
        })
    };

    // Files: the first one that reads is loaded into the editor; all are listed.
    let open_files = {
        let (state, load) = (state.dispatcher(), load.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            if list.is_empty() {
                return;
            }
            let loaded = Rc::new(Cell::new(false));
            let (state, load) = (state.clone(), load.clone());
            // Many files are handed over in batches (the first soon, then every hundred), so
            // the page re-draws and saves a few times, not once per file.
            let total = list.len();
            let pending: Rc<RefCell<Vec<Rc<OpenedFile>>>> = Rc::default();
            let flushed = Rc::new(Cell::new(0usize));
            files::read_all(
                list,
                Callback::from(move |(i, f): (usize, Rc<OpenedFile>)| {
                    if let (Ok(a), false) = (&f.result, loaded.get()) {
                        loaded.set(true);
                        load.emit((a.clone(), Some(format!("已打开文件“{}”。", f.name))));
                    }
                    if total < 10 {
                        state.dispatch(Action::FileRead(f));
                        return;
                    }
                    pending.borrow_mut().push(f);
                    let n = pending.borrow().len();
                    if i + 1 == total || (flushed.get() == 0 && n >= 10) || n >= 100 {
                        flushed.set(flushed.get() + 1);
                        state.dispatch(Action::FilesRead(pending.take()));
                    }
                }),
            );
        })
    };

    let on_file_input = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = el.files() {
                open_files.emit(files::from_list(&list));
            }
            // Choosing the same file again must fire `change` again.
            el.set_value("");
        })
    };

    // Files dragged over the page: accept them and say so.
    let dragging = use_state_eq(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if e.data_transfer()
                .is_some_and(|d| d.types().includes(&"Files".into(), 0))
            {
                e.prevent_default();
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving the window, not just moving between elements.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (open_files, dragging) = (open_files.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let Some(list) = e.data_transfer().and_then(|d| d.files()) else {
                return;
            };
            if list.length() > 0 {
                // A dropped file is opened, not inserted into the editor as text.
                e.prevent_default();
                open_files.emit(files::from_list(&list));
            }
        })
    };

    let on_show_file = {
        let load = load.clone();
        Callback::from(move |a: Rc<Analysis>| {
            let name = match &a.origin {
                Origin::File { name, .. } => name.clone(),
                _ => String::new(),
            };
            load.emit((a, Some(format!("已打开文件“{name}”。"))));
        })
    };

    // Shows a span in the document view and selects it in the editor, when the editor still
    // holds the analysed text (spans are characters; the editor counts UTF-16 units).
    let on_focus = {
        let (dispatch, input, current) = (state.dispatcher(), input.clone(), state.current.clone());
        Callback::from(move |(start, end): (usize, usize)| {
            dispatch.dispatch(Action::Focus { start, end });
            if let (Some(ta), Some(a)) = (textarea(&input), &current) {
                if ta.value() == *a.text {
                    let _ = ta.set_selection_range(
                        utf16_offset(&a.text, start),
                        utf16_offset(&a.text, end),
                    );
                }
            }
        })
    };

    let export_json = {
        let current = state.current.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = &current {
                let name = format!("{}.xxgk.json", export::base_name(a));
                let _ = export::download(
                    &name,
                    "application/json;charset=utf-8",
                    &export::report_json(a),
                );
            }
        })
    };
    let export_csv = {
        let current = state.current.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = &current {
                let name = format!("{}.数量.csv", export::base_name(a));
                let _ =
                    export::download(&name, "text/csv;charset=utf-8", &export::quantities_csv(a));
            }
        })
    };

    let export_key = {
        let current = state.current.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = &current {
                let name = format!("{}.指标.csv", export::base_name(a));
                let _ = export::download(&name, "text/csv;charset=utf-8", &export::key_csv(a));
            }
        })
    };
    let export_md = {
        let current = state.current.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = &current {
                let name = format!("{}.摘要.md", export::base_name(a));
                let _ =
                    export::download(&name, "text/markdown;charset=utf-8", &export::markdown(a));
            }
        })
    };
    let copy_md = {
        let (current, dispatch) = (state.current.clone(), state.dispatcher());
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = &current {
                let dispatch = dispatch.clone();
                export::copy(
                    &export::markdown(a),
                    Callback::from(move |ok: bool| {
                        dispatch.dispatch(Action::Notice(Some(Notice {
                            text: if ok {
                                "已将 Markdown 摘要复制到剪贴板。".into()
                            } else {
                                "浏览器不允许复制到剪贴板，请改用“导出 Markdown”。".into()
                            },
                            is_error: !ok,
                        })));
                    }),
                );
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    // 清除本机数据: after a confirmation, forget the text, the text put aside and the files.
    let clear_all = {
        let (dispatch, input, previous, generation) = (
            state.dispatcher(),
            input.clone(),
            previous.clone(),
            generation.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let ok = web_sys::window().is_some_and(|w| {
                w.confirm_with_message(
                    "确定要清除本机保存的全部数据吗？\n编辑区的文字、另存的先前文字和已打开的文件列表都将从本浏览器中删除，无法恢复。",
                )
                .unwrap_or(false)
            });
            if !ok {
                return;
            }
            *generation.borrow_mut() += 1;
            storage::clear_all();
            *previous.borrow_mut() = None;
            if let Some(ta) = textarea(&input) {
                ta.set_value("");
            }
            dispatch.dispatch(Action::ClearAll);
        })
    };
    let on_remove_file = {
        let dispatch = state.dispatcher();
        Callback::from(move |i: usize| dispatch.dispatch(Action::RemoveFile(i)))
    };

    let entries = compare::entries(state.reports());
    let n_reports = entries.len();
    let on_compare_show = {
        let (load, entries, dispatch) = (load.clone(), entries.clone(), state.dispatcher());
        Callback::from(move |i: usize| {
            if let Some(e) = entries.get(i) {
                dispatch.dispatch(Action::View(View::Single));
                load.emit((
                    e.analysis.0.clone(),
                    Some(format!("已在编辑区打开“{}”。", e.label)),
                ));
            }
        })
    };
    let to_single = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::View(View::Single)))
    };
    let to_compare = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::View(View::Compare)))
    };
    let view = if n_reports < 2 {
        View::Single
    } else {
        state.view
    };

    let notice = state.notice.as_ref().map(|n| {
        let class = classes!("notice", n.is_error.then_some("error"));
        let role = if n.is_error { "alert" } else { "status" };
        html! {
            <p {class} {role}>
                { n.text.clone() }
            </p>
        }
    });
    let has = state.current.is_some();
    let focus = state.focus;
    let current = state.current.clone().map(Shared);

    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            if *dragging {
                <div class="drop-hint" aria-hidden="true">{ "松开鼠标即可打开文件" }</div>
            }
            <header class="top">
                <h1>{ "政府信息公开工作年度报告 结构与数据" }</h1>
                <p class="sub">{ "全部分析在本机浏览器中完成，文字不会上传。" }</p>
            </header>
            <main class="cols">
                <section class="left" aria-label="原文">
                    <div class="toolbar" role="toolbar" aria-label="操作">
                        <button type="button" onclick={on_sample}>{ "示例" }</button>
                        <label class="button">
                            { "打开文件" }
                            <input type="file" multiple=true class="visually-hidden"
                                accept=".txt,.text,.md,.csv,.htm,.html,.mht,.mhtml,.docx,.pdf,text/plain"
                                onchange={on_file_input} />
                        </label>
                        if previous.borrow().is_some() {
                            <button type="button" onclick={on_restore}
                                title="找回被“示例”或“打开文件”替换掉的文字；当前文字会另存">{ "恢复先前的文字" }</button>
                        }
                        <button type="button" class="danger" id="xxgk-clear" onclick={clear_all}
                            title="删除本浏览器中保存的文字和文件（会先询问）">{ "清除本机数据" }</button>
                    </div>
                    <div class="toolbar exports" role="group" aria-label="导出当前报告">
                        <span class="group-label" aria-hidden="true">{ "导出：" }</span>
                        <button type="button" id="export-json" onclick={export_json} disabled={!has}
                            title="整份分析结果，与命令行输出的 JSON 相同">{ "JSON" }</button>
                        <button type="button" id="export-csv" onclick={export_csv} disabled={!has}
                            aria-label="导出数量 CSV"
                            title="数量表，UTF-8 编码，可用 Excel 打开">{ "数量 CSV" }</button>
                        <button type="button" id="export-key" onclick={export_key} disabled={!has}
                            aria-label="导出主要指标 CSV"
                            title="主要指标，UTF-8 编码，可用 Excel 打开">{ "指标 CSV" }</button>
                        <button type="button" id="export-md" onclick={export_md} disabled={!has}
                            aria-label="导出 Markdown 摘要"
                            title="标题、基本信息、结构及完整性、主要指标、检查结果">{ "Markdown" }</button>
                        <button type="button" id="copy-md" onclick={copy_md} disabled={!has}
                            title="把 Markdown 摘要复制到剪贴板">{ "复制摘要" }</button>
                        <button type="button" id="print" onclick={print} disabled={!has}
                            title="打印当前报告的分析结果（不含编辑区和按钮）">{ "打印" }</button>
                    </div>
                    { for notice }
                    <label for="xxgk-input" class="editor-label">{ "报告原文" }</label>
                    <p id="xxgk-help" class="help">{ "将报告全文粘贴到下框，或点击“打开文件”（可多选），也可将文件拖到页面上。文字只保存在本机浏览器中。" }</p>
                    <textarea id="xxgk-input" ref={input.clone()} {oninput}
                        aria-describedby="xxgk-help" spellcheck="false"
                        placeholder="在此粘贴政府信息公开工作年度报告全文……" />
                    <FileList files={state.files.clone()} on_show={on_show_file} on_remove={on_remove_file}
                        current={state.current.clone().map(Shared)} />
                    if let Some(a) = current.clone() {
                        <DocView analysis={a} focus={state.focus} />
                    }
                </section>
                <section class="right" aria-label="分析结果">
                    if n_reports >= 2 {
                        <div class="tabs" role="group" aria-label="视图">
                            <button type="button" id="tab-single" onclick={to_single}
                                aria-pressed={if view == View::Single { "true" } else { "false" }}>{ "单份报告" }</button>
                            <button type="button" id="tab-compare" onclick={to_compare}
                                aria-pressed={if view == View::Compare { "true" } else { "false" }}>
                                { format!("比较（{n_reports} 份）") }</button>
                        </div>
                    }
                    if state.busy {
                        <p class="busy" role="status" id="xxgk-busy">{ "正在分析……" }</p>
                    }
                    if view == View::Compare {
                        <Compare {entries} on_show={on_compare_show} />
                    } else if let Some(a) = current {
                        <Summary analysis={a.clone()} />
                        <Outline analysis={a.clone()} {focus} on_focus={on_focus.clone()} />
                        <Checks analysis={a.clone()} {focus} on_focus={on_focus.clone()} />
                        <KeyView analysis={a.clone()} on_focus={on_focus.clone()} />
                        <Tables analysis={a.clone()} {focus} on_focus={on_focus.clone()} />
                        <Quantities analysis={a.clone()} {focus} on_focus={on_focus.clone()} />
                        <Cited analysis={a} {focus} {on_focus} />
                    } else {
                        <p class="empty-state">{ "粘贴报告或点击“示例”后，这里显示报告的概要、结构、检查结果和其中的数量。" }</p>
                    }
                </section>
            </main>
            <p class="visually-hidden" aria-live="polite" id="xxgk-status">
                { state.current.as_deref().map(status).unwrap_or_default() }
            </p>
        </div>
    }
}

fn gloo_document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}
