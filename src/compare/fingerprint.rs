//! Fingerprints of a report's text: the whole text (for the same file opened twice) and its
//! sentences (for text reused from last year's report).
//!
//! Whole texts are compared without whitespace. Sentences are read in the normalized view
//! (script and width folded), split at 。!?; and line breaks, and compared without spaces and
//! punctuation and with every run of digits read as one placeholder — so a sentence that only
//! changed its year or its figures still counts as reused. Table rows and page furniture are
//! left out (they repeat every year by nature), and so are sentences of fewer than
//! [`MIN_SENTENCE`] characters. One pass over each text; a hash set per comparison.

use super::Reuse;
use crate::normalize::Text;
use crate::report::{Report, Span};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// Sentences shorter than this (in compared characters) are not counted.
pub const MIN_SENTENCE: usize = 8;
/// Below this many characters of prose no ratio is given.
pub const MIN_PROSE: usize = 60;

/// The whole text without whitespace, hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Whole {
    pub hash: u64,
    pub chars: usize,
}

impl Whole {
    pub fn of(text: &str) -> Whole {
        let mut h = DefaultHasher::new();
        let mut chars = 0;
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            c.hash(&mut h);
            chars += 1;
        }
        Whole {
            hash: h.finish(),
            chars,
        }
    }
}

/// True when two texts are the same but for whitespace.
pub fn same_text(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !c.is_whitespace())
        .eq(b.chars().filter(|c| !c.is_whitespace()))
}

struct Sentence {
    hash: u64,
    /// Byte range in the normalized text.
    range: Range<usize>,
    chars: usize,
}

/// The prose sentences of one report.
pub struct Sentences<'a> {
    text: Text<'a>,
    items: Vec<Sentence>,
}

fn is_break(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n')
}

impl<'a> Sentences<'a> {
    pub fn of(text: &'a str, report: &Report) -> Sentences<'a> {
        let t = Text::new(text);
        // Character ranges to leave out: tables and furniture, sorted by start.
        let mut skip: Vec<(usize, usize)> = report
            .tables
            .iter()
            .map(|x| (x.start, x.end))
            .chain(report.furniture.iter().map(|f| (f.start, f.end)))
            .collect();
        skip.sort_unstable();
        // Merged, so that only the last range starting before a sentence can reach into it.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(skip.len());
        for s in skip {
            match merged.last_mut() {
                Some(m) if s.0 <= m.1 => m.1 = m.1.max(s.1),
                _ => merged.push(s),
            }
        }
        let inside = |r: &Range<usize>| {
            let o = t.orig_range(r.clone());
            let i = merged.partition_point(|s| s.0 <= o.start);
            (i > 0 && merged[i - 1].1 > o.start) || merged.get(i).is_some_and(|s| s.0 < o.end)
        };
        let mut items = Vec::new();
        let norm = t.norm.as_str();
        let mut start = 0;
        for (i, c) in norm
            .char_indices()
            .chain(std::iter::once((norm.len(), '\n')))
        {
            if !is_break(c) {
                continue;
            }
            let range = start..i;
            start = i + c.len_utf8().min(norm.len() - i);
            let mut h = DefaultHasher::new();
            let mut chars = 0;
            let mut in_digits = false;
            for ch in norm[range.clone()].chars() {
                if ch.is_ascii_digit() {
                    if !in_digits {
                        '0'.hash(&mut h);
                    }
                    in_digits = true;
                    continue;
                }
                in_digits = false;
                if ch.is_alphanumeric() {
                    ch.hash(&mut h);
                    chars += 1;
                }
            }
            if chars >= MIN_SENTENCE && !inside(&range) {
                items.push(Sentence {
                    hash: h.finish(),
                    range,
                    chars,
                });
            }
        }
        Sentences { text: t, items }
    }

    /// How much of this text repeats `last`: the ratio and the passages; `None` when this text
    /// has too little prose to tell.
    pub fn reuse_of(&self, last: &Sentences) -> Option<Reuse> {
        let total: usize = self.items.iter().map(|s| s.chars).sum();
        if total < MIN_PROSE {
            return None;
        }
        let seen: HashSet<u64> = last.items.iter().map(|s| s.hash).collect();
        let mut reused = 0;
        let mut passages: Vec<Span> = Vec::new();
        let mut open: Option<Range<usize>> = None;
        for s in &self.items {
            if seen.contains(&s.hash) {
                reused += s.chars;
                open = Some(match open {
                    Some(r) => r.start..s.range.end,
                    None => s.range.clone(),
                });
            } else if let Some(r) = open.take() {
                passages.push(self.text.span(r));
            }
        }
        if let Some(r) = open {
            passages.push(self.text.span(r));
        }
        Some(Reuse {
            ratio: reused as f64 / total as f64,
            chars: total,
            passages,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAST: &str = "2020年，本县坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n全年主动公开政府信息2316条，办理政府信息公开申请77件。\n我们将进一步加强培训，提高工作人员的业务水平和能力。";

    #[test]
    fn a_text_with_new_years_and_figures_is_reused() {
        let this = "2021年，本县坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n全年主动公开政府信息3120条，办理政府信息公开申请95件。\n我们将进一步加强培训，提高工作人员的业务水平和能力。";
        let r = crate::analyze(this);
        let l = crate::analyze(LAST);
        let a = Sentences::of(this, &r);
        let b = Sentences::of(LAST, &l);
        let reuse = a.reuse_of(&b).expect("enough prose");
        assert!((reuse.ratio - 1.0).abs() < 1e-9, "{reuse:?}");
        assert_eq!(reuse.passages.len(), 1);
        let p = &reuse.passages[0];
        let slice: String = this.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(slice, p.text);
        assert!(p.text.starts_with("2021年"));
    }

    #[test]
    fn a_rewritten_text_is_not_reused() {
        let this = "2021年，全县围绕优化营商环境，重点公开惠企政策和办事指南，新建政务公开专区十二个。\n全年受理依申请公开九十五件，均在法定期限内答复，未发生行政复议和诉讼。\n下一步将建立政策解读回应机制，完善公开目录，持续提升公开质量。";
        let r = crate::analyze(this);
        let l = crate::analyze(LAST);
        let reuse = Sentences::of(this, &r)
            .reuse_of(&Sentences::of(LAST, &l))
            .unwrap();
        assert!(reuse.ratio < 0.01, "{reuse:?}");
        assert!(reuse.passages.is_empty());
    }

    #[test]
    fn traditional_script_is_read_as_simplified() {
        let trad = "2020年，本縣堅持以公開為常態、不公開為例外，全面推進政務公開工作。\n全年主動公開政府信息2316條，辦理政府信息公開申請77件。\n我們將進一步加強培訓，提高工作人員的業務水平和能力。";
        let r = crate::analyze(trad);
        let l = crate::analyze(LAST);
        let reuse = Sentences::of(trad, &r)
            .reuse_of(&Sentences::of(LAST, &l))
            .unwrap();
        assert!(reuse.ratio > 0.99, "{reuse:?}");
    }

    #[test]
    fn too_little_prose_gives_no_ratio_and_whitespace_does_not_make_a_text_new() {
        let r = crate::analyze("一、总体情况");
        assert!(Sentences::of("一、总体情况", &r)
            .reuse_of(&Sentences::of("一、总体情况", &r))
            .is_none());
        assert!(same_text("甲 乙\n丙", "甲乙丙"));
        assert!(!same_text("甲乙丙", "甲乙丁"));
        assert_eq!(Whole::of("甲 乙\r\n丙"), Whole::of("甲乙丙"));
    }
}
