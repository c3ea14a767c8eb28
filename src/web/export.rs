//! Export: the whole report as JSON (the same as the CLI's output) and the quantities as CSV
//! (UTF-8 with a byte-order mark, so that Excel reads the Chinese correctly; CRLF line ends
//! as RFC 4180 asks). Files are handed to the browser as a `blob:` download; nothing leaves
//! the machine.

use super::labels;
use super::state::{Analysis, Origin};
use super::text::fmt_num;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The report as pretty-printed JSON.
pub fn report_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(&a.report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// One CSV field: quoted when needed; text that a spreadsheet would take for a formula gets
/// a leading apostrophe.
fn field(s: &str) -> String {
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
