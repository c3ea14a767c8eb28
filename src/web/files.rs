//! Opening files (file picker with multi-select, or drag and drop): each file's bytes are
//! read with a `FileReader`, one file after another, and go through [`crate::analyze_file`],
//! which reads web pages, .docx and PDFs with a text layer as well as text in UTF-8, UTF-16,
//! GB18030/GBK and Big5, and refuses scans, old Office files and other binaries with a plain
//! message saying what to do. The text shown is the text extracted from the file.

use super::state::{Analysis, OpenedFile, Origin};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Files larger than this are refused rather than freezing the page.
const MAX_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Milliseconds since the page was opened (for the timing shown in the summary).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Collects the files of a `FileList` (from an `<input type=file>` or a drop).
pub fn from_list(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads `files` one after another and reports each, with its position, to `on_read`.
pub fn read_all(files: Vec<web_sys::File>, on_read: Callback<(usize, Rc<OpenedFile>)>) {
    read_from(Rc::new(files), 0, on_read);
}

fn read_from(files: Rc<Vec<web_sys::File>>, i: usize, on_read: Callback<(usize, Rc<OpenedFile>)>) {
    let Some(file) = files.get(i).cloned() else {
        return;
    };
    let name = file.name();
    let size = file.size();
    let refuse = {
        let name = name.clone();
        move |msg: String| {
            Rc::new(OpenedFile {
                name: name.clone(),
                size,
                result: Err(msg),
            })
        }
    };
    if size > MAX_BYTES {
        on_read.emit((
            i,
            refuse(format!(
                "文件过大（{:.0} MB），本页面最多处理 64 MB。",
                size / 1048576.0
            )),
        ));
        return read_from(files, i + 1, on_read);
    }
    let reader = match web_sys::FileReader::new() {
        Ok(r) => r,
        Err(_) => {
            on_read.emit((i, refuse("浏览器无法读取文件。".into())));
            return;
        }
    };
    let onloadend = {
        let reader = reader.clone();
        let (files, on_read, refuse) = (files.clone(), on_read.clone(), refuse.clone());
        Closure::once_into_js(move || {
            let opened = match reader
                .result()
                .ok()
                .filter(|r| r.is_instance_of::<js_sys::ArrayBuffer>())
            {
                Some(buf) => {
                    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                    Rc::new(OpenedFile {
                        name: name.clone(),
                        size,
                        result: analyse(&name, &bytes),
                    })
                }
                None => refuse("无法读取此文件（可能已被移动或没有读取权限）。".into()),
            };
            on_read.emit((i, opened));
            read_from(files, i + 1, on_read);
        })
    };
    reader.set_onloadend(Some(onloadend.unchecked_ref()));
    if reader.read_as_array_buffer(&file).is_err() {
        reader.set_onloadend(None);
        on_read.emit((i, refuse("无法读取此文件。".into())));
        read_from(files, i + 1, on_read);
    }
}

/// Decodes and analyses one file's bytes.
fn analyse(name: &str, bytes: &[u8]) -> Result<Rc<Analysis>, String> {
    let t0 = now();
    let crate::FileAnalysis { text, report } =
        crate::analyze_file(bytes, name).map_err(|e| e.message)?;
    let encoding = report
        .input
        .encoding
        .clone()
        .or_else(|| report.input.format.clone())
        .unwrap_or_default();
    Ok(Rc::new(Analysis {
        text: text.into(),
        report,
        origin: Origin::File {
            name: name.to_owned(),
            encoding,
        },
        millis: now() - t0,
    }))
}

/// A file saved in the browser, analysed again (its text was decoded when it was opened).
pub fn restore(saved: super::storage::SavedFile) -> Rc<OpenedFile> {
    let t0 = now();
    let mut report = crate::analyze(&saved.text);
    report.input.encoding = saved.encoding.clone();
    report.input.diagnostics = saved.diagnostics;
    Rc::new(OpenedFile {
        name: saved.name.clone(),
        size: saved.size,
        result: Ok(Rc::new(Analysis {
            text: saved.text.into(),
            report,
            origin: Origin::File {
                name: saved.name,
                encoding: saved.encoding.unwrap_or_else(|| "UTF-8".into()),
            },
            millis: now() - t0,
        })),
    })
}
