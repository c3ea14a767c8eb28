//! The user's text in the browser's `localStorage`, so that a reload, a crash or a closed tab
//! never loses it. Storage may be missing (privacy settings) or full; both are reported to
//! the caller instead of being ignored.

/// Key of the text in the editor.
pub const TEXT_KEY: &str = "xxgk:text";
/// Key of the text the editor held before the last 示例 or 打开文件 replaced it.
pub const PREVIOUS_KEY: &str = "xxgk:previous";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a saved text.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Forgets a saved text.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Saves a text; `false` when the browser refused (no storage, quota exceeded).
pub fn save(key: &str, text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, text).is_ok())
}
