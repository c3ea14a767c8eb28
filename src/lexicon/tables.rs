//! The templates' vocabulary: row labels, row keys and column names of tables 2, 3 and 4 in
//! the 2019 (国办公开办函〔2019〕60号) and 2021 (〔2021〕30号) templates, and the label
//! classifiers that map a label as written to a stable row key.
//!
//! Labels are matched on their compact form (whitespace and quotes removed) by the
//! characteristic words of each row, so labels split over lines, glued to a group label
//! (`(三)不予公开 1.属于国家秘密`) or lightly reworded still match. Sub-rows numbered 1. 2. …
//! are told apart by their words and by the group (三/四/五/六) they stand in.

/// Table 3's number columns.
pub const T3_COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// Table 4's columns, the same for each of its three blocks.
pub const T4_COLUMNS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Table 4's blocks: row key and label.
pub const T4_BLOCKS: [(&str, &str); 3] = [
    ("review", "行政复议"),
    ("litigation_direct", "行政诉讼 未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼 复议后起诉"),
];

/// Table 3 rows of group （三）不予公开.
pub const T3_NOT_DISCLOSED: [&str; 8] = [
    "not_disclosed_state_secret",
    "not_disclosed_prohibited_by_law",
    "not_disclosed_three_safeties",
    "not_disclosed_third_party",
    "not_disclosed_internal_affairs",
    "not_disclosed_process_info",
    "not_disclosed_enforcement_file",
    "not_disclosed_query_matter",
];
/// Table 3 rows of group （四）无法提供.
pub const T3_UNABLE: [&str; 3] = ["unable_not_held", "unable_needs_creation", "unable_unclear"];
/// Table 3 rows of group （五）不予处理.
pub const T3_NOT_PROCESSED: [&str; 5] = [
    "not_processed_petition",
    "not_processed_repeated",
    "not_processed_publication",
    "not_processed_mass_repeated",
    "not_processed_confirmation",
];
/// Table 3 rows of group （六）其他处理: one row in 2019 (`outcome_other`), three in 2021.
pub const T3_OTHER_2021: [&str; 3] = [
    "other_overdue_correction",
    "other_overdue_fee",
    "other_other",
];

/// Every table-3 row key in template order (2019's `outcome_other` before the 2021 rows).
pub const T3_KEYS: [&str; 26] = [
    "new_requests",
    "carried_over",
    "outcome_disclosed",
    "outcome_partially_disclosed",
    T3_NOT_DISCLOSED[0],
    T3_NOT_DISCLOSED[1],
    T3_NOT_DISCLOSED[2],
    T3_NOT_DISCLOSED[3],
    T3_NOT_DISCLOSED[4],
    T3_NOT_DISCLOSED[5],
    T3_NOT_DISCLOSED[6],
    T3_NOT_DISCLOSED[7],
    T3_UNABLE[0],
    T3_UNABLE[1],
    T3_UNABLE[2],
    T3_NOT_PROCESSED[0],
    T3_NOT_PROCESSED[1],
    T3_NOT_PROCESSED[2],
    T3_NOT_PROCESSED[3],
    T3_NOT_PROCESSED[4],
    "outcome_other",
    T3_OTHER_2021[0],
    T3_OTHER_2021[1],
    T3_OTHER_2021[2],
    "outcome_total",
    "carried_to_next_year",
];

/// The outcome groups of table 3 that (七)总计 adds up: name for messages and row keys.
pub const T3_OUTCOME_GROUPS: [(&str, &[&str]); 6] = [
    ("予以公开", &["outcome_disclosed"]),
    ("部分公开", &["outcome_partially_disclosed"]),
    ("不予公开", &T3_NOT_DISCLOSED),
    ("无法提供", &T3_UNABLE),
    ("不予处理", &T3_NOT_PROCESSED),
    (
        "其他处理",
        &[
            "outcome_other",
            T3_OTHER_2021[0],
            T3_OTHER_2021[1],
            T3_OTHER_2021[2],
        ],
    ),
];

/// The rows of an outcome group (one of [`T3_OUTCOME_GROUPS`]) to add up, given which rows a
/// table has: every row the template gives the group — (六)其他处理 is 2019's one row or
/// 2021's three, the three replacing a (六) line of their own — or, when some are missing,
/// how many (`Err`): a sum over part of a group is not the group's figure.
pub fn group_rows(
    keys: &[&'static str],
    has: impl Fn(&str) -> bool,
) -> Result<Vec<&'static str>, usize> {
    if keys.first() == Some(&"outcome_other") {
        let sub = &keys[1..];
        let n = sub.iter().filter(|k| has(k)).count();
        return match n {
            0 if has("outcome_other") => Ok(vec!["outcome_other"]),
            0 => Err(1),
            n if n == sub.len() => Ok(sub.to_vec()),
            n => Err(sub.len() - n),
        };
    }
    let missing = keys.iter().filter(|k| !has(k)).count();
    if missing == 0 {
        Ok(keys.to_vec())
    } else {
        Err(missing)
    }
}

/// Group of table 3 a sub-row stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum T3Group {
    None,
    NotDisclosed,
    Unable,
    NotProcessed,
    Other,
}

/// What a label is in table 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A data row with this key.
    Row(&'static str),
    /// A structural label with no data (三、本年度办理结果, a group label such as (三)不予公开).
    Structural,
    /// Not a template label: a header cell or a continuation of a split label.
    Unknown,
}

/// True for a character [`compact`] removes.
fn compacted_away(c: char) -> bool {
    c.is_whitespace() || matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’' | '|')
}

/// [`compact`], borrowing when there is nothing to remove.
pub(crate) fn compact_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(compacted_away) {
        std::borrow::Cow::Owned(compact(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Whitespace and quotes removed.
pub(crate) fn compact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| !compacted_away(c)) {
        out.push(c);
    }
    out
}

/// `s` without leading numbering: `一、`, `(一)`, `1.`, `1、`, `(1)`, `①`.
pub(crate) fn strip_numbering(s: &str) -> &str {
    let s = s.trim_start();
    let is_num = |c: char| c.is_ascii_digit() || crate::scan::chars::is_cn_numeral(c);
    if let Some(rest) = s.strip_prefix('(') {
        if let Some(p) = rest.find(')') {
            let inner = &rest[..p];
            if !inner.is_empty() && inner.chars().all(is_num) {
                return rest[p + 1..].trim_start();
            }
        }
        return s;
    }
    let n: usize = s
        .chars()
        .take_while(|&c| is_num(c))
        .map(char::len_utf8)
        .sum();
    if n > 0 {
        let rest = &s[n..];
        for p in ["、", ".", "．"] {
            if let Some(r) = rest.strip_prefix(p) {
                return r.trim_start();
            }
        }
        return s;
    }
    match s.chars().next() {
        Some(c @ '①'..='⑳') => &s[c.len_utf8()..],
        _ => s,
    }
}

/// True for a top-level numbered heading `一、…` … `十、…`.
pub(crate) fn is_cn_heading(c: &str) -> bool {
    let n: usize = c
        .chars()
        .take_while(|&ch| crate::scan::chars::is_cn_numeral(ch))
        .map(char::len_utf8)
        .sum();
    n > 0 && c[n..].starts_with('、')
}

const ND: [(&[&str], usize); 8] = [
    (&["国家秘密"], 0),
    (&["禁止公开"], 1),
    (&["三安全", "一稳定", "危及"], 2),
    (&["第三方"], 3),
    (&["内部事务"], 4),
    (&["过程性"], 5),
    (&["执法案卷"], 6),
    (&["查询事项"], 7),
];
const UN: [(&[&str], usize); 3] = [
    (&["不掌握"], 0),
    (&["另行制作", "没有现成"], 1),
    (&["不明确"], 2),
];
const NP: [(&[&str], usize); 5] = [
    (&["大量反复"], 3),
    (&["信访", "举报投诉"], 0),
    (&["重复申请"], 1),
    (&["出版物"], 2),
    (&["重新出具", "确认或"], 4),
];
const OT: [(&[&str], usize); 2] = [(&["不补正"], 0), (&["缴纳费用", "收费通知"], 1)];

fn find_in(c: &str, table: &[(&[&str], usize)], keys: &[&'static str]) -> Option<&'static str> {
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| c.contains(w)))
        .and_then(|(_, i)| keys.get(*i).copied())
}

fn sub_row(c: &str, group: T3Group) -> Option<&'static str> {
    match group {
        T3Group::NotDisclosed => find_in(c, &ND, &T3_NOT_DISCLOSED),
        T3Group::Unable => find_in(c, &UN, &T3_UNABLE),
        T3Group::NotProcessed => find_in(c, &NP, &T3_NOT_PROCESSED),
        T3Group::Other => find_in(c, &OT, &T3_OTHER_2021).or_else(|| {
            let plain = strip_numbering(c);
            (c.ends_with("其他") && plain != c && plain == "其他").then_some(T3_OTHER_2021[2])
        }),
        T3Group::None => None,
    }
}

/// Classifies a table-3 label, updating the current group.
pub(crate) fn classify_t3(label: &str, group: &mut T3Group) -> Class {
    // A Markdown heading (`### (一) 予以公开`) is the label it holds.
    let c = compact(label.trim_start().trim_start_matches('#'));
    // (六)其他 alone: the group 其他处理 with its template number (a Markdown copy shortens it).
    if matches!(c.as_str(), "(六)其他" | "六、其他" | "(六)其它") {
        *group = T3Group::Other;
        return Class::Row("outcome_other");
    }
    if c.contains("本年新收") {
        *group = T3Group::None;
        return Class::Row("new_requests");
    }
    if c.contains("上年结转") {
        *group = T3Group::None;
        return Class::Row("carried_over");
    }
    if c.contains("结转下年度") {
        *group = T3Group::None;
        return Class::Row("carried_to_next_year");
    }
    // Group labels, possibly followed by a sub-row label in the same token.
    let mut group_label = None;
    for (w, g) in [
        ("不予公开", T3Group::NotDisclosed),
        ("无法提供", T3Group::Unable),
        ("不予处理", T3Group::NotProcessed),
        ("其他处理", T3Group::Other),
    ] {
        if let Some(p) = c.find(w) {
            *group = g;
            group_label = Some(p + w.len());
            break;
        }
    }
    if let Some(end) = group_label {
        let rest = c.get(end..).unwrap_or("");
        if let Some(k) = sub_row(rest, *group) {
            return Class::Row(k);
        }
        return if *group == T3Group::Other {
            Class::Row("outcome_other")
        } else {
            Class::Structural
        };
    }
    if c.contains("予以公开") {
        *group = T3Group::None;
        return Class::Row("outcome_disclosed");
    }
    if c.contains("部分公开") {
        *group = T3Group::None;
        return Class::Row("outcome_partially_disclosed");
    }
    if c.contains("总计") && !c.contains("列") {
        *group = T3Group::None;
        return Class::Row("outcome_total");
    }
    if c.contains("本年度办理结果") || c.contains("办理结果") {
        *group = T3Group::None;
        return Class::Structural;
    }
    if let Some(k) = sub_row(&c, *group) {
        return Class::Row(k);
    }
    // A numbered sub-row outside its group: find it by its words alone.
    if strip_numbering(&c) != c {
        for g in [
            T3Group::NotDisclosed,
            T3Group::Unable,
            T3Group::NotProcessed,
            T3Group::Other,
        ] {
            if let Some(k) = sub_row(&c, g) {
                *group = g;
                return Class::Row(k);
            }
        }
    }
    Class::Unknown
}

/// Classifies a table-2 label: the row key, if it is a row.
pub(crate) fn classify_t2(label: &str) -> Option<&'static str> {
    let c = compact(label);
    const ROWS: [(&str, &str); 8] = [
        ("其他对外管理服务事项", "other_external_services"),
        ("规范性文件", "normative_documents"),
        ("规章", "rules"),
        ("行政许可", "licensing"),
        ("行政处罚", "penalty"),
        ("行政强制", "coercion"),
        ("行政事业性收费", "admin_fees"),
        ("集中采购", "government_procurement"),
    ];
    ROWS.iter().find(|(w, _)| c.contains(w)).map(|(_, k)| *k)
}

/// Table-2 header words that tell the template.
pub(crate) fn t2_template_from_header(c: &str) -> Option<&'static str> {
    const Y2021: [&str; 5] = [
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年收费金额",
        "行政规范性文件",
    ];
    const Y2019: [&str; 6] = [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "采购项目数量",
        "其他对外管理服务事项",
    ];
    if Y2021.iter().any(|w| c.contains(w)) {
        Some("2021")
    } else if Y2019.iter().any(|w| c.contains(w)) {
        Some("2019")
    } else {
        None
    }
}

/// Table 2's column names as the templates write them, each with the words that name it in
/// a header (longest first where one contains another).
pub const T2_COLUMN_WORDS: [(&str, &[&str]); 14] = [
    ("本年制发件数", &["本年制发件数", "本年制发"]),
    ("本年废止件数", &["本年废止件数", "本年废止"]),
    ("现行有效件数", &["现行有效件数", "现行有效"]),
    ("本年新制作数量", &["本年新制作数量", "本年新制作"]),
    ("本年新公开数量", &["本年新公开数量", "本年新公开"]),
    ("对外公开总数量", &["对外公开总数量", "对外公开总数"]),
    ("上一年项目数量", &["上一年项目数量", "上年项目数量"]),
    ("本年增/减", &["本年增/减", "本年增减", "增/减"]),
    ("本年处理决定数量", &["本年处理决定数量"]),
    ("处理决定数量", &["处理决定数量"]),
    ("本年收费金额(单位:万元)", &["本年收费金额"]),
    ("采购项目数量", &["采购项目数量"]),
    ("采购总金额", &["采购总金额"]),
    // A local variant's `2019年项目数量`: the year's number of items.
    ("项目数量", &["项目数量"]),
];

/// The number columns named by the header of a table-2 block (compact text, `信息内容` and
/// the column names in order). Empty when the header names no column, so the template
/// decides.
pub fn t2_columns_from_header(header: &str) -> Vec<&'static str> {
    let Some(at) = header.find("信息内容") else {
        return Vec::new();
    };
    let h: String = header[at + "信息内容".len()..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < h.len() {
        let rest = &h[i..];
        let hit = T2_COLUMN_WORDS.iter().find_map(|(name, words)| {
            words
                .iter()
                .find(|w| rest.starts_with(*w))
                .map(|w| (*name, w.len()))
        });
        match hit {
            Some((name, len)) => {
                out.push(name);
                i += len;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The number columns of a table-2 row in a template.
pub fn table2_row_columns(template: &str, key: &str) -> &'static [&'static str] {
    match (template, key) {
        ("2021", "rules" | "normative_documents") => {
            &["本年制发件数", "本年废止件数", "现行有效件数"]
        }
        ("2021", "licensing" | "penalty" | "coercion") => &["本年处理决定数量"],
        ("2021", "admin_fees") => &["本年收费金额(单位:万元)"],
        ("2019", "rules" | "normative_documents") => {
            &["本年新制作数量", "本年新公开数量", "对外公开总数量"]
        }
        ("2019", "licensing" | "other_external_services" | "penalty" | "coercion") => {
            &["上一年项目数量", "本年增/减", "处理决定数量"]
        }
        ("2019", "admin_fees") => &["上一年项目数量", "本年增/减"],
        ("2019", "government_procurement") => &["采购项目数量", "采购总金额"],
        _ => &[],
    }
}

/// A row of the statistics table of 2008-regulation reports (附表 / 政府信息公开情况统计表),
/// in the forms provinces and the national template used: its key, the words that name it
/// (longest first: a longer label wins where two overlap) and the row it is a part of.
#[derive(Debug, Clone, Copy)]
pub struct Row2008 {
    pub key: &'static str,
    pub words: &'static [&'static str],
    /// The row this one is one of the exhaustive parts of (`其中：1.当面申请数 …`).
    pub parent: Option<&'static str>,
}

const fn r8(
    key: &'static str,
    words: &'static [&'static str],
    parent: Option<&'static str>,
) -> Row2008 {
    Row2008 { key, words, parent }
}

/// The rows of the 2008 统计表.
pub const T2008_ROWS: [Row2008; 22] = [
    r8("proactive", &["主动公开政府信息数", "主动公开信息数"], None),
    r8(
        "requests",
        &[
            "受理依申请公开信息总数",
            "依申请公开信息总数",
            "受理申请总数",
            "收到申请数",
            "申请总数",
        ],
        None,
    ),
    r8("requests_in_person", &["当面申请数"], Some("requests")),
    r8("requests_fax", &["传真申请数"], Some("requests")),
    r8("requests_email", &["电子邮件申请数"], Some("requests")),
    r8(
        "requests_online",
        &["网上申请数", "网络申请数"],
        Some("requests"),
    ),
    r8("requests_letter", &["信函申请数"], Some("requests")),
    r8(
        "requests_other",
        &["其它形式申请数", "其他形式申请数"],
        Some("requests"),
    ),
    r8("completed", &["申请办结数"], None),
    r8("completed_on_time", &["按时办结数"], Some("completed")),
    r8("completed_late", &["延期办结数"], Some("completed")),
    r8(
        "replies",
        &[
            "本年度对申请的答复总数",
            "对申请的答复总数",
            "对申请的答复数",
            "申请答复数",
        ],
        None,
    ),
    r8(
        "replies_already_public",
        &["属于已主动公开范围数"],
        Some("replies"),
    ),
    r8(
        "replies_refused",
        &["否决公开答复总数", "否决公开答复数", "不同意公开答复数"],
        Some("replies"),
    ),
    r8("replies_partial", &["同意部分公开答复数"], Some("replies")),
    r8("replies_disclosed", &["同意公开答复数"], Some("replies")),
    r8(
        "replies_not_held",
        &["不属于本行政机关公开数"],
        Some("replies"),
    ),
    r8(
        "replies_nonexistent",
        &["申请信息不存在数"],
        Some("replies"),
    ),
    r8("replies_amend", &["告知作出更改补充数"], Some("replies")),
    r8(
        "replies_other_route",
        &["告知通过其他途径办理数"],
        Some("replies"),
    ),
    r8("review", &["行政复议数量", "行政复议数"], None),
    r8("litigation", &["行政诉讼数量", "行政诉讼数"], None),
];

/// Key fields read from the 2008 统计表: field and row (the year's column).
/// `requests_completed` is 申请办结数 where the table has it, else the replies.
pub const T2008_KEY: [(&str, &str); 7] = [
    ("requests_received", "requests"),
    ("requests_completed", "completed"),
    ("outcome_disclosed", "replies_disclosed"),
    ("outcome_partially_disclosed", "replies_partial"),
    ("outcome_not_disclosed", "replies_refused"),
    ("review_total", "review"),
    ("litigation_total", "litigation"),
];

/// Units written between a 2008 统计表 label and its numbers.
pub const T2008_UNITS: [&str; 7] = ["人次", "万元", "条", "件", "个", "次", "元"];

/// Key fields of table 2: row key, column name (as [`T2_COLUMN_WORDS`] names it) and field.
/// 2019's 本年新制作数量 and 2021's 本年制发件数 both count the documents issued in the year.
pub const T2_KEY: [(&str, &str, &str); 33] = [
    ("rules", "本年制发件数", "rules_issued"),
    ("rules", "本年新制作数量", "rules_issued"),
    ("rules", "本年废止件数", "rules_repealed"),
    ("rules", "现行有效件数", "rules_in_force"),
    ("rules", "本年新公开数量", "rules_published"),
    ("rules", "对外公开总数量", "rules_published_total"),
    (
        "normative_documents",
        "本年制发件数",
        "normative_documents_issued",
    ),
    (
        "normative_documents",
        "本年新制作数量",
        "normative_documents_issued",
    ),
    (
        "normative_documents",
        "本年废止件数",
        "normative_documents_repealed",
    ),
    (
        "normative_documents",
        "现行有效件数",
        "normative_documents_in_force",
    ),
    (
        "normative_documents",
        "本年新公开数量",
        "normative_documents_published",
    ),
    (
        "normative_documents",
        "对外公开总数量",
        "normative_documents_published_total",
    ),
    ("licensing", "本年处理决定数量", "licensing_decisions"),
    ("licensing", "处理决定数量", "licensing_decisions"),
    ("licensing", "上一年项目数量", "licensing_items_last_year"),
    ("licensing", "本年增/减", "licensing_items_change"),
    (
        "other_external_services",
        "处理决定数量",
        "other_services_decisions",
    ),
    (
        "other_external_services",
        "上一年项目数量",
        "other_services_items_last_year",
    ),
    (
        "other_external_services",
        "本年增/减",
        "other_services_items_change",
    ),
    ("penalty", "本年处理决定数量", "penalty_decisions"),
    ("penalty", "处理决定数量", "penalty_decisions"),
    ("penalty", "上一年项目数量", "penalty_items_last_year"),
    ("penalty", "本年增/减", "penalty_items_change"),
    ("coercion", "本年处理决定数量", "coercion_decisions"),
    ("coercion", "处理决定数量", "coercion_decisions"),
    ("coercion", "上一年项目数量", "coercion_items_last_year"),
    ("coercion", "本年增/减", "coercion_items_change"),
    ("admin_fees", "本年收费金额(单位:万元)", "fees_amount"),
    ("admin_fees", "上一年项目数量", "fees_items_last_year"),
    ("admin_fees", "本年增/减", "fees_items_change"),
    (
        "government_procurement",
        "采购项目数量",
        "procurement_items",
    ),
    ("government_procurement", "采购总金额", "procurement_amount"),
    (
        "other_external_services",
        "本年处理决定数量",
        "other_services_decisions",
    ),
];

/// Table-2 fields that are amounts of money, in 万元 (a cell written in 元 is converted;
/// one with no unit is read in the column's unit, or not at all when the column has none).
pub const T2_MONEY_FIELDS: [(&str, Option<&str>); 2] =
    [("fees_amount", Some("万元")), ("procurement_amount", None)];

/// Header words of each table, used to recognise header lines above the first row.
pub(crate) const T2_HEADER: [&str; 10] = [
    "信息内容",
    "第二十条",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "主动公开",
    "件数",
];
pub(crate) const T3_HEADER: [&str; 11] = [
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "法人",
    "组织",
];
pub(crate) const T4_HEADER: [&str; 9] = [
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "未经复议直接起诉",
    "复议后起诉",
];

/// Table-3 row labels (without their numbering) that no heading starts with.
pub const T3_LONG_LABELS: [&str; 25] = [
    "本年新收政府信息公开申请",
    "上年结转政府信息公开申请",
    "本年度办理结果",
    "结转下年度继续办理",
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及三安全一稳定",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
    "本机关不掌握相关政府信息",
    "没有现成信息需要另行制作",
    "补正后申请内容仍不明确",
    "信访举报投诉类申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具",
    "申请人无正当理由逾期不补正",
    "申请人逾期未按收费通知要求缴纳费用",
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "未经复议直接起诉",
    "复议后起诉",
];
/// Short table-3 row labels: a row only with their numbering and nothing but cells after.
pub const T3_SHORT_LABELS: [&str; 9] = [
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "总计",
    "重复申请",
    "其他",
];

/// The characters the labels of [`T3_LONG_LABELS`] and [`T3_SHORT_LABELS`] start with: most
/// lines start with none of them, and are ruled out in one test.
const LABEL_FIRSTS: crate::scan::chars::IdeographSet = crate::scan::chars::IdeographSet::EMPTY
    .with_firsts(&T3_LONG_LABELS)
    .with_firsts(&T3_SHORT_LABELS);

/// True when a line of the section text is a label of the standard tables rather than a
/// heading of the report: `一、本年新收政府信息公开申请数量`, `二、上年结转…`,
/// `三、本年度办理结果`, `四、结转下年度继续办理`, `(一)予以公开`, `(三)不予公开`,
/// `1.属于国家秘密`, `(七)总计` …, alone or followed by the row's cells.
///
/// A heading that merely starts with such words (`(三)不予公开情况`) is not a table label,
/// nor is any line containing `。`.
pub fn is_table_row_label(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['|', '#', ' ']);
    if t.contains('。') || t.len() > 400 {
        return false;
    }
    let stripped = strip_numbering(t);
    // (the compacted text is only read from its start: no copy of it is made; only the
    // labels that start with its first character are compared)
    let Some(first) = stripped.chars().find(|&c| !compacted_away(c)) else {
        return false;
    };
    if !LABEL_FIRSTS.contains(first) {
        return false;
    }
    if T3_LONG_LABELS
        .iter()
        .filter(|p| p.starts_with(first))
        .any(|p| compact_strip_prefix(stripped, p).is_some())
    {
        return true;
    }
    let numbered = stripped.len() != t.len();
    let arabic = t.starts_with(|ch: char| ch.is_ascii_digit());
    numbered
        && T3_SHORT_LABELS
            .iter()
            .filter(|p| p.starts_with(first))
            .any(|p| {
                (*p != "其他" || arabic)
                    && compact_strip_prefix(stripped, p).is_some_and(|mut rest| match rest.next() {
                        None | Some('(') => true,
                        Some(ch) if ch.is_ascii_digit() || ch == '/' || ch == '-' => {
                            !rest.any(crate::scan::chars::is_cjk)
                        }
                        Some(_) => false,
                    })
            })
}

/// The characters of [`compact`]`(s)` after the prefix `p`, when it starts with `p`.
fn compact_strip_prefix<'a>(s: &'a str, p: &str) -> Option<impl Iterator<Item = char> + 'a> {
    let mut it = s.chars().filter(|&c| !compacted_away(c));
    p.chars().all(|pc| it.next() == Some(pc)).then_some(it)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(labels: &[&str]) -> Vec<Class> {
        let mut g = T3Group::None;
        labels.iter().map(|l| classify_t3(l, &mut g)).collect()
    }

    #[test]
    fn sub_rows_follow_their_group() {
        let got = keys(&[
            "(三)不予公开",
            "1.属于国家秘密",
            "(四)无法提供",
            "1.本机关不掌握相关政府信息",
        ]);
        assert_eq!(
            got,
            [
                Class::Structural,
                Class::Row("not_disclosed_state_secret"),
                Class::Structural,
                Class::Row("unable_not_held")
            ]
        );
    }

    #[test]
    fn group_and_sub_row_in_one_label() {
        assert_eq!(
            keys(&["(三)不予公开 1.属于国家秘密"]),
            [Class::Row("not_disclosed_state_secret")]
        );
        assert_eq!(
            keys(&[
                "三、本年度办理结果",
                "(六)其他处理",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "3.其他"
            ]),
            [
                Class::Structural,
                Class::Row("outcome_other"),
                Class::Row("other_overdue_correction"),
                Class::Row("other_other")
            ]
        );
    }

    #[test]
    fn look_alike_rows_are_told_apart() {
        let got = keys(&[
            "(五)不予处理",
            "2.重复申请",
            "4.无正当理由大量反复申请",
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        ]);
        assert_eq!(
            got,
            [
                Class::Structural,
                Class::Row("not_processed_repeated"),
                Class::Row("not_processed_mass_repeated"),
                Class::Row("outcome_partially_disclosed")
            ]
        );
        assert_eq!(
            keys(&["(三)不予公开", "2.其他法律行政法规禁止公开"])[1],
            Class::Row("not_disclosed_prohibited_by_law")
        );
    }

    #[test]
    fn numbering_is_stripped() {
        assert_eq!(strip_numbering("(一)予以公开"), "予以公开");
        assert_eq!(strip_numbering("一、本年"), "本年");
        assert_eq!(strip_numbering("3.其他"), "其他");
        assert_eq!(strip_numbering("12345热线"), "12345热线");
        assert!(is_cn_heading("五、存在的主要问题"));
        assert!(!is_cn_heading("(五)不予处理"));
    }

    #[test]
    fn row_labels_are_not_headings() {
        for l in [
            "一、本年新收政府信息公开申请数量",
            "二、上年结转政府信息公开申请数量\t3\t0",
            "三、本年度办理结果",
            "四、结转下年度继续办理 3 0 0 0 0 0 3",
            "(一)予以公开",
            "(三)不予公开",
            "(七)总计",
            "1.属于国家秘密",
            "3.其他",
        ] {
            assert!(is_table_row_label(l), "{l}");
        }
        for l in [
            "三、收到和处理政府信息公开申请情况",
            "(三)不予公开情况",
            "(一)予以公开情况。全年…",
            "其他",
            "一、总体情况",
        ] {
            assert!(!is_table_row_label(l), "{l}");
        }
    }
}
