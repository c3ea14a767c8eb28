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

/// Key of the list of files opened (name, encoding and decoded text of each).
pub const FILES_KEY: &str = "xxgk:files";

/// One saved file: enough to analyse it again after a reload.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct SavedFile {
    pub name: String,
    pub size: f64,
    pub encoding: Option<String>,
    pub diagnostics: Vec<String>,
    pub text: String,
}

/// Saves the files; `false` when the browser refused.
pub fn save_files(list: &[SavedFile]) -> bool {
    if list.is_empty() {
        remove(FILES_KEY);
        return true;
    }
    serde_json::to_string(list).is_ok_and(|json| save(FILES_KEY, &json))
}

/// The saved files (none when nothing is saved or the entry is unreadable).
pub fn load_files() -> Vec<SavedFile> {
    load(FILES_KEY)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Forgets everything this page saved in the browser (every `xxgk:` key).
pub fn clear_all() {
    let Some(s) = storage() else { return };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("xxgk:"))
        .collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
}

/// Key of the user's grouping of reports into series (file name → series name; an empty
/// name takes the report out of every series).
pub const GROUPS_KEY: &str = "xxgk:groups";

/// The user's grouping (empty when none is saved or the entry is unreadable).
pub fn load_groups() -> std::collections::BTreeMap<String, String> {
    load(GROUPS_KEY)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Saves the user's grouping; `false` when the browser refused.
pub fn save_groups(groups: &std::collections::BTreeMap<String, String>) -> bool {
    if groups.is_empty() {
        remove(GROUPS_KEY);
        return true;
    }
    serde_json::to_string(groups).is_ok_and(|json| save(GROUPS_KEY, &json))
}
