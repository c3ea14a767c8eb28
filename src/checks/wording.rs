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
    // the tables' ranges are in text order, as the lines: one walk over both
    let mut table = 0;
    for (i, line) in cx.lines.iter().enumerate() {
        if out.len() >= MAX_FINDINGS {
            break;
        }
        let at = line.range.start;
        while cx.tables.get(table).is_some_and(|t| t.end <= at) {
            table += 1;
        }
        let in_table = cx.tables.get(table).is_some_and(|t| t.start <= at);
        // (a repeat needs two words of two characters: 12 bytes)
        if line.range.len() < 12 || in_table || cx.furniture.is.get(i).copied().unwrap_or(false) {
            continue;
        }
        let t = line.text(cx.norm);
        let mut k = 0;
        while let Some((s, e)) = next_repeat(t, k) {
            out.push(Finding::new(
                "repeated_word",
                Severity::Info,
                format!("“{}”中的词重复了，可能是笔误。", &t[s..e]),
                Some(line.range.start + s..line.range.start + e),
            ));
            k = e;
            if out.len() >= MAX_FINDINGS {
                break;
            }
        }
    }
    out
}

/// Bytes 3, 4 and 5 of a word: the bytes that a repeat starting anywhere in the word's first
/// four bytes covers, whatever its width (six bytes or more).
const MID: u64 = 0x0000_FFFF_FF00_0000;

#[inline]
fn word(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

/// The first repeated word of `t` starting at or after byte `from`: its byte range (both
/// copies).
fn next_repeat(t: &str, from: usize) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let mut k = from;
    // (a repeat needs two words of two characters: 12 bytes)
    while k + 12 <= b.len() {
        // Ideographs of the BMP blocks are three bytes each: a unit of n of them repeated is
        // 3n bytes equal to the next 3n. Nearly every stretch of text repeats nothing, and
        // four positions are ruled out at once: a repeat 6, 9 or 12 bytes wide starting at
        // any of them makes bytes 3–5 of the word equal to those of the word that far on.
        // (every position is looked at, boundaries tested after: stepping by the width of
        // each character would chain every step to a load)
        if k + 20 <= b.len() {
            let w = word(b, k);
            if (w ^ word(b, k + 6)) & MID != 0
                && (w ^ word(b, k + 9)) & MID != 0
                && (w ^ word(b, k + 12)) & MID != 0
            {
                k += 4;
                continue;
            }
        }
        if t.is_char_boundary(k) {
            if let Some(e) = repeat_at(t, k) {
                return Some((k, e));
            }
        }
        k += 1;
    }
    None
}

/// A repeated word of two to four ideographs starting at byte `k` (a character boundary):
/// the end of its second copy.
fn repeat_at(t: &str, k: usize) -> Option<usize> {
    let b = t.as_bytes();
    for n in (2..=4).rev() {
        let w = 3 * n;
        // (the last byte first: it differs most between ideographs)
        if k + 2 * w > b.len() || b[k + w + 2] != b[k + 2] || b[k + w..k + w + 2] != b[k..k + 2] {
            continue;
        }
        // equal bytes, and whole characters on both sides (mixed widths)
        if b[k..k + w] != b[k + w..k + 2 * w]
            || !t.is_char_boundary(k + w)
            || !t.is_char_boundary(k + 2 * w)
        {
            continue;
        }
        let unit = &t[k..k + w];
        let chars: Vec<char> = unit.chars().collect();
        if chars.len() != n
            || !chars.iter().all(|&c| is_cjk(c))
            // 常常常常 is 常常 twice, not a word
            || chars.iter().all(|&c| c == chars[0])
        {
            continue;
        }
        let after_word = t[..k].chars().next_back().is_some_and(is_cjk);
        return (!doubled_on_purpose(unit, after_word)).then_some(k + 2 * w);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_word_filter_misses_no_repeat(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "资金", "监管", "政府信息", "公开", "资", "金", "a", "é", "😀", "12", "。", "人", "常常",
                ]),
                0..40,
            ),
            from in 0usize..8,
        ) {
            let t: String = parts.concat();
            let plain = (from.min(t.len())..t.len())
                .filter(|&k| t.is_char_boundary(k))
                .find_map(|k| repeat_at(&t, k).map(|e| (k, e)));
            proptest::prop_assert_eq!(next_repeat(&t, from.min(t.len())), plain);
        }
    }

    #[test]
    fn mixed_widths_never_split_a_character() {
        // bytes that repeat across characters of different widths
        for t in [
            "中ab中ab中ab",
            "中😀中😀",
            "资金资金a",
            "é中é中é中",
            "aé中aé中",
        ] {
            let r = crate::analyze(t);
            for c in &r.checks {
                assert!(c.start <= c.end);
            }
        }
        let r = crate::analyze("一、总体情况\n加强资金资金监管。");
        assert!(r.checks.iter().any(|c| c.code == "repeated_word"));
    }
}
