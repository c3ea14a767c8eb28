//! Any bytes: `analyze_bytes` either refuses them with a message or analyses them, never
//! panics; whatever it analyses keeps the span contract, and the report serialises to JSON.
//! Valid UTF-8 also goes through `analyze` directly (what the page's `analyze(text)` does).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    match xxgk::analyze_bytes(data) {
        Ok(r) => {
            assert!(serde_json::to_string(&r).is_ok());
        }
        Err(e) => assert!(!e.message.is_empty()),
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let r = xxgk::analyze(text);
        common::assert_spans(text, &r);
        assert!(serde_json::to_string(&r).is_ok());
    }
});
