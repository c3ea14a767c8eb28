//! Reporting bodies by name: the key two spellings of one body share.
//!
//! The name is read in the normalized view ([`crate::normalize::Text`]: traditional →
//! simplified, full-width → half-width), keeps only letters and digits (CJK included), and
//! folds the written variants of [`VARIANTS`] (人民政府 = 政府, 管理委员会 = 管委会, 政府办公室 =
//! 政府办, …). An office (办公室) is not merged into its government: it reports for itself.
//! [`without_province`] gives the key without a leading province, so 浙江省衢州市人民政府 and
//! 衢州市人民政府 can be matched when both occur.

use crate::normalize::Text;

/// Written variants of one name part, folded to one form (applied in order).
pub const VARIANTS: &[(&str, &str)] = &[
    ("中华人民共和国", ""),
    ("人民政府", "政府"),
    ("管理委员会", "管委会"),
    ("政府办公室", "政府办"),
    ("管委会办公室", "管委会办"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
];

/// Kinds of place a province-level prefix stands before.
const PLACES: &[char] = &['市', '县', '区', '州', '盟', '旗'];

/// The matching key of a body's name; empty when the name has no letters.
pub fn key(name: &str) -> String {
    let t = Text::new(name);
    let mut k: String = t.norm.chars().filter(|c| c.is_alphanumeric()).collect();
    for (from, to) in VARIANTS {
        if k.contains(from) {
            k = k.replace(from, to);
        }
    }
    k
}

/// The key without a leading province or autonomous region (…省, …自治区), when what
/// follows names a city, county or district: 浙江省衢州市政府 → 衢州市政府. `None` when there
/// is no such prefix.
pub fn without_province(key: &str) -> Option<&str> {
    let head: String = key.chars().take(10).collect();
    let at = ["自治区", "省"]
        .iter()
        .filter_map(|m| head.find(m).map(|i| i + m.len()))
        .min()?;
    let rest = &key[at..];
    let place = rest.chars().take(8).any(|c| PLACES.contains(&c));
    let body_only = rest.starts_with("政府") || rest.starts_with("人民");
    (place && !body_only && rest.chars().count() >= 3).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_variants_of_one_body_share_a_key() {
        let k = key("衢州市人民政府");
        assert_eq!(k, "衢州市政府");
        assert_eq!(key("衢州市政府"), k);
        assert_eq!(key(" 衢州市 人民政府 "), k);
        assert_eq!(key("雲浮市人民政府辦公室"), key("云浮市政府办公室"));
        assert_eq!(key("云浮市政府办"), key("云浮市人民政府办公室"));
        assert_eq!(key("平潭综合实验区管理委员会"), key("平潭综合实验区管委会"));
        assert_eq!(
            key("楚雄经开区(高新区)"),
            key("楚雄经济技术开发区（高新区）")
        );
        assert_eq!(key("中华人民共和国教育部"), key("教育部"));
    }

    #[test]
    fn different_bodies_keep_different_keys() {
        // The office reports for itself, not for the government it serves.
        assert_ne!(key("云浮市人民政府办公室"), key("云浮市人民政府"));
        assert_ne!(key("甲县人民政府"), key("乙县人民政府"));
        assert_ne!(key("上海市人民政府办公厅"), key("上海市人民政府"));
        assert_ne!(key("衢州市公安局"), key("衢州市人民政府"));
        assert_eq!(key("——"), "");
    }

    #[test]
    fn a_leading_province_can_be_dropped() {
        assert_eq!(
            without_province(&key("浙江省衢州市人民政府")),
            Some("衢州市政府")
        );
        assert_eq!(
            without_province(&key("广西壮族自治区南宁市人民政府")),
            Some("南宁市政府")
        );
        // The province's own government has no place after the prefix.
        assert_eq!(without_province(&key("浙江省人民政府")), None);
        assert_eq!(without_province(&key("衢州市人民政府")), None);
    }
}
