//! Pass 1: remove the line breaks that only wrap a block.
//!
//! For each break between two content lines A and B (blank lines between them end a block,
//! except in double-spaced text, where single blank lines mean nothing), the first rule that
//! applies decides:
//! 1. B starts with punctuation that continues A (`,` `。` `、` `)` `》` `%` …) → join;
//! 2. A ends with punctuation that B must close or continue (`(` `《` `“` `、` `,`) → join;
//! 3. A is a numbering alone (`一、`, `(二)`, `1.`) and B its title → join;
//! 4. the text is wrapped at a fixed width, A was cut at it and does not end a sentence →
//!    join, whatever B starts with (a wrap often falls just before a numbering; the split
//!    pass finds real block starts again);
//! 5. B starts a block (a heading, a table row label, a header field, a Markdown mark or a
//!    bullet) → keep;
//! 6. A ends inside a number and B goes on with its digits or its unit (`201` / `9年`,
//!    `347` / `件`), outside the cells of a table → join;
//! 7. the text is one fragment per line, A does not end a sentence, and neither line is a
//!    table cell → join;
//! 8. otherwise the break stays.
//!
//! A join deletes the break and the white space around it (one space is kept where there
//! was one: a wrap that fell on a space). Double-spaced text loses its single blank lines; a longer gap becomes one
//! blank line.

use super::profile::{self, is_terminal, Line, Profile, CONTINUES, OPENS, UNIT_START};
use super::Edit;
use crate::lexicon::page::HEADER_KEYS;
use crate::lexicon::tables::{is_table_row_label, T3_LONG_LABELS};
use crate::scan::headings;

/// The edits of pass 1. `keep_space`: a space beside a removed break stays (false when the
/// breaks stand where a crawler's spaces were).
pub fn plan(norm: &str, keep_space: bool) -> Vec<Edit> {
    let lines = profile::lines(norm);
    let zone = profile::table_zones(norm, &lines);
    let prof = profile::profile(norm, &lines);
    let mut edits = Vec::new();
    let mut prev: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        let Some(p) = prev.replace(i) else { continue };
        let a = &lines[p];
        let blanks = i - p - 1;
        let gap_ok = blanks == 0 || (prof.double_spaced && blanks == 1);
        if gap_ok && joins(norm, a, l, &prof, zone[p], zone[i]) {
            join_edits(norm, a, l, keep_space, &mut edits);
        } else if prof.double_spaced {
            // Keep the break; drop the blank lines double spacing added.
            let keep = if blanks >= 2 { 2 } else { 1 };
            let gap = &norm[a.end..l.start];
            let newlines: Vec<usize> = gap.match_indices('\n').map(|(k, _)| a.end + k).collect();
            if newlines.len() > keep {
                edits.push(Edit::delete(a.end, newlines[newlines.len() - keep]));
            }
        }
    }
    edits
}

/// Whether the break between `a` and `b` only wraps a block.
fn joins(norm: &str, a: &Line, b: &Line, prof: &Profile, za: bool, zb: bool) -> bool {
    let (ta, tb) = (a.text(norm), b.text(norm));
    // Two cells of a table's numbers, one per line: cells stay cells (no rule below joins
    // two digit runs inside a table zone).
    let digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    if za && zb && digits(ta) && digits(tb) {
        return false;
    }
    // A rule (`---`, a Markdown table's `|---|`, one of its cells on a line) is a line of
    // its own, never the continuation of a block nor continued by one.
    if is_rule(ta) || is_rule(tb) {
        return false;
    }
    // 1, 2 (a table row's numbers end a line whatever the next one starts with)
    let row = ends_in_cells(ta);
    if CONTINUES.contains(&b.first) && !row && !(b.first == ')' && starts_numbering(tb)) {
        return true;
    }
    if OPENS.contains(&a.last) {
        return true;
    }
    // 3
    if is_bare_numbering(ta) && !starts_block(tb) {
        return true;
    }
    // 6 before 4: a line cut at the wrap width goes on in the next whatever that starts
    // with (a wrap often falls before a numbering: `…200000` / `27.属于行政执法案卷`); a real
    // block start after it is found again by the split pass.
    // (A page header's fields and Markdown headings are never a wrap's continuation.)
    if prof.is_full(a) && !is_terminal(ta) && !is_header_field(tb) && !tb.starts_with('#') {
        return true;
    }
    // 5
    if starts_block(tb) {
        return false;
    }
    // 6
    if !za && !zb && ends_in_number(ta) && continues_number(tb) {
        return true;
    }
    // 7 (two numbers are never one because a page cut text into nodes: rule 6 decided)
    let two_numbers = ends_in_number(ta) && b.first.is_ascii_digit();
    prof.fragments && !za && !zb && !is_terminal(ta) && !two_numbers
}

/// A rule: three or more of `-` `=` `—` (with `:` `|` and spaces), nothing else.
fn is_rule(t: &str) -> bool {
    let t = t.trim();
    if !t.starts_with(['-', '=', '—', ':', '|']) {
        return false;
    }
    t.chars().filter(|c| matches!(c, '-' | '=' | '—')).count() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '=' | '—' | ':' | '|' | ' '))
}

/// The line ends with three or more numbers separated by white space: a table row.
fn ends_in_cells(t: &str) -> bool {
    let mut from = t.len().saturating_sub(48);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    t[from..]
        .rsplit([' ', '\t'])
        .take(3)
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .count()
        == 3
}

/// A numbering with nothing after it: `一、`, `(二)`, `1.`, `第三部分`.
fn is_bare_numbering(t: &str) -> bool {
    headings::numbering_prefix(t).is_some_and(|(_, _, body)| t[body..].trim().is_empty())
}

/// `(一)`/`(1)` at the start: a `)` that closes a numbering, not a continuation.
fn starts_numbering(t: &str) -> bool {
    headings::numbering_prefix(t).is_some()
}

/// The line opens a block of its own.
pub(super) fn starts_block(t: &str) -> bool {
    // Whatever opens a block is in its first characters.
    let t = crate::scan::chars::head(t, 120);
    if t.starts_with(['#', '•', '·', '●', '■', '◆', '▪', '|']) {
        return true;
    }
    match headings::numbering_prefix(t) {
        Some((_, _, body)) if body == t.trim_end().len() => return true,
        Some(_) if headings::parse_item(t, None).is_some() || is_table_row_label(t) => return true,
        Some(_) => {}
        // A table label without numbering (本年新收政府信息公开申请数量, a cell of its own).
        None if t.len() < 200 && T3_LONG_LABELS.iter().any(|l| t.starts_with(l)) => return true,
        None => {}
    }
    is_header_field(t)
}

/// `发布时间:2020-03-10`, `来源:` …: a field of a page header.
pub(super) fn is_header_field(t: &str) -> bool {
    // a key is a few characters before a colon
    if !crate::scan::chars::head(t, 12).contains(':') {
        return t == "正文";
    }
    HEADER_KEYS.iter().any(|k| {
        t.strip_prefix(k)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    }) || t == "正文:"
        || t == "正文"
}

/// The line ends with a digit run glued to what precedes it (`共计15`, `201`), not with the
/// last of several space-separated numbers.
fn ends_in_number(t: &str) -> bool {
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 12 {
        return false;
    }
    let before = &t[..t.len() - digits];
    !before.ends_with([' ', '\t', '|']) && !before.ends_with(|c: char| c.is_ascii_alphabetic())
}

/// The line goes on with a number's digits (`9年,`, `62`) or its unit (`件`, `万元`).
fn continues_number(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return t.starts_with(UNIT_START) && !t.starts_with(['.', '%']) || t.starts_with('%');
    }
    // A run of several space-separated numbers is a table row, and a complete value of its
    // own (`120190475.34元`, `12.5%`) a cell: neither continues the number before.
    let rest = &t[digits..];
    let complete = profile::is_number_cell(t) && (t.contains('.') || !rest.is_empty());
    !rest.starts_with([' ', '\t']) && !complete
}

/// Deletes the break between `a` and `b` with the white space around it; a space that stood
/// beside the break (a wrap at a space) is kept, as one space.
fn join_edits(norm: &str, a: &Line, b: &Line, keep_space: bool, edits: &mut Vec<Edit>) {
    let gap = &norm[a.end..b.start];
    match gap.find([' ', '\t']).filter(|_| keep_space) {
        Some(k) => {
            let sp = a.end + k;
            if sp > a.end {
                edits.push(Edit::delete(a.end, sp));
            }
            edits.push(Edit::delete(sp + 1, b.start));
        }
        None => edits.push(Edit::delete(a.end, b.start)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::lines;

    #[test]
    fn punctuation_continues_a_line() {
        assert_eq!(
            lines("本报告由总体情况\n、\n主动公开政府信息情况\n、\n其他需要报告的事项等组成。"),
            ["本报告由总体情况、主动公开政府信息情况、其他需要报告的事项等组成。"]
        );
        assert_eq!(
            lines("电子版在门户网(\nhttp://www.sm.gov.cn\n)发布。"),
            ["电子版在门户网(http://www.sm.gov.cn)发布。"]
        );
    }

    #[test]
    fn a_numbering_alone_takes_its_title() {
        assert_eq!(lines("一、\n总体情况\n正文。"), ["一、总体情况", "正文。"]);
        assert_eq!(
            lines("二\n、\n主动公开政府信息情况"),
            ["二、主动公开政府信息情况"]
        );
    }

    #[test]
    fn numbers_split_over_lines_are_read_whole() {
        assert_eq!(lines("全年共计347\n件。"), ["全年共计347件。"]);
        assert_eq!(
            lines("发布稿件445篇。\n201\n9年,全市开展"),
            ["发布稿件445篇。", "2019年,全市开展"]
        );
    }

    #[test]
    fn rows_of_numbers_are_not_one_number() {
        let got = lines("行政复议\n0 1 1 0 2\n1 0 0 0 1\n0 0 0 0 0");
        assert_eq!(got, ["行政复议", "0 1 1 0 2", "1 0 0 0 1", "0 0 0 0 0"]);
    }

    #[test]
    fn blocks_are_not_joined() {
        let got = lines(
            "(一)主动公开方面\n1.\n落实公开责任主体\n。\n编制印发文件。\n2.落实解读回应机制。",
        );
        assert_eq!(
            got,
            [
                "(一)主动公开方面",
                "1.落实公开责任主体。",
                "编制印发文件。",
                "2.落实解读回应机制。"
            ]
        );
    }
}
