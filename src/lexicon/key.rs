//! The key indicators' names: every numeric field of `report::Key` with the Chinese name the
//! page, the exports, the comparison and the checks' messages use. Data only.

/// Chinese names of the key fields in the order `Key` declares them: the twelve of `xxgk/1`
/// ([`MAIN`]), then the extra ones (予以公开与部分公开合计, table 2).
pub const LABELS: &[(&str, &str)] = &[
    ("requests_received", "本年新收申请"),
    ("requests_carried_over_from_last_year", "上年结转申请"),
    ("requests_completed", "办理结果总计"),
    ("requests_carried_to_next_year", "结转下年度继续办理"),
    ("outcome_disclosed", "予以公开"),
    ("outcome_partially_disclosed", "部分公开"),
    ("outcome_not_disclosed", "不予公开"),
    ("outcome_unable_to_provide", "无法提供"),
    ("outcome_not_processed", "不予处理"),
    ("outcome_other", "其他处理"),
    ("review_total", "行政复议"),
    ("litigation_total", "行政诉讼"),
    ("outcome_disclosed_combined", "予以公开与部分公开合计"),
    ("rules_issued", "规章 本年制发"),
    ("rules_repealed", "规章 本年废止"),
    ("rules_in_force", "规章 现行有效"),
    ("rules_published", "规章 本年新公开"),
    ("rules_published_total", "规章 对外公开总数"),
    ("normative_documents_issued", "规范性文件 本年制发"),
    ("normative_documents_repealed", "规范性文件 本年废止"),
    ("normative_documents_in_force", "规范性文件 现行有效"),
    ("normative_documents_published", "规范性文件 本年新公开"),
    (
        "normative_documents_published_total",
        "规范性文件 对外公开总数",
    ),
    ("licensing_decisions", "行政许可 处理决定"),
    ("licensing_items_last_year", "行政许可 上一年项目"),
    ("licensing_items_change", "行政许可 本年增减"),
    ("other_services_decisions", "其他对外管理服务 处理决定"),
    (
        "other_services_items_last_year",
        "其他对外管理服务 上一年项目",
    ),
    ("other_services_items_change", "其他对外管理服务 本年增减"),
    ("penalty_decisions", "行政处罚 处理决定"),
    ("penalty_items_last_year", "行政处罚 上一年项目"),
    ("penalty_items_change", "行政处罚 本年增减"),
    ("coercion_decisions", "行政强制 处理决定"),
    ("coercion_items_last_year", "行政强制 上一年项目"),
    ("coercion_items_change", "行政强制 本年增减"),
    ("fees_amount", "行政事业性收费（万元）"),
    ("fees_items_last_year", "行政事业性收费 上一年项目"),
    ("fees_items_change", "行政事业性收费 本年增减"),
    ("procurement_items", "政府集中采购 项目数"),
    ("procurement_amount", "政府集中采购 金额（万元）"),
];

/// The names of `LABELS[from..from + N]` (for constants: field lists are slices of
/// [`LABELS`], not lists of their own).
const fn names<const N: usize>(from: usize) -> [&'static str; N] {
    let mut out = [""; N];
    let mut k = 0;
    while k < N {
        out[k] = LABELS[from + k].0;
        k += 1;
    }
    out
}

/// The fields table 3 gives: the requests' flow and the outcomes (the first ten labels).
pub const TABLE3_FIELDS: [&str; 10] = names(0);

/// The outcome fields: table 3's (一)–(六).
pub const OUTCOME_FIELDS: [&str; 6] = names(4);

/// How many of [`LABELS`] are the `xxgk/1` contract's own twelve fields (the page always
/// shows them; the others when a report gives them).
pub const MAIN: usize = 12;

/// The Chinese name of key field `id`.
pub fn label(id: &str) -> Option<&'static str> {
    LABELS.iter().find(|(k, _)| *k == id).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_fields_come_first_and_names_are_unique() {
        assert_eq!(LABELS[0].0, "requests_received");
        assert_eq!(LABELS[MAIN - 1].0, "litigation_total");
        let mut names: Vec<&str> = LABELS.iter().map(|(_, n)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LABELS.len());
        assert_eq!(label("review_total"), Some("行政复议"));
        // the field lists hold what their names say
        assert_eq!(TABLE3_FIELDS[0], "requests_received");
        assert_eq!(TABLE3_FIELDS[3], "requests_carried_to_next_year");
        assert_eq!(OUTCOME_FIELDS[0], "outcome_disclosed");
        assert_eq!(OUTCOME_FIELDS[5], "outcome_other");
        assert_eq!(label("sources"), None);
    }
}
