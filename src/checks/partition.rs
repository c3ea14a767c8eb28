//! A stated total and every category of a known partition of it (see
//! [`crate::lexicon::partitions`]), in one sentence after 其中: the parts must add up to the
//! total (`总数3978条，其中主动公开2026条，依申请公开46条，不予公开1854条` → 2026 + 46 + 1854 =
//! 3926 ≠ 3978). A list that names only some categories (其中当面申请18件) is never judged:
//! the rest may be unlisted.

use super::prose_arithmetic::parts_do_not_add_up;
use super::{Context, Finding};
use crate::lexicon::partitions::PARTITIONS;
use crate::numbers::quantities::Found;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let qs = cx.quantities;
    let mut from = 0;
    for (k, _) in cx.norm.match_indices("其中") {
        let start = cx.norm[..k].rfind(['。', '\n']).map_or(0, |p| p + 1);
        let end = cx.norm[k..]
            .find(['。', '\n'])
            .map_or(cx.norm.len(), |p| k + p);
        // quantities are in text order: move to this sentence
        while from < qs.len() && qs[from].range.start < start {
            from += 1;
        }
        let here: Vec<&Found> = qs[from..]
            .iter()
            .take_while(|q| q.range.start < end)
            .collect();
        if let Some(f) = sentence(cx, &here, k) {
            out.push(f);
        }
    }
    out
}

fn sentence(cx: &Context, qs: &[&Found], qizhong: usize) -> Option<Finding> {
    // The total: the last count before 其中.
    let total = qs
        .iter()
        .rfind(|q| q.range.end <= qizhong)
        .filter(|q| q.unit != "%" && q.approx.is_none() && q.value > 0.0)?;
    // The parts: the counts after 其中 in the total's unit, each with its label (the words
    // between it and what stands before it).
    let after = qizhong + "其中".len();
    let mut prev_end = after;
    let mut parts: Vec<(&Found, &str)> = Vec::new();
    for q in qs.iter().filter(|q| q.range.start >= after) {
        let label = &cx.norm[prev_end..q.range.start];
        prev_end = q.range.end;
        if q.unit == "%" {
            continue;
        }
        if q.unit != total.unit || q.approx.is_some() {
            return None;
        }
        parts.push((q, label));
    }
    if parts.len() < 2 {
        return None;
    }
    let p = PARTITIONS.iter().find(|p| covers(p.members, &parts))?;
    let sum: f64 = parts.iter().map(|(q, _)| q.value).sum();
    if (sum - total.value).abs() < 1e-9 {
        return None;
    }
    let values: Vec<f64> = parts.iter().map(|(q, _)| q.value).collect();
    let last = parts.last().map_or(total.range.end, |(q, _)| q.range.end);
    Some(parts_do_not_add_up(
        &format!("按{}分的", p.name),
        &values,
        total,
        last,
    ))
}

/// Every part names a different member and every member is named.
fn covers(members: &[&[&str]], parts: &[(&Found, &str)]) -> bool {
    if parts.len() != members.len() {
        return false;
    }
    let mut used = vec![false; members.len()];
    for (_, label) in parts {
        let hit = members
            .iter()
            .enumerate()
            .find(|(i, words)| !used[*i] && words.iter().any(|w| label.contains(w)));
        match hit {
            Some((i, _)) => used[i] = true,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::report::Report;

    fn codes(text: &str) -> Vec<String> {
        let r: Report = crate::analyze(text);
        r.checks
            .iter()
            .filter(|c| c.code == "parts_do_not_add_up")
            .map(|c| c.message.clone())
            .collect()
    }

    #[test]
    fn a_complete_partition_must_add_up() {
        // c02 (平潭县 2012): 2026 + 46 + 1854 = 3926, not 3978.
        let m = codes("二、主动公开政府信息情况\n2012年制作、获取政府信息总数3978条，其中主动公开政府信息2026条，作为依申请公开信息数46条，不予公开信息数1854条。\n");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("3926") && m[0].contains("3978"), "{m:?}");
        // c11 (莆田市 2019): 3315 + 8228 = 11543 holds.
        assert!(codes("全年主动公开政府信息11543件，公开及时率100%。其中:市本级3315件，县(区、管委会)8228件。\n全年主动公开政府信息11543件，其中:市本级3315件，县(区、管委会)8228件。\n").is_empty());
    }

    #[test]
    fn a_partial_list_is_never_judged() {
        // Only some channels are listed: the others may be unlisted.
        assert!(
            codes("收到政府信息公开申请21条，其中当面申请数18条，电子邮件申请数2条。\n").is_empty()
        );
        // A part in another unit or an approximate one: no judgement.
        assert!(codes(
            "制作政府信息总数3978条，其中主动公开约2000条，依申请公开46条，不予公开1854条。\n"
        )
        .is_empty());
    }
}
