//! Document metadata: title, issuing body, year covered, publication date, 索引号, 文号, the
//! statistical period, contact details and cited documents.
//!
//! Sources, in order of trust: the title; the opening sentences and the body's own naming
//! (`page::agency`); the signature at the end; the page's header fields (发布机构, 发布日期 …,
//! which the furniture stage set aside but which still describe the page — 发布机构 and 来源
//! name the office that posted it, so they name the body only when nothing else does). The
//! year is the title's, else the opening's, else the statistical period's, else the year the
//! body speaks of most. A publication date that cannot be the report's (before the covered
//! year ends, for an annual report; before the text was signed) is set aside with a note.
//! Works on the normalized text; spans are normalized byte ranges that the assembly stage
//! maps back to the input. Never fails: what is not found is `None`.

use crate::page::agency::{self, Opening};
use crate::page::furniture::Furniture;
use crate::page::title::Title;
use crate::scan::chars::{char_len, head};
use crate::scan::dates::{self, Date};
use crate::scan::patterns;
use crate::text::lines::Line;
use memchr::memmem;
use std::ops::Range;
use std::sync::LazyLock;

/// Metadata found, with normalized byte ranges.
#[derive(Debug, Default)]
pub struct Found {
    pub agency: Option<String>,
    /// Where the agency was read (normalized range), to report it as written.
    pub agency_range: Option<Range<usize>>,
    /// Which source named the agency: `title`, `opening`, `alias`, `signature`, `subject`,
    /// `header`, `site`.
    pub agency_source: Option<&'static str>,
    pub year: Option<i32>,
    /// The year the title gives (the report's own year when there is one).
    pub title_year: Option<i32>,
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
    /// What the opening sentences say (year, annual report, the body).
    pub opening: Opening,
    /// Notes on metadata set aside or not found (Chinese, for people).
    pub notes: Vec<String>,
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

/// Header fields that name the office that posted the page, most specific first.
const POSTER_KEYS: &[&str] = &[
    "发布机构",
    "发文机关",
    "发文机构",
    "发布单位",
    "来源",
    "信息来源",
    "文章来源",
];

/// Words of a document's title that make it an annual report.
pub fn title_is_annual(t: &str) -> bool {
    t.contains("年度报告") || t.contains("年报")
}

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
    let joined = agency::Joined::new(norm, lines, furniture, title, 2400);
    f.opening = agency::opening(&joined);
    f.period = patterns::period(norm, dates);

    // Year: the title's, else the opening's, else the statistical period's, else the body's.
    f.title_year = title.and_then(|t| title_year(&t.text));
    f.year = f
        .title_year
        .or(f.opening.year.as_ref().map(|y| y.0))
        .or(f.period.as_ref().map(|(from, _, _)| from.year))
        .or_else(|| body_year(norm, joined.start()));

    // Agency.
    let poster = POSTER_KEYS.iter().find_map(|k| {
        field(k)
            .map(|r| first_token(norm, r))
            .filter(|r| char_len(&norm[r.clone()]) >= 2)
    });
    let (named, note) = agency::find(&agency::Sources {
        norm,
        lines,
        furniture,
        title,
        opening: &f.opening,
        joined: &joined,
        poster,
    });
    if let Some(n) = named {
        f.agency = Some(norm[n.range.clone()].to_owned());
        f.agency_range = Some(n.range);
        f.agency_source = Some(n.source);
    }
    f.notes.extend(note);

    // Publication date.
    let annual =
        title.is_some_and(|t| title_is_annual(&t.text)) || title.is_none() && f.opening.annual;
    published(norm, lines, furniture, title, &header, annual, &mut f);

    f.index_number = field("索引号")
        .or_else(|| field("信息索引号"))
        .and_then(|r| {
            patterns::index_number(&norm[r.clone()]).map(|m| r.start + m.start..r.start + m.end)
        });
    f.doc_number = field("文号")
        .or_else(|| field("发文字号"))
        .filter(|r| !r.is_empty())
        .map(|r| first_token(norm, r));
    f.phones = patterns::phones(norm);
    f.emails = patterns::emails(norm);
    f.websites = patterns::websites(norm);
    f.addresses = patterns::addresses(norm);
    f.cited = citations(norm);
    f
}

/// The publication date: header fields, then the page's time, then the signature, each
/// checked against what the text says of itself.
fn published(
    norm: &str,
    lines: &[Line],
    furniture: &Furniture,
    title: Option<&Title>,
    header: &[(&'static str, Range<usize>)],
    annual: bool,
    f: &mut Found,
) {
    let signed = agency::signature_date(norm, lines, furniture)
        .and_then(|r| dates::parse(&norm[r]).map(|(d, _)| d))
        .or_else(|| signature_date(norm, lines, furniture));
    let mut candidates: Vec<(Date, &'static str)> = Vec::new();
    for key in DATE_KEYS {
        if let Some((_, r)) = header.iter().find(|(k, _)| k == key) {
            if let Some((d, _)) = dates::parse(&norm[r.clone()]) {
                candidates.push((d, key));
            }
        }
    }
    if let Some(d) =
        source_line_date(norm, lines, furniture).or_else(|| under_title(norm, lines, title))
    {
        candidates.push((d, "页面时间"));
    }
    if let Some(d) = signed {
        candidates.push((d, "落款"));
    }
    // Where the page's own address dates it and the signature agrees, the header's
    // differing date is the page's, not the report's.
    let address = patterns::address_date(norm);
    // The same date read twice (发布时间 and the header line's time) is one candidate.
    candidates.dedup_by_key(|c| c.0);
    // The year covered: the statistical period's when one is stated (some titles carry the
    // year of publication: 2022年…年度报告 for the data of 2021).
    let covered = f.period.as_ref().map(|p| p.1.year).or(f.year);
    for (d, source) in candidates {
        let why = if let Some(y) = covered {
            if annual && d <= Date::new(y, 12, 31).unwrap_or(d) {
                Some(format!(
                    "{source} {} 早于所报告的{y}年度结束，不可能是年度报告的发布日期（可能是网站的占位日期），未采用。",
                    d.iso()
                ))
            } else if d < Date::new(y, 1, 1).unwrap_or(d) {
                Some(format!("{source} {} 早于所报告的{y}年，未采用。", d.iso()))
            } else {
                None
            }
        } else {
            None
        };
        let why = why.or_else(|| match signed {
            Some(s) if source != "落款" && d < s => Some(format!(
                "{source} {} 早于落款日期 {}，未采用。",
                d.iso(),
                s.iso()
            )),
            Some(s) if source != "落款" && d != s && address == Some(s) => Some(format!(
                "{source} {} 与落款日期 {} 不同，网页地址中的日期与落款一致，采用落款日期。",
                d.iso(),
                s.iso()
            )),
            _ => None,
        });
        match why {
            Some(note) => f.notes.push(note),
            None => {
                f.published = Some(d);
                f.published_source = Some(source);
                return;
            }
        }
    }
}

/// The year the body speaks of most (the first of equals), from its first 2000 characters:
/// a last resort when neither the title, the opening nor a period gives it.
fn body_year(norm: &str, from: usize) -> Option<i32> {
    let region = crate::scan::chars::head(norm.get(from..).unwrap_or(""), 2000);
    let mut counts: Vec<(i32, usize, usize)> = Vec::new();
    let b = region.as_bytes();
    for (i, _) in region.match_indices('年') {
        if i < 4
            || !b[i - 4..i].iter().all(u8::is_ascii_digit)
            || (i >= 5 && b[i - 5].is_ascii_digit())
        {
            continue;
        }
        let Ok(y) = region[i - 4..i].parse::<i32>() else {
            continue;
        };
        if !(1990..=2100).contains(&y) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == y) {
            Some(c) => c.1 += 1,
            None => counts.push((y, 1, i)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|c| c.0)
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
            // `来源:` alone, its value on the next line (a layout broke the field): a short
            // line that is no field itself.
            let last = n + 1 == keys.len();
            let next = lines.get(i + 1).filter(|l| {
                let nt = l.text(norm);
                let short = (2..=20).contains(&char_len(nt));
                short
                    && !nt.contains(':')
                    && !nt.contains(['。', ','])
                    && crate::scan::headings::parse(nt, None).is_none()
            });
            match next {
                Some(l) if v.is_empty() && last => out.push((key, l.range.clone())),
                _ => out.push((key, s..s + v.len())),
            }
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

/// `来源:昭通市人民政府   2021-03-15 17:25:46`: the page's timestamp on a header line.
fn source_line_date(norm: &str, lines: &[Line], furniture: &Furniture) -> Option<Date> {
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| furniture.kind_of(*i) == Some("header"))
        .find_map(|(_, l)| dates::find_all(l.text(norm)).first().map(|d| d.1))
}

/// A date standing alone (or in brackets) on one of the two lines under the title.
fn under_title(norm: &str, lines: &[Line], title: Option<&Title>) -> Option<Date> {
    let t = title?;
    lines
        .iter()
        .skip(t.lines.end)
        .filter(|l| !l.is_blank())
        .take(2)
        .find_map(|l| {
            let s = l.text(norm).trim_matches(['(', ')', ' ']);
            dates::parse(s)
                .filter(|(_, len)| *len + 3 >= s.len())
                .map(|(d, _)| d)
        })
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

/// 《title》 with an optional document number after it, and bare document numbers.
fn citations(norm: &str) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    // (searched over the whole text: the searchers are built once)
    static OPEN: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("《"));
    static CLOSE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("》"));
    let mut i = 0;
    while let Some(p) = OPEN.find(&norm.as_bytes()[i..]) {
        let s = i + p;
        // A title is at most 120 characters: its close is looked for that far (160 characters
        // of Chinese text, at least 120 of any), not to the end of the text.
        let Some(q) = CLOSE.find(head(&norm[s..], 160).as_bytes()) else {
            i = s + '《'.len_utf8();
            continue;
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
        let (number, number_range, end) = match patterns::doc_number_at_start(&norm[e + skip..]) {
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
    for (r, num) in patterns::doc_numbers(norm) {
        if !out
            .iter()
            .any(|c| c.range.start <= r.start && r.end <= c.range.end)
        {
            out.push(Cited {
                title: None,
                number: Some(num),
                number_range: Some(r.clone()),
                range: r,
            });
        }
    }
    out.sort_by_key(|c| c.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_year_is_the_four_digits_before_nian() {
        assert_eq!(
            title_year("衢州市人民政府2019年政府信息公开工作年度报告"),
            Some(2019)
        );
        assert_eq!(title_year("政府信息公开工作年度报告"), None);
    }

    #[test]
    fn citations_titles_numbers_and_unclosed_brackets() {
        let long = "长".repeat(130);
        let norm = format!(
            "依据《条例》(国办发[2019]14号)和《{long}》,国办发[2020]3号。《未闭合{long}《规定》。"
        );
        let c = citations(&norm);
        let titles: Vec<&str> = c
            .iter()
            .filter_map(|c| c.title.clone().map(|r| &norm[r]))
            .collect();
        // a title over 120 characters is no title, and a bracket left open does not hide the
        // titles after it
        assert_eq!(titles, ["条例", "规定"]);
        assert_eq!(c[0].number.as_deref(), Some("国办发〔2019〕14号"));
        assert_eq!(c[1].number.as_deref(), Some("国办发〔2020〕3号"));
        let text = "《一》".repeat(3) + &"《".repeat(50) + "《二》";
        assert_eq!(citations(&text).len(), 4);
    }
}
