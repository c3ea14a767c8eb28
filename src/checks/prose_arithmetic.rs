//! Arithmetic stated in prose: within one sentence, a total followed by parts that state
//! their share (…598件…中,予以公开411件,占70%;不予公开23件,占4%…). Checks that the parts
//! add up to the total and that each stated share matches the ratio of the stated numbers,
//! allowing for the rounding of the share as written (70% ±0.5, 19.29% ±0.005).

use super::{num, Context, Finding};
use crate::numbers::quantities::Found;
use crate::report::Severity;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let qs = cx.quantities;
    let mut k = 0;
    while k < qs.len() {
        // One sentence at a time.
        let sentence_end = sentence_end(cx.norm, qs[k].range.start);
        let group: Vec<&Found> = qs[k..]
            .iter()
            .take_while(|q| q.range.start < sentence_end)
            .collect();
        k += group.len().max(1);
        out.extend(sentence(cx, &group));
    }
    out
}

fn sentence_end(norm: &str, from: usize) -> usize {
    norm[from..]
        .find(['。', '\n'])
        .map_or(norm.len(), |p| from + p)
}

/// A part with its stated share: a count followed by ",占P%" (or "占总数P%").
fn shares<'a>(cx: &Context, group: &[&'a Found]) -> Vec<(&'a Found, &'a Found)> {
    let mut out = Vec::new();
    for w in group.windows(2) {
        let (part, share) = (w[0], w[1]);
        if share.unit != "%" || part.unit == "%" || part.approx.is_some() {
            continue;
        }
        let between = &cx.norm[part.range.end..share.range.start];
        if between.chars().count() <= 6 && between.contains('占') {
            out.push((part, share));
        }
    }
    out
}

fn sentence(cx: &Context, group: &[&Found]) -> Vec<Finding> {
    let mut out = Vec::new();
    let pairs = shares(cx, group);
    let Some(first_part) = pairs.first().map(|p| p.0) else {
        return out;
    };
    // The total: the first count of the same unit in the sentence, before the first part.
    let Some(total) = group
        .iter()
        .take_while(|q| q.range.start < first_part.range.start)
        .find(|q| q.unit == first_part.unit && q.approx.is_none())
    else {
        return out;
    };
    if total.value <= 0.0 {
        return out;
    }
    for (part, share) in &pairs {
        if part.unit != total.unit || share.approx.is_some() {
            continue;
        }
        let ratio = part.value / total.value * 100.0;
        let written = &cx.norm[share.range.clone()];
        let decimals = written
            .split('.')
            .nth(1)
            .map_or(0, |d| d.trim_end_matches('%').len()) as i32;
        let tolerance = 0.5 * 10f64.powi(-decimals) + 1e-9;
        if (ratio - share.value).abs() > tolerance {
            out.push(Finding::new(
                "share_mismatch",
                Severity::Warning,
                format!(
                    "所写比例 {}% 与数字不符：{} ÷ {} = {:.prec$}%。",
                    num(share.value),
                    num(part.value),
                    num(total.value),
                    ratio,
                    prec = (decimals.max(1)) as usize
                ),
                Some(share.range.clone()),
            ));
        }
    }
    let same_unit: Vec<&Found> = pairs
        .iter()
        .map(|p| p.0)
        .filter(|p| p.unit == total.unit)
        .collect();
    if same_unit.len() >= 2 {
        let sum: f64 = same_unit.iter().map(|p| p.value).sum();
        let shares_sum: f64 = pairs
            .iter()
            .filter(|p| p.0.unit == total.unit)
            .map(|p| p.1.value)
            .sum();
        // Parts that claim to cover the whole (shares add to ~100%) must add up to the total.
        if (sum - total.value).abs() > 1e-9 && (shares_sum >= 99.0 || sum > total.value) {
            let parts: Vec<f64> = same_unit.iter().map(|p| p.value).collect();
            out.push(parts_do_not_add_up(
                "",
                &parts,
                total,
                same_unit.last().map_or(total.range.end, |p| p.range.end),
            ));
        }
    }
    out
}

/// The finding that stated parts do not add up to their stated total, quoting every number;
/// `by` names the division (`按层级分的`), `end` where the last part ends.
pub(super) fn parts_do_not_add_up(by: &str, parts: &[f64], total: &Found, end: usize) -> Finding {
    let sum: f64 = parts.iter().sum();
    let terms: Vec<String> = parts.iter().map(|v| num(*v)).collect();
    let u = total.unit;
    Finding::new(
        "parts_do_not_add_up",
        Severity::Warning,
        format!(
            "{by}各部分之和 {} = {}{u}，与总数 {}{u} 不符（相差 {}{u}）。",
            terms.join(" + "),
            num(sum),
            num(total.value),
            num((total.value - sum).abs()),
        ),
        Some(total.range.start..end),
    )
}
