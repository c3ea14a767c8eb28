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
        scan_line(t, &mut |s, e| {
            out.push(Finding::new(
                "repeated_word",
                Severity::Info,
                format!("“{}”中的词重复了，可能是笔误。", &t[s..e]),
                Some(line.range.start + s..line.range.start + e),
            ));
            out.len() < MAX_FINDINGS
        });
    }
    out
}

/// One pass over a line's characters: for n = 2, 3, 4, how many characters in a row equal
/// the one n before; n of them end a unit written twice. `found(start, end)` gets each pair's
/// byte range and says whether to go on.
fn scan_line(t: &str, found: &mut impl FnMut(usize, usize) -> bool) {
    // the last 8 characters and where they start, and how many in a row were ideographs
    let mut chars = [('\0', 0usize); 8];
    let mut run = [0usize; 5];
    let mut ideographs = 0;
    for (j, (at, c)) in t.char_indices().enumerate() {
        chars[j % 8] = (c, at);
        ideographs = if is_cjk(c) { ideographs + 1 } else { 0 };
        let mut hit = None;
        for n in 2..=4 {
            run[n] = if j >= n && chars[(j - n) % 8].0 == c && ideographs > n {
                run[n] + 1
            } else {
                0
            };
            if run[n] >= n && ideographs >= 2 * n && hit.is_none() {
                hit = Some(n);
            }
        }
        let Some(n) = hit else { continue };
        let start = chars[(j + 1 - 2 * n) % 8].1;
        let unit_end = chars[(j + 1 - n) % 8].1;
        let end = at + c.len_utf8();
        let unit = &t[start..unit_end];
        let first = unit.chars().next();
        let same = unit.chars().all(|x| Some(x) == first);
        let after_word = t[..start].chars().next_back().is_some_and(is_cjk);
        if !same && !doubled_on_purpose(unit, after_word) {
            if !found(start, end) {
                return;
            }
            run = [0; 5];
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn mixed_widths_never_split_a_character() {
        // bytes that repeat across characters of different widths
        for t in ["中ab中ab中ab", "中😀中😀", "资金资金a", "é中é中é中"] {
            let r = crate::analyze(t);
            for c in &r.checks {
                assert!(c.start <= c.end);
            }
        }
        let r = crate::analyze("一、总体情况\n加强资金资金监管。");
        assert!(r.checks.iter().any(|c| c.code == "repeated_word"));
    }
}
