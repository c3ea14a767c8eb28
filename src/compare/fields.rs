//! The key indicators as data: the numeric fields of [`Key`] read through serde, in the order
//! the struct declares them, so the overview's columns and the checks by field name follow
//! `Key` as it grows (table-2 fields included) without a change here. Each field has a Chinese
//! name from [`crate::lexicon::key::LABELS`]; a field not listed there is shown by its name.

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

/// The Chinese name of a key field (the field name when none is known).
pub fn label(id: &str) -> String {
    crate::lexicon::key::label(id).map_or_else(|| id.to_owned(), str::to_owned)
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
