//! The key indicators as data: the numeric fields of [`Key`] read through serde, in the order
//! the struct declares them, so the overview's columns and the checks by field name follow
//! `Key` as it grows (table-2 fields included) without a change here. Each field has a Chinese
//! name from [`LABELS`]; a field not listed there is shown by its name.

use crate::report::Key;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// One indicator column of the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The field's name in `key` (`requests_received`, …).
    pub id: String,
    /// Its Chinese name.
    pub name: String,
}

/// Chinese names of key fields: the twelve of `xxgk/1` and the table-2 fields proposed for it.
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

/// The Chinese name of a key field (the field name when none is known).
pub fn label(id: &str) -> String {
    LABELS
        .iter()
        .find(|(k, _)| *k == id)
        .map_or_else(|| id.to_owned(), |(_, n)| (*n).to_owned())
}

/// The fields of a serialized struct in declaration order, with their JSON values.
struct Ordered(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Ordered, A::Error> {
                let mut out = Vec::new();
                while let Some(e) = m.next_entry::<String, serde_json::Value>()? {
                    out.push(e);
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The numeric fields of a key with their values, in declaration order (`sources` and any
/// other non-numeric field left out).
pub fn values(key: &Key) -> Vec<(String, Option<f64>)> {
    let parsed = serde_json::to_string(key)
        .ok()
        .and_then(|s| serde_json::from_str::<Ordered>(&s).ok());
    let Some(Ordered(entries)) = parsed else {
        return Vec::new();
    };
    entries
        .into_iter()
        .filter_map(|(k, v)| match v {
            serde_json::Value::Null => Some((k, None)),
            serde_json::Value::Number(n) => Some((k, n.as_f64())),
            _ => None,
        })
        .collect()
}

/// The overview's indicator columns: every numeric field of [`Key`].
pub fn columns() -> Vec<Column> {
    values(&Key::default())
        .into_iter()
        .map(|(id, _)| Column {
            name: label(&id),
            id,
        })
        .collect()
}

/// A key's values aligned with `columns`.
pub fn aligned(key: &Key, columns: &[Column]) -> Vec<Option<f64>> {
    let v = values(key);
    columns
        .iter()
        .map(|c| v.iter().find(|(k, _)| *k == c.id).and_then(|(_, x)| *x))
        .collect()
}

/// The value of field `id` in a row aligned with `columns`.
pub fn get(row: &[Option<f64>], columns: &[Column], id: &str) -> Option<f64> {
    columns
        .iter()
        .position(|c| c.id == id)
        .and_then(|i| row.get(i).copied().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_key_struct_in_order() {
        let c = columns();
        // the twelve fields of the xxgk/1 contract first, then the extra ones
        assert_eq!(c[0].id, "requests_received");
        assert_eq!(c[0].name, "本年新收申请");
        assert_eq!(c[11].id, "litigation_total");
        assert!(c.iter().any(|c| c.id == "normative_documents_in_force"));
        assert!(c.iter().all(|c| c.id != "sources"));
        // every numeric field of the key has a Chinese name
        for col in &c {
            assert_ne!(col.name, col.id, "no label for {}", col.id);
        }
    }

    #[test]
    fn values_are_aligned_with_the_columns() {
        let k = Key {
            outcome_not_disclosed: Some(6637.0),
            review_total: Some(0.0),
            ..Key::default()
        };
        let c = columns();
        let row = aligned(&k, &c);
        assert_eq!(get(&row, &c, "outcome_not_disclosed"), Some(6637.0));
        assert_eq!(get(&row, &c, "review_total"), Some(0.0));
        assert_eq!(get(&row, &c, "requests_received"), None);
        assert_eq!(get(&row, &c, "no_such_field"), None);
    }

    #[test]
    fn an_unknown_field_is_named_by_itself() {
        assert_eq!(label("rules_in_force"), "规章 现行有效");
        assert_eq!(label("something_new"), "something_new");
    }
}
