//! Dates as reports write them: `2021-03-15 17:25:46`, `2023/01/18`, `2021.3.8`,
//! `2022年07月25日`, `二〇一二年二月二十日`, and month-day tails `12月31日`.
//!
//! Works on normalized text (half-width digits, 〇 for every zero-like circle). Guarantee: a
//! date is returned only when year, month and day are in range; the length returned is the
//! byte length of the matched text (time of day not included).

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        ((1949..=2100).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }
}

/// Reads a run of ASCII digits: value and byte length.
pub fn digits(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 9 {
        return None;
    }
    s[..n].parse().ok().map(|v| (v, n))
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Chinese month or day number: 二, 十, 十二, 二十, 二十一, 三十一.
fn cn_small(s: &str) -> Option<(u32, usize)> {
    let mut it = s.char_indices().peekable();
    let mut val = 0;
    let mut len = 0;
    let mut seen_ten = false;
    while let Some(&(i, c)) = it.peek() {
        if c == '十' && !seen_ten {
            val = if val == 0 { 10 } else { val * 10 };
            seen_ten = true;
        } else if let Some(d) = cn_digit(c) {
            if seen_ten {
                val += d;
            } else if val != 0 {
                return None;
            } else {
                val = d;
            }
        } else {
            break;
        }
        len = i + c.len_utf8();
        it.next();
    }
    (len > 0 && val > 0).then_some((val, len))
}

/// Parses a full date at the start of `s`.
pub fn parse(s: &str) -> Option<(Date, usize)> {
    numeric(s).or_else(|| chinese(s))
}

fn numeric(s: &str) -> Option<(Date, usize)> {
    let (y, ly) = digits(s)?;
    if ly != 4 {
        return None;
    }
    let rest = &s[ly..];
    let sep = rest.chars().next()?;
    match sep {
        '-' | '/' | '.' => {
            let (m, lm) = digits(&rest[1..])?;
            let r2 = &rest[1 + lm..];
            if !r2.starts_with(sep) {
                return None;
            }
            let (d, ld) = digits(&r2[1..])?;
            Some((Date::new(y as i32, m, d)?, ly + 1 + lm + 1 + ld))
        }
        '年' => {
            let r = &rest[sep.len_utf8()..];
            let (m, lm) = digits(r)?;
            let r = r[lm..].strip_prefix('月')?;
            let (d, ld) = digits(r)?;
            let tail = &r[ld..];
            let end = if tail.starts_with('日') || tail.starts_with('号') {
                3
            } else {
                0
            };
            Some((Date::new(y as i32, m, d)?, ly + 3 + lm + 3 + ld + end))
        }
        _ => None,
    }
}

/// 二〇一二年二月二十日
fn chinese(s: &str) -> Option<(Date, usize)> {
    let mut year = 0i32;
    let mut len = 0;
    for (i, c) in s.char_indices().take(4) {
        year = year * 10 + cn_digit(c)? as i32;
        len = i + c.len_utf8();
    }
    if len != 12 {
        return None;
    }
    let r = s[len..].strip_prefix('年')?;
    let (m, lm) = cn_small(r)?;
    let r = r[lm..].strip_prefix('月')?;
    let (d, ld) = cn_small(r)?;
    let r = &r[ld..];
    let end = if r.starts_with('日') || r.starts_with('号') {
        3
    } else {
        0
    };
    Some((Date::new(year, m, d)?, len + 3 + lm + 3 + ld + end))
}

/// Finds every full date in `s`: (byte offset, date, byte length). Only positions that start
/// with an Arabic digit (after a non-digit), 一 or 二 are tried.
///
/// A hand-written scanner on purpose: it runs over the whole text of every report, where a
/// regex would first have to find every digit run and then be re-validated. Its Arabic forms
/// are specified by this regex, anchored at each tried position (the unit test
/// `scanner_agrees_with_its_regex` checks the two against each other on random text):
///
/// ```text
/// ^[0-9]{4}(?:-([0-9]{1,9})-([0-9]{1,9})|/([0-9]{1,9})/([0-9]{1,9})|\.([0-9]{1,9})\.([0-9]{1,9})
///          |年([0-9]{1,9})月([0-9]{1,9})[日号]?)
/// ```
///
/// with no further digit after each run, and the date valid ([`Date::new`]).
pub fn find_all(s: &str) -> Vec<(usize, Date, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // The places tried, in text order: an Arabic digit after a non-digit, and 一/二 four
    // Chinese digits (twelve bytes) before a 年 — a Chinese year is nothing else, and 年 is
    // far rarer than the lead byte of 一 and 二, which a third of the ideographs share.
    let mut years = s
        .match_indices('年')
        .filter_map(|(j, _)| {
            let i = j.checked_sub(12)?;
            (s.is_char_boundary(i)
                && matches!(
                    b.get(i..i + 3),
                    Some([0xE4, 0xB8, 0x80] | [0xE4, 0xBA, 0x8C])
                ))
            .then_some(i)
        })
        .peekable();
    let mut i = 0;
    loop {
        let digit = next_digit(b, i);
        while years.peek().is_some_and(|&y| y < i) {
            years.next();
        }
        let at = match (digit, years.peek().copied()) {
            (Some(d), Some(y)) => d.min(y),
            (Some(d), None) => d,
            (None, Some(y)) => y,
            (None, None) => break,
        };
        // An Arabic date starts with a four-digit year: a run of digits of another length
        // is passed over whole (no date starts inside it).
        if b[at].is_ascii_digit() {
            let run = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run != 4 {
                i = at + run;
                continue;
            }
        }
        match parse(&s[at..]) {
            Some((d, len)) => {
                out.push((at, d, len));
                i = at + len;
            }
            None => i = at + 1,
        }
    }
    out
}

/// The first ASCII digit at or after `from` that does not follow another digit.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        let k = crate::scan::chars::next_digit(b, i)?;
        if k == 0 || !b[k - 1].is_ascii_digit() {
            return Some(k);
        }
        i = k + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_form_of_the_formats_doc_parses() {
        let d = |s: &str| parse(s).map(|(d, l)| (d.iso(), l));
        assert_eq!(d("2021-03-15 17:25:46"), Some(("2021-03-15".into(), 10)));
        assert_eq!(d("2023/01/18"), Some(("2023-01-18".into(), 10)));
        assert_eq!(
            d("2022年07月25日"),
            Some(("2022-07-25".into(), "2022年07月25日".len()))
        );
        assert_eq!(
            d("二〇一二年二月二十日"),
            Some(("2012-02-20".into(), "二〇一二年二月二十日".len()))
        );
        assert_eq!(d("2021.3.8"), Some(("2021-03-08".into(), 8)));
        assert_eq!(d("2019年13月1日"), None);
        assert_eq!(d("2019年"), None);
    }

    /// The specification of the Arabic forms (see [`find_all`]).
    fn by_regex(s: &str) -> Vec<(usize, Date, usize)> {
        let re = regex::Regex::new(concat!(
            r"^([0-9]{4})(?:-([0-9]{1,9})-([0-9]{1,9})|/([0-9]{1,9})/([0-9]{1,9})",
            r"|\.([0-9]{1,9})\.([0-9]{1,9})|年([0-9]{1,9})月([0-9]{1,9})([日号])?)",
        ))
        .unwrap();
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let tried = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
            let found = tried.then(|| re.captures(&s[i..])).flatten().and_then(|c| {
                let n = |k: usize| c.get(k).map(|m| (m.as_str().parse::<u32>().ok(), m.end()));
                let (m, d) = [(2, 3), (4, 5), (6, 7), (8, 9)]
                    .into_iter()
                    .find_map(|(a, b)| Some((n(a)?, n(b)?)))?;
                // no digit right after a run
                let ends = [c.get(1)?.end(), m.1, d.1];
                if ends
                    .iter()
                    .any(|&e| s[i + e..].starts_with(|x: char| x.is_ascii_digit()))
                {
                    return None;
                }
                let y: i32 = c.get(1)?.as_str().parse().ok()?;
                let date = Date::new(y, m.0?, d.0?)?;
                Some((date, c.get(0)?.end()))
            });
            match found {
                Some((d, len)) => {
                    out.push((i, d, len));
                    i += len;
                }
                None => {
                    i += 1;
                    while i < s.len() && !s.is_char_boundary(i) {
                        i += 1;
                    }
                }
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn scanner_agrees_with_its_regex(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[0-9]{1,5}",
                    proptest::strategy::Just("2021".to_owned()),
                    proptest::strategy::Just("-".to_owned()),
                    proptest::strategy::Just("/".to_owned()),
                    proptest::strategy::Just(".".to_owned()),
                    proptest::strategy::Just("年".to_owned()),
                    proptest::strategy::Just("月".to_owned()),
                    proptest::strategy::Just("日".to_owned()),
                    proptest::strategy::Just("号".to_owned()),
                    proptest::strategy::Just("至".to_owned()),
                    proptest::strategy::Just(" ".to_owned()),
                ],
                0..24,
            )
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(find_all(&s), by_regex(&s));
        }
    }

    /// The scanner's specification: every character boundary tried in turn.
    fn every_position(s: &str) -> Vec<(usize, Date, usize)> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let candidate = if c.is_ascii_digit() {
                i == 0 || !b[i - 1].is_ascii_digit()
            } else {
                matches!(
                    b.get(i..i + 3),
                    Some([0xE4, 0xB8, 0x80] | [0xE4, 0xBA, 0x8C])
                )
            };
            if candidate {
                if let Some((d, len)) = parse(&s[i..]) {
                    out.push((i, d, len));
                    i += len;
                    continue;
                }
            }
            i += crate::scan::chars::utf8_width(c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn scanner_tries_every_place_a_date_may_start(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "2021", "20", "1", "-", ".", "年", "月", "日", "二〇一二", "二", "一", "〇",
                    "九", "十", "二十", "三", "中", "个", "乙", " ", "é", "😀",
                ]),
                0..30,
            )
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(find_all(&s), every_position(&s));
        }
    }

    #[test]
    fn dates_are_found_inside_text() {
        let s = "发布 2021-03-15 与 2021年3月8日, 2021/13/01, 12021-01-01, 2021.3.8";
        assert_eq!(find_all(s).len(), 3);
        assert_eq!(find_all(s), by_regex(s));
        let cn = "于二〇一二年二月二十日、一九五五年三月一日和二〇二一年十三月一日";
        assert_eq!(find_all(cn).len(), 2);
        assert_eq!(find_all(cn), every_position(cn));
        let found = find_all("发文日期: 2018年12月20日 其他");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.iso(), "2018-12-20");
    }
}
