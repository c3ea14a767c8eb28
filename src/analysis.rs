//! The pipeline: runs each stage once, in order, and assembles the [`Report`].

use crate::decode::Decoded;
use crate::normalize::Text;
use crate::report::*;

pub(crate) fn run(input: &str, decoded: Option<&Decoded>) -> Report {
    let text = Text::new(input);
    Report {
        schema: SCHEMA.to_owned(),
        meta: Meta {
            title: None,
            agency: None,
            year: None,
            published: None,
            doc_type: DocType::Other,
            script: text.script,
            title_span: None,
            published_source: None,
            index_number: None,
            doc_number: None,
            period: None,
            contacts: Contacts::default(),
            cited: Vec::new(),
        },
        sections: Vec::new(),
        quantities: Vec::new(),
        key: Key::default(),
        tables: Vec::new(),
        checks: Vec::new(),
        furniture: Vec::new(),
        input: InputInfo {
            chars: text.orig_chars(),
            encoding: decoded.map(|d| d.encoding.to_owned()),
            diagnostics: decoded.map(|d| d.notes.clone()).unwrap_or_default(),
        },
    }
}
