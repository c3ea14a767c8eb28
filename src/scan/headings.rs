//! Heading lines: which lines open a section, with their numbering style, number and title.
//!
//! Styles: `一、` (cn_dun), `(一)` (cn_paren), `1.` `1、` (arabic_dot), `(1)` (arabic_paren),
//! `①` (circled), `第一部分` (part), Markdown `#` (markdown), and unnumbered lines that are a
//! statutory part title on their own (none). A heading glued to its first sentence keeps
//! only the heading: `(一)主动公开方面。严格按照…` → 主动公开方面; `一、总体情况2019年,…` →
//! 总体情况. Not headings: in-paragraph enumerations (一是/二是), a one-line table of contents,
//! and the row labels of the standard table 3.
//! Works on one normalized line at a time; ranges are byte ranges within the line.

use crate::lexicon::parts;
use crate::scan::chars::char_len;
use std::ops::Range;

/// Numbering style of a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Markdown(u8),
    Part,
    CnDun,
    Unnumbered,
    CnParen,
    ArabicDot,
    ArabicParen,
    Circled,
}

impl Style {
    /// Rank in the usual hierarchy of Chinese official documents; lower is more major.
    pub fn rank(self) -> u8 {
        match self {
            Style::Markdown(n) => n.saturating_sub(1),
            Style::Part => 0,
            Style::CnDun | Style::Unnumbered => 1,
            Style::CnParen => 2,
            Style::ArabicDot => 3,
            Style::ArabicParen => 4,
            Style::Circled => 5,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Style::Markdown(_) => "markdown",
            Style::Part => "part",
            Style::CnDun => "cn_dun",
            Style::Unnumbered => "none",
            Style::CnParen => "cn_paren",
            Style::ArabicDot => "arabic_dot",
            Style::ArabicParen => "arabic_paren",
            Style::Circled => "circled",
        }
    }
}

/// A heading found on a line; ranges are relative to the line text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub style: Style,
    /// The numeral without punctuation (`一`, `1`, `①`), when numbered.
    pub number: Option<Range<usize>>,
    /// Numeric value of the number (一 → 1, ① → 1).
    pub value: Option<u32>,
    pub title: Range<usize>,
    /// End of the heading (title plus its closing punctuation).
    pub end: usize,
    /// The number's punctuation is missing (`2进一步拓宽…`).
    pub malformed: bool,
}

/// Longest title kept from a heading glued to its sentence.
const MAX_TITLE_CHARS: usize = 40;

/// Parses one line. `expect_arabic` is the next number expected in an ongoing `1、2、…`
/// sequence, which lets a number whose punctuation was lost (`2进一步…`) still count.
pub fn parse(line: &str, expect_arabic: Option<u32>) -> Option<Heading> {
    // (the numbering first: most lines have none, and then the line is not read further)
    parse_numbered(line, expect_arabic).filter(|_| !is_table_of_contents(line))
}

/// Like [`parse`], for one item of a line that may hold several (a table of contents is
/// the caller's to recognise).
pub fn parse_item(line: &str, expect_arabic: Option<u32>) -> Option<Heading> {
    parse_numbered(line, expect_arabic)
}

fn parse_numbered(line: &str, expect_arabic: Option<u32>) -> Option<Heading> {
    let (style, number, value, body_start, malformed) = numbering(line, expect_arabic)?;
    let rest = &line[body_start..];
    let lead = rest.len() - rest.trim_start_matches([' ', '\t', ':']).len();
    let rest_start = body_start + lead;
    let rest = &line[rest_start..];
    if rest.is_empty()
        || parts::is_table3_row(rest)
        || crate::lexicon::tables::is_table_row_label(line)
    {
        return None;
    }
    let (title_len, end_len) = title_extent(rest, style)?;
    Some(Heading {
        style,
        number,
        value,
        title: rest_start..rest_start + title_len,
        end: rest_start + end_len,
        malformed,
    })
}

/// The numbering at the start of `line`, if any: its style, value and the byte where the
/// text after it starts (`一、` → (CnDun, 1, 6); `(三)` → (CnParen, 3, 5)). Markdown marks
/// are not numbering here.
pub fn numbering_prefix(line: &str) -> Option<(Style, Option<u32>, usize)> {
    if line.starts_with('#') {
        return None;
    }
    numbering(line, None).map(|(style, _, value, body, _)| (style, value, body))
}

/// An unnumbered line that is a statutory part title on its own (主动公开政府信息情况).
pub fn parse_unnumbered(line: &str) -> Option<Heading> {
    let t = line.trim_end_matches(['。', ':', ' ']);
    let n = char_len(t);
    if !(3..=32).contains(&n)
        || t.chars()
            .any(|c| matches!(c, '。' | ',' | ';' | '\t' | '|') || c.is_ascii_digit())
        || cn_number(t).is_some_and(|(_, l)| t[l..].starts_with(['、', '.']))
        || parts::is_table3_row(t)
    {
        return None;
    }
    // A sentence that mentions a part is not its title: 本年度没有发生…收费及减免情况.
    const SENTENCE_WORDS: &[&str] = &[
        "没有",
        "未发生",
        "无",
        "本年度",
        "本年",
        "今年",
        "我市",
        "我区",
        "我县",
        "均",
        "已",
    ];
    const TITLE_ENDS: &[&str] = &[
        "情况",
        "措施",
        "事项",
        "概述",
        "概况",
        "打算",
        "问题",
        "政府信息",
        "改进",
        "工作",
    ];
    if SENTENCE_WORDS.iter().any(|w| t.contains(w)) || !TITLE_ENDS.iter().any(|w| t.ends_with(w)) {
        return None;
    }
    parts::part_of_title(t)?;
    Some(Heading {
        style: Style::Unnumbered,
        number: None,
        value: None,
        title: 0..t.len(),
        end: line.len(),
        malformed: false,
    })
}

type Numbering = (Style, Option<Range<usize>>, Option<u32>, usize, bool);

fn numbering(line: &str, expect_arabic: Option<u32>) -> Option<Numbering> {
    let b = line.as_bytes();
    // Markdown
    if b.first() == Some(&b'#') {
        let n = b.iter().take_while(|&&c| c == b'#').count();
        if n <= 6 && b.get(n) == Some(&b' ') {
            let inner = &line[n + 1..];
            let inner_trim = inner.trim_start();
            let off = line.len() - inner_trim.len();
            // "## 一、总体情况": keep the number, style by #.
            if let Some((_, num, val, body, _)) = numbering(inner_trim, None) {
                return Some((
                    Style::Markdown(n as u8),
                    num.map(|r| r.start + off..r.end + off),
                    val,
                    body + off,
                    false,
                ));
            }
            return Some((Style::Markdown(n as u8), None, None, off, false));
        }
    }
    // 第一部分 / 第一章
    if let Some(rest) = line.strip_prefix('第') {
        let (v, len) = cn_number(rest)?;
        let after = &rest[len..];
        for w in ["部分", "章", "篇"] {
            if after.starts_with(w) {
                let s = '第'.len_utf8();
                return Some((
                    Style::Part,
                    Some(s..s + len),
                    Some(v),
                    s + len + w.len(),
                    false,
                ));
            }
        }
        return None;
    }
    // (一) / (1)
    if let Some(rest) = line.strip_prefix('(') {
        let close = rest.find(')')?;
        let inner = &rest[..close];
        let body = 1 + close + 1;
        if let Some((v, len)) = cn_number(inner).filter(|(_, l)| *l == inner.len()) {
            let _ = len;
            return Some((
                Style::CnParen,
                Some(1..1 + inner.len()),
                Some(v),
                body,
                false,
            ));
        }
        if let Some((v, len)) = arabic(inner).filter(|(_, l)| *l == inner.len()) {
            let _ = len;
            return Some((
                Style::ArabicParen,
                Some(1..1 + inner.len()),
                Some(v),
                body,
                false,
            ));
        }
        return None;
    }
    // ① … ⑳
    if let Some(c) = line.chars().next() {
        if ('①'..='⑳').contains(&c) {
            let v = c as u32 - '①' as u32 + 1;
            return Some((
                Style::Circled,
                Some(0..c.len_utf8()),
                Some(v),
                c.len_utf8(),
                false,
            ));
        }
    }
    // 一、 / 一.
    if let Some((v, len)) = cn_number(line) {
        let after = &line[len..];
        if after.starts_with('、')
            || (after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            let p = after.chars().next().map_or(0, char::len_utf8);
            return Some((Style::CnDun, Some(0..len), Some(v), len + p, false));
        }
        return None;
    }
    // 1. / 1、 / 1,  and a lost separator when the sequence expects this number
    if let Some((v, len)) = arabic(line) {
        if len > 2 {
            return None;
        }
        let after = &line[len..];
        let next = after.chars().next()?;
        match next {
            '、' | '.' | ','
                if !after[next.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) =>
            {
                return Some((
                    Style::ArabicDot,
                    Some(0..len),
                    Some(v),
                    len + next.len_utf8(),
                    false,
                ));
            }
            // 1) with only the closing parenthesis: the (1) level
            ')' => {
                return Some((Style::ArabicParen, Some(0..len), Some(v), len + 1, false));
            }
            c if crate::scan::chars::is_cjk(c)
                && expect_arabic == Some(v)
                && !"年月日号个件条项次人万余多".contains(c) =>
            {
                return Some((Style::ArabicDot, Some(0..len), Some(v), len, true));
            }
            _ => {}
        }
    }
    None
}

/// False when `s`, which starts with an ASCII digit, cannot start an Arabic numbering (see
/// [`numbering`]: one or two digits, then 、 . , ) or an ideograph): a cheap test for the
/// many numbers of a line that are not headings (`12 34 56` in a table row).
pub fn may_open_arabic(s: &str) -> bool {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&n)
        && s[n..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '、' | '.' | ',' | ')') || crate::scan::chars::is_cjk(c))
}

/// Chinese numeral up to 九十九 at the start: value and byte length.
pub fn cn_number(s: &str) -> Option<(u32, usize)> {
    let digit = |c: char| crate::scan::chars::cn_digit(c).filter(|_| c != '零');
    let mut chars = s.char_indices();
    let (_, c0) = chars.next()?;
    let (mut v, mut len) = if c0 == '十' {
        (10, 3)
    } else {
        (digit(c0).filter(|&d| d > 0)?, 3)
    };
    if let Some((_, c1)) = chars.next() {
        if c0 != '十' && c1 == '十' {
            v *= 10;
            len += 3;
            if let Some(d) = s[len..].chars().next().and_then(digit).filter(|&d| d > 0) {
                v += d;
                len += 3;
            }
        } else if c0 == '十' {
            if let Some(d) = digit(c1).filter(|&d| d > 0) {
                v += d;
                len += 3;
            }
        }
    }
    Some((v, len))
}

fn arabic(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 3 {
        return None;
    }
    s[..n].parse().ok().filter(|&v| v > 0).map(|v| (v, n))
}

/// A line listing several parts: 一、总体情况 二、主动公开… (a table of contents).
fn is_table_of_contents(line: &str) -> bool {
    // One pass over the bytes: 、 and 。 are E3 80 81 and E3 80 82, and E3 is rare in
    // Chinese text (the ideographs start with E4–E9), so only the E3 bytes are looked at.
    let b = line.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == 0xE3) {
        let at = i + k;
        match b.get(at + 1..at + 3) {
            Some([0x80, 0x82]) => return false,
            Some([0x80, 0x81]) if line[..at].ends_with(crate::scan::chars::is_cn_numeral) => {
                count += 1;
            }
            _ => {}
        }
        i = at + 1;
    }
    count >= 3
}

/// How much of `rest` is the title, and where the heading ends.
fn title_extent(rest: &str, style: Style) -> Option<(usize, usize)> {
    // A statutory part title glued to its first sentence: 总体情况2019年,…
    if matches!(style, Style::CnDun | Style::Part | Style::Markdown(_)) {
        if let Some(len) = parts::glued_part_title(rest) {
            let after = &rest[len..];
            let p = after
                .starts_with(['。', ':', '.'])
                .then(|| after.chars().next().map_or(0, char::len_utf8));
            return Some((len, len + p.unwrap_or(0)));
        }
    }
    let stop = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | ':' | ';' | '!' | '?'));
    match stop {
        Some((i, c)) if char_len(&rest[..i]) <= MAX_TITLE_CHARS && i > 0 => {
            Some((i, i + c.len_utf8()))
        }
        None if char_len(rest) <= MAX_TITLE_CHARS + 10 => Some((rest.len(), rest.len())),
        _ => {
            // A long first sentence: the title is its first clause, or its first words.
            let clause = rest
                .char_indices()
                .find(|(_, c)| matches!(c, ',' | '、' | '。'))
                .map(|(i, _)| i);
            match clause {
                Some(c) if c > 0 && char_len(&rest[..c]) <= MAX_TITLE_CHARS => Some((c, c)),
                _ => {
                    let cut: usize = rest.chars().take(MAX_TITLE_CHARS).map(char::len_utf8).sum();
                    Some((cut, cut))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_number_that_may_not_open_a_numbering_opens_none(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["1", "2", "12", "0", " ", "、", ".", ",", ")", "进一步", "年", "x", "3.5", "。"]),
                1..8,
            ),
            expect in proptest::option::of(0u32..30),
        ) {
            let s = format!("1{}", parts.concat());
            if !may_open_arabic(&s) {
                proptest::prop_assert!(numbering(&s, expect).is_none(), "{}", s);
            }
        }
    }

    fn title(line: &str) -> Option<(&'static str, String, String)> {
        parse(line, None).map(|h| {
            let num = h
                .number
                .clone()
                .map(|r| line[r].to_owned())
                .unwrap_or_default();
            (h.style.name(), num, line[h.title].to_owned())
        })
    }

    #[test]
    fn every_numbering_style_is_recognised() {
        assert_eq!(
            title("一、总体情况"),
            Some(("cn_dun", "一".into(), "总体情况".into()))
        );
        assert_eq!(
            title("一、 主要工作落实情况"),
            Some(("cn_dun", "一".into(), "主要工作落实情况".into()))
        );
        assert_eq!(
            title("(二)依申请公开方面"),
            Some(("cn_paren", "二".into(), "依申请公开方面".into()))
        );
        assert_eq!(
            title("1.加强政府网站建设管理。"),
            Some(("arabic_dot", "1".into(), "加强政府网站建设管理".into()))
        );
        assert_eq!(
            title("3、推进重点领域信息公开"),
            Some(("arabic_dot", "3".into(), "推进重点领域信息公开".into()))
        );
        assert_eq!(
            title("(1)建立了公文公开属性源头认定制度。与公文科"),
            Some((
                "arabic_paren",
                "1".into(),
                "建立了公文公开属性源头认定制度".into()
            ))
        );
        assert_eq!(
            title("②完善制度"),
            Some(("circled", "②".into(), "完善制度".into()))
        );
        assert_eq!(
            title("第一部分 总体情况"),
            Some(("part", "一".into(), "总体情况".into()))
        );
        assert_eq!(
            title("## 三、收到和处理政府信息公开申请情况"),
            Some((
                "markdown",
                "三".into(),
                "收到和处理政府信息公开申请情况".into()
            ))
        );
        assert_eq!(
            title("十二、其他"),
            Some(("cn_dun", "十二".into(), "其他".into()))
        );
    }

    #[test]
    fn heading_glued_to_its_sentence_keeps_only_the_heading() {
        assert_eq!(
            title("(一)主动公开方面。严格按照“公开为常态”").unwrap().2,
            "主动公开方面"
        );
        assert_eq!(
            title("一、总体情况2019年,衢州市以习近平新时代").unwrap().2,
            "总体情况"
        );
        assert_eq!(title("(一)存在问题:一是少数单位").unwrap().2, "存在问题");
    }

    #[test]
    fn enumerations_dates_and_decimals_are_not_headings() {
        assert_eq!(title("一是切实加强组织领导。"), None);
        assert_eq!(title("2016年,全市有政府网站438个"), None);
        assert_eq!(title("1.5万人次参加培训"), None);
        assert_eq!(
            title("一、总体情况 二、主动公开 三、依申请公开 四、复议诉讼"),
            None
        );
    }

    #[test]
    fn table3_row_labels_are_not_headings() {
        assert_eq!(title("一、本年新收政府信息公开申请数量"), None);
        assert_eq!(title("四、结转下年度继续办理"), None);
    }

    #[test]
    fn lost_separator_counts_only_when_the_sequence_expects_it() {
        let h = parse("2进一步拓宽公开载体。开办新媒体", Some(2)).unwrap();
        assert!(h.malformed);
        assert_eq!(parse("2进一步拓宽公开载体。", Some(5)), None);
    }

    #[test]
    fn unnumbered_part_titles_on_their_own_line() {
        assert!(parse_unnumbered("主动公开政府信息情况").is_some());
        assert!(parse_unnumbered("存在问题及改进措施").is_some());
        assert!(parse_unnumbered("按照规定,对于应该公开的信息").is_none());
    }
}
