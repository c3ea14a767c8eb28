//! Document metadata: title, issuing body, year covered, publication date, 索引号, 文号, the
//! statistical period, contact details and cited documents.
//!
//! Sources, in order of trust: the title; the page's header fields (发布机构, 发布日期 …, which
//! the furniture stage set aside but which still describe the document); the signature at
//! the end; the body text. Works on the normalized text; spans are normalized byte ranges
//! that the assembly stage maps back to the input. Never fails: what is not found is `None`.

use crate::page::furniture::Furniture;
use crate::page::title::{is_agency_line, starts_with_year, Title};
use crate::scan::chars::char_len;
use crate::scan::dates::{self, Date};
use crate::text::lines::Line;
use std::ops::Range;

/// Metadata found, with normalized byte ranges.
#[derive(Debug, Default)]
pub struct Found {
    pub agency: Option<String>,
    /// Where the agency was read (normalized range), to report it as written.
    pub agency_range: Option<Range<usize>>,
    pub year: Option<i32>,
    pub published: Option<Date>,
    pub published_source: Option<&'static str>,
    pub index_number: Option<Range<usize>>,
    pub doc_number: Option<Range<usize>>,
    pub period: Option<(Date, Date, Range<usize>)>,
    pub phones: Vec<Range<usize>>,
    pub emails: Vec<Range<usize>>,
    pub websites: Vec<Range<usize>>,
    pub addresses: Vec<Range<usize>>,
    pub cited: Vec<Cited>,
}

/// A cited document: 《title》 and/or a document number.
#[derive(Debug, Clone)]
pub struct Cited {
    pub title: Option<Range<usize>>,
    /// Normalized form `机关代字〔年〕序号号`.
    pub number: Option<String>,
    /// Range of the number as written.
    pub number_range: Option<Range<usize>>,
    pub range: Range<usize>,
}

/// Header fields that carry a publication date, most trusted first.
const DATE_KEYS: &[&str] = &[
    "发布日期",
    "发布时间",
    "成文日期",
    "发文日期",
    "印发日期",
    "生成日期",
];

/// Reads the metadata.
/// `dates` are all full dates of the text ([`dates::find_all`]), found once by the caller.
pub fn extract(
    norm: &str,
    lines: &[Line],
    furniture: &Furniture,
    title: Option<&Title>,
    dates: &[(usize, Date, usize)],
) -> Found {
    let mut f = Found::default();
    let header = header_fields(norm, lines, furniture);
    let field = |k: &str| {
        header
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, r)| r.clone())
    };

    // Year: the title's, else the statistical period's (below), else the first in the text.
    if let Some(t) = title {
        f.year = title_year(&t.text);
    }

    // Agency.
    let title_agency = title.and_then(|t| title_agency(norm, t));
    let publisher = ["发布机构", "发文机关", "发布单位", "来源", "信息来源"]
        .iter()
        .find_map(|k| {
            field(k)
                .map(|r| first_token(norm, r))
                .filter(|r| !r.is_empty())
        });
    f.agency_range = match (title_agency, publisher) {
        (Some(ta), Some(p))
            if !is_full_body(&norm[ta.clone()])
                && norm[p.clone()].starts_with(&norm[ta.clone()]) =>
        {
            Some(p)
        }
        (Some(ta), _) => Some(ta),
        (None, p) => p
            .or_else(|| site_name(norm, lines, furniture, title))
            .or_else(|| signature_agency(norm, lines)),
    };
    f.agency = f.agency_range.clone().map(|r| norm[r].to_owned());

    // Publication date.
    for key in DATE_KEYS {
        if let Some(r) = field(key) {
            if let Some((d, _)) = dates::parse(&norm[r.clone()]) {
                f.published = Some(d);
                f.published_source = Some(key);
                break;
            }
        }
    }
    if f.published.is_none() {
        if let Some(d) = source_line_date(norm, lines, furniture) {
            f.published = Some(d);
            f.published_source = Some("页面时间");
        }
    }
    if f.published.is_none() {
        if let Some(d) = signature_date(norm, lines, furniture) {
            f.published = Some(d);
            f.published_source = Some("落款");
        }
    }

    f.index_number = field("索引号")
        .filter(|r| !r.is_empty())
        .map(|r| first_token(norm, r));
    f.doc_number = field("文号")
        .or_else(|| field("发文字号"))
        .filter(|r| !r.is_empty())
        .map(|r| first_token(norm, r));
    f.period = period(norm, dates);
    if f.year.is_none() {
        f.year = f.period.as_ref().map(|(from, _, _)| from.year);
    }
    contacts(norm, &mut f);
    f.cited = citations(norm);
    f
}

/// `key: value` pairs of furniture header lines, value as a trimmed range. Several fields
/// may share a line; each value runs to the next field's key.
fn header_fields(
    norm: &str,
    lines: &[Line],
    furniture: &Furniture,
) -> Vec<(&'static str, Range<usize>)> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !furniture.is.get(i).copied().unwrap_or(false) {
            continue;
        }
        let t = line.text(norm);
        // every `key:` on the line, at a field boundary: found from each colon backwards
        let mut keys: Vec<(usize, usize, &'static str)> = Vec::new();
        for (colon, _) in t.match_indices(':') {
            let before = t[..colon].trim_end();
            let key = crate::lexicon::page::HEADER_KEYS
                .iter()
                .filter(|k| before.ends_with(*k))
                .filter(|k| {
                    let at = before.len() - k.len();
                    at == 0 || t[..at].ends_with([' ', '\t', '•', '·'])
                })
                .max_by_key(|k| k.len());
            if let Some(key) = key {
                keys.push((before.len() - key.len(), colon + 1, key));
            }
        }
        keys.sort_by_key(|&(at, _, key)| (at, std::cmp::Reverse(key.len())));
        keys.dedup_by_key(|k| k.0);
        for (n, &(_, value_start, key)) in keys.iter().enumerate() {
            let value_end = keys.get(n + 1).map_or(t.len(), |k| k.0);
            let raw = &t[value_start..value_end.max(value_start)];
            let v = raw.trim();
            let s = line.range.start + value_start + (raw.len() - raw.trim_start().len());
            out.push((key, s..s + v.len()));
        }
    }
    out
}

fn first_token(norm: &str, r: Range<usize>) -> Range<usize> {
    let v = &norm[r.clone()];
    let n = v.find([' ', '\t']).unwrap_or(v.len());
    r.start..r.start + n
}

/// The year a title names: 2020年… → 2020.
fn title_year(t: &str) -> Option<i32> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let ok = b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && t.get(i + 4..).is_some_and(|r| r.starts_with('年'));
        ok.then(|| t[i..i + 4].parse().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y))
    })
}

/// The body named before the year in the title: 衢州市人民政府|2019年… → 衢州市人民政府.
fn title_agency(norm: &str, t: &Title) -> Option<Range<usize>> {
    let text = &norm[t.range.clone()];
    let cut = text
        .char_indices()
        .find(|&(i, _)| starts_with_year(&text[i..]))
        .map(|(i, _)| i)?;
    let agency = text[..cut].trim_end_matches(['\n', ' ']);
    // 某市人民政府办公室关于某市2021年…: the body is what stands before 关于
    let agency = agency.find("关于").map_or(agency, |p| &agency[..p]);
    if char_len(agency) >= 2 {
        return Some(t.range.start..t.range.start + agency.len());
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
    (char_len(body) >= 2 && crate::page::title::is_agency_line(body))
        .then(|| start..start + body.len())
}

/// A name that is a whole body (…人民政府, …办公室), not just a place (昭通市).
fn is_full_body(s: &str) -> bool {
    [
        "政府",
        "办公室",
        "办公厅",
        "局",
        "委员会",
        "厅",
        "中心",
        "院",
        "管委会",
        "办",
    ]
    .iter()
    .any(|x| s.ends_with(x))
}

/// The site's name in the navigation above the title (沧州市人民政府).
fn site_name(
    norm: &str,
    lines: &[Line],
    furniture: &Furniture,
    title: Option<&Title>,
) -> Option<Range<usize>> {
    let end = title.map_or(lines.len().min(10), |t| t.lines.start);
    lines[..end]
        .iter()
        .enumerate()
        .find(|(i, l)| {
            furniture.is[*i] && is_agency_line(l.text(norm)) && is_full_body(l.text(norm))
        })
        .map(|(_, l)| l.range.clone())
}

/// The signing body: an agency line among the last lines.
fn signature_agency(norm: &str, lines: &[Line]) -> Option<Range<usize>> {
    lines
        .iter()
        .rev()
        .filter(|l| !l.is_blank())
        .take(6)
        .find(|l| is_agency_line(l.text(norm)))
        .map(|l| l.range.clone())
}

/// `来源:昭通市人民政府   2021-03-15 17:25:46`: the page's timestamp on a header line.
fn source_line_date(norm: &str, lines: &[Line], furniture: &Furniture) -> Option<Date> {
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| furniture.kind_of(*i) == Some("header"))
        .find_map(|(_, l)| dates::find_all(l.text(norm)).first().map(|d| d.1))
}

/// A date standing alone on one of the last lines: the signature date.
fn signature_date(norm: &str, lines: &[Line], furniture: &Furniture) -> Option<Date> {
    lines
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, l)| !l.is_blank() && !furniture.is[*i])
        .take(4)
        .find_map(|(_, l)| {
            let t = l.text(norm);
            dates::parse(t)
                .filter(|(_, len)| *len + 3 >= t.len())
                .map(|(d, _)| d)
        })
}

/// The statistical period: 2019年1月1日到12月31日, 2019年1月1日至2019年12月31日.
fn period(norm: &str, dates: &[(usize, Date, usize)]) -> Option<(Date, Date, Range<usize>)> {
    for &(at, from, len) in dates {
        let after = &norm[at + len..];
        let rest = after.strip_prefix('起').unwrap_or(after).trim_start();
        let Some(r) = ["至", "到", "-", "~", "—"]
            .iter()
            .find_map(|s| rest.strip_prefix(s))
        else {
            continue;
        };
        let r = r.trim_start();
        let sep = after.len() - r.len();
        let (to, tlen) = match dates::parse(r) {
            Some(x) => x,
            None => {
                // 12月31日 without the year
                let Some((m, lm)) = dates::digits(r) else {
                    continue;
                };
                let Some(r2) = r[lm..].strip_prefix('月') else {
                    continue;
                };
                let Some((d, ld)) = dates::digits(r2) else {
                    continue;
                };
                let tail = if r2[ld..].starts_with('日') { 3 } else { 0 };
                match Date::new(from.year, m, d) {
                    Some(to) => (to, lm + 3 + ld + tail),
                    None => continue,
                }
            }
        };
        if to > from && to.year - from.year <= 1 {
            return Some((from, to, at..at + len + sep + tlen));
        }
    }
    None
}

fn contacts(norm: &str, f: &mut Found) {
    let b = norm.as_bytes();
    let email_char = |ch: char| ch.is_ascii_alphanumeric() || "._-+".contains(ch);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            // phone numbers: runs of digits
            c if c.is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) => {
                if let Some(len) = phone_len(&norm[i..]) {
                    f.phones.push(i..i + len);
                    i += len;
                    continue;
                }
            }
            b'@' => {
                let start = norm[..i]
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| !email_char(*ch))
                    .map_or(0, |(p, ch)| p + ch.len_utf8());
                let end = norm[i + 1..]
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ".-".contains(ch)))
                    .map_or(norm.len(), |p| i + 1 + p);
                let addr = norm[start..end].trim_end_matches('.');
                if start < i && addr.len() > i - start + 3 && addr[i - start..].contains('.') {
                    f.emails.push(start..start + addr.len());
                }
            }
            b'h' | b'w' => {
                let rest = &norm[i..];
                if rest.starts_with("http://")
                    || rest.starts_with("https://")
                    || rest.starts_with("www.")
                {
                    let end = rest
                        .find(|ch: char| !ch.is_ascii_graphic() || ch == ')' || ch == '(')
                        .map_or(norm.len(), |p| i + p);
                    let url = norm[i..end].trim_end_matches(['.', ',', ';', ')']);
                    if url.len() > 6 {
                        f.websites.push(i..i + url.len());
                    }
                    i = end.max(i + 1);
                    continue;
                }
            }
            // 地址: (also 通讯地址:, 办公地址:) — 地 is E5 9C B0
            0xE5 if norm[i..].starts_with("地址:") => {
                let s = i + "地址:".len();
                let e = norm[s..]
                    .find([',', '。', ';', '\n', ')', ' '])
                    .map_or(norm.len(), |p| s + p);
                if e > s {
                    f.addresses.push(s..e);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Phone numbers: 0570-3087586, (0570)3087586, 0570 3087586, 13812345678, 12345 is not one.
fn phone_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
        return Some(11);
    }
    if b[0] == b'0' && (3..=4).contains(&n) {
        let sep = b.get(n).copied()?;
        if sep == b'-' || sep == b' ' {
            let m = b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if (7..=8).contains(&m) && b.get(n + 1 + m).is_none_or(|c| !c.is_ascii_digit()) {
                return Some(n + 1 + m);
            }
        }
    }
    None
}

/// 《title》 with an optional document number after it, and bare document numbers.
fn citations(norm: &str) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    let mut i = 0;
    while let Some(p) = norm[i..].find('《') {
        let s = i + p;
        let Some(q) = norm[s..].find('》') else {
            break;
        };
        let e = s + q + '》'.len_utf8();
        if norm[s..e].contains('\n') || char_len(&norm[s..e]) > 120 {
            i = s + '《'.len_utf8();
            continue;
        }
        let title = s + '《'.len_utf8()..e - '》'.len_utf8();
        // A number right after, possibly in brackets: 《…》(国办发[2019]14号)
        let after = &norm[e..];
        let skip = after.len() - after.trim_start_matches(['(', ' ']).len();
        let (number, number_range, end) = match doc_number(&norm[e + skip..]) {
            Some((num, len)) => {
                let ne = e + skip + len;
                let close = if norm[ne..].starts_with(')') { 1 } else { 0 };
                (Some(num), Some(e + skip..ne), ne + close)
            }
            None => (None, None, e),
        };
        out.push(Cited {
            title: Some(title),
            number,
            number_range,
            range: s..end,
        });
        i = end;
    }
    // Bare numbers not already taken by a title.
    let mut next_free = 0;
    let brackets = norm
        .bytes()
        .enumerate()
        .filter(|&(_, c)| c == b'[' || c == b'(')
        .map(|(j, _)| j);
    for j in brackets {
        if j < next_free {
            continue;
        }
        {
            // Walk back over the issuer's characters.
            let start = norm[..j]
                .char_indices()
                .rev()
                .take_while(|(_, c)| crate::scan::chars::is_cjk(*c))
                .take(12)
                .last()
                .map_or(j, |(p, _)| p);
            if let Some((num, len)) = doc_number(&norm[start..]) {
                let r = start..start + len;
                if !out
                    .iter()
                    .any(|c| c.range.start <= r.start && r.end <= c.range.end)
                {
                    out.push(Cited {
                        title: None,
                        number: Some(num),
                        number_range: Some(r.clone()),
                        range: r.clone(),
                    });
                }
                next_free = r.end;
            }
        }
    }
    out.sort_by_key(|c| c.range.start);
    out
}

/// A document number at the start of `s`: issuer characters, [year] or (year), serial, 号.
/// Returns the normalized form and the byte length.
pub fn doc_number(s: &str) -> Option<(String, usize)> {
    let issuer_len: usize = s
        .chars()
        .take_while(|c| crate::scan::chars::is_cjk(*c))
        .take(14)
        .map(char::len_utf8)
        .sum();
    let issuer = &s[..issuer_len];
    let r = &s[issuer_len..];
    let close = match r.chars().next()? {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let (year, ly) = dates::digits(&r[1..])?;
    if ly != 4 || !(1949..=2100).contains(&year) || !r[1 + ly..].starts_with(close) {
        return None;
    }
    let r2 = &r[2 + ly..];
    let sp = r2.len() - r2.trim_start_matches(' ').len();
    let (serial, ls) = dates::digits(&r2[sp..])?;
    let r3 = &r2[sp + ls..];
    let sp2 = r3.len() - r3.trim_start_matches(' ').len();
    if !r3[sp2..].starts_with('号') {
        return None;
    }
    let len = issuer_len + 2 + ly + sp + ls + sp2 + '号'.len_utf8();
    Some((format!("{issuer}〔{year}〕{serial}号"), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_in_every_bracket_and_spacing() {
        assert_eq!(
            doc_number("国办发[2019]14 号"),
            Some(("国办发〔2019〕14号".into(), "国办发[2019]14 号".len()))
        );
        assert_eq!(
            doc_number("浙政办发(2019)37号").map(|x| x.0),
            Some("浙政办发〔2019〕37号".into())
        );
        assert_eq!(
            doc_number("[2021]30号").map(|x| x.0),
            Some("〔2021〕30号".into())
        );
        assert_eq!(doc_number("国办发[2019]"), None);
    }

    #[test]
    fn phones_are_recognised_but_hotlines_are_not() {
        assert_eq!(phone_len("0570-3087586,"), Some(12));
        assert_eq!(phone_len("13812345678"), Some(11));
        assert_eq!(phone_len("12345政务服务热线"), None);
    }

    #[test]
    fn period_with_and_without_second_year() {
        let p = |s: &str| period(s, &dates::find_all(s));
        let (a, b, _) = p("统计期限自2021年1月1日起至2021年12月31日止").unwrap();
        assert_eq!(
            (a.iso(), b.iso()),
            ("2021-01-01".into(), "2021-12-31".into())
        );
        let (a, b, _) = p("数据统计期限从2019年1月1日到12月31日止").unwrap();
        assert_eq!(
            (a.iso(), b.iso()),
            ("2019-01-01".into(), "2019-12-31".into())
        );
        let (a, b, _) = p("2020年1月1日至2020年12月31日").unwrap();
        assert_eq!(
            (a.iso(), b.iso()),
            ("2020-01-01".into(), "2020-12-31".into())
        );
    }

    #[test]
    fn the_agency_in_a_title_stops_before_guanyu() {
        let agency = |norm: &str| {
            let t = Title {
                range: 0..norm.len(),
                lines: 0..1,
                text: norm.to_owned(),
            };
            title_agency(norm, &t).map(|r| norm[r].to_owned())
        };
        assert_eq!(
            agency("某市人民政府办公室关于某市2021年政府信息公开工作年度报告").as_deref(),
            Some("某市人民政府办公室")
        );
        assert_eq!(
            agency("衢州市人民政府2019年政府信息公开工作年度报告").as_deref(),
            Some("衢州市人民政府")
        );
    }

    #[test]
    fn title_year_is_the_four_digits_before_nian() {
        assert_eq!(
            title_year("衢州市人民政府2019年政府信息公开工作年度报告"),
            Some(2019)
        );
        assert_eq!(title_year("政府信息公开工作年度报告"), None);
    }
}
