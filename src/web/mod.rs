//! The page: a Yew application and the `window.xxgk` JavaScript API, compiled to wasm32 only.
//!
//! [`start`] runs when the page's inline script has instantiated the module: it installs the
//! panic hook ([`panic`]), the JS API ([`api`]) and mounts [`app::App`] into `#app`. The page
//! itself (template, style, assembly into one self-contained HTML file) lives in `www/`; see
//! docs/page.md.
//!
//! Layout: `app` (editor, state wiring) over `state` (reducer); views `summary`, `outline`,
//! `checks`, `keyview`, `tables`, `quantities`, `cited`, `docview`, `filelist`, `compare`
//! (several reports side by side); `parts` (template completeness, deadline); helpers `files` (reading bytes), `export`
//! (JSON/CSV downloads), `storage` (localStorage), `labels` (Chinese names of codes), `text`
//! (offsets and numbers).

mod api;
mod app;
mod checks;
mod cited;
mod compare;
mod docview;
mod export;
mod filelist;
mod files;
mod keyview;
mod labels;
mod outline;
mod panic;
mod parts;
mod quantities;
mod state;
mod storage;
mod summary;
mod tables;
mod text;
mod worker;

use wasm_bindgen::prelude::*;

/// Entry point, called by wasm-bindgen's glue once the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    // In the analysis worker (no window): nothing to mount; see `worker`.
    if web_sys::window().is_none() {
        return Ok(());
    }
    mark("xxgk:instantiated");
    panic::install();
    api::install()?;
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .ok_or_else(|| JsValue::from_str("#app not found"))?;
    root.set_text_content(None);
    yew::Renderer::<app::App>::with_root(root).render();
    // (Yew renders in a later task.)
    mark("xxgk:installed");
    Ok(())
}

/// A start-up mark on the page's performance timeline (`performance.mark`), next to those of
/// the start-up script in `www/index.html`: `xxgk:instantiated` when the module's start
/// function begins, `xxgk:installed` when it ends (panic hook and `window.xxgk` installed,
/// the app's first render scheduled), `xxgk:ready` when the app is mounted
/// (`data-xxgk="ready"`).
/// tests/e2e/perf.mjs prints the phases between them; they cost nothing measurable.
pub(crate) fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
