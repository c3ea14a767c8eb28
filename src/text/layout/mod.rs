//! Stage 2b, layout: the report's logical lines, recovered from whatever physical lines the
//! text arrived in.
//!
//! Real text rarely has one line per logical block. Crawlers and APIs deliver a page's body
//! as one long line; PDF viewers hard-wrap every 30–40 characters, inside words, numbers and
//! headings; saved pages put every table cell, or every HTML text node, on a line of its own;
//! some copies double-space every line. Every later stage reads lines, so this stage rewrites
//! the line breaks of the normalized view — and nothing else — until each line is one block:
//! a heading, a paragraph (or sentence), a table row or cell, a header field, a furniture
//! line.
//!
//! Two passes, each one walk over the lines:
//! 1. [`join`]: breaks that only wrap a block are removed — a line that ends inside a number
//!    (`201` / `9年`), one that the next line continues with punctuation (`、`, `。`, `)`), a
//!    numbering alone on its line (`一、` / `总体情况`), a line cut at the text's own wrap
//!    width (detected from the line lengths), the runs of short fragments of a page whose
//!    every text node is a line, and the blank lines of double-spaced text. Inside tables
//!    laid out one cell per line nothing is joined: cells stay cells.
//! 2. [`split`]: breaks are inserted where a block starts inside a line — a heading after
//!    `。`, a space or another heading (`…工作。二、主动公开政府信息情况 2022年,…`), a statutory
//!    part title followed by its body, the rows of a statistics table flattened into one
//!    line, and the fields and bars of a crawler header joined with spaces.
//!
//! A page's fragments joined with spaces (a crawler's `get_text(" ")`) are both: every
//! space becomes a break, then pass 1 and pass 2 run again.
//!
//! Guarantees: only line breaks and the white space around a removed break change, so every
//! character of the report keeps its place in the input (the offset map of
//! [`crate::text::normalize::Text`] is carried through [`Text::apply`]); text that already
//! has one block per line (the seeds) comes out unchanged or with headings separated from
//! their bodies; no pass is worse than linear in the text.

mod join;
mod profile;
mod split;

use crate::text::normalize::Text;
pub use crate::text::offsets::Edit;

/// Rewrites `text`'s normalized view into logical lines.
pub fn recover(text: &mut Text) {
    let edits = join::plan(&text.norm, true);
    text.apply(&edits);
    let (edits, fragmented) = split::plan(&text.norm, true);
    text.apply(&edits);
    if fragmented {
        // The spaces were the node boundaries: a join drops them too.
        let edits = join::plan(&text.norm, false);
        text.apply(&edits);
        let (edits, _) = split::plan(&text.norm, false);
        text.apply(&edits);
    }
}

/// What the layout stage measured on `input`'s physical lines (for tools): wrap width,
/// double spacing, fragments.
pub fn describe(input: &str) -> String {
    let t = Text::new(input);
    let lines = profile::lines(&t.norm);
    format!("{:?}", profile::profile(&t.norm, &lines))
}

/// The logical lines of `input` after normalization and layout (for tools and tests).
pub fn logical_lines(input: &str) -> Vec<String> {
    let mut t = Text::new(input);
    recover(&mut t);
    t.norm
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The logical lines of `input`, with the span contract checked on every line.
    pub(crate) fn lines(input: &str) -> Vec<String> {
        let mut t = Text::new(input);
        recover(&mut t);
        let mut out = Vec::new();
        let mut pos = 0;
        for piece in t.norm.clone().split('\n') {
            let r = pos..pos + piece.len();
            pos += piece.len() + 1;
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            // Every line maps back to a slice of the input that holds the same characters
            // apart from white space.
            let s = t.span(r);
            let squash = |x: &str| x.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(
                squash(&Text::new(&s.text).norm),
                squash(trimmed),
                "line {trimmed:?} maps to {:?}",
                s.text
            );
            out.push(trimmed.to_owned());
        }
        out
    }

    #[test]
    fn well_formed_text_keeps_its_lines() {
        let input = "某市2020年政府信息公开工作年度报告\n\n一、总体情况\n2020年,全市收到申请75件。\n二、主动公开政府信息情况\n全年主动公开信息1.2万条。";
        assert_eq!(
            lines(input),
            [
                "某市2020年政府信息公开工作年度报告",
                "一、总体情况",
                "2020年,全市收到申请75件。",
                "二、主动公开政府信息情况",
                "全年主动公开信息1.2万条。"
            ]
        );
    }

    #[test]
    fn one_long_line_gets_its_blocks_back() {
        let input = "本报告根据《条例》编制。 一、总体情况 2022年,本区收到申请75件,均已办结。 (一)主动公开方面 一是加强组织领导,明确责任分工,细化工作任务。二是完善制度。 (二)依申请公开方面 规范受理、办理、答复流程。 二、主动公开政府信息情况 全年主动公开信息1.2万条。";
        let got = lines(input);
        assert!(got.contains(&"一、总体情况".to_owned()), "{got:#?}");
        assert!(got.contains(&"(一)主动公开方面".to_owned()), "{got:#?}");
        assert!(
            got.contains(&"二、主动公开政府信息情况".to_owned()),
            "{got:#?}"
        );
        assert!(
            got.iter().any(|l| l.starts_with("2022年,本区收到申请75件")),
            "{got:#?}"
        );
    }

    #[test]
    fn fragments_are_rejoined_and_numbers_read_whole() {
        let input = "根据《条例》规定,现公布\n三明\n市2019年报告。本报告由总体情况\n、\n主动公开政府信息情况\n、\n其他需要报告的事项三部分组成。\n一、\n总体情况\n政府信息公开是重要工作\n201\n9\n年,\n通过“意见征集”\n15\n2期,收集意见\n4\n2\n个。";
        let got = lines(input);
        assert!(got.contains(&"一、总体情况".to_owned()), "{got:#?}");
        let all = got.join("|");
        assert!(all.contains("2019年"), "{all}");
        assert!(all.contains("152期"), "{all}");
        assert!(all.contains("42个"), "{all}");
        assert!(
            all.contains("本报告由总体情况、主动公开政府信息情况、其他需要报告的事项三部分组成"),
            "{all}"
        );
    }

    #[test]
    fn cells_of_a_table_stay_cells() {
        let input = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n总计\n一、本年新收政府信息公开申请数量\n1\n62\n0\n0\n0\n0\n0\n162\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n";
        let got = lines(input);
        assert!(got.contains(&"62".to_owned()), "{got:#?}");
        assert_eq!(got.iter().filter(|l| *l == "0").count(), 12, "{got:#?}");
    }

    #[test]
    fn hard_wraps_are_rejoined() {
        let para = "2022年,全区收到政府信息公开申请123件,其中自然人申请120件,法人或其他组织申请3件,均在法定期限内予以答复,办结率100%。";
        let text = format!("一、总体情况\n{para}\n二、主动公开政府信息情况\n{para}");
        let wrapped: String = text
            .lines()
            .map(|l| {
                let cs: Vec<char> = l.chars().collect();
                cs.chunks(13)
                    .map(|c| c.iter().collect::<String>())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(lines(&wrapped), lines(&text));
    }

    #[test]
    fn double_spacing_is_removed() {
        let text = "一、总体情况\n正文一。\n\n二、主动公开政府信息情况\n正文二。";
        let spaced: String = text.lines().map(|l| format!("{l}\n\n")).collect();
        assert_eq!(lines(&spaced), lines(text));
    }
}
