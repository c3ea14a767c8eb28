//! Chinese labels for the contract's codes (template parts, document types, scripts,
//! severities, approximations, furniture kinds). Unknown codes are shown as written. The
//! labels the CLI prints too live in the core (`label()` on the report's enums,
//! `lexicon::parts::part_label`); these delegate to them.

use crate::report::{Approx, DocType, Script, Severity};

/// Chinese name of a template part key (`Section::canonical`, `Quantity::section`): the
/// core's, which the CLI prints too.
pub fn canonical(key: &str) -> Option<&'static str> {
    crate::lexicon::parts::part_label(key)
}

/// A section name for display: the Chinese name of a template key, else the text as given.
pub fn section_name(key: &str) -> String {
    canonical(key).map_or_else(|| key.to_owned(), str::to_owned)
}

pub fn doc_type(t: DocType) -> &'static str {
    t.label()
}

pub fn script(s: Script) -> &'static str {
    s.label()
}

pub fn severity(s: Severity) -> &'static str {
    s.label()
}

/// CSS class suffix of a severity.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

pub fn approx(a: Option<Approx>) -> &'static str {
    a.map_or("", Approx::label)
}

pub fn furniture(kind: &str) -> &str {
    match kind {
        "header" => "网页头部",
        "breadcrumb" => "导航路径",
        "toolbar" => "页面工具",
        "share" => "分享",
        "navigation" => "导航",
        "attachment" => "附件",
        "related" => "相关链接",
        "wiki" => "百科内容",
        "ad" => "广告",
        "footer" => "网页底部",
        "picture" => "图片",
        other => other,
    }
}
