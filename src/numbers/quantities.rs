//! Quantities: every number the report states with its unit and approximation.
//!
//! A quantity is a numeral (Arabic or Chinese) with an optional multiplier (万, 亿), an
//! optional approximation (余 多 + 以上 左右 before or after; 近 约 超 超过 逾 不足 before),
//! and a unit (件, 人次, 个工作日, %, 万元 …), or a percentage (63.58%, 百分之六十, 八成).
//! Ranges (3至5个工作日) give the lower end as the value and the upper end as `value_to`.
//! Not quantities: years and dates, ordinals (第七次), document and article numbers, names
//! and slogans (十九大, 一件事, 三同步, 12345热线), phone numbers, anything in furniture or in
//! a 《title》; the caller passes those ranges as `excluded`.
//! One left-to-right pass over the normalized text.

use crate::lexicon::index::ByFirst;
use crate::report::Approx;
use crate::scan::numerals::{self, Decimal};
use std::ops::Range;
use std::sync::OnceLock;

/// A quantity with a normalized byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    pub value_to: Option<f64>,
    pub unit: &'static str,
    pub approx: Option<Approx>,
    pub range: Range<usize>,
}

/// Units, matched longest first.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "个工作日", "个百分点", "个月", "工作日", "人次", "家次", "场次", "件次", "户次", "批次", "条次", "篇次",
    "万元", "亿元", "千元", "县市区", "市直部门", "县区", "乡镇", "部分", "小时", "分钟", "平方米", "平方公里",
    "公里", "千米", "万字", "课时", "学时", "周岁", "个", "条", "件", "项", "期", "次", "人", "家", "份", "篇",
    "场", "宗", "起", "户", "轮", "处", "元", "天", "名", "位", "所", "批", "张", "套", "台", "部", "栏", "类",
    "册", "本", "页", "座", "支", "组", "节", "幅", "帖", "封", "通", "例", "票", "亩", "吨", "米", "倍", "级",
];

/// A unit followed by one of these characters is the start of a word, not a unit
/// (部门, 一件事, 次性, 条例 …).
#[rustfmt::skip]
const WORD_AFTER_UNIT: &[&str] = &[
    "部门", "部署", "件事", "次性", "条例", "条件", "条款", "人民", "人大", "人员", "人事", "人才", "处理", "处置",
    "处室", "处罚", "期间", "期限", "项目", "场所", "场景", "户籍", "批准", "批复", "台账", "所有", "所属", "起草",
    "起诉", "起来", "家庭", "份额", "名单", "名称", "位置", "宗旨", "天然", "元素", "通知", "通过", "通报", "例如",
    "类型", "类别", "本级", "本次", "组织", "组成", "节点", "张贴", "套餐", "支持", "册子", "本年", "类似", "页面",
    "名义", "位于", "座谈", "通讯", "本着", "本地", "期刊", "次要", "部委", "次数", "家长", "件数", "户外", "个体",
    "个性", "条线", "场地", "处级", "批评", "台阶", "通道", "级别", "倍增",
    // the regulation's names: 三类内部事务信息, 四类过程性信息 (条例 第十六条)
    "类内部", "类过程",
];

/// Finds quantities in `norm` outside the `excluded` ranges (which must be sorted).
pub fn extract(norm: &str, excluded: &[Range<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    let b = norm.as_bytes();
    let mut ex = 0;
    let mut i = 0;
    while i < norm.len() {
        while ex < excluded.len() && excluded[ex].end <= i {
            ex += 1;
        }
        if ex < excluded.len() && excluded[ex].start <= i {
            i = excluded[ex].end;
            continue;
        }
        // Straight to the next character that may start a number, before the next excluded
        // range.
        let limit = excluded.get(ex).map_or(norm.len(), |r| r.start);
        match next_candidate(b, i, limit) {
            Some(at) => i = at,
            None => {
                i = limit;
                continue;
            }
        }
        let c = norm[i..].chars().next().unwrap_or(' ');
        let starts = if c.is_ascii_digit() {
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'_')
        } else {
            numerals::starts_cn(c) || (c == '百' && norm[i..].starts_with("百分之"))
        };
        if starts {
            if let Some((q, next)) = read(norm, i) {
                let inside_excluded = ex < excluded.len() && excluded[ex].start < q.range.end;
                if !inside_excluded {
                    out.push(q);
                }
                i = next;
                continue;
            }
            // Skip the rest of this numeral so its tail is not read as another number.
            i += numeral_len(norm, i).max(c.len_utf8());
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// The first byte in `i..limit` (a character boundary) where a number may start: an ASCII
/// digit, or a character that starts a Chinese numeral or 百分之. One pass over the bytes,
/// a three-byte character decoded by hand.
fn next_candidate(b: &[u8], mut i: usize, limit: usize) -> Option<usize> {
    while i < limit {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_digit() {
                return Some(i);
            }
            i += 1;
            continue;
        }
        if (0xE0..0xF0).contains(&c) && i + 3 <= b.len() {
            if char::from_u32(crate::scan::chars::code_at3(b, i))
                .is_some_and(|ch| numerals::starts_cn(ch) || ch == '百')
            {
                return Some(i);
            }
            i += 3;
            continue;
        }
        // (no two- or four-byte character starts a numeral)
        i += crate::scan::chars::utf8_width(c);
    }
    None
}

fn numeral_len(norm: &str, i: usize) -> usize {
    let s = &norm[i..];
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        numerals::arabic(s).map_or(1, |(_, l)| l)
    } else {
        numerals::chinese(s).map_or(0, |(_, l, _)| l)
    }
}

/// Reads a quantity starting at `i` (a numeral); returns it and where scanning resumes.
fn read(norm: &str, i: usize) -> Option<(Found, usize)> {
    let before = &norm[..i];
    if before.ends_with('第') || before.ends_with("第 ") {
        return None; // ordinal: 第七次, 第二十条
    }
    // Digits right after another number and a space (`15 2期`): the tail of a digit run a
    // line break or a crawler's space cut in two — 152期 or 2期 cannot be told, so neither.
    let b = before.as_bytes();
    if norm[i..].starts_with(|c: char| c.is_ascii_digit())
        && b.len() >= 2
        && matches!(b[b.len() - 1], b' ' | b'\t')
        && b[b.len() - 2].is_ascii_digit()
    {
        return None;
    }
    // 百分之六十
    if let Some(rest) = norm[i..].strip_prefix("百分之") {
        let (v, len, _) = numerals::chinese(rest)
            .or_else(|| numerals::arabic(rest).map(|(d, l)| (d.mantissa, l, l)))?;
        let end = i + "百分之".len() + len;
        return Some(finish(
            norm,
            i,
            end,
            Decimal::from_int(v).to_f64(),
            None,
            "%",
            None,
        ));
    }
    let is_arabic = norm[i..].starts_with(|c: char| c.is_ascii_digit());
    let (mut value, mut j, cn_chars) = if is_arabic {
        let (d, l) = numerals::arabic(&norm[i..])?;
        (d, i + l, 0)
    } else {
        let (v, l, n) = numerals::chinese(&norm[i..])?;
        (Decimal::from_int(v), i + l, n)
    };
    if !is_arabic {
        // A lone 一 is an article (一个比较大的改观, 一件事, 跑一次) and a lone 零 a word
        // (零件, 零跑腿) — but not before 万/亿 (一万余条) — and a numeral inside a quoted
        // slogan (“三同步”) is a name.
        if value.mantissa <= 1 && cn_chars == 1 && !norm[j..].starts_with(['万', '亿']) {
            return None;
        }
        if before.ends_with(['“', '"', '「', '‘']) {
            return None;
        }
    } else {
        // Years (2019年, 2019年度) and four-digit codes before 年 are never counts.
        let digits = j - i;
        if norm[j..].starts_with('年') && digits == 4 {
            return None;
        }
    }
    // 成 as tenths: 八成 → 80%.
    if !is_arabic && cn_chars == 1 && norm[j..].starts_with('成') {
        let after = &norm[j + '成'.len_utf8()..];
        if !after.starts_with(|c: char| crate::scan::chars::is_cjk(c))
            || ["以上", "左右", "的", "多", "余"]
                .iter()
                .any(|w| after.starts_with(w))
        {
            let v = value.mantissa as f64 * 10.0;
            return Some(finish(norm, i, j + '成'.len_utf8(), v, None, "%", None));
        }
    }
    // 余/多 and 万/亿 in either order: 6万余条, 10余万人, 60000余条.
    let mut approx = None;
    let mut multiplied = false;
    let mut money_unit: Option<&'static str> = None;
    for _ in 0..3 {
        let rest = &norm[j..];
        if (rest.starts_with('余') || rest.starts_with('多')) && approx.is_none() {
            // 多 before 万/unit only; 余 likewise. (20多个, 3600多人)
            approx = Some(Approx::Over);
            j += 3;
        } else if !multiplied && (rest.starts_with('万') || rest.starts_with('亿')) {
            let mult: u128 = if rest.starts_with('万') {
                10_000
            } else {
                100_000_000
            };
            let after = &rest[3..];
            let after_approx = after
                .strip_prefix('余')
                .or_else(|| after.strip_prefix('多'))
                .unwrap_or(after);
            if after_approx.starts_with('元') {
                // money keeps 万元/亿元 as its unit
                money_unit = Some(if mult == 10_000 { "万元" } else { "亿元" });
                if after_approx.len() != after.len() {
                    approx = Some(Approx::Over);
                }
                j += 3 + (after.len() - after_approx.len()) + '元'.len_utf8();
                break;
            }
            value = value.times(mult)?;
            multiplied = true;
            j += 3;
        } else {
            break;
        }
    }
    if money_unit.is_none()
        && norm[j..].starts_with('+')
        && !norm[j + 1..].starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        approx = Some(Approx::Over);
        j += 1;
    }
    // Range: 3至5个工作日, 3-5个
    let mut value_to = None;
    if money_unit.is_none() && approx.is_none() && !multiplied {
        for sep in ["至", "到", "-", "~"] {
            if let Some(rest) = norm[j..].strip_prefix(sep) {
                let upper = if is_arabic {
                    numerals::arabic(rest)
                } else {
                    numerals::chinese(rest).map(|(v, l, _)| (Decimal::from_int(v), l))
                };
                if let Some((hi, l)) = upper {
                    let k = j + sep.len() + l;
                    if let Some((u, ul)) = unit_at(norm, k) {
                        if hi.to_f64() > value.to_f64() {
                            value_to = Some(hi.to_f64());
                            return Some(finish(
                                norm,
                                i,
                                k + ul,
                                value.to_f64(),
                                value_to,
                                u,
                                None,
                            ));
                        }
                    }
                }
            }
        }
    }
    let (unit, end) = match money_unit {
        Some(u) => (u, j),
        None => {
            // one or two spaces may stand before the unit: 54 场
            let sp = norm[j..].bytes().take_while(|&c| c == b' ').count();
            match unit_at(norm, j + sp).filter(|_| sp <= 2 && (sp == 0 || is_arabic)) {
                Some((u, ul)) => (u, j + sp + ul),
                None if norm[j..].starts_with('%') => ("%", j + 1),
                None if norm[j..].starts_with('‰') => ("‰", j + '‰'.len_utf8()),
                // 1万+, 5.3万: a multiplied or open-ended number stands without a unit
                None if multiplied || approx.is_some() && norm[..j].ends_with('+') => ("", j),
                None => return None,
            }
        }
    };
    if unit.is_empty() && (!is_arabic || before.ends_with(['“', '"', '「', '‘'])) {
        return None;
    }
    Some(finish(norm, i, end, value.to_f64(), value_to, unit, approx))
}

/// [`UNITS`] by first character, each group longest first.
fn unit_index() -> &'static ByFirst<&'static str> {
    static INDEX: OnceLock<ByFirst<&str>> = OnceLock::new();
    INDEX.get_or_init(|| ByFirst::new(UNITS, |u| u))
}

/// [`WORD_AFTER_UNIT`] by first character.
fn word_index() -> &'static ByFirst<&'static str> {
    static INDEX: OnceLock<ByFirst<&str>> = OnceLock::new();
    INDEX.get_or_init(|| ByFirst::new(WORD_AFTER_UNIT, |w| w))
}

/// A unit at byte `k` that is not the start of a word.
fn unit_at(norm: &str, k: usize) -> Option<(&'static str, usize)> {
    let rest = norm.get(k..)?;
    let first = rest.chars().next()?;
    let u = *unit_index()
        .starting_with(first)
        .iter()
        .find(|u| rest.starts_with(*u))?;
    if word_index()
        .starting_with(first)
        .iter()
        .any(|w| w.len() > u.len() && rest.starts_with(w))
    {
        return None;
    }
    Some((u, u.len()))
}

/// Adds approximation words around the number and builds the result.
fn finish(
    norm: &str,
    start: usize,
    end: usize,
    value: f64,
    value_to: Option<f64>,
    unit: &'static str,
    approx: Option<Approx>,
) -> (Found, usize) {
    let mut approx = approx;
    let mut s = start;
    let before = &norm[..start];
    for (w, a) in [
        ("不得少于", Approx::Over),
        ("不应少于", Approx::Over),
        ("不应低于", Approx::Over),
        ("不得低于", Approx::Over),
        ("不少于", Approx::Over),
        ("不低于", Approx::Over),
        ("不超过", Approx::Under),
        ("不多于", Approx::Under),
        ("不高于", Approx::Under),
        ("超过", Approx::Over),
        ("将近", Approx::Under),
        ("大约", Approx::About),
        ("不足", Approx::Under),
        ("不到", Approx::Under),
        ("约", Approx::About),
        ("近", Approx::Under),
        ("超", Approx::Over),
        ("逾", Approx::Over),
    ] {
        if before.ends_with(w) {
            // 最近3年, 接近: 近 after these is a word, not an approximation
            let word = before.strip_suffix(w).unwrap_or(before);
            if w == "近" && (word.ends_with('最') || word.ends_with('接') || word.ends_with('附'))
            {
                continue;
            }
            if approx.is_none() {
                approx = Some(a);
            }
            s = start - w.len();
            break;
        }
    }
    let mut e = end;
    let duration = matches!(
        unit,
        "小时" | "分钟" | "天" | "个工作日" | "工作日" | "个月"
    );
    for (w, a) in [
        ("以上", Approx::Over),
        ("左右", Approx::About),
        ("以下", Approx::Under),
        ("以内", Approx::Under),
        ("内", Approx::Under),
        ("余", Approx::Over),
    ] {
        let applies = match w {
            "余" => unit == "%",
            "以内" | "内" => duration,
            _ => !unit.is_empty(),
        };
        if norm[e..].starts_with(w) && applies {
            if approx.is_none() {
                approx = Some(a);
            }
            e += w.len();
            break;
        }
    }
    (
        Found {
            value,
            value_to,
            unit,
            approx,
            range: s..e,
        },
        end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<(String, f64, &'static str, Option<Approx>)> {
        let norm = crate::text::normalize::Text::new(s).norm;
        extract(&norm, &[])
            .into_iter()
            .map(|f| (norm[f.range].to_owned(), f.value, f.unit, f.approx))
            .collect()
    }

    #[test]
    fn multipliers_and_approximations() {
        assert_eq!(
            q("累计发布信息6万余条"),
            vec![("6万余条".into(), 60000.0, "条", Some(Approx::Over))]
        );
        assert_eq!(
            q("阅读量1万+的信息"),
            vec![("1万+".into(), 10000.0, "", Some(Approx::Over))]
        );
        assert_eq!(
            q("浏览5.3万人次"),
            vec![("5.3万人次".into(), 53000.0, "人次", None)]
        );
        assert_eq!(
            q("访问200万余次"),
            vec![("200万余次".into(), 2_000_000.0, "次", Some(Approx::Over))]
        );
        assert_eq!(
            q("培训两千余人次"),
            vec![("两千余人次".into(), 2000.0, "人次", Some(Approx::Over))]
        );
        assert_eq!(
            q("3600多人"),
            vec![("3600多人".into(), 3600.0, "人", Some(Approx::Over))]
        );
        assert_eq!(
            q("服务近1900家次"),
            vec![("近1900家次".into(), 1900.0, "家次", Some(Approx::Under))]
        );
        assert_eq!(
            q("约4900人次"),
            vec![("约4900人次".into(), 4900.0, "人次", Some(Approx::About))]
        );
        assert_eq!(
            q("占比超八成"),
            vec![("超八成".into(), 80.0, "%", Some(Approx::Over))]
        );
        assert_eq!(
            q("满意率在99.8%以上"),
            vec![("99.8%以上".into(), 99.8, "%", Some(Approx::Over))]
        );
    }

    #[test]
    fn units_percentages_money_and_ranges() {
        assert_eq!(q("占63.58%"), vec![("63.58%".into(), 63.58, "%", None)]);
        assert_eq!(
            q("百分之六十"),
            vec![("百分之六十".into(), 60.0, "%", None)]
        );
        assert_eq!(
            q("收费1276.5534万元"),
            vec![("1276.5534万元".into(), 1276.5534, "万元", None)]
        );
        assert_eq!(q("举办54 场"), vec![("54 场".into(), 54.0, "场", None)]);
        assert_eq!(
            q("六项制度,十二期"),
            vec![
                ("六项".into(), 6.0, "项", None),
                ("十二期".into(), 12.0, "期", None)
            ]
        );
        assert_eq!(q("48万人"), vec![("48万人".into(), 480000.0, "人", None)]);
        assert_eq!(
            q("发布一万余条"),
            vec![("一万余条".into(), 10000.0, "条", Some(Approx::Over))]
        );
        assert_eq!(
            q("两万人次"),
            vec![("两万人次".into(), 20000.0, "人次", None)]
        );
        assert_eq!(
            q("十余家"),
            vec![("十余家".into(), 10.0, "家", Some(Approx::Over))]
        );
        let r = crate::text::normalize::Text::new("3至5个工作日").norm;
        let f = extract(&r, &[]);
        assert_eq!(
            (f[0].value, f[0].value_to, f[0].unit),
            (3.0, Some(5.0), "个工作日")
        );
    }

    #[test]
    fn years_ordinals_names_and_slogans_are_not_quantities() {
        assert!(q("十九大、十九届二中全会,第七次全国人口普查").is_empty());
        assert!(q("一是加强,统一组织,一件事,最多跑一次,三同步,五公开,六稳六保").is_empty());
        assert!(q("5.属于三类内部事务信息 6.属于四类过程性信息").is_empty());
        assert!(q("1433战略,12345热线,110宣传日,IPv6,3.0版").is_empty());
        assert_eq!(q("结转至2026年6件"), vec![("6件".into(), 6.0, "件", None)]);
        assert!(q("2019年,部门").is_empty());
        assert!(q("两部门联合").is_empty());
        assert!(q("采购零件,实现零跑腿").is_empty());
    }
}
