//! Analysis off the main thread, so that pasting a report of several megabytes never freezes
//! the page. The page template (`www/index.html`) builds a classic Worker from a `blob:` URL
//! holding the same inline glue and hands it the already compiled `WebAssembly.Module`
//! (nothing is fetched; the page's Content-Security-Policy allows `worker-src blob:`). In the
//! worker, [`super::start`] mounts nothing, and [`xxgk_worker_analyze`] returns the report as
//! JSON, which the page reads back into a [`Report`].
//!
//! Small texts are analysed on the main thread at once. Measured while typing
//! (docs/performance.md, "Typing"): up to 66 KB neither way makes a long task, the input
//! latency is the same and the worker only brings the result later; at 98–131 KB the main
//! thread's analysis and drawing now and then take 50–70 ms (1–4 analyses in 24–32; with the
//! worker, in one run of five), with the same median and 90th-percentile latency either
//! way. So not every text goes to the worker
//! (it would also analyse the saved text only after start-up, not before `ready`). When a
//! new text comes while the worker is still busy, the worker is stopped and a fresh one
//! started, so a stale analysis never delays the current one. When no worker can be made
//! (old browser, a policy, an error in the worker), everything runs on the main thread.

use super::files::now;
use super::state::{Analysis, Origin};
use crate::report::Report;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Texts of at least this many bytes go to the worker.
pub const WORKER_MIN_BYTES: usize = 150_000;

/// The threshold in force: [`WORKER_MIN_BYTES`], or the page address's
/// `?xxgk-worker-min=BYTES` (0: every text to the worker). For measuring only
/// (tests/e2e/perf.mjs times typing both ways); read once.
fn worker_min_bytes() -> usize {
    thread_local! {
        static MIN: usize = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"location".into()).ok())
            .and_then(|l| js_sys::Reflect::get(&l, &"search".into()).ok())
            .and_then(|s| s.as_string())
            .and_then(|s| {
                s.trim_start_matches('?')
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("xxgk-worker-min=")?.parse().ok())
            })
            .unwrap_or(WORKER_MIN_BYTES);
    }
    MIN.with(|m| *m)
}

/// In the worker: analyses a text and returns the report as JSON.
#[wasm_bindgen]
pub fn xxgk_worker_analyze(text: &str) -> String {
    serde_json::to_string(&crate::analyze(text)).unwrap_or_default()
}

/// Analyses a text on the main thread and times it.
pub fn run(text: Rc<str>, origin: Origin) -> Rc<Analysis> {
    let t0 = now();
    let report = crate::analyze(&text);
    Rc::new(Analysis {
        text,
        report,
        origin,
        millis: now() - t0,
    })
}

struct Pending {
    id: u32,
    text: Rc<str>,
    origin: Origin,
    t0: f64,
    done: Callback<Rc<Analysis>>,
}

#[derive(Default)]
pub struct Analyzer {
    worker: Option<JsValue>,
    /// No worker can be had: analyse on the main thread.
    broken: bool,
    seq: u32,
    pending: Option<Pending>,
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
    match args {
        [] => f.call0(target),
        [a] => f.call1(target, a),
        _ => Err(JsValue::from_str("too many arguments")),
    }
}

/// Asks the page for a fresh worker (`window.__xxgkSpawn`, in www/index.html).
fn spawn(this: &Rc<RefCell<Analyzer>>) -> Option<JsValue> {
    let window = web_sys::window()?;
    let w = call(&window, "__xxgkSpawn", &[]).ok()?;
    if w.is_null() || w.is_undefined() {
        return None;
    }
    let on_message = {
        let this = this.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let data = js_sys::Reflect::get(&e, &"data".into()).unwrap_or(JsValue::UNDEFINED);
            let Some(id) = js_sys::Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
            else {
                return; // "ready"
            };
            let json = js_sys::Reflect::get(&data, &"json".into())
                .ok()
                .and_then(|v| v.as_string());
            let p = {
                let mut me = this.borrow_mut();
                if me.pending.as_ref().is_some_and(|p| f64::from(p.id) == id) {
                    me.pending.take()
                } else {
                    None
                }
            };
            let Some(p) = p else { return };
            let a = match json.and_then(|j| serde_json::from_str::<Report>(&j).ok()) {
                Some(report) => Rc::new(Analysis {
                    text: p.text,
                    report,
                    origin: p.origin,
                    millis: now() - p.t0,
                }),
                None => run(p.text, p.origin),
            };
            p.done.emit(a);
        })
        .into_js_value()
    };
    let on_error = {
        let this = this.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            web_sys::console::warn_2(&"xxgk: 分析线程出错，改在页面中分析".into(), &e);
            let p = {
                let mut me = this.borrow_mut();
                me.broken = true;
                if let Some(w) = me.worker.take() {
                    let _ = call(&w, "terminate", &[]);
                }
                me.pending.take()
            };
            if let Some(p) = p {
                p.done.emit(run(p.text, p.origin));
            }
        })
        .into_js_value()
    };
    js_sys::Reflect::set(&w, &"onmessage".into(), &on_message).ok()?;
    js_sys::Reflect::set(&w, &"onerror".into(), &on_error).ok()?;
    Some(w)
}

/// Analyses `text` — in the worker when it is long and a worker can be had — and hands the
/// analysis to `done`. A request made before the previous one finished replaces it.
pub fn request(
    this: &Rc<RefCell<Analyzer>>,
    text: Rc<str>,
    origin: Origin,
    done: Callback<Rc<Analysis>>,
) {
    let use_worker = text.len() >= worker_min_bytes() && !this.borrow().broken;
    if !use_worker {
        this.borrow_mut().pending = None;
        done.emit(run(text, origin));
        return;
    }
    {
        // Still busy with an older text: stop that worker.
        let mut me = this.borrow_mut();
        if me.pending.take().is_some() {
            if let Some(w) = me.worker.take() {
                let _ = call(&w, "terminate", &[]);
            }
        }
    }
    let existing = this.borrow().worker.clone();
    let worker = match existing {
        Some(w) => w,
        None => match spawn(this) {
            Some(w) => {
                this.borrow_mut().worker = Some(w.clone());
                w
            }
            None => {
                this.borrow_mut().broken = true;
                done.emit(run(text, origin));
                return;
            }
        },
    };
    let id = {
        let mut me = this.borrow_mut();
        me.seq = me.seq.wrapping_add(1);
        me.seq
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from(id));
    let _ = js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&text));
    this.borrow_mut().pending = Some(Pending {
        id,
        text,
        origin,
        t0: now(),
        done: done.clone(),
    });
    if call(&worker, "postMessage", &[&msg]).is_err() {
        let p = {
            let mut me = this.borrow_mut();
            me.broken = true;
            me.worker = None;
            me.pending.take()
        };
        if let Some(p) = p {
            done.emit(run(p.text, p.origin));
        }
    }
}
