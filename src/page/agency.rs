//! Who reports: the body the report is about, and what the opening sentence says the
//! document is (its year, whether it names itself an annual report).
//!
//! Sources, most trusted first: the title (衢州市人民政府2019年…, 2022年上海市人民政府参事室…);
//! the opening sentence (「宣恩县教育局编制了…年度报告」, 「现公布三明市人民政府2021年…」,
//! 「现将2022年XX政府信息公开工作报告如下」); a body introduced with 「(以下简称…)」; the
//! signature at the end; the subject of the first sentence of the overview (「2022年,平潭综合
//! 实验区坚持…」); only then the page's header fields (发布机构, 来源: the office that posted the
//! page, not necessarily the body that reports) and the site's name above the title.
//! 「本机关」, 「我局」 alone name nobody: when nothing else names the body the agency is `None`
//! and a note says why.
//!
//! The rules read sentences, not line positions, so the result does not depend on how the
//! text is broken into lines. Guarantee: every range is a range of the normalized text on
//! character boundaries whose text is a body name (or the title's words before its year).

use crate::lexicon::bodies::{is_body, is_place, is_self_reference, SUBJECT_ENDS};
use crate::page::furniture::Furniture;
use crate::page::title::{is_agency_line, starts_with_year, Title};
use crate::scan::chars::{back_bytes, back_chars, char_len, head};
use crate::scan::patterns::{captures_from, chars_at, matches_at, years_at, MatchAt, CJK};
use crate::text::lines::Line;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The reporting body found, where, and from which source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub range: Range<usize>,
    pub source: &'static str,
}

/// What the opening sentences say about the document.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The body the opening names (`None` when it names none, or only 本机关).
    pub body: Option<Range<usize>>,
    /// The opening names the author only as 本机关, 我局 ….
    pub self_reference: bool,
    /// The year of the report the opening names (现公布2021年…, 2021年本机关…).
    pub year: Option<(i32, Range<usize>)>,
    /// The opening calls the document an annual report (…年度报告, 本报告由总体情况…组成).
    pub annual: bool,
}

/// Bytes of the body read as its opening: the crawler header and a few sentences.
const OPENING_BYTES: usize = 3600;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid pattern")
}

/// A body's name: ideographs and brackets (楚雄经开区(高新区)).
fn name(n: &str) -> String {
    format!("[{CJK}()·]{{{n}}}")
}

/// The same, as few characters as will do.
fn lazy_name(n: &str) -> String {
    format!("[{CJK}()·]{{{n}}}?")
}

/// The verbs a publishing sentence starts with ([`publish`]): it is tried only at them.
const PUBLISH_VERBS: [char; 4] = ['现', '特', '兹', '今'];

/// 现公布三明市2019年… / 特向社会公布2021年本机关… / 现将2022年上海市人民政府参事室…
fn publish() -> String {
    let verbs: Vec<String> = PUBLISH_VERBS.iter().map(char::to_string).collect();
    format!(
        r"(?:{})(?:予以|予|将|就|特)?(?:向社会)?(?:公布|发布|报告如下|公开)?(?:了)?({})?((?:19|20)[0-9]{{2}})年度?({})?(?:政府信息公开|政务公开|信息公开)",
        verbs.join("|"),
        name("1,30"),
        lazy_name("1,30")
    )
}

/// [`publish`], tried at each of its verbs ([`matches_at`]).
static PUBLISH_AT: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{})", publish())));

/// The longest name [`COMPILED_BY`] reads before 编制, in characters.
const COMPILED_BY_NAME: usize = 34;

/// …XX局编制了… / 由XX编制 / XX负责编制.
static COMPILED_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"({})(?:负责|组织)?编制(?:了|完成|形成|而成)?",
        name(&format!("2,{COMPILED_BY_NAME}"))
    ))
});

/// 汇总XX各有关单位…编制而成.
static SUMMED_UP: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"汇总({})(?:各有关单位|各部门|各单位|所属|及其|本级)",
        name("2,30")
    ))
});

/// The longest name [`ALIAS`] reads before `(以下简称`, in characters.
const ALIAS_NAME: usize = 40;

/// XX(以下简称“YY”).
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r#"({})\(以下简称:?[“"]?([{CJK}]{{1,12}})[”"]?\)"#,
        name(&format!("2,{ALIAS_NAME}"))
    ))
});

/// 2022年,XX坚持…: the first sentence's subject after the year, from the year on (group 1
/// is the subject). The whole pattern reads the character before the year first: one that is
/// not a digit, or the start of the text (`(?:^|[^0-9])`, see [`subjects`]).
fn subject_from_year() -> String {
    format!(r"(?:(?:19|20)[0-9]{{2}})年(?:度|以来)?,({})", name("2,40"))
}

/// [`subject_from_year`], tried at each year ([`matches_at`]).
static SUBJECT_AT: LazyLock<Regex> = LazyLock::new(|| re(&format!("^{}", subject_from_year())));

/// The report named with its year: …2021年政府信息公开工作年度报告, 2021年度…年报.
fn report_year() -> String {
    format!(
        r"((?:19|20)[0-9]{{2}})年度?(?:本机关|本单位|本部门|{})?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)",
        lazy_name("1,30")
    )
}

/// [`report_year`], tried at each year ([`matches_at`]).
static REPORT_YEAR_AT: LazyLock<Regex> = LazyLock::new(|| re(&format!("^(?:{})", report_year())));

/// The opening lists the template's parts: 本报告由总体情况、主动公开政府信息情况…组成.
static LISTS_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:本(?:年度)?报告|全文)(?:由|包括|分为)[^。]{0,20}(?:总体情况|概述)[^。]{0,200}(?:主动公开)",
    )
});

/// Whether [`LISTS_PARTS`] matches `region`. Every match starts with 全文 or with 本 at most
/// 本年度 (9 bytes) before 报告, either followed by 由, 包括 or 分为: the search starts at the
/// first of those, and is not run when there is none.
fn lists_parts(region: &str) -> bool {
    static REPORT: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("报告"));
    static WHOLE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("全文"));
    let b = region.as_bytes();
    let verb = |at: usize| {
        region
            .get(at..)
            .is_some_and(|r| r.starts_with('由') || r.starts_with("包括") || r.starts_with("分为"))
    };
    let report = REPORT
        .find_iter(b)
        .find(|&p| verb(p + "报告".len()))
        .map(|p| back_bytes(region, p, "本年度".len()));
    let whole = WHOLE.find_iter(b).find(|&p| verb(p + "全文".len()));
    match (report, whole) {
        (Some(a), Some(b)) => LISTS_PARTS.is_match_at(region, a.min(b)),
        (Some(a), None) | (None, Some(a)) => LISTS_PARTS.is_match_at(region, a),
        (None, None) => false,
    }
}

/// The signature: a body's name, then a date, at the end of the text.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[。;!?\n ])({}) *\n?[ \n]*\(?((?:19|20)[0-9]{{2}}年[0-9]{{1,2}}月[0-9]{{1,2}}日|[〇零一二三四五六七八九]{{4}}年[〇零一二三四五六七八九十]{{1,3}}月[〇零一二三四五六七八九十]{{1,3}}日)\)?[^。,]{{0,12}}$",
        name("2,30")
    ))
});

/// The body's first lines joined with nothing between them, so that a sentence reads the
/// same however the text was broken into lines (a name wrapped as 三明 / 市人民政府 is one
/// name). Furniture lines and the title's lines are left out. Keeps where each line came
/// from, to give ranges of the normalized text.
pub struct Joined {
    pub text: String,
    /// (offset in `text`, offset in the normalized text) of each line's start.
    starts: Vec<(usize, usize)>,
}

impl Joined {
    /// Joins the lines from the first that is neither furniture nor the title, until
    /// `max_chars` characters.
    pub fn new(
        norm: &str,
        lines: &[Line],
        furniture: &Furniture,
        title: Option<&Title>,
        max_chars: usize,
    ) -> Joined {
        let mut j = Joined {
            text: String::new(),
            starts: Vec::new(),
        };
        for (i, l) in lines.iter().enumerate() {
            // The title's lines are left out at the top; a "title" found inside the body
            // (a sentence broken before its year) is read with it.
            if l.is_blank()
                || furniture.is.get(i).copied().unwrap_or(false)
                || j.starts.is_empty() && title.is_some_and(|t| t.lines.contains(&i))
            {
                continue;
            }
            // A line that ends a sentence or is a heading ends a name: a break between;
            // a line that stops mid-sentence runs on (三明 / 市人民政府).
            if let Some(prev) = j.text.chars().next_back() {
                let prev_line_start = j.starts.last().map_or(0, |s| s.0);
                let ended = matches!(prev, '。' | ';' | ':' | '!' | '?' | ',' | '”' | ')')
                    || crate::scan::headings::parse(&j.text[prev_line_start..], None).is_some();
                if ended {
                    j.text.push('\n');
                }
            }
            j.starts.push((j.text.len(), l.range.start));
            j.text.push_str(head(l.text(norm), max_chars));
            if j.text.len() >= max_chars * 3 {
                break;
            }
        }
        j
    }

    /// The normalized range of a range of `text` (it may span the line breaks between).
    pub fn to_norm(&self, r: Range<usize>) -> Range<usize> {
        let at = |pos: usize, end: bool| {
            let i = self
                .starts
                .partition_point(|&(j, _)| if end { j < pos } else { j <= pos })
                .saturating_sub(1);
            self.starts.get(i).map_or(pos, |&(j, n)| n + (pos - j))
        };
        at(r.start, false)..at(r.end, true)
    }

    /// Where the body starts in the normalized text.
    pub fn start(&self) -> usize {
        self.starts.first().map_or(0, |s| s.1)
    }
}

/// True when `at` lies inside a 《…》 of `s` (a cited document's title).
fn in_book_title(s: &str, at: usize) -> bool {
    let before = &s[..at];
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Leading words that are not part of a name: 由XX编制, 现由XX…
fn strip_lead(n: &str) -> &str {
    let mut n = n;
    for w in [
        "现予公布",
        "现予以公布",
        "现公布",
        "现将",
        "公布",
        "根据",
        "按照",
        "依据",
        "现由",
        "由",
        "经",
        "并",
        "特",
        "现",
        "和",
        "及",
    ] {
        if let Some(r) = n.strip_prefix(w) {
            if char_len(r) >= 2 {
                n = r;
                break;
            }
        }
    }
    n
}

/// The publishing sentences of `region`, as `captures_iter` of [`publish`] finds them: tried
/// at its verbs only.
fn publishing(region: &str) -> impl Iterator<Item = MatchAt<'_>> {
    let verbs = chars_at(region, &PUBLISH_VERBS);
    matches_at(&PUBLISH_AT, region, verbs.into_iter().map(|v| (v, v)))
}

/// The report named with its year ([`report_year`]), tried at each year only.
fn report_years(region: &str) -> impl Iterator<Item = MatchAt<'_>> {
    matches_at(&REPORT_YEAR_AT, region, years_at(region).map(|y| (y, y)))
}

/// The first sentences' subjects ([`subject_from_year`]), tried at each year that follows a
/// character that is not a digit (or starts the text); a match, and so the place after which
/// the next is looked for, starts at that character.
fn subjects(region: &str) -> impl Iterator<Item = MatchAt<'_>> {
    let at_years = years_at(region).filter_map(|y| match region[..y].chars().next_back() {
        None => Some((0, y)),
        Some(c) if !c.is_ascii_digit() => Some((y - c.len_utf8(), y)),
        Some(_) => None,
    });
    matches_at(&SUBJECT_AT, region, at_years)
}

/// The matches of `pattern` in `region`, each of which has `word` after a name of at most
/// `name` characters (and, before 编制, 负责 or 组织: two more): searched from that far before
/// the first `word`, not from the start; none when `word` is absent.
fn named_before<'h>(
    pattern: &'static Regex,
    region: &'h str,
    word: &str,
    name: usize,
) -> impl Iterator<Item = regex::Captures<'h>> {
    let first = memchr::memmem::find(region.as_bytes(), word.as_bytes());
    first
        .into_iter()
        .flat_map(move |f| captures_from(pattern, region, back_chars(region, f, name + 2)))
}

/// The first 汇总 sentence ([`SUMMED_UP`]): every match starts with 汇总, so the search starts
/// at the first.
fn summed_up(region: &str) -> Option<regex::Captures<'_>> {
    let first = memchr::memmem::find(region.as_bytes(), "汇总".as_bytes())?;
    SUMMED_UP.captures_at(region, first)
}

/// Reads the opening sentences of the body (`j`, see [`Joined`]).
pub fn opening(j: &Joined) -> Opening {
    let region = head(&j.text, OPENING_BYTES / 3);
    let mut o = Opening::default();
    let body = |r: Range<usize>, o: &mut Opening| {
        let n = &region[r.clone()];
        if is_self_reference(n) {
            o.self_reference = true;
        } else if o.body.is_none() && is_body(n) {
            o.body = Some(j.to_norm(r));
        }
    };
    // The verb starts a clause: after a punctuation mark, a space or a line's end.
    let clause_start = |at: usize| {
        region[..at]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, ',' | '。' | ';' | ':' | '\n' | ' '))
    };
    if let Some(c) =
        publishing(region).find(|c| clause_start(c.start) && !in_book_title(region, c.start))
    {
        if let (Some(m), Some(r)) = (c.str(1), c.range(1)) {
            // the name before the year, without leading verbs' remains
            let n = strip_lead(m);
            body(r.end - n.len()..r.end, &mut o);
        }
        if let Some(r) = c.range(3) {
            body(r, &mut o);
        }
        if let (Some(y), Some(r)) = (c.str(2), c.range(2)) {
            o.year = y.parse().ok().map(|v| (v, j.to_norm(r)));
        }
    }
    if o.body.is_none() {
        for c in named_before(&COMPILED_BY, region, "编制", COMPILED_BY_NAME) {
            let Some(m) = c.get(1) else { continue };
            if in_book_title(region, m.start()) {
                continue;
            }
            let n = strip_lead(m.as_str());
            body(m.end() - n.len()..m.end(), &mut o);
            if o.body.is_some() {
                break;
            }
        }
    }
    if o.body.is_none() {
        if let Some(m) = summed_up(region).and_then(|c| c.get(1)) {
            body(m.range(), &mut o);
        }
    }
    for c in report_years(region) {
        let (Some(all), Some(all_range)) = (c.str(0), c.range(0)) else {
            continue;
        };
        if in_book_title(region, all_range.start) {
            continue;
        }
        o.annual |= all.ends_with("年度报告") || all.ends_with("年报");
        if o.year.is_none() {
            let (y, r) = match (c.str(1), c.range(1)) {
                (Some(y), Some(r)) => (y, r),
                _ => (all, all_range),
            };
            o.year = y.parse().ok().map(|v| (v, j.to_norm(r)));
        }
        if all.contains("本机关") || all.contains("本单位") {
            o.self_reference = true;
        }
        break;
    }
    o.annual |= lists_parts(region);
    o
}

/// The body introduced with 「(以下简称…)」 whose name or short name is used again: the
/// report's subject, not a body it cites (国务院办公厅…(以下简称国办)).
fn alias(j: &Joined) -> Option<Range<usize>> {
    let region = head(&j.text, 6000);
    named_before(&ALIAS, region, "(以下简称", ALIAS_NAME).find_map(|c| {
        let m = c.get(1)?;
        let short = c.get(2)?.as_str();
        let n = m.as_str();
        // the name starts after the last word that cannot be in it
        let n = n.rsplit(['的', '在', '年']).next().unwrap_or(n);
        let n = strip_lead(n);
        let start = m.end() - n.len();
        let superior = ["国务院", "中共", "中央", "全国", "国家"]
            .iter()
            .any(|w| n.starts_with(w));
        let rest = &region[c.get(0)?.end()..];
        let used = rest.contains(short) || rest.contains(n);
        (is_body(n) && !superior && used && !in_book_title(region, start))
            .then(|| j.to_norm(start..m.end()))
    })
}

/// The signing body: a body's name followed by a date at the end of the text (also on one
/// line: 「…开展。平潭综合实验区管委会办公室 2014年12月10日 附件下载」). Furniture at the end
/// (附件下载, ads) is skipped first.
pub fn signature(norm: &str, lines: &[Line], furniture: &Furniture) -> Option<Range<usize>> {
    let end = lines
        .iter()
        .enumerate()
        .rev()
        .find(|(i, l)| !l.is_blank() && !furniture.is.get(*i).copied().unwrap_or(false))
        .map(|(_, l)| l.range.end)?;
    let mut start = end.saturating_sub(240);
    while !norm.is_char_boundary(start) {
        start -= 1;
    }
    let tail = &norm[start..end];
    let c = SIGNATURE.captures(tail)?;
    let m = c.get(1)?;
    // only the last words of the run: 「…工作持续良好地开展。」 ends before it
    let n = m.as_str();
    if is_body(n) {
        return Some(start + m.start()..start + m.end());
    }
    None
}

/// The signature's date range, when the text ends with one (see [`signature`]).
pub fn signature_date(norm: &str, lines: &[Line], furniture: &Furniture) -> Option<Range<usize>> {
    let end = lines
        .iter()
        .enumerate()
        .rev()
        .find(|(i, l)| !l.is_blank() && !furniture.is.get(*i).copied().unwrap_or(false))
        .map(|(_, l)| l.range.end)?;
    let mut start = end.saturating_sub(240);
    while !norm.is_char_boundary(start) {
        start -= 1;
    }
    let tail = &norm[start..end];
    let c = SIGNATURE.captures(tail)?;
    let d = c.get(2)?;
    Some(start + d.start()..start + d.end())
}

/// The subject of the overview's first sentence: 「2022年,平潭综合实验区坚持以…」.
fn subject(j: &Joined) -> Option<Range<usize>> {
    let region = head(&j.text, 4000);
    subjects(region).find_map(|c| {
        let run = c.str(1)?;
        let start = c.range(1)?.start;
        let cut = SUBJECT_ENDS
            .iter()
            .filter_map(|w| run.find(w))
            .min()
            .unwrap_or(run.len());
        let n = &run[..cut];
        (is_body(n) && !is_self_reference(n)).then(|| j.to_norm(start..start + cut))
    })
}

/// The body named in the title: before the year (衢州市人民政府|2019年…), or after it
/// (2021年(度)某区人民政府|政府信息公开…).
pub fn in_title(norm: &str, t: &Title) -> Option<Range<usize>> {
    let text = &norm[t.range.clone()];
    let cut = text
        .char_indices()
        .find(|&(i, _)| starts_with_year(&text[i..]))
        .map(|(i, _)| i)?;
    let agency = text[..cut].trim_end_matches(['\n', ' ']);
    // 关于某局2021年…, 关于印发某区2021年…: the body follows 关于 and its verb
    let lead = match agency.strip_prefix("关于") {
        Some(rest) => {
            let verb = ["印发", "转发", "公布", "发布", "报送"]
                .iter()
                .find(|v| rest.starts_with(**v))
                .map_or(0, |v| v.len());
            "关于".len() + verb
        }
        None => 0,
    };
    let agency = &agency[lead..];
    // 某市人民政府办公室关于某市2021年…: the body is what stands before 关于
    let agency = agency.find("关于").map_or(agency, |p| &agency[..p]);
    let agency = agency.trim_end_matches([' ', '\n']);
    let not_a_name = ["信息公开", "政务公开", "报告", "年度"]
        .iter()
        .any(|w| agency.contains(w));
    if char_len(agency) >= 2 && !is_self_reference(agency) && !not_a_name {
        return Some(t.range.start + lead..t.range.start + lead + agency.len());
    }
    // 2021年(度)某区人民政府政府信息公开工作年度报告: the body follows the year
    let after = &text[cut + 4 + '年'.len_utf8()..];
    let after = after.strip_prefix('度').unwrap_or(after);
    let end = ["政府信息公开", "政务公开", "信息公开"]
        .iter()
        .filter_map(|w| after.find(w))
        .min()?;
    let body = &after[..end];
    let start = t.range.start + (text.len() - after.len());
    (char_len(body) >= 2 && (is_agency_line(body) || is_body(body)))
        .then(|| start..start + body.len())
}

/// The site's name in the navigation above the title (沧州市人民政府).
fn site_name(
    norm: &str,
    lines: &[Line],
    furniture: &Furniture,
    title: Option<&Title>,
) -> Option<Range<usize>> {
    let end = title.map_or(lines.len().min(10), |t| t.lines.start);
    lines[..end.min(lines.len())]
        .iter()
        .enumerate()
        .find(|(i, l)| {
            furniture.is[*i]
                && is_agency_line(l.text(norm))
                && crate::lexicon::bodies::is_org(l.text(norm))
        })
        .map(|(_, l)| l.range.clone())
}

/// Everything the agency is chosen from.
pub struct Sources<'a> {
    pub norm: &'a str,
    pub lines: &'a [Line],
    pub furniture: &'a Furniture,
    pub title: Option<&'a Title>,
    pub opening: &'a Opening,
    /// The body's first lines, joined (see [`Joined`]).
    pub joined: &'a Joined,
    /// The poster named in the header fields (发布机构, 来源 …), first token.
    pub poster: Option<Range<usize>>,
}

/// The reporting body, and a note when the report names itself only as 本机关.
pub fn find(s: &Sources) -> (Option<Named>, Option<String>) {
    let norm = s.norm;
    let named = |range: Range<usize>, source: &'static str| Some(Named { range, source });
    if let Some(t) = s.title.and_then(|t| in_title(norm, t)) {
        // A place alone (三明市) that the opening names in full (三明市人民政府): the full name.
        let place = &norm[t.clone()];
        if is_place(place) {
            if let Some(o) = s.opening.body.clone() {
                let full: String = norm[o.clone()]
                    .chars()
                    .filter(|c| !matches!(c, '\n' | '\r' | ' '))
                    .collect();
                if full.starts_with(place) && full.len() > place.len() {
                    return (named(o, "opening"), None);
                }
            }
        }
        return (named(t, "title"), None);
    }
    if let Some(o) = s.opening.body.clone() {
        return (named(o, "opening"), None);
    }
    if let Some(a) = alias(s.joined) {
        return (named(a, "alias"), None);
    }
    if let Some(a) = signature(norm, s.lines, s.furniture) {
        return (named(a, "signature"), None);
    }
    if let Some(a) = subject(s.joined) {
        return (named(a, "subject"), None);
    }
    if let Some(p) = s.poster.clone().filter(|p| !p.is_empty()) {
        return (named(p, "header"), None);
    }
    if let Some(a) = site_name(norm, s.lines, s.furniture, s.title) {
        return (named(a, "site"), None);
    }
    let note = s
        .opening
        .self_reference
        .then(|| "报告只以“本机关”等自称，未写出机关名称：发布机关未识别。".to_owned());
    (None, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Group ranges of every match, in order: what a search gives the code that reads it.
    type Found = Vec<Vec<Option<Range<usize>>>>;

    fn plain(pattern: &str, hay: &str) -> Found {
        re(pattern)
            .captures_iter(hay)
            .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
            .collect()
    }

    /// Openings made of pieces of the sentences the patterns read, each piece whole, cut
    /// short or with a word changed, in any order: most texts hold near-matches and many
    /// hold matches.
    fn opening_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(0usize..1000, 0..120).prop_map(|r| {
            let mut r = r.into_iter().cycle().take(200).enumerate();
            let mut pick = |options: &[&'static str]| -> &'static str {
                let (i, x) = r.next().unwrap_or((0, 0));
                options[(x + i) % options.len()]
            };
            let mut out = String::new();
            for _ in 0..1 + pick(&["0", "1", "2", "3", "4"]).len() * 3 {
                let name = |pick: &mut dyn FnMut(&[&'static str]) -> &'static str| {
                    let mut n = String::new();
                    for _ in
                        0..pick(&["", "a", "aa", "aaaa", "aaaaaaaa", "aaaaaaaaaaaaaaaaaa"]).len()
                    {
                        n.push_str(pick(&[
                            "某",
                            "市",
                            "县",
                            "局",
                            "人民政府",
                            "(",
                            ")",
                            "·",
                            "编",
                            "制",
                            "年",
                            "现",
                            "本机关",
                            "负责",
                        ]));
                    }
                    n
                };
                let year = |pick: &mut dyn FnMut(&[&'static str]) -> &'static str| {
                    [
                        pick(&["2021", "1999", "2020", "1899", "20211", "202", "12021"]),
                        pick(&["年", "年度", "年以来", "月", ""]),
                    ]
                    .concat()
                };
                let piece: String = match pick(&["p", "y", "s", "a", "l", "c", "n"]) {
                    "p" => [
                        pick(&["现", "特", "兹", "今", "实现"]).to_owned(),
                        pick(&["", "予以", "将", "特"]).to_owned(),
                        pick(&["", "向社会"]).to_owned(),
                        pick(&["", "公布", "发布", "公开"]).to_owned(),
                        pick(&["", "了"]).to_owned(),
                        name(&mut pick),
                        year(&mut pick),
                        name(&mut pick),
                        pick(&["政府信息公开", "信息公开", "政务公开", "公开", ""]).to_owned(),
                    ]
                    .concat(),
                    "y" => [
                        year(&mut pick),
                        pick(&["", "本机关", "本单位"]).to_owned(),
                        name(&mut pick),
                        pick(&["政府信息公开", "信息公开", ""]).to_owned(),
                        pick(&["", "工作"]).to_owned(),
                        pick(&["", "年度"]).to_owned(),
                        pick(&["报告", "年报", "报", ""]).to_owned(),
                    ]
                    .concat(),
                    "s" => [
                        pick(&["", "3", "x", "。", "\n"]).to_owned(),
                        year(&mut pick),
                        pick(&[",", "", "。"]).to_owned(),
                        name(&mut pick),
                    ]
                    .concat(),
                    "a" => [
                        name(&mut pick),
                        pick(&["(以下简称", "(以下", "以下简称"]).to_owned(),
                        pick(&["", ":"]).to_owned(),
                        pick(&["", "“", "\""]).to_owned(),
                        name(&mut pick),
                        pick(&["", "”", "\""]).to_owned(),
                        pick(&[")", ""]).to_owned(),
                    ]
                    .concat(),
                    "l" => [
                        pick(&["本", "本年度", "全", "", "本年"]).to_owned(),
                        pick(&["报告", "文"]).to_owned(),
                        pick(&["由", "包括", "分为", "是"]).to_owned(),
                        name(&mut pick),
                        pick(&["总体情况", "概述", ""]).to_owned(),
                        name(&mut pick),
                        pick(&["主动公开", "。", ""]).to_owned(),
                    ]
                    .concat(),
                    "c" => [
                        pick(&["由", "", "汇总"]).to_owned(),
                        name(&mut pick),
                        pick(&["", "负责", "组织"]).to_owned(),
                        pick(&["编制", "编", "各部门"]).to_owned(),
                        pick(&["", "了", "而成"]).to_owned(),
                    ]
                    .concat(),
                    _ => pick(&[",", "。", " ", "\n", "《", "》", "a1"]).to_owned(),
                };
                out.push_str(&piece);
            }
            out
        })
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn prefiltered_opening_searches_find_what_the_plain_patterns_find(text in opening_text()) {
            let groups = |m: MatchAt, n: usize| (0..n).map(|i| m.range(i)).collect::<Vec<_>>();
            let all = |c: regex::Captures| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
            let got: Found = publishing(&text).map(|m| groups(m, 4)).collect();
            proptest::prop_assert_eq!(got, plain(&publish(), &text), "publish");

            let got: Found = report_years(&text).map(|m| groups(m, 2)).collect();
            proptest::prop_assert_eq!(got, plain(&report_year(), &text), "report year");

            // (the anchored pattern does not read the character before the year: where the
            // whole match starts and the subject are compared)
            let want: Vec<(usize, Option<Range<usize>>)> =
                re(&format!("(?:^|[^0-9]){}", subject_from_year()))
                    .captures_iter(&text)
                    .map(|c| (c.get(0).map_or(0, |m| m.start()), c.get(1).map(|m| m.range())))
                    .collect();
            let got: Vec<(usize, Option<Range<usize>>)> =
                subjects(&text).map(|c| (c.start, c.range(1))).collect();
            proptest::prop_assert_eq!(got, want, "subject");

            for (pattern, word, name) in [
                (&*COMPILED_BY, "编制", COMPILED_BY_NAME),
                (&*ALIAS, "(以下简称", ALIAS_NAME),
            ] {
                let want: Found = pattern.captures_iter(&text).map(all).collect();
                let got: Found = named_before(pattern, &text, word, name).map(all).collect();
                proptest::prop_assert_eq!(got, want, "{}", word);
            }
            proptest::prop_assert_eq!(lists_parts(&text), LISTS_PARTS.is_match(&text));
            proptest::prop_assert_eq!(
                summed_up(&text).map(all),
                SUMMED_UP.captures(&text).map(all),
                "summed up"
            );
        }
    }

    fn agency(text: &str) -> (Option<String>, Option<String>) {
        let m = crate::analyze(text).meta;
        (m.agency, m.agency_source)
    }

    fn named(text: &str) -> Option<String> {
        agency(text).0
    }

    #[test]
    fn from_the_title_before_or_after_the_year() {
        assert_eq!(
            named("衢州市人民政府2019年政府信息公开工作年度报告\n一、总体情况\n正文。").as_deref(),
            Some("衢州市人民政府")
        );
        assert_eq!(
            named("2022年上海市人民政府参事室政府信息公开工作年度报告\n正文。").as_deref(),
            Some("上海市人民政府参事室")
        );
        assert_eq!(
            named("关于某县教育局2021年政府信息公开工作年度报告\n正文。").as_deref(),
            Some("某县教育局")
        );
        assert_eq!(
            named("关于印发某区2021年政府信息公开工作年度报告的通知\n正文。").as_deref(),
            Some("某区")
        );
    }

    #[test]
    fn a_place_in_the_title_named_in_full_by_the_opening() {
        let t = "标题:三明市2021年政府信息公开工作年度报告\n来源:政府信息公开办\n正文:\n根据新修订的《中华人民共和国政府信息公开条例》规定,现公布三明\n市人民政府2021年政府信息公开工作年度报告。";
        assert_eq!(
            agency(t),
            (Some("三明市人民政府".into()), Some("opening".into()))
        );
    }

    #[test]
    fn from_the_opening_sentence() {
        // c04 (traditional script): the span is the text as written.
        let t = "???\n根據(jù)《中華人民共和國政府信息公開條例》及上級(jí)政府信息公開工作有關(guān)規(guī)定,宣恩縣教育局編制了縣教育局2020年政府信息公開工作年度報(bào)告。\n一、總體情況\n";
        assert_eq!(
            agency(t),
            (Some("宣恩縣教育局".into()), Some("opening".into()))
        );
        let t = "根据《中华人民共和国政府信息公开条例》及《上海市政府信息公开规定》要求,现将2022年上海市人民政府参事室政府信息公开工作报告如下:\n一、总体情况\n";
        assert_eq!(named(t).as_deref(), Some("上海市人民政府参事室"));
    }

    #[test]
    fn ben_jiguan_names_nobody_but_an_alias_does() {
        // c06: no title, 本机关 in the opening, the body named with 以下简称 in part 一.
        let opening = "根据《中华人民共和国政府信息公开条例》规定,特向社会公布2021年本机关政府信息公开年度报告。\n一、总体情况\n";
        let r = crate::analyze(opening);
        assert_eq!(r.meta.agency, None);
        assert_eq!(r.meta.year, Some(2021));
        assert!(r.meta.notes.iter().any(|n| n.contains("本机关")));
        let t = format!("{opening}2021年,汕尾市公安局(以下简称“市公安局”)以习近平新时代中国特色社会主义思想为指导。市公安局全面落实政府网站的监督管理。");
        assert_eq!(
            agency(&t),
            (Some("汕尾市公安局".into()), Some("alias".into()))
        );
        // A superior body introduced the same way is cited, not the author.
        let t = format!("{opening}根据国务院办公厅政府信息与政务公开办公室(以下简称国办公开办)的通知,国办公开办要求……");
        assert_eq!(named(&t), None);
    }

    #[test]
    fn the_signature_before_the_poster() {
        // c03: 来源 names the site's county; the letter is signed by the zone's office.
        let t = "标题: 关于2014年政府信息公开工作要点落实情况的函\n来源:平潭县人民政府\n省政府办公厅:\n现将我区2014年政府信息公开工作要点落实情况函告如下。\n一、工作情况\n保证政府信息公开工作持续良好地开展。\n平潭综合实验区管委会办公室 2014年12月10日 附件下载";
        assert_eq!(
            agency(t),
            (
                Some("平潭综合实验区管委会办公室".into()),
                Some("signature".into())
            )
        );
        // Nothing names the body: the poster it is (c07).
        let t = "2022年上半年政府信息公开数据统计\n2022年07月25日 来源: 上海普陀\n一、 公文类政府信息公开情况\n2022年上半年,全区各级行政机关共制发公文707件。";
        assert_eq!(agency(t), (Some("上海普陀".into()), Some("header".into())));
    }

    #[test]
    fn the_subject_of_the_first_sentence() {
        let t = "本报告根据《条例》要求编制。\n一、总体情况\n2022年,平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神。";
        assert_eq!(
            agency(t),
            (Some("平潭综合实验区".into()), Some("subject".into()))
        );
        // 我县 is not a name.
        let t = "本报告根据《条例》要求编制。\n一、总体情况\n2025年,我县坚持以群众需求为导向。";
        assert_eq!(named(t), None);
    }
}
