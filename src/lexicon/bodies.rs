//! The names of government bodies, as data: how a body's name ends (places and kinds of
//! organisation), which bodies report as a people's government (the deadline of 2019
//! 《条例》 art. 49 depends on it), the words by which a report names itself without naming
//! anybody (本机关, 我局), and the words that end a name written as a sentence's subject.
//! Read by the page stage (`page::agency`) and the deadline check; it calls no stage.

/// How the name of a place ends: a body named by its place alone (三明市, 平潭综合实验区) is
/// that place's government.
pub const PLACE_SUFFIXES: &[&str] = &[
    "省",
    "自治区",
    "市",
    "自治州",
    "州",
    "盟",
    "地区",
    "自治县",
    "县",
    "旗",
    "区",
    "新区",
    "开发区",
    "高新区",
    "实验区",
    "示范区",
    "试验区",
    "林区",
    "特区",
    "镇",
    "乡",
    "街道",
];

/// How the name of an organisation ends.
pub const ORG_SUFFIXES: &[&str] = &[
    "人民政府",
    "政府",
    "管理委员会",
    "管委会",
    "委员会",
    "办公室",
    "办公厅",
    "参事室",
    "研究室",
    "办事处",
    "领导小组",
    "局",
    "厅",
    "委",
    "办",
    "署",
    "中心",
    "院",
    "室",
    "所",
    "站",
    "队",
    "处",
    "部",
    "馆",
    "社",
    "会",
    "公司",
    "集团",
    "银行",
    "学校",
    "大学",
    "学院",
    "医院",
    "监狱",
];

/// Words by which a report names its author without naming it: 「本机关」 alone names nobody.
pub const SELF_REFERENCES: &[&str] = &[
    "本机关",
    "本单位",
    "本部门",
    "本行政机关",
    "本局",
    "本委",
    "本办",
    "本厅",
    "本院",
    "本署",
    "本中心",
    "我局",
    "我委",
    "我办",
    "我厅",
    "我院",
    "我署",
    "我中心",
    "我单位",
    "我部门",
    "我市",
    "我县",
    "我区",
    "我镇",
    "我乡",
    "我州",
    "我省",
    "本市",
    "本县",
    "本区",
    "本镇",
    "本乡",
    "本级",
];

/// Words that follow a body named as the subject of a sentence (2021年,汕尾市公安局坚持…):
/// the name ends before the first of them.
pub const SUBJECT_ENDS: &[&str] = &[
    "(以下简称",
    "坚持",
    "认真",
    "深入",
    "紧紧",
    "紧扣",
    "围绕",
    "全面",
    "按照",
    "严格",
    "进一步",
    "持续",
    "始终",
    "高度",
    "积极",
    "不断",
    "扎实",
    "聚焦",
    "着力",
    "贯彻",
    "切实",
    "大力",
    "结合",
    "依法",
    "继续",
    "以习近平",
    "在",
    "共",
    "把",
    "将",
    "的",
    "政府信息公开",
    "政务公开",
];

/// Organisations that report as a people's government although their name is not one: the
/// 管委会 of a development zone, experimental zone or new area acts as its local government.
pub const GOVERNMENT_LIKE_ZONES: &[&str] = &[
    "开发区",
    "实验区",
    "试验区",
    "新区",
    "高新区",
    "示范区",
    "园区",
    "合作区",
    "自贸区",
];

/// Places below county level: their governments are not 县级以上 (art. 49 sets them no date).
pub const BELOW_COUNTY: &[&str] = &["镇", "乡", "街道", "社区"];

/// The name without a trailing alias in brackets: 楚雄经开区(高新区) → 楚雄经开区.
fn core(name: &str) -> &str {
    match (name.strip_suffix(')'), name.rfind('(')) {
        (Some(_), Some(open)) if open > 0 => &name[..open],
        _ => name,
    }
}

/// `name` ends like a place (三明市, 宣恩县, 平潭综合实验区, 楚雄经开区(高新区)).
pub fn is_place(name: &str) -> bool {
    let name = core(name);
    PLACE_SUFFIXES.iter().any(|s| name.ends_with(s)) && name.chars().count() >= 2
}

/// `name` ends like an organisation (…局, …人民政府, …管委会).
pub fn is_org(name: &str) -> bool {
    let name = core(name);
    ORG_SUFFIXES.iter().any(|s| name.ends_with(s)) && name.chars().count() >= 3
}

/// `name` is a body: a place or an organisation, 2 to 30 characters of CJK (brackets
/// allowed: 楚雄经开区(高新区)), not a pronoun (本机关, 我局).
pub fn is_body(name: &str) -> bool {
    let n = name.chars().count();
    (2..=30).contains(&n)
        && name
            .chars()
            .all(|c| crate::scan::chars::is_cjk(c) || matches!(c, '(' | ')' | '〇' | '·'))
        && !is_self_reference(name)
        && (is_place(name) || is_org(name))
}

/// `name` is one of the words that name the author without naming it (本机关, 我局).
pub fn is_self_reference(name: &str) -> bool {
    // A list, not a rule: 本溪市 is a city.
    SELF_REFERENCES.contains(&name)
}

/// What kind of body reports, for the deadline of 2019 《条例》 art. 49.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// A people's government at county level or above, or a body acting as one (the 管委会
    /// of a development zone): by 31 March.
    Government,
    /// A department or office of a government: by 31 January.
    Department,
    /// Unknown, or a body art. 49 sets no date for (乡镇, 街道): judged by the later date.
    Unknown,
}

/// The kind of body a name denotes.
pub fn body_kind(name: &str) -> BodyKind {
    let name = name.trim();
    if name.is_empty() {
        return BodyKind::Unknown;
    }
    // A government's own offices and departments first: 某市人民政府办公室 is a department.
    let government_name = name.ends_with("人民政府") || name.ends_with("政府");
    let zone_board = (name.ends_with("管委会") || name.ends_with("管理委员会"))
        && GOVERNMENT_LIKE_ZONES.iter().any(|z| name.contains(z));
    let place_only = is_place(name) && !is_org(name);
    if government_name || zone_board || place_only {
        // 某镇人民政府, 某街道: below county level, no statutory date.
        let place = name
            .trim_end_matches("人民政府")
            .trim_end_matches("政府")
            .trim_end_matches("管理委员会")
            .trim_end_matches("管委会");
        if BELOW_COUNTY.iter().any(|s| place.ends_with(s)) {
            return BodyKind::Unknown;
        }
        return BodyKind::Government;
    }
    if name.ends_with("办事处") {
        return BodyKind::Unknown; // 街道办事处
    }
    if is_org(name) {
        return BodyKind::Department;
    }
    BodyKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_and_pronouns() {
        assert!(is_body("汕尾市公安局"));
        assert!(is_body("平潭综合实验区"));
        assert!(is_body("上海市人民政府参事室"));
        assert!(is_body("楚雄经开区(高新区)"));
        assert!(!is_body("本机关"));
        assert!(!is_body("我局"));
        assert!(!is_body("总体情况"));
        assert!(is_body("本溪市"));
    }

    #[test]
    fn kinds_of_body_for_the_deadline() {
        assert_eq!(body_kind("平潭综合实验区"), BodyKind::Government);
        assert_eq!(body_kind("三明市人民政府"), BodyKind::Government);
        assert_eq!(body_kind("三明市"), BodyKind::Government);
        assert_eq!(body_kind("某经济技术开发区管委会"), BodyKind::Government);
        assert_eq!(body_kind("汕尾市公安局"), BodyKind::Department);
        assert_eq!(body_kind("某市人民政府办公室"), BodyKind::Department);
        assert_eq!(
            body_kind("平潭综合实验区管委会办公室"),
            BodyKind::Department
        );
        assert_eq!(body_kind("某镇人民政府"), BodyKind::Unknown);
        assert_eq!(body_kind("某街道办事处"), BodyKind::Unknown);
        assert_eq!(body_kind(""), BodyKind::Unknown);
    }
}
