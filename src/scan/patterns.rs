//! Pattern-shaped rules as regular expressions, compiled once (`LazyLock`): document numbers
//! (国办发〔2019〕14号), 索引号, phone numbers, e-mail and web addresses, postal addresses, the
//! statistical period, the dates that CMS page addresses carry (`…/t20220307_1762786.htm`).
//!
//! They run on the normalized text (half-width digits and punctuation, `〔〕` folded to `[]`,
//! dashes to `-`), so each pattern has one form of every character. The `regex` crate is
//! built without its Unicode tables (see docs/performance.md): classes are written as
//! explicit ranges (`[0-9]`, `[一-鿿]`), never `\d`, `\w` or `\p{…}`.
//! Guarantee: every function returns byte ranges of `s` on character boundaries, in order,
//! not overlapping.

use crate::scan::dates::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file, checked by its tests.
    Regex::new(pattern).expect("valid pattern")
}

/// CJK ideographs of the blocks reports use (the range of [`crate::scan::chars::is_cjk`]).
pub const CJK: &str = "一-鿿㐀-䶿豈-﫿";

/// A match of a pattern anchored with `^`, tried at one place of a text: its groups' ranges
/// are ranges of that text.
pub struct MatchAt<'h> {
    /// Where the whole match starts in the text (before `base` when the unanchored pattern
    /// it stands for reads a character first, as `(?:^|[^0-9])2021年` does).
    pub start: usize,
    base: usize,
    caps: regex::Captures<'h>,
}

impl<'h> MatchAt<'h> {
    /// The range of group `i` in the text.
    pub fn range(&self, i: usize) -> Option<Range<usize>> {
        self.caps
            .get(i)
            .map(|m| self.base + m.start()..self.base + m.end())
    }

    /// The text of group `i`.
    pub fn str(&self, i: usize) -> Option<&'h str> {
        self.caps.get(i).map(|m| m.as_str())
    }

    /// Where the whole match ends in the text.
    pub fn end(&self) -> usize {
        self.caps.get(0).map_or(self.base, |m| self.base + m.end())
    }
}

/// The matches `captures_iter` of an unanchored pattern gives — leftmost first, none
/// overlapping the one before — found by trying `anchored` (the same pattern behind `^`) only
/// at the places `at` yields, in ascending order: `(start, base)`, where the whole match would
/// start and where the anchored pattern is tried (the same place unless the unanchored pattern
/// reads a character before its anchored part).
///
/// Exact when every match of the unanchored pattern starts at a place of `at` and the pattern
/// looks at nothing before it (no `\b`, no look-behind): then the leftmost match is the first
/// place where the anchored pattern matches, with the same groups. The page's regex engine has
/// no literal prefilters, so an unanchored search walks its whole haystack; this walks only
/// from each place until the pattern fails, usually within a few bytes.
pub fn matches_at<'h>(
    anchored: &'static Regex,
    hay: &'h str,
    at: impl Iterator<Item = (usize, usize)>,
) -> impl Iterator<Item = MatchAt<'h>> {
    let mut floor = 0;
    at.filter_map(move |(start, base)| {
        if start < floor {
            return None;
        }
        let caps = anchored.captures(hay.get(base..)?)?;
        let m = MatchAt { start, base, caps };
        floor = m.end();
        Some(m)
    })
}

/// `re.captures_iter(hay)` for a pattern none of whose matches starts before `from` and that
/// never matches the empty string: the same matches, the search started at `from`.
pub fn captures_from<'h>(
    re: &'static Regex,
    hay: &'h str,
    from: usize,
) -> impl Iterator<Item = regex::Captures<'h>> {
    let mut at = Some(from);
    std::iter::from_fn(move || {
        let c = re.captures_at(hay, at?)?;
        let m = c.get(0)?;
        at = (m.end() > m.start()).then_some(m.end());
        Some(c)
    })
}

/// Where the years `1900年` … `2099年` of `s` start (four ASCII digits, then 年), in order.
pub fn years_at(s: &str) -> impl Iterator<Item = usize> + '_ {
    static NIAN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("年"));
    let b = s.as_bytes();
    NIAN.find_iter(b).filter_map(move |p| {
        let y = p.checked_sub(4)?;
        let d = &b[y..p];
        (d.iter().all(u8::is_ascii_digit) && matches!(&d[..2], b"19" | b"20")).then_some(y)
    })
}

/// Where the characters `cs` occur in `s`, in order. For up to three distinct last bytes of
/// three-byte characters (现 特 兹 今), a memchr over those bytes, each hit checked; otherwise a
/// walk over the characters.
pub fn chars_at(s: &str, cs: &[char]) -> Vec<usize> {
    let mut last: Vec<u8> = Vec::with_capacity(3);
    let mut fast = true;
    for c in cs {
        let mut buf = [0u8; 4];
        let e = c.encode_utf8(&mut buf).as_bytes();
        fast &= e.len() == 3;
        if !last.contains(&e[e.len() - 1]) {
            last.push(e[e.len() - 1]);
        }
    }
    if !fast || last.is_empty() || last.len() > 3 {
        return s
            .char_indices()
            .filter(|(_, c)| cs.contains(c))
            .map(|(i, _)| i)
            .collect();
    }
    let (x, y, z) = (last[0], last[1.min(last.len() - 1)], last[last.len() - 1]);
    memchr::memchr3_iter(x, y, z, s.as_bytes())
        .filter_map(|p| {
            let start = p.checked_sub(2)?;
            let ch = s.get(start..p + 1)?.chars().next()?;
            cs.contains(&ch).then_some(start)
        })
        .collect()
}

/// A document number's year in brackets, serial and 号 (`[2019]14号`): the issuer before it
/// (up to 14 ideographs, 国办发) is read backwards by hand, so that the search starts from a
/// literal bracket (a regex starting with a class of ideographs would walk the whole text).
/// (Anchored at the start of its haystack: tried only at a bracket.)
static DOC_NUMBER_AT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\[([0-9]{4})\]|\(([0-9]{4})\)) *([0-9]{1,9}) *号"));

/// How far the issuer reaches back from `at`, not before `floor`: up to 14 ideographs.
fn issuer_start(s: &str, at: usize, floor: usize) -> usize {
    s[floor..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| crate::scan::chars::is_cjk(*c))
        .take(14)
        .last()
        .map_or(at, |(p, _)| floor + p)
}

/// The normalized form of a number whose issuer is `s[from..base + m.start()]` (the
/// captures were taken on `s[base..]`).
fn normalized(
    s: &str,
    from: usize,
    base: usize,
    c: &regex::Captures,
) -> Option<(Range<usize>, String)> {
    let all = c.get(0)?;
    let all = base + all.start()..base + all.end();
    let year = c.get(1).or_else(|| c.get(2))?.as_str();
    let y: i32 = year.parse().ok()?;
    if !(1949..=2100).contains(&y) {
        return None;
    }
    let issuer = &s[from..all.start];
    let serial = c.get(3)?.as_str().trim_start_matches('0');
    let serial = if serial.is_empty() { "0" } else { serial };
    Some((from..all.end, format!("{issuer}〔{year}〕{serial}号")))
}

/// Every document number (国办发〔2019〕14号, 〔2021〕30号): (range, normalized form
/// `机关代字〔年〕序号号`).
///
/// A number starts with its bracket: the regex is tried, anchored, only at a `[` or `(` that
/// four digits follow (found by memchr), never run over the whole text — which the page's
/// regex engine, built without literal prefilters, would do.
pub fn doc_numbers(s: &str) -> Vec<(Range<usize>, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut floor = 0;
    for at in memchr::memchr2_iter(b'[', b'(', b) {
        if at < floor
            || !b
                .get(at + 1..at + 5)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        {
            continue;
        }
        let Some(c) = DOC_NUMBER_AT.captures(&s[at..]) else {
            continue;
        };
        let Some(all) = c.get(0) else { continue };
        let from = issuer_start(s, at, floor);
        out.extend(normalized(s, from, at, &c));
        floor = at + all.end();
    }
    out
}

/// A document number at the very start of `s`: normalized form and byte length.
pub fn doc_number_at_start(s: &str) -> Option<(String, usize)> {
    let issuer: usize = s
        .chars()
        .take_while(|c| crate::scan::chars::is_cjk(*c))
        .take(15)
        .map(char::len_utf8)
        .sum();
    if s[..issuer].chars().count() > 14 {
        return None;
    }
    let rest = crate::scan::chars::head(&s[issuer..], 24);
    // (the pattern opens with its bracket: most titles are followed by none)
    if !rest.starts_with(['[', '(']) {
        return None;
    }
    let c = DOC_NUMBER_AT.captures(rest)?;
    let (_, form) = normalized(rest, 0, 0, &c)?;
    let form = format!("{}{form}", &s[..issuer]);
    Some((form, issuer + c.get(0)?.end()))
}

/// An index number (索引号) as CMS write it: letters, digits and `-/_.`, at least 6.
static INDEX_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"[0-9A-Za-z][0-9A-Za-z\-/_.]{5,}"));

/// The index number at the start of a header field's value.
pub fn index_number(value: &str) -> Option<Range<usize>> {
    INDEX_NUMBER
        .find(value)
        .filter(|m| m.start() == 0)
        .map(|m| m.range())
}

/// Phone numbers: 0570-3087586, 0570 3087586, (0570)3087586, 0598-8231086 (a dash of any
/// width is folded to `-`), mobile 13812345678. Not 12345 or 12345热线, not part of a
/// longer digit run (checked by hand: the regex has no look-around).
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\(0[0-9]{2,3}\) ?[0-9]{7,8}|0[0-9]{2,3}[- ][0-9]{7,8}|1[3-9][0-9]{9}"));

/// The phone numbers of `s` ([`PHONE`]). Every number ends in a run of at least seven digits
/// and starts at most seven bytes before that run (`(0570) `): the regex looks only there,
/// from eight bytes before each such run to its end, not over the whole text.
pub fn phones(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    let mut i = 0;
    while i < b.len() {
        match crate::scan::chars::next_digit(b, i) {
            Some(k) => i = k,
            None => break,
        }
        let run = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - run < 7 {
            continue;
        }
        // (`s[..i]`: a match ends in its run of digits; the bytes around a match are read
        // in the whole text)
        // (from the first character boundary: a number starts with an ASCII byte)
        let from = (run.saturating_sub(8)..run)
            .find(|&k| s.is_char_boundary(k))
            .unwrap_or(run);
        at = at.max(from);
        while let Some(m) = PHONE.find_at(&s[..i], at) {
            if in_longer_digit_run(b, m.range()) {
                // look again from the next character
                at = m.start() + 1;
                continue;
            }
            out.push(m.range());
            at = m.end();
        }
    }
    out
}

/// Whether the digits `r` of `b` are part of a longer run of digits (a phone number is
/// never: the regex has no look-around, so this is checked by hand).
fn in_longer_digit_run(b: &[u8], r: Range<usize>) -> bool {
    let before = r.start.checked_sub(1).map(|k| b[k]);
    let after = b.get(r.end).copied();
    before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit())
}

/// E-mail addresses: smgkb@126.com. (The plain form of [`EMAIL_AT`], which the tests hold
/// [`emails`] to.)
#[cfg(test)]
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9._+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"));

/// [`EMAIL`] behind `^`, tried where an address can start.
static EMAIL_AT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Za-z0-9._+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"));

/// The e-mail addresses of `s`. An address's user part is a run of the characters before
/// its `@` (which none of them is): for each `@`, the pattern is tried, anchored, at the start
/// of that run, never over the whole text.
pub fn emails(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let user = |c: u8| c.is_ascii_alphanumeric() || b"._+-".contains(&c);
    let starts = memchr::memchr_iter(b'@', b).filter_map(|at| {
        let from = b[..at].iter().rposition(|&c| !user(c)).map_or(0, |k| k + 1);
        (from < at).then_some(from)
    });
    // (a run that starts inside the last match is clamped to its end, where the plain
    // search would go on)
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut floor = 0;
    for from in starts {
        let from = from.max(floor);
        let Some(c) = s.get(from..).and_then(|rest| EMAIL_AT.find(rest)) else {
            continue;
        };
        let t = c.as_str().trim_end_matches(['.', '-']);
        out.push(from..from + t.len());
        floor = from + c.end();
    }
    out
}

/// Web addresses: http://…, https://…, www.… up to the first character that is not
/// printable ASCII or is a bracket; trailing punctuation is not part of it. (Anchored: tried
/// only where an address can start.)
static WEBSITE_AT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:[Hh][Tt][Tt][Pp][Ss]?://|www\.)[!-'*-~]+"));

/// An address starts four or five bytes before a `://`, or at a `www.`: the regex is tried,
/// anchored, only there (the candidates found by memmem).
pub fn websites(s: &str) -> Vec<Range<usize>> {
    static SCHEME: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("://"));
    static WWW: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("www."));
    let b = s.as_bytes();
    let mut starts: Vec<usize> = SCHEME
        .find_iter(b)
        .flat_map(|p| [p.checked_sub(5), p.checked_sub(4)])
        .flatten()
        .chain(WWW.find_iter(b))
        .collect();
    if starts.is_empty() {
        return Vec::new();
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut floor = 0;
    for at in starts {
        if at < floor || !s.is_char_boundary(at) {
            continue;
        }
        let Some(m) = WEBSITE_AT.find(&s[at..]) else {
            continue;
        };
        let t = m.as_str().trim_end_matches(['.', ',', ';', ')']);
        if t.len() > 6 {
            out.push(at..at + t.len());
        }
        floor = at + m.end();
    }
    out
}

/// Postal addresses after 地址: (also 通讯地址:, 办公地址:), up to the next delimiter (one of
/// `,。;\n) `); the label found by memmem, the value read by hand.
pub fn addresses(s: &str) -> Vec<Range<usize>> {
    static LABEL: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("地址:"));
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(p) = LABEL.find(&s.as_bytes()[at..]) {
        let start = at + p + "地址:".len();
        let len = s[start..]
            .find([',', '。', ';', '\n', ')', ' '])
            .unwrap_or(s.len() - start);
        if len > 0 {
            out.push(start..start + len);
            at = start + len;
        } else {
            at = start;
        }
    }
    out
}

/// The statistical period: 2019年1月1日到12月31日, 2021年1月1日起至2021年12月31日止,
/// 2020-01-01至2020-12-31. Anchored: tried only where a date starts.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^([0-9]{4})(?:年([0-9]{1,2})月([0-9]{1,2})[日号]?|-([0-9]{1,2})-([0-9]{1,2}))",
        r"起? *(?:至|到|-|~) *",
        r"(?:([0-9]{4})(?:年|-))?([0-9]{1,2})(?:月|-)([0-9]{1,2})[日号]?",
    ))
});

/// The first statistical period: from, to, range. `to` after `from`, at most a year apart.
/// `dates` are the text's dates ([`crate::scan::dates::find_all`]): a period starts with one.
pub fn period(s: &str, dates: &[(usize, Date, usize)]) -> Option<(Date, Date, Range<usize>)> {
    dates.iter().find_map(|&(at, _, _)| {
        let c = PERIOD.captures(crate::scan::chars::head(&s[at..], 40))?;
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let fy = n(1)? as i32;
        let from = Date::new(fy, n(2).or(n(4))?, n(3).or(n(5))?)?;
        let ty = n(6).map_or(fy, |y| y as i32);
        let to = Date::new(ty, n(7)?, n(8)?)?;
        let len = c.get(0)?.end();
        (to > from && to.year - from.year <= 1).then_some((from, to, at..at + len))
    })
}

/// A date in a CMS page address: `…/t20220307_1762786.htm`, `…/2022-03-07/…`,
/// `…/20220307/…`. A month folder alone (`…/202203/…`) is no date.
static ADDRESS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"/(?:t|art_|content_)?((?:19|20)[0-9]{2})-?([01][0-9])-?([0-3][0-9])(?:_[0-9]+)?(?:/|\.s?html?|\.shtml|\.jhtml)",
    )
});

/// The date the first page address in `s` carries.
pub fn address_date(s: &str) -> Option<Date> {
    websites(s).into_iter().find_map(|r| {
        let url = &s[r];
        ADDRESS_DATE.captures(url).and_then(|c| {
            let n = |i: usize| c.get(i)?.as_str().parse::<u32>().ok();
            Date::new(n(1)? as i32, n(2)?, n(3)?)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain versions, each regex run over the whole text: the specification of the
    /// prefiltered scans above.
    mod plain {
        use super::super::*;

        pub fn doc_numbers(s: &str) -> Vec<(Range<usize>, String)> {
            let doc_number = re(r"(?:\[([0-9]{4})\]|\(([0-9]{4})\)) *([0-9]{1,9}) *号");
            let mut out = Vec::new();
            let mut floor = 0;
            for c in doc_number.captures_iter(s) {
                let Some(all) = c.get(0) else { continue };
                let from = issuer_start(s, all.start(), floor);
                out.extend(normalized(s, from, 0, &c));
                floor = all.end();
            }
            out
        }

        pub fn phones(s: &str) -> Vec<Range<usize>> {
            let b = s.as_bytes();
            let mut out = Vec::new();
            let mut at = 0;
            while let Some(m) = PHONE.find_at(s, at) {
                if super::in_longer_digit_run(b, m.range()) {
                    at = m.start() + 1;
                    continue;
                }
                out.push(m.range());
                at = m.end();
            }
            out
        }

        pub fn websites(s: &str) -> Vec<Range<usize>> {
            re(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|www\.)[!-'*-~]+")
                .find_iter(s)
                .filter_map(|m| {
                    let t = m.as_str().trim_end_matches(['.', ',', ';', ')']);
                    (t.len() > 6).then(|| m.start()..m.start() + t.len())
                })
                .collect()
        }

        pub fn addresses(s: &str) -> Vec<Range<usize>> {
            re(r"地址:([^,。;\n) ]+)")
                .captures_iter(s)
                .filter_map(|c| c.get(1).map(|m| m.range()))
                .collect()
        }
    }

    proptest::proptest! {
        #[test]
        fn emails_are_found_like_the_plain_pattern_finds_them(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "b1", ".", "-", "+", "_", "@", "com", ".cn", " ", "邮箱", "@@", "x.y"]),
                0..30,
            ),
        ) {
            let s = parts.concat();
            let plain: Vec<Range<usize>> = EMAIL
                .find_iter(&s)
                .map(|m| m.start()..m.start() + m.as_str().trim_end_matches(['.', '-']).len())
                .collect();
            proptest::prop_assert_eq!(emails(&s), plain);
        }

        #[test]
        fn places_of_characters_and_years_are_found_like_a_walk_finds_them(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["现", "特", "兹", "今", "实", "年", "2021", "1999", "3", "x", "😀", "é", "·"]),
                0..40,
            ),
        ) {
            let s = parts.concat();
            for cs in [&['现', '特', '兹', '今'][..], &['现', '年', '实', '·'][..], &['😀', 'x'][..]] {
                let walk: Vec<usize> =
                    s.char_indices().filter(|(_, c)| cs.contains(c)).map(|(i, _)| i).collect();
                proptest::prop_assert_eq!(chars_at(&s, cs), walk);
            }
            let walk: Vec<usize> = s
                .char_indices()
                .filter(|&(i, _)| {
                    let b = s.as_bytes();
                    s[i..].starts_with("年")
                        && i >= 4
                        && b[i - 4..i].iter().all(u8::is_ascii_digit)
                        && matches!(&b[i - 4..i - 2], b"19" | b"20")
                })
                .map(|(i, _)| i - 4)
                .collect();
            proptest::prop_assert_eq!(years_at(&s).collect::<Vec<_>>(), walk);
            for at in 0..=s.len() {
                for n in [0, 1, 3] {
                    let want = s[..s.floor_char_boundary(at)]
                        .char_indices()
                        .rev()
                        .nth(n.max(1) - 1)
                        .map_or(0, |(i, _)| i);
                    let want = if n == 0 { s.floor_char_boundary(at) } else { want };
                    proptest::prop_assert_eq!(crate::scan::chars::back_chars(&s, at, n), want);
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn prefiltered_scans_find_what_the_plain_regexes_find(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "0", "1", "3", "8", "05", "0570", "138", "1234", "-", " ", "(", ")", "[", "]",
                    "2019", "号", "国办发", "发", "地址:", "地址", ":", ",", "。", "\n",
                    "http", "HTTPS", "://", "www.", "w", ".", "gov.cn", "/t20220307_1.htm", "é", "报告",
                ]),
                0..60,
            )
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(doc_numbers(&s), plain::doc_numbers(&s), "{}", s);
            proptest::prop_assert_eq!(phones(&s), plain::phones(&s), "{}", s);
            proptest::prop_assert_eq!(websites(&s), plain::websites(&s), "{}", s);
            proptest::prop_assert_eq!(addresses(&s), plain::addresses(&s), "{}", s);
        }
    }

    #[test]
    fn document_numbers_in_every_bracket_and_spacing() {
        assert_eq!(
            doc_number_at_start("国办发[2019]14 号"),
            Some(("国办发〔2019〕14号".into(), "国办发[2019]14 号".len()))
        );
        assert_eq!(
            doc_number_at_start("浙政办发(2019)37号").map(|x| x.0),
            Some("浙政办发〔2019〕37号".into())
        );
        assert_eq!(
            doc_number_at_start("[2021]30号").map(|x| x.0),
            Some("〔2021〕30号".into())
        );
        assert_eq!(doc_number_at_start("国办发[2019]"), None);
        assert_eq!(doc_number_at_start("([2019]14号"), None);
        let s = "根据《通知》(国办公开办函[2021]30号)要求";
        let found = doc_numbers(s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "国办公开办函〔2021〕30号");
        assert_eq!(&s[found[0].0.clone()], "国办公开办函[2021]30号");
    }

    #[test]
    fn phones_are_recognised_but_hotlines_are_not() {
        let p =
            |s: &str| -> Vec<String> { phones(s).into_iter().map(|r| s[r].to_owned()).collect() };
        assert_eq!(p("电话:0570-3087586,"), ["0570-3087586"]);
        assert_eq!(p("13812345678"), ["13812345678"]);
        assert_eq!(p("联系电话:0598-8231086,电子邮箱"), ["0598-8231086"]);
        assert_eq!(p("(0591)23165385"), ["(0591)23165385"]);
        assert!(p("12345政务服务热线").is_empty());
        assert!(p("编号205703087586123").is_empty());
    }

    #[test]
    fn mail_and_web_addresses() {
        let s = "电子邮箱:smgkb@126.com。网址(http://www.sm.gov.cn)发布";
        let e: Vec<&str> = emails(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(e, ["smgkb@126.com"]);
        let w: Vec<&str> = websites(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(w, ["http://www.sm.gov.cn"]);
        let s = "地址:平潭综合实验区金井湾商务营运中心7号楼14层,邮编";
        let a: Vec<&str> = addresses(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(a, ["平潭综合实验区金井湾商务营运中心7号楼14层"]);
    }

    #[test]
    fn period_with_and_without_second_year() {
        let p = |s: &str| {
            period(s, &crate::scan::dates::find_all(s)).map(|(a, b, _)| (a.iso(), b.iso()))
        };
        assert_eq!(
            p("统计期限自2021年1月1日起至2021年12月31日止"),
            Some(("2021-01-01".into(), "2021-12-31".into()))
        );
        assert_eq!(
            p("数据统计期限从2019年1月1日到12月31日止"),
            Some(("2019-01-01".into(), "2019-12-31".into()))
        );
        assert_eq!(
            p("2020年1月1日至2020年12月31日"),
            Some(("2020-01-01".into(), "2020-12-31".into()))
        );
        assert_eq!(
            p("2020-01-01至2020-12-31"),
            Some(("2020-01-01".into(), "2020-12-31".into()))
        );
        assert_eq!(p("2020年12月31日至2020年1月1日"), None);
    }

    #[test]
    fn dates_in_page_addresses() {
        let d = |s: &str| address_date(s).map(|d| d.iso());
        assert_eq!(
            d("原始链接:https://www.sm.gov.cn/zfxxgkndbg/202203/t20220307_1762786.htm"),
            Some("2022-03-07".into())
        );
        assert_eq!(d("https://x.gov.cn/a/2022/0307/c1.html"), None);
        assert_eq!(d("https://x.gov.cn/zwgk/202003/index.htm"), None);
        assert_eq!(
            d("http://x.gov.cn/art/2021/1/20/art_1229_1.html?x=1 http://y/20210120/x.html"),
            Some("2021-01-20".into())
        );
    }

    #[test]
    fn index_numbers() {
        let v = "11330800002618015K/2020-102110 成文日期";
        assert_eq!(
            index_number(v).map(|r| &v[r]),
            Some("11330800002618015K/2020-102110")
        );
        assert_eq!(index_number(""), None);
    }
}
