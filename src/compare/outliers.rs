//! Values far outside their neighbours, marked for a second look (info, never an error).
//!
//! The rule is deliberately blunt, so it fires only on what a reader would call glaring: a
//! value of at least [`FLOOR`] that is at least [`FACTOR`] times every other value of the same
//! indicator — among the other years of the body's series (with at least
//! [`MIN_SERIES_OTHERS`] of them), or among all other reports of the set (with at least
//! [`MIN_SET_OTHERS`]). Duplicates are counted once. A value marked in its series is not marked
//! again against the set.

use super::fields::Column;
use super::{fmt_num, Finding, Row, Series};
use crate::report::Severity;
use std::collections::HashSet;

pub const FACTOR: f64 = 10.0;
pub const FLOOR: f64 = 100.0;
pub const MIN_SERIES_OTHERS: usize = 3;
pub const MIN_SET_OTHERS: usize = 5;

/// The largest value and the largest of the others, when the largest stands out.
fn standing_out(values: &[(usize, f64)], min_others: usize) -> Option<(usize, f64, f64)> {
    if values.len() < min_others + 1 {
        return None;
    }
    let (top_i, top) = values
        .iter()
        .copied()
        .fold(None::<(usize, f64)>, |m, (i, v)| match m {
            Some((_, mv)) if mv >= v => m,
            _ => Some((i, v)),
        })?;
    let next = values
        .iter()
        .filter(|(i, _)| *i != top_i)
        .map(|x| x.1)
        .fold(f64::NEG_INFINITY, f64::max);
    (top >= FLOOR && top >= FACTOR * next.max(1.0)).then_some((top_i, top, next))
}

pub fn find(
    columns: &[Column],
    reports: &mut [Row],
    series: &mut [Series],
    checks: &mut Vec<Finding>,
) {
    let mut marked: HashSet<(usize, usize)> = HashSet::new();
    for (c, col) in columns.iter().enumerate() {
        let value = |r: &Row| r.key.get(c).copied().flatten();
        for s in series.iter_mut() {
            let values: Vec<(usize, f64)> = s
                .years
                .iter()
                .flat_map(|y| y.reports.iter().copied())
                .filter_map(|i| value(&reports[i]).map(|v| (i, v)))
                .collect();
            if let Some((i, top, next)) = standing_out(&values, MIN_SERIES_OTHERS) {
                let year = reports[i]
                    .year
                    .map(|y| format!("{y}年"))
                    .unwrap_or_default();
                let msg = format!(
                    "「{}」（{}）的{}为 {}，是{}其他 {} 年中最大值 {} 的 {} 倍以上，请复核。",
                    reports[i].file,
                    year,
                    col.name,
                    fmt_num(top),
                    s.body,
                    values.len() - 1,
                    fmt_num(next),
                    fmt_num((top / next.max(1.0)).floor())
                );
                reports[i].notes.push(msg.clone());
                s.checks.push(Finding {
                    code: "outlier_in_series".into(),
                    severity: Severity::Info,
                    message: msg,
                    reports: vec![i],
                    field: Some(col.id.clone()),
                    values: vec![top, next],
                });
                marked.insert((i, c));
            }
        }
        let values: Vec<(usize, f64)> = reports
            .iter()
            .filter(|r| r.duplicate_of.is_none())
            .filter_map(|r| value(r).map(|v| (r.index, v)))
            .collect();
        if let Some((i, top, next)) = standing_out(&values, MIN_SET_OTHERS) {
            if marked.insert((i, c)) {
                let msg = format!(
                    "「{}」的{}为 {}，是其余 {} 份报告中最大值 {} 的 {} 倍以上，请复核。",
                    reports[i].file,
                    col.name,
                    fmt_num(top),
                    values.len() - 1,
                    fmt_num(next),
                    fmt_num((top / next.max(1.0)).floor())
                );
                reports[i].notes.push(msg.clone());
                checks.push(Finding {
                    code: "outlier_in_set".into(),
                    severity: Severity::Info,
                    message: msg,
                    reports: vec![i],
                    field: Some(col.id.clone()),
                    values: vec![top, next],
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_glaring_value_stands_out() {
        let v: Vec<(usize, f64)> = [12.0, 40.0, 6637.0, 95.0, 3.0, 0.0]
            .iter()
            .copied()
            .enumerate()
            .collect();
        assert_eq!(standing_out(&v, 5), Some((2, 6637.0, 95.0)));
        // Nine times the next is not enough; neither is a small value over zeros.
        let v: Vec<(usize, f64)> = [10.0, 90.0, 810.0, 5.0, 3.0, 1.0]
            .iter()
            .copied()
            .enumerate()
            .collect();
        assert_eq!(standing_out(&v, 5), None);
        let v: Vec<(usize, f64)> = [0.0, 0.0, 60.0, 0.0, 0.0, 0.0]
            .iter()
            .copied()
            .enumerate()
            .collect();
        assert_eq!(standing_out(&v, 5), None);
        // Too few others to judge by.
        let v: Vec<(usize, f64)> = [1.0, 5000.0].iter().copied().enumerate().collect();
        assert_eq!(standing_out(&v, 5), None);
    }
}
