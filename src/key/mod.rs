//! Stage 7, key indicators: requests received, completed and carried over, their outcomes,
//! and the numbers of administrative reviews and lawsuits.
//!
//! - `tables`: the indicators read from the statistics tables (2, 3, 4 and the 2008 统计表;
//!   the authority), and the fields a table has but cannot give with certainty ([`Gap`]);
//! - `prose`: the indicators stated in the text, for what the tables do not give, and zeros
//!   stated in words;
//! - [`merge`]: table values first, then prose values — never for a field whose table
//!   reading is uncertain.
//!
//! Reads the tables, the sections and the quantities; calls no later stage.

pub(crate) mod prose;
pub(crate) mod tables;

pub use prose::{from_prose, zeros_in_words};
pub use tables::{from_tables, key_values, Gap};

use std::ops::Range;

/// A key value with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    /// Field name in [`crate::report::Key`].
    pub field: &'static str,
    pub value: f64,
    /// Byte range of the normalized text it came from (the cells, or the prose number).
    pub range: Range<usize>,
    /// `table2`, `table3`, `table4`, `table2008` or `prose`.
    pub from: &'static str,
    /// A remark for the reader (how a sum was made, what a word meant).
    pub note: Option<String>,
}

/// Table values first (they are the authority), then prose values for the indicators the
/// tables do not give. A prose value that disagrees with the table is kept as a `prose`
/// entry after the table's, so the checks can report the difference. A field in `gaps` (the
/// table has it but its reading is uncertain) takes no prose value: it stays unknown.
pub fn merge(table: Vec<KeyValue>, gaps: &[Gap], prose: Vec<KeyValue>) -> Vec<KeyValue> {
    let mut out = table;
    for p in prose {
        if gaps.iter().any(|g| g.field == p.field) {
            continue;
        }
        match out.iter().find(|k| k.field == p.field) {
            Some(t) if t.value == p.value => {}
            _ => out.push(p),
        }
    }
    out
}

/// The name of a key field in messages (收到申请数, 行政复议数, 规范性文件现行有效件数 …).
pub fn field_name(field: &str) -> &'static str {
    match field {
        "requests_received" => "收到申请数",
        "requests_carried_over_from_last_year" => "上年结转数",
        "requests_completed" => "办结数",
        "requests_carried_to_next_year" => "结转下年度数",
        "outcome_disclosed" => "予以公开数",
        "outcome_partially_disclosed" => "部分公开数",
        "outcome_not_disclosed" => "不予公开数",
        "outcome_unable_to_provide" => "无法提供数",
        "outcome_not_processed" => "不予处理数",
        "outcome_other" => "其他处理数",
        "review_total" => "行政复议数",
        "litigation_total" => "行政诉讼数",
        "outcome_disclosed_combined" => "予以公开与部分公开合计",
        "rules_issued" => "规章本年制发数",
        "rules_repealed" => "规章本年废止数",
        "rules_in_force" => "规章现行有效数",
        "rules_published" => "规章本年新公开数",
        "rules_published_total" => "规章对外公开总数",
        "normative_documents_issued" => "规范性文件本年制发数",
        "normative_documents_repealed" => "规范性文件本年废止数",
        "normative_documents_in_force" => "规范性文件现行有效数",
        "normative_documents_published" => "规范性文件本年新公开数",
        "normative_documents_published_total" => "规范性文件对外公开总数",
        "licensing_decisions" => "行政许可处理决定数",
        "licensing_items_last_year" => "行政许可上一年项目数",
        "licensing_items_change" => "行政许可项目增减",
        "other_services_decisions" => "其他对外管理服务事项处理决定数",
        "other_services_items_last_year" => "其他对外管理服务事项上一年项目数",
        "other_services_items_change" => "其他对外管理服务事项项目增减",
        "penalty_decisions" => "行政处罚处理决定数",
        "penalty_items_last_year" => "行政处罚上一年项目数",
        "penalty_items_change" => "行政处罚项目增减",
        "coercion_decisions" => "行政强制处理决定数",
        "coercion_items_last_year" => "行政强制上一年项目数",
        "coercion_items_change" => "行政强制项目增减",
        "fees_amount" => "行政事业性收费金额",
        "fees_items_last_year" => "行政事业性收费上一年项目数",
        "fees_items_change" => "行政事业性收费项目增减",
        "procurement_items" => "政府集中采购项目数",
        "procurement_amount" => "政府集中采购总金额",
        _ => "数字",
    }
}
