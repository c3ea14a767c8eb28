//! The JavaScript API, `window.xxgk`:
//!
//! - `analyze(text)` → the report as a plain object, exactly the CLI's JSON (maps are plain
//!   objects, `None` is `null`);
//! - `analyzeBytes(bytes)` (a `Uint8Array` or `ArrayBuffer`) → the report, or throws an
//!   `Error` whose message says in Chinese why the bytes could not be read as text;
//! - `analyzeFile(bytes, name)` → `{ text, report }` for a file as people have it (web page,
//!   .docx, PDF with a text layer, or text in any supported encoding); the report's spans are
//!   character offsets into `text`; throws an `Error` with a plain message for scans, old
//!   Office files and other files that cannot be read;
//! - `stages(text, rounds)` → `{ copy, normalize, layout, …, report, json, "JSON.parse" }`:
//!   the milliseconds each stage took, summed over `rounds` analyses of `text` (default 1) —
//!   for measuring (`tests/e2e/perf.mjs`); `copy` is the text's copy into the module, `json`
//!   and `JSON.parse` the two steps of building the result object; the stages are
//!   [`crate::STAGES`];
//! - `version` (the crate version) and `schema` (`"xxgk/1"`).

use crate::report::{Report, SCHEMA};
use wasm_bindgen::prelude::*;

/// Converts a report to the same plain object `JSON.parse` would give for the CLI's output —
/// by that route: the report is written as JSON in the module and parsed by the browser's
/// own parser, which builds the objects far faster than one call into JavaScript per field
/// (measured with `window.xxgk.stages`, see docs/performance.md).
pub fn to_js(report: &Report) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(report).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

fn analyze(text: JsValue) -> Result<JsValue, JsValue> {
    let text = text
        .as_string()
        .ok_or_else(|| js_sys::TypeError::new("xxgk.analyze(text)：text 须为字符串"))?;
    to_js(&crate::analyze(&text))
}

/// The bytes of a `Uint8Array` or `ArrayBuffer`.
fn bytes_of(bytes: JsValue, call: &str) -> Result<Vec<u8>, JsValue> {
    if bytes.is_instance_of::<js_sys::Uint8Array>() {
        Ok(js_sys::Uint8Array::from(bytes).to_vec())
    } else if bytes.is_instance_of::<js_sys::ArrayBuffer>() {
        Ok(js_sys::Uint8Array::new(&bytes).to_vec())
    } else {
        Err(js_sys::TypeError::new(&format!(
            "xxgk.{call}：bytes 须为 Uint8Array 或 ArrayBuffer"
        ))
        .into())
    }
}

fn analyze_file(bytes: JsValue, name: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes_of(bytes, "analyzeFile(bytes, name)")?;
    let name = name.as_string().unwrap_or_default();
    match crate::analyze_file(&bytes, &name) {
        Ok(a) => {
            let out = js_sys::Object::new();
            js_sys::Reflect::set(
                &out,
                &JsValue::from_str("text"),
                &JsValue::from_str(&a.text),
            )?;
            js_sys::Reflect::set(&out, &JsValue::from_str("report"), &to_js(&a.report)?)?;
            Ok(out.into())
        }
        Err(e) => Err(js_sys::Error::new(&e.message).into()),
    }
}

fn analyze_bytes(bytes: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes_of(bytes, "analyzeBytes(bytes)")?;
    match crate::analyze_bytes(&bytes) {
        Ok(report) => to_js(&report),
        Err(e) => Err(js_sys::Error::new(&e.message).into()),
    }
}

/// Times `rounds` analyses of `text` stage by stage with the page's clock (the core keeps
/// none: it calls back as each stage ends). The clock is coarse in a page (0.1 ms), so the
/// caller asks for many rounds; the sums are returned, the caller divides.
fn stages(text: JsValue, rounds: JsValue) -> Result<JsValue, JsValue> {
    let clock = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| js_sys::Error::new("xxgk.stages：页面没有 performance 时钟"))?;
    let rounds = rounds.as_f64().unwrap_or(1.0).clamp(1.0, 1e6) as usize;
    let mut sums: Vec<(&'static str, f64)> = std::iter::once("copy")
        .chain(crate::STAGES)
        .chain(["json", "JSON.parse"])
        .map(|k| (k, 0.0))
        .collect();
    let add = |sums: &mut Vec<(&'static str, f64)>, k: &str, ms: f64| {
        if let Some(s) = sums.iter_mut().find(|s| s.0 == k) {
            s.1 += ms;
        }
    };
    for _ in 0..rounds {
        let t = clock.now();
        let text = text
            .as_string()
            .ok_or_else(|| js_sys::TypeError::new("xxgk.stages(text, rounds)：text 须为字符串"))?;
        let mut last = clock.now();
        add(&mut sums, "copy", last - t);
        let mut ends: Vec<(&'static str, f64)> = Vec::with_capacity(crate::STAGES.len());
        let report = crate::analyze_observed(&text, &mut |stage| {
            let now = clock.now();
            ends.push((stage, now - last));
            last = now;
        });
        for (k, ms) in ends {
            add(&mut sums, k, ms);
        }
        // (what `to_js` does, in its two steps)
        let t = clock.now();
        let json =
            serde_json::to_string(&report).map_err(|e| js_sys::Error::new(&e.to_string()))?;
        let written = clock.now();
        add(&mut sums, "json", written - t);
        js_sys::JSON::parse(&json)?;
        add(&mut sums, "JSON.parse", clock.now() - written);
    }
    let out = js_sys::Object::new();
    for (k, ms) in sums {
        js_sys::Reflect::set(&out, &JsValue::from_str(k), &JsValue::from_f64(ms))?;
    }
    Ok(out.into())
}

/// Puts the frozen `xxgk` object on `window`.
pub fn install() -> Result<(), JsValue> {
    let api = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&api, &JsValue::from_str(k), v);
    set(
        "analyze",
        &Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(analyze).into_js_value(),
    )?;
    set(
        "analyzeBytes",
        &Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(analyze_bytes).into_js_value(),
    )?;
    set(
        "analyzeFile",
        &Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(analyze_file)
            .into_js_value(),
    )?;
    set(
        "stages",
        &Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(stages)
            .into_js_value(),
    )?;
    set("version", &JsValue::from_str(env!("CARGO_PKG_VERSION")))?;
    set("schema", &JsValue::from_str(SCHEMA))?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    js_sys::Reflect::set(
        &window,
        &JsValue::from_str("xxgk"),
        &js_sys::Object::freeze(&api),
    )?;
    Ok(())
}
