//! Repeated words: a word of two to four characters written twice in a row (「资金资金」,
//! 「政府信息政府信息」), a slip of editing. Single characters doubled (常常, 人人, 天天, 谢谢)
//! and words doubled on purpose (研究研究, 一项一项: `lexicon::words`) are not slips, nor two
//! compounds sharing a word (人民政府政府公报); nor are digits, table cells or page furniture. Only within a line, at most three per report, as
//! information: when in doubt, the reader decides.

use super::{Context, Finding};
use crate::lexicon::words::doubled_on_purpose;
use crate::report::Severity;
use crate::scan::chars::is_cjk;

const MAX_FINDINGS: usize = 3;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, line) in cx.lines.iter().enumerate() {
        if out.len() >= MAX_FINDINGS {
            break;
        }
        if line.is_blank()
            || cx.furniture.is.get(i).copied().unwrap_or(false)
            || cx
                .tables
                .iter()
                .any(|t| t.start <= line.range.start && line.range.start < t.end)
        {
            continue;
        }
        let t = line.text(cx.norm);
        let cs: Vec<(usize, char)> = t.char_indices().collect();
        let mut k = 0;
        while k < cs.len() {
            let mut hit = None;
            for n in (2..=4).rev() {
                if k + 2 * n > cs.len() {
                    continue;
                }
                let a = &cs[k..k + n];
                let b = &cs[k + n..k + 2 * n];
                if a.iter().zip(b).all(|(x, y)| x.1 == y.1)
                    && a.iter().all(|c| is_cjk(c.1))
                    // not a unit of one character doubled (常常常常 is 常常 twice)
                    && !a.iter().all(|c| c.1 == a[0].1)
                {
                    let unit_end = cs.get(k + n).map_or(t.len(), |c| c.0);
                    let end = cs.get(k + 2 * n).map_or(t.len(), |c| c.0);
                    let unit = &t[cs[k].0..unit_end];
                    let after_word = k > 0 && is_cjk(cs[k - 1].1);
                    if !doubled_on_purpose(unit, after_word) {
                        hit = Some((cs[k].0, end, n));
                    }
                    break;
                }
            }
            match hit {
                Some((s, e, n)) => {
                    let at = line.range.start + s..line.range.start + e;
                    out.push(Finding::new(
                        "repeated_word",
                        Severity::Info,
                        format!("“{}”中的词重复了，可能是笔误。", &t[s..e]),
                        Some(at),
                    ));
                    k += 2 * n;
                    if out.len() >= MAX_FINDINGS {
                        break;
                    }
                }
                None => k += 1,
            }
        }
    }
    out
}
