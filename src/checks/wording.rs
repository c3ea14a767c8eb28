//! Repeated words: a word of two to four characters written twice in a row (「资金资金」,
//! 「政府信息政府信息」), a slip of editing. Single characters doubled (常常, 人人, 天天, 谢谢)
//! and words doubled on purpose (研究研究, 一项一项: `lexicon::words`) are not slips, nor two
//! compounds sharing a word (人民政府政府公报); nor are digits, table cells or page furniture. Only within a line, at most three per report, as
//! information: when in doubt, the reader decides.

use super::{Context, Finding};
use crate::lexicon::words::doubled_on_purpose;
use crate::report::Severity;
use crate::scan::chars::{is_cjk, utf8_width};

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
        let b = t.as_bytes();
        // Ideographs of the BMP blocks are three bytes each: a unit of n of them repeated is
        // 3n bytes equal to the next 3n, the first character compared first.
        // (k walks the character boundaries: from one to the next by the lead byte's width)
        let mut k = 0;
        while k + 12 <= b.len() {
            // Nearly every position repeats nothing: its third byte (the byte that differs
            // most between ideographs) matches none of the three places a repeat would put it.
            if k + 15 <= b.len() {
                let c = b[k + 2];
                if b[k + 8] != c && b[k + 11] != c && b[k + 14] != c {
                    k += utf8_width(b[k]);
                    continue;
                }
            }
            let mut hit = None;
            for n in (2..=4).rev() {
                let w = 3 * n;
                // (the last byte first: it differs most between ideographs)
                if k + 2 * w > b.len()
                    || b[k + w + 2] != b[k + 2]
                    || b[k + w..k + w + 2] != b[k..k + 2]
                {
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
                if !doubled_on_purpose(unit, after_word) {
                    hit = Some((k, k + 2 * w));
                }
                break;
            }
            match hit {
                Some((s, e)) => {
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
                None => k += utf8_width(b[k]),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
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
