//! Chinese labels for the contract's codes (template parts, document types, scripts,
//! severities, approximations, furniture kinds). Unknown codes are shown as written.

use crate::report::{Approx, DocType, Script, Severity};

/// Chinese name of a template part key (`Section::canonical`, `Quantity::section`).
pub fn canonical(key: &str) -> Option<&'static str> {
    Some(match key {
        "overview" => "总体情况",
        "proactive" => "主动公开",
        "requests" => "依申请公开",
        "review_litigation" => "复议诉讼",
        "problems" => "问题与改进",
        "other" => "其他事项",
        "requests_2008" => "依申请公开（2008）",
        "fees" => "收费及减免",
        _ => return None,
    })
}

/// A section name for display: the Chinese name of a template key, else the text as given.
pub fn section_name(key: &str) -> String {
    canonical(key).map_or_else(|| key.to_owned(), str::to_owned)
}

pub fn doc_type(t: DocType) -> &'static str {
    match t {
        DocType::AnnualReport2019 => "年度报告（2019年修订条例）",
        DocType::AnnualReport2008 => "年度报告（2008年条例）",
        DocType::WorkSummary => "工作总结",
        DocType::Other => "其他文件",
    }
}

pub fn script(s: Script) -> &'static str {
    match s {
        Script::Simplified => "简体",
        Script::Traditional => "繁体",
    }
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
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
    match a {
        None => "",
        Some(Approx::Over) => "以上",
        Some(Approx::Under) => "不足",
        Some(Approx::About) => "约",
    }
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
