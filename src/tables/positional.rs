//! Positional reading of table 3, the fallback for PDF copies whose narrow label column wraps
//! each label around its row's numbers (`三、本年 (一)予以公开 30 1 0 0 1 0 32` / `度办理结` /
//! `果 …`), so that labels cannot be matched.
//!
//! The template fixes the order of table 3's rows, so when the lines after the table's anchor
//! hold exactly as many rows of seven numbers as a template has rows (23 in 2019, 25 in 2021),
//! the rows are placed by position. The reading is accepted only when every row total and
//! every column identity of the table then holds — a wrong placement would break them — and
//! its cells are marked `decoded` with a note saying how they were placed.
//! Guarantees: looks at most [`MAX_LINES`] lines; never panics; ranges are byte ranges of the
//! normalized text on char boundaries, each slicing to its cell's digits.

use super::identities::{t3_consistent, Grid};
use super::{CellStatus, RawCell, RawRow};
use crate::lexicon::tables::{T3_KEYS, T3_OTHER_2021};
use std::ops::Range;

/// Lines after the anchor that may belong to table 3.
const MAX_LINES: usize = 160;

/// A number of a row with its byte range.
type Number = (f64, Range<usize>);

/// Row keys of each template, in order.
fn keys(template: &str) -> Vec<&'static str> {
    T3_KEYS
        .iter()
        .copied()
        .filter(|k| match template {
            "2019" => !T3_OTHER_2021.contains(k),
            _ => *k != "outcome_other",
        })
        .collect()
}

/// Chinese label of a row key, for rows placed by position.
fn label(key: &str) -> &'static str {
    match key {
        "new_requests" => "一、本年新收政府信息公开申请数量",
        "carried_over" => "二、上年结转政府信息公开申请数量",
        "outcome_disclosed" => "(一)予以公开",
        "outcome_partially_disclosed" => "(二)部分公开",
        "not_disclosed_state_secret" => "(三)不予公开 1.属于国家秘密",
        "not_disclosed_prohibited_by_law" => "(三)不予公开 2.其他法律行政法规禁止公开",
        "not_disclosed_three_safeties" => "(三)不予公开 3.危及“三安全一稳定”",
        "not_disclosed_third_party" => "(三)不予公开 4.保护第三方合法权益",
        "not_disclosed_internal_affairs" => "(三)不予公开 5.属于三类内部事务信息",
        "not_disclosed_process_info" => "(三)不予公开 6.属于四类过程性信息",
        "not_disclosed_enforcement_file" => "(三)不予公开 7.属于行政执法案卷",
        "not_disclosed_query_matter" => "(三)不予公开 8.属于行政查询事项",
        "unable_not_held" => "(四)无法提供 1.本机关不掌握相关政府信息",
        "unable_needs_creation" => "(四)无法提供 2.没有现成信息需要另行制作",
        "unable_unclear" => "(四)无法提供 3.补正后申请内容仍不明确",
        "not_processed_petition" => "(五)不予处理 1.信访举报投诉类申请",
        "not_processed_repeated" => "(五)不予处理 2.重复申请",
        "not_processed_publication" => "(五)不予处理 3.要求提供公开出版物",
        "not_processed_mass_repeated" => "(五)不予处理 4.无正当理由大量反复申请",
        "not_processed_confirmation" => "(五)不予处理 5.要求行政机关确认或重新出具已获取信息",
        "outcome_other" => "(六)其他处理",
        "other_overdue_correction" => "(六)其他处理 1.申请人无正当理由逾期不补正",
        "other_overdue_fee" => "(六)其他处理 2.申请人逾期未按收费通知要求缴纳费用",
        "other_other" => "(六)其他处理 3.其他",
        "outcome_total" => "(七)总计",
        "carried_to_next_year" => "四、结转下年度继续办理",
        _ => "",
    }
}

/// The seven numbers a line ends with: whitespace-separated, the first of them possibly glued
/// to the end of a label fragment (`秘密0`). Byte ranges within `norm`.
fn seven_numbers(norm: &str, line: Range<usize>) -> Option<Vec<Number>> {
    let text = norm.get(line.clone())?;
    let mut tokens: Vec<Range<usize>> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                tokens.push(line.start + s..line.start + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    let number = |r: &Range<usize>| -> Option<f64> {
        let t = norm.get(r.clone())?;
        (!t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())?
    };
    let mut out: Vec<Number> = Vec::new();
    for r in tokens.iter().rev() {
        if out.len() == 7 {
            // An eighth number: not a row of table 3.
            if number(r).is_some() {
                return None;
            }
            break;
        }
        match number(r) {
            Some(v) => out.push((v, r.clone())),
            None => {
                // a label fragment with the first number glued to its end
                let t = norm.get(r.clone())?;
                let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
                if out.len() == 6 && (1..=9).contains(&digits) && digits < t.len() {
                    let d = r.end - digits..r.end;
                    out.push((norm.get(d.clone())?.parse().ok()?, d));
                }
                break;
            }
        }
    }
    out.reverse();
    (out.len() == 7).then_some(out)
}

/// Reads table 3 by position from the anchor line on, stopping at `stop` (the next table's
/// anchor or a section heading). Returns the rows and the template.
pub(crate) fn table3(
    norm: &str,
    lines: &[Range<usize>],
    anchor: usize,
    stop: impl Fn(&str) -> bool,
) -> Option<(Vec<RawRow>, &'static str)> {
    let mut rows: Vec<(Range<usize>, Vec<Number>)> = Vec::new();
    for (k, line) in lines.iter().enumerate().skip(anchor).take(MAX_LINES) {
        let text = norm.get(line.clone()).unwrap_or("");
        // More than seven numbers on a line: this is no table 3 of wrapped labels.
        if text
            .split_whitespace()
            .rev()
            .take(8)
            .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
            .count()
            == 8
        {
            return None;
        }
        if k > anchor && stop(text) {
            break;
        }
        if let Some(nums) = seven_numbers(norm, line.clone()) {
            rows.push((line.clone(), nums));
            // More rows than any template has: not a table 3 to place by position.
            if rows.len() > 25 {
                return None;
            }
        }
    }
    let template = match rows.len() {
        23 => "2019",
        25 => "2021",
        _ => return None,
    };
    let keys = keys(template);
    let grid: Grid = keys
        .iter()
        .zip(&rows)
        .map(|(k, (_, nums))| (*k, nums.iter().map(|n| Some(n.0)).collect()))
        .collect();
    let rows_total = rows
        .iter()
        .all(|(_, n)| (n[..6].iter().map(|x| x.0).sum::<f64>() - n[6].0).abs() < 1e-6);
    if !rows_total || !t3_consistent(&grid) {
        return None;
    }
    let note =
        "标签与数字在文本中交错（常见于 PDF 转文字），按模板的行序放置各行；行合计与列关系均成立。";
    Some((
        keys.iter()
            .zip(rows)
            .map(|(key, (line, nums))| RawRow {
                label: label(key).to_owned(),
                key,
                range: line.start.min(nums[0].1.start)..nums[6].1.end,
                cells: nums
                    .into_iter()
                    .map(|(v, r)| RawCell {
                        value: Some(v),
                        text: norm.get(r.clone()).unwrap_or("").to_owned(),
                        range: r,
                        status: CellStatus::Decoded,
                    })
                    .collect(),
                columns: Vec::new(),
                note: Some(note.to_owned()),
            })
            .collect(),
        template,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_numbers_with_the_first_glued_to_a_label() {
        let norm = "(三 1.属于国家秘密0 0 0 0 0 0 0";
        let v = seven_numbers(norm, 0..norm.len()).unwrap();
        assert_eq!(v.iter().map(|x| x.0).collect::<Vec<_>>(), [0.0; 7]);
        assert_eq!(&norm[v[0].1.clone()], "0");
        let norm = "三、本年 (一)予以公开 30 1 0 0 1 0 32";
        let v = seven_numbers(norm, 0..norm.len()).unwrap();
        assert_eq!(v[6].0, 32.0);
        assert!(seven_numbers("- 4 -", 0..5).is_none());
        assert!(seven_numbers("71 3 0 0 2 1", 0..12).is_none());
    }

    #[test]
    fn a_row_count_that_matches_no_template_is_not_read() {
        let norm = "一、本年新收政府信息公开申请\n71 3 0 0 2 1 77\n";
        let lines = super::super::forms::split_lines(norm);
        assert!(table3(norm, &lines, 0, |_| false).is_none());
    }
}
