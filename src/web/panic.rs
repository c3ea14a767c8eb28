//! The panic hook: a bug in the analysis must not cost the user their text. The hook writes
//! a plain message into the page's `#xxgk-fatal` box (outside the Yew root, so it survives)
//! and logs the details to the console. The text stays in the editor and in `localStorage`;
//! the page template keeps saving it from plain JavaScript once the module has stopped.

use wasm_bindgen::JsValue;

pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("xxgk panic: {detail}")));
        show(&detail);
    }));
}

fn show(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(msg) = doc.get_element_by_id("xxgk-fatal-msg") {
        msg.set_text_content(Some(
            "分析程序出错，已停止工作。您输入的文字仍在文本框中，并已保存在本机浏览器里；刷新页面即可恢复并继续使用。",
        ));
    }
    if let Some(pre) = doc.get_element_by_id("xxgk-fatal-detail") {
        pre.set_text_content(Some(detail));
    }
    if let Some(bx) = doc.get_element_by_id("xxgk-fatal") {
        let _ = bx.remove_attribute("hidden");
    }
    let _ = doc
        .document_element()
        .map(|e| e.set_attribute("data-xxgk", "crashed"));
}
