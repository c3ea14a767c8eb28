//! Pattern-shaped rules as regular expressions, compiled once (`LazyLock`): document numbers
//! (国办发〔2019〕14号), 索引号, phone numbers, e-mail and web addresses, postal addresses, the
//! statistical period, the dates that CMS page addresses carry (`…/t20220307_1762786.htm`).
//!
//! They run on the normalized text (half-width digits and punctuation, `〔〕` folded to `[]`,
//! dashes to `-`), so each pattern has one form of every character. The `regex` crate is
//! built without its Unicode tables (see docs/performance.md): classes are written as
//! explicit ranges (`[0-9]`, `[一-鿿]`), never `\d`, `\w` or `\p{…}`.
//! Each search starts where a literal stands (a bracket, `http`, `@`, 地址:, a digit run that
//! could be a phone number): the regex is matched anchored on a short slice from there. The
//! regex crate is built without its literal prefilters (aho-corasick: the page's size), so an
//! unanchored search would walk the whole text byte by byte; `str::match_indices` finds the
//! literals faster than that.
//! Guarantee: every function returns byte ranges of `s` on character boundaries, in order,
//! not overlapping.

use crate::scan::dates::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The slice of `s` from `at`, at most `n` characters of Chinese text long.
fn from(s: &str, at: usize, n: usize) -> &str {
    crate::scan::chars::head(&s[at..], n)
}

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file, checked by its tests.
    Regex::new(pattern).expect("valid pattern")
}

/// CJK ideographs of the blocks reports use (the range of [`crate::scan::chars::is_cjk`]).
pub const CJK: &str = "一-鿿㐀-䶿豈-﫿";

/// A document number's year in brackets, serial and 号 (`[2019]14号`): the issuer before it
/// (up to 14 ideographs, 国办发) is read backwards by hand, so that the search starts from a
/// literal bracket (a regex starting with a class of ideographs would walk the whole text).
static DOC_NUMBER: LazyLock<Regex> =
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

/// The normalized form of a number whose issuer is `s[from..m.start()]`.
fn normalized(s: &str, from: usize, c: &regex::Captures) -> Option<(Range<usize>, String)> {
    let all = c.get(0)?;
    let year = c.get(1).or_else(|| c.get(2))?.as_str();
    let y: i32 = year.parse().ok()?;
    if !(1949..=2100).contains(&y) {
        return None;
    }
    let issuer = &s[from..all.start()];
    let serial = c.get(3)?.as_str().trim_start_matches('0');
    let serial = if serial.is_empty() { "0" } else { serial };
    Some((from..all.end(), format!("{issuer}〔{year}〕{serial}号")))
}

/// Every document number (国办发〔2019〕14号, 〔2021〕30号): (range, normalized form
/// `机关代字〔年〕序号号`).
#[cfg(test)]
pub fn doc_numbers(s: &str) -> Vec<(Range<usize>, String)> {
    scan(s).doc_numbers
}

/// A document number whose bracket is at `at`, its issuer not reaching before `floor`.
fn doc_number_at(s: &str, at: usize, floor: usize) -> Option<(Range<usize>, String)> {
    // a bracket, four digits, the closing bracket: checked on bytes before the regex
    let b = s.as_bytes();
    let close = if b[at] == b'[' { b']' } else { b')' };
    let year = b.get(at + 1..at + 5)?;
    if !year.iter().all(u8::is_ascii_digit) || b.get(at + 5) != Some(&close) {
        return None;
    }
    let c = DOC_NUMBER.captures(from(s, at, 24))?;
    let all = c.get(0)?;
    let start = issuer_start(s, at, floor);
    // the captures are of the slice from `at`
    let (_, form) = normalized(&s[at..], 0, &c)?;
    Some((start..at + all.end(), format!("{}{form}", &s[start..at])))
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
    let c = DOC_NUMBER.captures(rest)?;
    if c.get(0)?.start() != 0 {
        return None;
    }
    let (_, form) = normalized(rest, 0, &c)?;
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
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\(0[0-9]{2,3}\) ?[0-9]{7,8}|0[0-9]{2,3}[- ][0-9]{7,8}|1[3-9][0-9]{9})")
});

#[cfg(test)]
pub fn phones(s: &str) -> Vec<Range<usize>> {
    scan(s).phones
}

/// A phone number starting at `i`.
fn phone_at(s: &str, i: usize) -> Option<Range<usize>> {
    let b = s.as_bytes();
    // a phone starts with `(0`, a run of 3–4 digits from 0 then a dash or space, or a run of
    // 11 digits from 1: checked on bytes before the regex
    let run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let after_digit = i > 0 && b[i - 1].is_ascii_digit();
    let start = match b[i] {
        b'(' => b.get(i + 1) == Some(&b'0'),
        b'0' if !after_digit => {
            let n = run(i);
            (3..=4).contains(&n) && matches!(b.get(i + n), Some(b'-' | b' '))
        }
        b'1' if !after_digit => run(i) == 11,
        _ => false,
    };
    if !start {
        return None;
    }
    let m = PHONE.find(from(s, i, 20))?;
    let end = i + m.end();
    (!b.get(end).is_some_and(u8::is_ascii_digit)).then_some(i..end)
}

/// E-mail addresses: smgkb@126.com.
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9._+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"));

#[cfg(test)]
pub fn emails(s: &str) -> Vec<Range<usize>> {
    scan(s).emails
}

/// The e-mail address around the `@` at `at`, starting at or after `floor`.
fn email_at(s: &str, at: usize, floor: usize) -> Option<Range<usize>> {
    // the name before the @: ASCII only, so byte steps are characters
    let b = s.as_bytes();
    let mut start = at;
    while start > floor && start + 64 > at {
        let c = b[start - 1];
        if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'+' | b'-') {
            start -= 1;
        } else {
            break;
        }
    }
    let m = EMAIL.find(from(s, start, 128))?;
    let t = m.as_str().trim_end_matches(['.', '-']);
    (m.start() == 0).then_some(start..start + t.len())
}

/// Web addresses: http://…, https://…, www.… up to the first character that is not
/// printable ASCII or is a bracket; trailing punctuation is not part of it.
static WEBSITE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:[Hh][Tt][Tt][Pp][Ss]?://|www\.)[!-'*-~]+"));

pub fn websites(s: &str) -> Vec<Range<usize>> {
    scan(s).websites
}

/// A web address starting at `at`.
fn website_at(s: &str, at: usize) -> Option<Range<usize>> {
    let rest = &s.as_bytes()[at..];
    if !(rest.len() > 7 && (rest[..4].eq_ignore_ascii_case(b"http") || rest.starts_with(b"www."))) {
        return None;
    }
    let m = WEBSITE.find(&s[at..])?;
    let t = m.as_str().trim_end_matches(['.', ',', ';', ')']);
    (t.len() > 6).then_some(at..at + t.len())
}

/// Postal addresses after 地址: (also 通讯地址:, 办公地址:), up to the next delimiter.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| re(r"^地址:([^,。;\n) ]+)"));

#[cfg(test)]
pub fn addresses(s: &str) -> Vec<Range<usize>> {
    scan(s).addresses
}

/// The postal address after the 地址: at `at`.
fn address_at(s: &str, at: usize) -> Option<Range<usize>> {
    if !s[at..].starts_with("地址:") {
        return None;
    }
    let c = ADDRESS.captures(from(s, at, 80))?;
    c.get(1).map(|m| at + m.start()..at + m.end())
}

/// What one pass over the text finds: phone numbers, e-mail, web and postal addresses,
/// document numbers (each list in text order, not overlapping).
#[derive(Debug, Default)]
pub struct Scan {
    pub phones: Vec<Range<usize>>,
    pub emails: Vec<Range<usize>>,
    pub websites: Vec<Range<usize>>,
    pub addresses: Vec<Range<usize>>,
    pub doc_numbers: Vec<(Range<usize>, String)>,
}

/// One pass over the bytes of `s`: at each byte that can start one of the patterns (a
/// bracket, 0 or 1, `@`, `h`/`w`, the first byte of 地), that pattern is tried there.
pub fn scan(s: &str) -> Scan {
    let b = s.as_bytes();
    let mut out = Scan::default();
    // where each kind may next start: matches of one kind do not overlap
    let (mut phone_free, mut mail_free, mut web_free, mut doc_free) = (0, 0, 0, 0);
    for i in 0..b.len() {
        match b[i] {
            b'[' | b'(' => {
                if i >= doc_free {
                    if let Some((r, form)) = doc_number_at(s, i, doc_free) {
                        doc_free = r.end;
                        out.doc_numbers.push((r, form));
                    }
                }
                if b[i] == b'(' && i >= phone_free {
                    if let Some(r) = phone_at(s, i) {
                        phone_free = r.end;
                        out.phones.push(r);
                    }
                }
            }
            b'0' | b'1' if i >= phone_free => {
                if let Some(r) = phone_at(s, i) {
                    phone_free = r.end;
                    out.phones.push(r);
                }
            }
            b'@' => {
                if let Some(r) = email_at(s, i, mail_free) {
                    mail_free = r.end;
                    out.emails.push(r);
                }
            }
            b'h' | b'H' | b'w' if i >= web_free => {
                if let Some(r) = website_at(s, i) {
                    web_free = r.end;
                    out.websites.push(r);
                }
            }
            // 地 is E5 9C B0
            0xE5 if b.get(i + 1) == Some(&0x9C) => out.addresses.extend(address_at(s, i)),
            _ => {}
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
