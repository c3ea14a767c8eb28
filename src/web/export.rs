//! Export: the whole report as JSON (the same as the CLI's output) and the quantities as CSV
//! (UTF-8 with a byte-order mark, so that Excel reads the Chinese correctly; CRLF line ends
//! as RFC 4180 asks). Files are handed to the browser as a `blob:` download; nothing leaves
//! the machine.

use super::keyview::{all_fields, fields, source_name};
use super::labels;
use super::parts::{self, Deadline};
use super::state::{Analysis, Origin};
use super::text::fmt_num;
use std::fmt::Write as _;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The report as pretty-printed JSON.
pub fn report_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(&a.report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// One CSV field: quoted when needed; text that a spreadsheet would take for a formula gets
/// a leading apostrophe.
pub fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The quantities as CSV, starting with a BOM.
pub fn quantities_csv(a: &Analysis) -> String {
    let mut out = String::from("\u{FEFF}序号,原文,数值,上限,单位,约数,所在部分,起,止\r\n");
    for (i, q) in a.report.quantities.iter().enumerate() {
        let cells = [
            (i + 1).to_string(),
            field(&q.text),
            fmt_num(q.value),
            q.value_to.map(fmt_num).unwrap_or_default(),
            field(&q.unit),
            labels::approx(q.approx).to_owned(),
            field(
                &q.section
                    .as_deref()
                    .map(labels::section_name)
                    .unwrap_or_default(),
            ),
            q.start.to_string(),
            q.end.to_string(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The key indicators as CSV, starting with a BOM: one row per indicator, with its source.
pub fn key_csv(a: &Analysis) -> String {
    let key = &a.report.key;
    let mut out = String::from("\u{FEFF}指标,字段,数值,来源,说明\r\n");
    for (field_name, name, value) in all_fields(key) {
        let source = key.sources.iter().find(|s| s.field == field_name);
        let cells = [
            name.to_owned(),
            field_name.to_owned(),
            value.map(fmt_num).unwrap_or_default(),
            source
                .map(|s| source_name(&s.from).to_owned())
                .unwrap_or_default(),
            field(source.and_then(|s| s.note.as_deref()).unwrap_or_default()),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Text for one Markdown table cell or list item: on one line, pipes escaped.
fn md(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
}

/// A Markdown summary of one report: title, metadata, the template parts with their status,
/// the key indicators and the checks.
pub fn markdown(a: &Analysis) -> String {
    let r = &a.report;
    let m = &r.meta;
    let mut o = String::new();
    let title = m.title.as_deref().unwrap_or("（未识别出标题）");
    let _ = writeln!(o, "# {}\n", md(title));
    let or_unknown = |v: Option<String>| v.map_or_else(|| "未识别".to_owned(), |v| md(&v));
    let _ = writeln!(o, "- 文种：{}", labels::doc_type(m.doc_type));
    let _ = writeln!(o, "- 机关：{}", or_unknown(m.agency.clone()));
    let _ = writeln!(
        o,
        "- 年度：{}",
        or_unknown(m.year.map(|y| format!("{y}年")))
    );
    let deadline = parts::deadline(r);
    let late = match &deadline {
        Deadline::Late(msg) => format!("（{}：{}）", deadline.label(), md(msg)),
        _ => format!("（{}）", deadline.label()),
    };
    let _ = writeln!(o, "- 发布日期：{}{late}", or_unknown(m.published.clone()));
    let _ = writeln!(o, "- 文字：{}", labels::script(m.script));
    if let Some(p) = &m.period {
        let _ = writeln!(o, "- 统计期限：{} 至 {}", p.from, p.to);
    }
    let _ = writeln!(
        o,
        "- 字数：{}；部分：{}；数量：{}；检查：{}",
        a.text.chars().count(),
        super::summary::count_sections(&r.sections),
        r.quantities.len(),
        r.checks.len()
    );
    let template = parts::parts(r);
    o.push_str("\n## 结构\n\n");
    if !template.is_empty() {
        let (p, e, mi) = parts::counts(&template);
        let _ = writeln!(o, "法定部分：{p} 个有内容，{e} 个空，{mi} 个缺少。\n");
        o.push_str("| 部分 | 状态 |\n| --- | --- |\n");
        for (i, part) in template.iter().enumerate() {
            let _ = writeln!(
                o,
                "| {}、{} | {} |",
                super::outline::cn_number(i + 1),
                part.name,
                part.status.label()
            );
        }
        o.push('\n');
    }
    if r.sections.is_empty() {
        o.push_str("未识别出章节。\n");
    }
    fn outline(o: &mut String, sections: &[crate::report::Section], depth: usize) {
        for s in sections {
            let num = s
                .number
                .as_deref()
                .map(|n| match s.style.as_str() {
                    "cn_dun" => format!("{n}、"),
                    "cn_paren" => format!("（{n}）"),
                    "arabic_dot" => format!("{n}. "),
                    "arabic_paren" => format!("({n}) "),
                    _ => format!("{n} "),
                })
                .unwrap_or_default();
            let empty = if s.empty { "（空）" } else { "" };
            let _ = writeln!(
                o,
                "{}- {}{}{}",
                "  ".repeat(depth),
                md(&num),
                md(&s.title),
                empty
            );
            outline(o, &s.children, depth + 1);
        }
    }
    outline(&mut o, &r.sections, 0);
    o.push_str("\n## 主要指标\n\n| 指标 | 数值 | 来源 |\n| --- | ---: | --- |\n");
    for (field_name, name, value) in fields(&r.key) {
        let source = r.key.sources.iter().find(|s| s.field == field_name);
        let _ = writeln!(
            o,
            "| {name} | {} | {} |",
            value.map_or_else(|| "—".to_owned(), fmt_num),
            source
                .map(|s| source_name(&s.from).to_owned())
                .unwrap_or_default()
        );
    }
    let _ = writeln!(o, "\n## 检查（{}）\n", r.checks.len());
    if r.checks.is_empty() {
        o.push_str("没有发现问题。\n");
    }
    for c in &r.checks {
        let _ = writeln!(
            o,
            "- **{}** {}",
            labels::severity(c.severity),
            md(&c.message)
        );
    }
    o
}

/// A file name for the export: the source file's name, else agency and year, else `xxgk`.
pub fn base_name(a: &Analysis) -> String {
    let raw = match &a.origin {
        Origin::File { name, .. } => name
            .rsplit_once('.')
            .map_or(name.as_str(), |(s, _)| s)
            .to_owned(),
        _ => {
            let m = &a.report.meta;
            let agency = m.agency.as_deref().unwrap_or_default();
            match m.year {
                Some(y) => format!("{agency}{y}年"),
                None => agency.to_owned(),
            }
        }
    };
    let clean: String = raw
        .chars()
        .filter(|c| !c.is_control() && !r#"/\:*?"<>|"#.contains(*c))
        .take(60)
        .collect();
    if clean.trim().is_empty() {
        "xxgk".to_owned()
    } else {
        clean.trim().to_owned()
    }
}

/// Offers `content` to the user as a download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The click has started the download; the URL can go once the event loop turns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    Ok(())
}

/// Puts `text` on the clipboard and tells `done` whether that worked. Uses the asynchronous
/// clipboard API, and the older `execCommand("copy")` on a hidden text area where that API is
/// missing or refused.
pub fn copy(text: &str, done: yew::Callback<bool>) {
    let Some(window) = web_sys::window() else {
        done.emit(false);
        return;
    };
    let clip = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok();
    if clip.is_some_and(|c| !c.is_undefined() && !c.is_null()) {
        let promise = window.navigator().clipboard().write_text(text);
        let (ok, text2, done2) = (done.clone(), text.to_owned(), done);
        let on_ok = Closure::once_into_js(move |_: JsValue| ok.emit(true));
        let on_err = Closure::once_into_js(move |_: JsValue| done2.emit(copy_fallback(&text2)));
        // promise.then(on_ok, on_err), through Reflect: plain JS functions either way.
        let then = js_sys::Reflect::get(&promise, &"then".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(then) = then {
            let _ = then.call2(&promise, &on_ok, &on_err);
        }
    } else {
        done.emit(copy_fallback(text));
    }
}

fn copy_fallback(text: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(el) = doc.create_element("textarea") else {
        return false;
    };
    let ta: web_sys::HtmlTextAreaElement = el.unchecked_into();
    ta.set_value(text);
    let _ = ta.set_attribute("style", "position:fixed;top:-100px;opacity:0");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&ta);
    ta.select();
    let ok = js_sys::Reflect::get(&doc, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&doc, &"copy".into()).ok())
        .is_some_and(|v| v.is_truthy());
    ta.remove();
    ok
}
