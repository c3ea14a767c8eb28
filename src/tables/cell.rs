//! Cell values: reads the text of one table cell as a number, as an empty marker, or as not a
//! value at all (then it is a label).
//!
//! Guarantees: the whole trimmed text must be a value, so a label is never read as a number;
//! `增15` is 15 and `减4` is −4; `1276.5534万元` is 1276.5534 and `251000元` is 251000 (the
//! number as written: the unit stays in the cell text); `""`, `/`, `-`, `--`, `无` are empty.
//! Never panics.

use super::{CellStatus, RawCell};

/// What a cell's text means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CellValue {
    /// An empty cell or an explicit blank (`/`, `-`, `无`).
    Empty,
    /// A number.
    Number(f64),
    /// Digits that do not read as one number (`56增152310`, glued with a sign or unit):
    /// a value of unknown meaning.
    Raw,
}

impl CellValue {
    pub(crate) fn number(self) -> Option<f64> {
        match self {
            CellValue::Empty | CellValue::Raw => None,
            CellValue::Number(v) => Some(v),
        }
    }
}

const EMPTY_MARKS: &[&str] = &["", "/", "\\", "-", "--", "---", "无", "空", "——", "…"];

/// Units a table cell may carry after its number.
const UNITS: &[&str] = &[
    "万元", "亿元", "元", "件", "个", "项", "条", "次", "%", "万",
];

/// Signs written before a number: 增/减 of table 2, or + / −.
const SIGNS: &[(&str, bool)] = &[
    ("增加", false),
    ("减少", true),
    ("增", false),
    ("减", true),
    ("+", false),
    ("-", true),
];

/// Reads a cell. `None` when the text is not a value.
pub(crate) fn parse_cell(s: &str) -> Option<CellValue> {
    let t = s.trim();
    // Fast path: a plain run of digits (most cells).
    if !t.is_empty() && t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        let v = t.bytes().fold(0u64, |a, b| a * 10 + u64::from(b - b'0'));
        return Some(CellValue::Number(v as f64));
    }
    if EMPTY_MARKS.contains(&t) {
        return Some(CellValue::Empty);
    }
    let (neg, rest) = SIGNS
        .iter()
        .find_map(|(p, neg)| t.strip_prefix(p).map(|r| (*neg, r.trim_start())))
        .unwrap_or((false, t));
    let n = number_len(rest)?;
    let (num, unit) = rest.split_at(n);
    let unit = unit.trim_start();
    if !unit.is_empty() && !UNITS.contains(&unit) {
        return None;
    }
    let digits: String = num.chars().filter(|&c| c != ',').collect();
    let v: f64 = digits.parse().ok()?;
    Some(CellValue::Number(if neg { -v } else { v }))
}

/// Length in bytes of the number at the start of `s`: digits, thousands commas between
/// digits, at most one decimal point followed by a digit. `None` when `s` does not start with
/// a digit.
fn number_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let mut i = 0;
    let mut dot = false;
    while i < b.len() {
        let c = b[i];
        let next_digit = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
        if c.is_ascii_digit() || (c == b',' && !dot && next_digit) {
            i += 1;
        } else if c == b'.' && !dot && next_digit {
            dot = true;
            i += 1;
        } else {
            break;
        }
    }
    Some(i)
}

/// Reads a cell that may be digits glued with signs or units (`56增152310`, `23251000元`):
/// like [`parse_cell`], but such a run is [`CellValue::Raw`] instead of not a value.
pub(crate) fn parse_cell_loose(s: &str) -> Option<CellValue> {
    if let Some(v) = parse_cell(s) {
        return Some(v);
    }
    let t = s.trim();
    let starts_numeric = t.starts_with(|c: char| c.is_ascii_digit())
        || ["增", "减"].iter().any(|p| {
            t.strip_prefix(p)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        });
    let all_numeric = t
        .chars()
        .all(|c| c.is_ascii_digit() || ".,%增减万元件个项".contains(c));
    (starts_numeric && all_numeric).then_some(CellValue::Raw)
}

/// True when `s` is a non-empty run of ASCII digits only (a candidate for glued cells).
pub(crate) fn is_digit_run(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Formats a number for messages: integers without a decimal point.
pub(crate) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Grid values of a finished row for the identities: a doubtful cell is unknown, a blank one
/// counts as 0; a row with the wrong number of cells is unknown throughout.
pub(crate) fn grid_values(cells: &[RawCell], n: usize) -> Vec<Option<f64>> {
    if cells.len() != n {
        return vec![None; n];
    }
    cells
        .iter()
        .map(|c| match c.status {
            CellStatus::Doubtful => None,
            _ => Some(c.value.unwrap_or(0.0)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<f64> {
        parse_cell(s).and_then(CellValue::number)
    }

    #[test]
    fn plain_and_signed_numbers() {
        assert_eq!(num("71"), Some(71.0));
        assert_eq!(num(" 1,234 "), Some(1234.0));
        assert_eq!(num("增15"), Some(15.0));
        assert_eq!(num("减4"), Some(-4.0));
        assert_eq!(num("-4"), Some(-4.0));
        assert_eq!(num("1276.5534万元"), Some(1276.5534));
        assert_eq!(num("251000元"), Some(251000.0));
    }

    #[test]
    fn empty_markers_are_empty() {
        for s in ["", "/", "-", " -- ", "无"] {
            assert_eq!(parse_cell(s), Some(CellValue::Empty), "{s:?}");
        }
    }

    #[test]
    fn labels_are_not_values() {
        for s in [
            "规章",
            "1.属于国家秘密",
            "(七)总计",
            "本年增/减",
            "3.其他",
            "12345热线",
            "1.",
            "增",
        ] {
            assert_eq!(parse_cell(s), None, "{s:?}");
        }
    }

    #[test]
    fn glued_signs_are_raw_values() {
        assert_eq!(parse_cell_loose("56增152310"), Some(CellValue::Raw));
        assert_eq!(parse_cell_loose("5减1"), Some(CellValue::Raw));
        assert_eq!(parse_cell_loose("12"), Some(CellValue::Number(12.0)));
        assert_eq!(parse_cell_loose("1.属于国家秘密"), None);
        assert_eq!(parse_cell_loose("2019年"), None);
    }

    #[test]
    fn digit_runs() {
        assert!(is_digit_run("713000074"));
        assert!(!is_digit_run("71.3"));
        assert!(!is_digit_run(""));
        assert_eq!(fmt_num(74.0), "74");
        assert_eq!(fmt_num(1.5), "1.5");
    }
}
