//! Pass 2: insert line breaks where a block starts inside a line.
//!
//! Rules, each a position inside a line where a new line begins:
//! - **heading**: a numbering (`二、`, `(三)`, `2.`, `(1)`, `①`, `第二部分`) with a title,
//!   after a sentence end (`。` `!` `?` `;`) or white space, whose number continues the
//!   document's own sequence at that level (or starts one, or names a statutory part);
//!   three or more such numberings in a row with nothing between them are a table of
//!   contents and are left alone;
//! - **part body**: after a statutory part title (`一、总体情况`, `四、政府信息公开行政复议、
//!   行政诉讼情况`) at the start of a line, the text glued to it begins a new line;
//! - **table rows**: in a flattened statistics table (three or more row labels of table 3,
//!   or a 第二十条 block of table 2, with no sentence between), each row label begins a line,
//!   its numbering included (`…00000002.其他法律…` breaks before `2.`);
//! - **joined lines**: in a long line whose old line breaks became spaces (a crawler's body,
//!   a header block on one line), a space between two words, or after a sentence end, or
//!   before a block, is a line break. Spaces between numbers, or before a number or a unit,
//!   stay: they separate cells or belong to the number.
//!
//! Never splits inside a number, a `《》` title, or a line with letter-spacing.

use super::join::{is_header_field, starts_block};
use super::profile::{self, TERMINAL};
use super::Edit;
use crate::lexicon::bodies::{ORG_SUFFIXES, PLACE_SUFFIXES};
use crate::lexicon::page::{header_key_at, BREADCRUMB_STARTS, DOC_TITLE_ENDS, HEADER_KEYS};
use crate::lexicon::parts;
use crate::lexicon::tables::{T3_LONG_LABELS, T3_SHORT_LABELS};
use crate::scan::chars::{char_len, head, is_cjk, is_cn_numeral, next_ascii_or};
use crate::scan::headings::{self, Style};
use memchr::memmem;
use std::sync::LazyLock;

/// The edits of pass 2, and whether the text is a page's fragments joined with spaces (then
/// every space became a break, and pass 1 must run again (with `first` false, pass 2 then
/// only splits) to rejoin what only a node
/// boundary separated: `三明 市人民政府`, `20 21 年`).
pub fn plan(norm: &str, first: bool) -> (Vec<Edit>, bool) {
    let mut breaks: Vec<usize> = Vec::new();
    let mut seq = Sequence::default();
    let lines = profile::extents(norm);
    // Line breaks that became spaces: decided for the whole text by its long lines, then
    // applied to every line (a crawler's header block is joined the same way as its body).
    // (the gaps of the lines this decision counted, by line: the rules below ask again)
    let mut counted: Vec<(usize, Option<usize>)> = Vec::new();
    let joined = lines.iter().enumerate().any(|(k, l)| {
        l.end - l.start >= 150 && l.text(norm).contains(' ') && {
            let g = gaps(l.text(norm));
            counted.push((k, g));
            g.is_some_and(|g| g >= 3)
        }
    });
    let mut counted = counted.into_iter().peekable();
    // Fragments joined with spaces: spaces stand before continuing punctuation (`情况 、`).
    let fragmented = first
        && joined
        && lines
            .iter()
            .map(|l| spaced_dun(l.text(norm)))
            .sum::<usize>()
            >= 3;
    if fragmented {
        let mut breaks = Vec::new();
        for l in &lines {
            let t = l.text(norm);
            for (k, _) in t.match_indices(' ') {
                if !t[..k].ends_with(' ') {
                    breaks.push(l.start + k);
                }
            }
        }
        return (breaks.into_iter().map(Edit::insert_break).collect(), true);
    }
    let mut first_line = true;
    // A crawler's `标题:` field repeats the title: where the title stands glued to a
    // breadcrumb or a header above it, it is cut out there.
    let (title_at, title_field) = title_field(norm);
    let (mut mark_buf, mut stop_buf) = (Vec::new(), Vec::new());
    for (k, l) in lines.into_iter().enumerate() {
        let known = counted.next_if(|&(j, _)| j == k).map(|(_, g)| g);
        if l.is_blank() {
            continue;
        }
        let t = l.text(norm);
        // A number alone (a table cell on its line): no block starts inside it.
        if t.len() <= 24
            && t.bytes()
                .all(|b| b.is_ascii_digit() || b".,%-".contains(&b))
        {
            first_line = false;
            continue;
        }
        let mut here: Vec<usize> = Vec::new();
        // (A Markdown heading is one line by construction.)
        if joined
            && t.contains(' ')
            && known.unwrap_or_else(|| gaps(t)).is_some()
            && !(t.starts_with('#') && char_len(t) < 80)
        {
            joined_spaces(t, &mut here);
        }
        if l.start < 4000 {
            header_zone(t, first_line, &mut here);
            if let Some(v) = title_field.filter(|_| l.start < title_at) {
                title_inside_line(t, v, &mut here);
            }
        }
        first_line = false;
        marks(t, &mut mark_buf, &mut stop_buf);
        glued_pipe_rows(t, &mut here);
        table_rows(t, &mark_buf, &mut here);
        headings_in(t, &mark_buf, &mut seq, &mut here);
        unnumbered_parts(t, &stop_buf, &mut here);
        here.sort_unstable();
        here.dedup();
        // The part body rule applies at the start of every segment: the line's start and
        // each break found (those it adds are pushed after them).
        for k in 0..=here.len() {
            let s = if k == 0 { 0 } else { here[k - 1] };
            let cn = t[s..].starts_with(|c: char| c == '第' || is_cn_numeral(c));
            if let Some(e) = cn.then(|| part_body(&t[s..])).flatten() {
                here.push(s + e);
            }
        }
        here.sort_unstable();
        here.dedup();
        breaks.extend(
            here.into_iter()
                .filter(|&p| p > 0 && p < t.len())
                .map(|p| l.start + p),
        );
    }
    breaks.sort_unstable();
    breaks.dedup();
    (breaks.into_iter().map(Edit::insert_break).collect(), false)
}

/// One pass over a line's bytes: where a numbering may start, and where a sentence ends.
/// A numbering may start after a sentence end or white space, at a `(`, before the `、` of a
/// Chinese numeral (`三、`, `十二、`), and at the last digit before a `.` or `、` (a row
/// number glued after a cell's digits: `00000002.其他…`). Only these positions are looked at
/// by the rules, so a line of prose costs one byte scan.
/// The marks and stops go into `marks` and `stops`, cleared first (buffers kept from line to
/// line).
fn marks(t: &str, marks: &mut Vec<usize>, stops: &mut Vec<usize>) {
    let b = t.as_bytes();
    marks.clear();
    stops.clear();
    // The CJK punctuation 。 、 are E3 80 82 / E3 80 81.
    let mut i = 0;
    while i < b.len() {
        // (most bytes of a line are none of these: the ideographs are skipped eight bytes at
        // a time, then an ASCII byte that is no mark one at a time)
        match next_ascii_or(b, i, 0xE3) {
            Some(k) => i = k,
            None => break,
        }
        let c = b[i];
        if !MARK_BYTES[usize::from(c)] {
            i += 1;
            continue;
        }
        match c {
            b'(' => marks.push(i),
            b' ' | b'\t' | b'!' | b'?' | b';' => {
                if matches!(c, b'!' | b'?' | b';') {
                    stops.push(i);
                }
                if b.get(i + 1).is_some_and(|&n| n != b' ' && n != b'\t')
                    && opens_numbering(t, i + 1)
                {
                    marks.push(i + 1);
                }
            }
            b'.' if i > 0 && b[i - 1].is_ascii_digit() => digit_run_end(b, i, marks),
            0xE3 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x82) => {
                    stops.push(i);
                    if opens_numbering(t, i + 3) {
                        marks.push(i + 3);
                    }
                }
                Some(0x81) => {
                    if i > 0 && b[i - 1].is_ascii_digit() {
                        digit_run_end(b, i, marks);
                    }
                    // 三、 / 十二、: the numeral run before it
                    let mut k = i;
                    while k >= 3
                        && t.is_char_boundary(k - 3)
                        && t[k - 3..k].chars().all(is_cn_numeral)
                    {
                        k -= 3;
                    }
                    if k < i {
                        marks.push(k);
                    }
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    marks.sort_unstable();
    marks.dedup();
}

/// The bytes [`marks`] stops at: `(`, white space, `!` `?` `;`, `.` and the lead byte of
/// `。` `、`.
const MARK_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b"( \t!?;.\xE3";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// The text at byte `i` may open a numbering: a digit, `(`, `#`, `第`, a circled number or
/// a Chinese numeral.
fn opens_numbering(t: &str, i: usize) -> bool {
    t.get(i..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| matches!(c, '0'..='9' | '(' | '#' | '第' | '①'..='⑳') || is_cn_numeral(c))
}

/// Marks the first and the last digit of the digit run ending before byte `i`.
fn digit_run_end(b: &[u8], i: usize, marks: &mut Vec<usize>) {
    let mut k = i;
    while k > 0 && b[k - 1].is_ascii_digit() {
        k -= 1;
    }
    marks.push(k);
    marks.push(i - 1);
}

/// The last number seen at each numbering level, to tell a heading that continues the
/// document's sequence from a number that merely follows a full stop.
#[derive(Default)]
struct Sequence {
    /// Last value per rank (0: 第一部分, 1: 一、, 2: (一), 3: 1., 4: (1), 5: ①).
    last: [u32; 6],
}

impl Sequence {
    fn rank(style: Style) -> Option<usize> {
        match style {
            Style::Part => Some(0),
            Style::CnDun => Some(1),
            Style::CnParen => Some(2),
            Style::ArabicDot => Some(3),
            Style::ArabicParen => Some(4),
            Style::Circled => Some(5),
            Style::Markdown(_) | Style::Unnumbered => None,
        }
    }

    /// Whether `value` continues (or restarts) the sequence of `style`.
    fn fits(&self, style: Style, value: u32) -> bool {
        Self::rank(style).is_some_and(|r| value == 1 || value == self.last[r] + 1)
    }

    fn see(&mut self, style: Style, value: u32) {
        if let Some(r) = Self::rank(style) {
            self.last[r] = value;
            for deeper in &mut self.last[r + 1..] {
                *deeper = 0;
            }
        }
    }
}

/// Numbered headings inside `t` (and the sequence state from the one at its start).
fn headings_in(t: &str, marks: &[usize], seq: &mut Sequence, out: &mut Vec<usize>) {
    let expect = (seq.last[3] > 0).then(|| seq.last[3] + 1);
    let numbered = t.starts_with(|c: char| {
        matches!(c, '(' | '第' | '#' | '0'..='9' | '①'..='⑳') || is_cn_numeral(c)
    });
    if let Some(h) = numbered
        .then(|| headings::parse(head(t, 300), expect))
        .flatten()
    {
        if let Some(v) = h.value {
            seq.see(h.style, v);
        }
        // `一、2019年政务公开工作总结(一)政务公开工作进展情况`: the first subheading run into
        // the heading's title, with no punctuation between.
        if matches!(h.style, Style::CnDun | Style::Part) {
            first_sub(t, h.title.start, out);
        }
    }
    let mut found: Vec<(usize, usize, bool)> = Vec::new(); // (start, end of its title, restarts)
    for &p in marks {
        let Some(c) = t[p..].chars().next().filter(|_| p > 0) else {
            continue;
        };
        if c == '#' || c.is_ascii_digit() && t.as_bytes()[p - 1].is_ascii_digit() {
            continue; // (the last digit of a run numbers no heading)
        }
        if c.is_ascii_digit() && !headings::may_open_arabic(&t[p..]) {
            continue; // (a number that no heading's numbering starts with: most cells)
        }
        let before = t[..p].trim_end_matches([' ', '\t']);
        let spaced = before.len() < p;
        let boundary = spaced
            || before.ends_with(TERMINAL)
            || before.ends_with(['”', ')']) && {
                let b2 = before.trim_end_matches(['”', ')']);
                b2.ends_with(TERMINAL)
            };
        // Only marks before it (`## 一、…`, `• (一)…`): the line's own heading.
        let marks_only = before
            .chars()
            .all(|c| matches!(c, '#' | '•' | '·' | '●' | '■' | '◆' | '▪' | '>' | '|' | ' '));
        if marks_only {
            continue;
        }
        // `…_页面_08.png三、收到和处理政府信息公开申请情况`: a statutory part that continues the
        // top-level sequence needs no boundary before it.
        // (cheap test first: the numeral is the one the sequence expects, followed by 、)
        let glued_part = !boundary
            && is_numeral(c)
            && !c.is_ascii_digit()
            && headings::cn_number(&t[p..])
                .is_some_and(|(v, l)| v == seq.last[1] + 1 && t[p + l..].starts_with('、'))
            && headings::parse_item(head(&t[p..], 120), None).is_some_and(|h| {
                h.style == Style::CnDun
                    && h.value.is_some_and(|v| v == seq.last[1] + 1)
                    && parts::part_of_title(&t[p..][h.title.clone()]).is_some()
                    && char_len(&t[p..][h.title.clone()]) >= 4
            });
        if !boundary && !glued_part {
            continue;
        }
        let rest = head(&t[p..], 120);
        // A number whose punctuation was lost (`2进一步…`) counts where the sequence expects it.
        let expect = (seq.last[3] > 0).then(|| seq.last[3] + 1);
        let Some(h) = headings::parse_item(rest, expect) else {
            continue;
        };
        let Some(v) = h.value else { continue };
        if matches!(h.style, Style::Markdown(_) | Style::Unnumbered) {
            continue;
        }
        let title = &rest[h.title.clone()];
        let names_part = h.style == Style::CnDun && parts::part_of_title(title).is_some();
        // A sentence that merely starts with a number is not a heading: the title must be
        // short or end at punctuation (headings::parse cut it there).
        if char_len(title) > 30 && !names_part {
            continue;
        }
        if !(seq.fits(h.style, v) || names_part && v <= 10) {
            continue;
        }
        if matches!(h.style, Style::CnDun | Style::Part) {
            first_sub(t, p + h.title.start, out);
        }
        let restarts = Sequence::rank(h.style).is_some_and(|r| seq.last[r] == 0);
        seq.see(h.style, v);
        found.push((p, p + h.title.end, restarts));
    }
    // Four or more numberings with (almost) nothing between them, starting a numbering
    // afresh: a table of contents. (Run on after earlier parts, they are empty parts.)
    let mut k = 0;
    while k < found.len() {
        let mut j = k;
        while j + 1 < found.len()
            && t.get(found[j].1..found[j + 1].0)
                .is_none_or(|between| between.trim().chars().count() <= 2)
        {
            j += 1;
        }
        if j - k + 1 < 4 || !found[k].2 {
            out.extend(found[k..=j].iter().map(|f| marks_start(t, f.0)));
        }
        k = j + 1;
    }
}

/// `(一)` run into the title of the heading whose title starts at `title` (within 40
/// characters, no punctuation between): the first subheading begins a line.
fn first_sub(t: &str, title: usize, out: &mut Vec<usize>) {
    let head: usize = t[title..].chars().take(40).map(char::len_utf8).sum();
    if let Some(k) = t[title..title + head].find("(一)") {
        // (`第二十条第(一)项` cites an article's item: no heading)
        let before = &t[title..title + k];
        if k > 0 && !before.contains(['。', ',', ';', ':']) && !before.ends_with('第') {
            out.push(title + k);
        }
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || is_cn_numeral(c)
}

/// The start of a text (its first line, or a line holding header fields) whose page header
/// runs into its title and body with nothing between
/// (`…栏目:政府信息公开年报原文链接:…年度报告发布时间:2023-02-20本报告根据…`): before the
/// first sentence end or part heading, a header field, a breadcrumb, a year opening a title or
/// sentence, and the text after a document title or a date-time begin lines.
fn header_zone(t: &str, first_line: bool, out: &mut Vec<usize>) {
    let mut end = t.find('。').unwrap_or(t.len());
    end = t[..end].find("一、").unwrap_or(end);
    // `正文:` ends the header: the body follows on a line of its own.
    if let Some(k) = t[..end].find("正文:") {
        if k > 0 {
            out.push(k);
        }
        let body = k + "正文:".len();
        if !t[body..].trim().is_empty() {
            out.push(body + (t[body..].len() - t[body..].trim_start().len()));
        }
        end = k;
    }
    let zone = &t[..end];
    // Only a header run together: it holds a header field or a breadcrumb.
    let header = BREADCRUMB_STARTS.iter().any(|k| zone.contains(k))
        || zone.match_indices(':').any(|(q, _)| {
            let before = zone[..q].trim_end();
            HEADER_KEYS.iter().any(|k| before.ends_with(k))
        });
    // (a short first line is a title alone — unless a title ends inside it and more text
    // follows: `…年度报告…年度报告。`)
    let title_inside = || {
        DOC_TITLE_ENDS.iter().any(|w| {
            zone.find(w)
                .is_some_and(|k| zone[k + w.len()..].starts_with(|c: char| is_cjk(c)))
        })
    };
    if !(header || first_line) || !header && char_len(zone) < 60 && !title_inside() {
        return;
    }
    let mut skip_to = 0;
    let mut depth = 0i32;
    for (p, c) in zone.char_indices() {
        match c {
            '《' => depth += 1,
            '》' => depth = (depth - 1).max(0),
            _ => {}
        }
        if p < skip_to || depth > 0 || p == 0 && !TITLE_KEYS.iter().any(|k| zone.starts_with(k)) {
            continue;
        }
        let rest = &t[p..];
        let prev = t[..p].chars().next_back().unwrap_or(' ');
        // header fields, longest key first (信息来源 before 来源)
        if let Some(k) = header_key_at(rest) {
            if p > 0 {
                out.push(p);
            }
            skip_to = p + k.len();
            // A title field's value is one title: no break inside it before its end word
            // (`标题:三明市2021年政府信息公开工作年度报告发布时间:…`).
            if TITLE_KEYS.contains(&k) {
                skip_to += title_value_len(&t[skip_to..]);
                if t[skip_to..].starts_with(|c: char| is_cjk(c)) {
                    out.push(skip_to);
                }
            }
            continue;
        }
        if BREADCRUMB_STARTS.iter().any(|b| rest.starts_with(b)) {
            out.push(p);
            continue;
        }
        if is_cjk(prev)
            && !matches!(
                prev,
                '至' | '于' | '在' | '到' | '止' | '从' | '自' | '截' | '的' | '前'
            )
        {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 4 && rest[4..].starts_with('年') && !names_title_body(t, out, p) {
                out.push(p);
                continue;
            }
        }
        if let Some(w) = DOC_TITLE_ENDS.iter().find(|w| rest.starts_with(**w)) {
            let end = p + title_end(rest, w.len());
            skip_to = end;
            // (the body may follow after the spaces of its indentation)
            let after = t[end..].trim_start_matches([' ', '\t']);
            let q = t.len() - after.len();
            if after.starts_with(|d: char| is_cjk(d) || d.is_ascii_digit()) {
                out.push(q);
            }
            continue;
        }
        if let Some(len) = date_time_len(rest) {
            let q = p + len;
            if t[q..].starts_with(is_cjk) {
                out.push(q);
            }
            skip_to = q;
        }
    }
}

/// The text before the year at `p` (since the last break) is the name of a body that opens
/// the title ending shortly after: `某市人民政府办公室|2015年…年度报告` stays one line.
fn names_title_body(t: &str, breaks: &[usize], p: usize) -> bool {
    let from = breaks.iter().copied().filter(|&b| b < p).max().unwrap_or(0);
    let name = t[from..p].rsplit(':').next().unwrap_or("");
    let n = char_len(name);
    (2..=30).contains(&n)
        && (name.ends_with(')')
            || ORG_SUFFIXES
                .iter()
                .chain(PLACE_SUFFIXES)
                .any(|s| name.ends_with(s)))
        && DOC_TITLE_ENDS.iter().any(|w| head(&t[p..], 60).contains(w))
}

/// The value of the text's `标题:` field (in its first 4,000 bytes) and where the field is.
fn title_field(norm: &str) -> (usize, Option<&str>) {
    let zone = &norm[..(0..=norm.len().min(4000))
        .rev()
        .find(|&i| norm.is_char_boundary(i))
        .unwrap_or(0)];
    for k in TITLE_KEYS {
        for (at, _) in zone.match_indices(k) {
            if header_key_at(&zone[at..]) != Some(k) {
                continue;
            }
            let v = norm[at + k.len()..]
                .trim_start()
                .trim_start_matches(':')
                .trim_start();
            let start = norm.len() - v.len();
            let len = title_value_len(v);
            let v = v[..len].trim_end_matches([' ', '\t', '•', '·', '|']);
            if char_len(v) >= 8 {
                return (at, Some(&norm[start..start + v.len()]));
            }
        }
    }
    (0, None)
}

/// The title `v` inside line `t` after other text (`首页 >> 公开信息内容某区2018年…报告  • 索引号`):
/// breaks before it and after it.
fn title_inside_line(t: &str, v: &str, out: &mut Vec<usize>) {
    if let Some(k) = t.find(v).filter(|&k| k > 0) {
        out.push(k);
        let e = k + v.len();
        if !t[e..].trim().is_empty() {
            out.push(e);
        }
    }
}

/// How far the value of a title field runs (`v` starts after its key): to the next header
/// field, else to the end of its title — the first title ending (年度报告, 落实情况 …) and any
/// that continue it (`工作要点落实情况的函`) — else nothing is known of it (0).
fn title_value_len(v: &str) -> usize {
    let window = head(v, 120);
    if let Some(k) = window
        .char_indices()
        .skip(1)
        .find_map(|(i, _)| header_key_at(&window[i..]).map(|_| i))
    {
        return k;
    }
    let Some(e) = DOC_TITLE_ENDS
        .iter()
        .filter_map(|w| window.find(w).map(|e| e + w.len()))
        .min()
    else {
        return 0;
    };
    title_end(window, e)
}

/// The end of a title whose first ending (年度报告, 落实情况 …) ends at `e` in `s`: endings that
/// overlap it or follow it at once extend it (`工作要点|落实情况|报告`, `落实情况|的函`).
fn title_end(s: &str, mut e: usize) -> usize {
    let window = head(s, e + 40);
    loop {
        let from = (e.saturating_sub(12)..=e)
            .find(|&i| window.is_char_boundary(i))
            .unwrap_or(e);
        let next = DOC_TITLE_ENDS
            .iter()
            .filter_map(|w| {
                let k = window.get(from..)?.find(w)?;
                Some((from + k, from + k + w.len()))
            })
            .filter(|&(start, end)| start <= e && end > e)
            .map(|(_, end)| end)
            .max();
        match next {
            Some(n) => e = n,
            None => return e,
        }
    }
}

/// Header fields whose value is the document's title.
const TITLE_KEYS: &[&str] = &["标题"];

/// Length of a date (and time) at the start of `s`: `2023-02-20`, `2023/01/18 11:34:01`,
/// `2023-02-20 15:07`.
fn date_time_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    if digits(0) != 4 || !matches!(b.get(4), Some(b'-' | b'/')) {
        return None;
    }
    let m = digits(5);
    if !(1..=2).contains(&m) || !matches!(b.get(5 + m), Some(b'-' | b'/')) {
        return None;
    }
    let d = digits(6 + m);
    if !(1..=2).contains(&d) {
        return None;
    }
    let mut len = 6 + m + d;
    // a time: ` 15:07` or ` 11:34:01`
    if b.get(len) == Some(&b' ') && digits(len + 1) == 2 && b.get(len + 3) == Some(&b':') {
        len += 6;
        if b.get(len) == Some(&b':') && digits(len + 1) == 2 {
            len += 3;
        }
    }
    Some(len)
}

/// A statutory part title without numbering right after a sentence end, run into its body
/// (`…情况。主动公开政府信息情况按照《条例》…`, the 2008 reports' unnumbered parts on one
/// line): breaks before and after it.
fn unnumbered_parts(t: &str, stops: &[usize], out: &mut Vec<usize>) {
    for &p in stops {
        let Some(c) = t[p..].chars().next() else {
            continue;
        };
        let q = p + c.len_utf8();
        let rest = t[q..].trim_start();
        let q = t.len() - rest.len();
        if let Some(len) = parts::glued_part_title(rest).filter(|&n| char_len(&rest[..n]) >= 6) {
            if rest[len..].starts_with(|d: char| is_cjk(d) || d == '(' || d.is_ascii_digit()) {
                out.push(q);
                out.push(q + len);
            }
        }
    }
}

/// After a statutory part title at the start of `seg` (`一、总体情况2022年,…`), where the
/// body begins.
fn part_body(seg: &str) -> Option<usize> {
    let (style, _, body) = headings::numbering_prefix(seg)?;
    if !matches!(style, Style::CnDun | Style::Part) {
        return None;
    }
    let lead = seg[body..].len() - seg[body..].trim_start().len();
    let start = body + lead;
    let len = parts::title_len(&seg[start..])?;
    let mut end = start + len;
    let rest = &seg[end..];
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '。' | ':' | '.'))
    {
        end += c.len_utf8();
    }
    (!seg[end..].trim().is_empty()).then_some(end)
}

/// Row labels of a statistics table flattened into `t`.
fn table_rows(t: &str, marks: &[usize], out: &mut Vec<usize>) {
    // Table 3: row labels with their numbering.
    let mut rows: Vec<usize> = Vec::new();
    for &p in marks {
        let Some(c) = t[p..].chars().next() else {
            continue;
        };
        if !(c == '(' || is_numeral(c)) {
            continue;
        }
        // An Arabic numbering glued after a cell's digits: only its last digit numbers the row.
        if c.is_ascii_digit() && t[p + 1..].starts_with(|d: char| d.is_ascii_digit()) {
            continue;
        }
        // 一、 inside a word (第一、二季度) is no numbering, unless a long row label follows
        // (a header run into the first row: `…法律服务机构其他一、本年新收…`).
        let in_word = p > 0
            && !c.is_ascii_digit()
            && c != '('
            && t[..p].chars().next_back().is_some_and(is_cjk);
        if let Some((_, _, body)) = headings::numbering_prefix(&t[p..]) {
            let after = &t[p + body..];
            let long = || {
                T3_LONG_LABELS
                    .iter()
                    .any(|l| after.trim_start().starts_with(l))
            };
            if is_t3_label(after) && (!in_word || long()) {
                rows.push(p);
            }
        }
    }
    if rows.len() >= 3 && no_sentence_between(t, rows[0], rows[rows.len() - 1]) {
        out.extend(rows.into_iter().map(|p| pipe_row_start(t, p)));
    }
    // Table 2: the 第二十条 blocks and their rows.
    // (searched on every line: the searcher is built once)
    static T2_FIRST: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("第二十条第"));
    if let Some(first) = T2_FIRST.find(t.as_bytes()) {
        let end = t[first..].find('。').map_or(t.len(), |e| first + e);
        let region = &t[first..end];
        let mut at: Vec<usize> = Vec::new();
        for stem in T2_STEMS {
            for (k, _) in region.match_indices(stem) {
                // 规范性文件 inside 行政规范性文件 is the same row.
                if *stem == "规范性文件" && region[..k].ends_with("行政") {
                    continue;
                }
                // (a pipe row's cells: `规章 | 0 | 0 | 0 |`)
                let after = region[k + stem.len()..].trim_start_matches([' ', '|']);
                let opens_row = *stem == "第二十条第"
                    || *stem == "信息内容"
                    || after.starts_with(|c: char| c.is_ascii_digit() || c == '/' || c == '-')
                    || T2_STEMS.iter().any(|s| after.starts_with(s));
                if opens_row {
                    at.push(pipe_row_start(t, first + k));
                }
            }
        }
        if at.len() >= 3 {
            out.extend(at);
        }
    }
}

/// Pipe rows joined with nothing between them (`…| 9 ||项目|本年新收件数|…`, `…| 31 |##`):
/// a `||` followed by a cell that opens a row (words, a rule, a numbering) or by Markdown
/// marks is a row boundary, in a line of many cells. (An empty cell, `| 5 || 3 |`, is
/// followed by a number.)
fn glued_pipe_rows(t: &str, out: &mut Vec<usize>) {
    if t.len() < 200 || !t.contains('|') || t.bytes().filter(|&b| b == b'|').count() < 12 {
        return;
    }
    for (k, _) in t.match_indices("||") {
        let rest = t[k + 2..].trim_start_matches(' ');
        // after a rule row (`|---|---||27 |`) whatever follows is a row
        let last_cell = t[..k].rsplit('|').next().unwrap_or("").trim();
        let after_rule = last_cell.len() >= 3 && last_cell.bytes().all(|b| b == b'-' || b == b':');
        let opens = after_rule
            || rest.starts_with(['-', ':', '(', '#'])
            || rest.starts_with(|c: char| is_cjk(c));
        if opens {
            out.push(k + 1);
        }
    }
    // `…| 31 |## 四、…`, `|### 行政复议| 结果维持 |`: a Markdown heading between rows, ended
    // by the next row's `|`.
    for (k, _) in t.match_indices("|#") {
        out.push(k + 1);
        let head = &t[k + 1..];
        if let Some(e) = head
            .find('|')
            .filter(|&e| e <= 90 && !head[..e].contains('。'))
        {
            out.push(k + 1 + e);
        }
    }
}

/// Where the heading numbered at `p` begins: at its Markdown marks (`… ## 五、…`), else `p`.
fn marks_start(t: &str, p: usize) -> usize {
    let lead = t[..p].trim_end_matches(' ');
    let hashes = lead.len() - lead.trim_end_matches('#').len();
    let start = lead.len() - hashes;
    if hashes > 0 && (start == 0 || t[..start].ends_with([' ', '\t', '|'])) {
        start
    } else {
        p
    }
}

/// Where the row whose label starts at `p` begins: at its `|` when it is a pipe row joined
/// after another (`… | 0 | | 规章 | 0 |`, `…| 0 ||规章|`), else at `p`.
fn pipe_row_start(t: &str, p: usize) -> usize {
    let lead = t[..p].trim_end_matches(' ');
    let piped = lead.ends_with('|') && lead[..lead.len() - 1].ends_with([' ', '|']);
    if piped {
        lead.len() - 1
    } else {
        p
    }
}

/// Row stems of table 2 (longest first where one contains another).
const T2_STEMS: &[&str] = &[
    "第二十条第",
    "信息内容",
    "规章",
    "行政规范性文件",
    "规范性文件",
    "其他对外管理服务事项",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
];

/// The text after a numbering is a table-3 row label.
fn is_t3_label(after: &str) -> bool {
    let a = after.trim_start();
    if T3_LONG_LABELS.iter().any(|l| a.starts_with(l)) || a.starts_with("危及") {
        return true;
    }
    T3_SHORT_LABELS.iter().any(|l| {
        a.strip_prefix(l).is_some_and(|rest| {
            let next = rest.chars().next();
            *l != "其他" && next.is_none_or(|c| !is_cjk(c))
                || *l == "其他" && next.is_none_or(|c| c.is_ascii_digit() || c == ' ')
        })
    })
}

fn no_sentence_between(t: &str, a: usize, b: usize) -> bool {
    !t[a..b].contains('。')
}

/// How many spaces of `t` stand between words or after a sentence end (where a line break
/// was); `None` for a letter-spaced line (`政 府 信 息`: most characters between spaces).
fn gaps(t: &str) -> Option<usize> {
    let mut gaps = 0;
    let mut cjk = 0;
    let mut lonely = 0; // CJK characters with a space on both sides
    let mut prev: Option<char> = None;
    let mut before_run: Option<char> = None; // the character before the current run of spaces
    let mut in_run = false;
    let mut spaced_cjk = false; // the last character is CJK with a space before it
    for c in t.chars() {
        if c == ' ' {
            if spaced_cjk {
                lonely += 1;
            }
            spaced_cjk = false;
            if !in_run {
                in_run = true;
                before_run = prev;
            }
        } else {
            let wide = is_cjk(c);
            if in_run {
                // between words or after a sentence: not beside a number (`申请 749 件`) or
                // after a numbering (`(一) 系统化…`), which OCR and Markdown text space out
                if wide
                    && before_run.is_some_and(|p| {
                        is_cjk(p) || TERMINAL.contains(&p) || matches!(p, '”' | '》')
                    })
                {
                    gaps += 1;
                }
                in_run = false;
            }
            spaced_cjk = wide && prev == Some(' ');
            if wide {
                cjk += 1;
            }
        }
        prev = Some(c);
    }
    (lonely * 5 < cjk.max(1)).then_some(gaps)
}

fn is_wide(c: char) -> bool {
    is_cjk(c) || matches!(c, '。' | '、' | ')' | '”' | '》' | ':' | ',')
}

/// ` 、`: a space before continuing punctuation, the mark of fragments joined with spaces.
static SPACE_DUN: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(" 、"));

/// How many ` 、` a line has when a space stands before its last byte (0 otherwise).
fn spaced_dun(t: &str) -> usize {
    let b = t.as_bytes();
    if memchr::memchr(b' ', &b[..b.len().saturating_sub(1)]).is_some() {
        SPACE_DUN.find_iter(b).count()
    } else {
        0
    }
}

/// The characters a numbering read whole by [`headings::numbering_prefix`] ends with (besides
/// ① … ⑳): `一、`, `1.`, `1,`, `(一)`, `1)`, `第一部分`, `第一章`, `第一篇`.
const NUMBERING_ENDS: &[char] = &['、', '.', ',', ')', '分', '章', '篇'];

/// Breaks at the spaces of a joined line. (A pipe table row keeps its spaces: they pad cells.)
fn joined_spaces(t: &str, out: &mut Vec<usize>) {
    if t.starts_with('|') && t.len() < 2000 {
        return;
    }
    let mut depth = 0i32; // inside 《…》 nothing is split
    let mut iter = t.char_indices().peekable();
    let mut prev = ' ';
    while let Some((p, c)) = iter.next() {
        match c {
            '《' => depth += 1,
            '》' => depth = (depth - 1).max(0),
            _ => {}
        }
        if c != ' ' && c != '\t' {
            prev = c;
            continue;
        }
        // the whole run of white space
        let mut q = p + 1;
        while let Some(&(k, d)) = iter.peek() {
            if d == ' ' || d == '\t' {
                iter.next();
                q = k + 1;
            } else {
                break;
            }
        }
        if depth > 0 || c == '\t' || t[p..q].contains('\t') {
            continue;
        }
        // `一、 概述`: the space after a numbering belongs to the heading. (A numbering read
        // whole ends with one of `NUMBERING_ENDS`: only then are the words before tried.)
        let ends_in_numbering = t[..p]
            .chars()
            .next_back()
            .is_some_and(|c| NUMBERING_ENDS.contains(&c) || ('①'..='⑳').contains(&c))
            && t[..p].char_indices().rev().take(6).any(|(k, _)| {
                let w = &t[k..p];
                headings::numbering_prefix(w).is_some_and(|(_, _, body)| body == w.len())
            });
        if ends_in_numbering {
            continue;
        }
        let rest = &t[q..];
        let Some(next) = rest.chars().next() else {
            continue;
        };
        if prev == '#' {
            continue; // `## 一、…`: the marks belong to their heading
        }
        // Pipe rows joined with spaces: `…| 713 | | 二、上年结转… |`, `…|---| | 予以公开 |`,
        // `…| 0 |  ### 四、…`. (An empty cell, `| 5 |  | 3 |`, is followed by a number.)
        if prev == '|' {
            let cell = rest.strip_prefix('|').map(str::trim_start);
            // after a rule row (`|---|---|`) whatever follows is a row
            let last_cell = t[..p].trim_end_matches([' ', '|']);
            let after_rule = last_cell
                .rsplit('|')
                .next()
                .is_some_and(|c| c.len() >= 3 && c.bytes().all(|b| b == b'-' || b == b':'));
            let new_row = cell.is_some_and(|c| {
                after_rule || c.starts_with(['-', ':', '(']) || c.starts_with(|d: char| is_cjk(d))
            });
            if new_row || rest.starts_with('#') {
                out.push(q);
            }
            continue;
        }
        let unit = UNIT_LIKE.contains(&next);
        // A year opening a sentence or a title (`…页面 2019年政务公开工作总结`); other numbers
        // after a word and a space stay with it (`数量 71 3 0`, `申请 749 件`).
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let year = digits == 4 && rest[4..].starts_with('年') && is_wide(prev);
        // A Markdown heading run into the table under it: `### 行政复议 | 结果维持 | …`.
        let seg = &t[out.last().copied().unwrap_or(0)..p];
        if rest.starts_with('|') && seg.starts_with('#') && !seg.contains('|') {
            out.push(q);
            continue;
        }
        // Inside a cell of a pipe row (`| 部分公开 (区分处理的, 只计这一情形) | 99 |`) a space
        // is the cell's own.
        if in_pipe_cell(t, p, q) {
            continue;
        }
        let split = (TERMINAL.contains(&prev) && prev != ':')
            || (starts_block(rest) && !rest.starts_with('|') && prev != '|')
            || is_header_field(rest)
            || year
            || (is_cjk(next) && !unit && (is_wide(prev) || prev.is_ascii_alphanumeric()));
        if split {
            out.push(q);
        }
    }
}

/// The white space `p..q` stands inside a cell of a pipe row: a `|` before it and one after
/// it, each within 120 bytes and with no sentence end between.
fn in_pipe_cell(t: &str, p: usize, q: usize) -> bool {
    let mut from = p.saturating_sub(120);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (q + 120).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let before = &t[from..p];
    let after = &t[q..to];
    let open = before
        .rfind('|')
        .is_some_and(|k| !before[k..].contains('。'));
    let close = after.find('|').is_some_and(|k| !after[..k].contains('。'));
    open && close
}

/// Characters after a space that belong to the number before it (`54 场`, `2025 年`).
const UNIT_LIKE: &[char] = &[
    '件', '个', '条', '项', '次', '人', '家', '份', '篇', '场', '宗', '起', '户', '轮', '处', '元',
    '万', '亿', '年', '月', '日', '号', '期', '批', '类', '余', '多', '天', '名', '位',
];

#[cfg(test)]
mod tests {
    use super::super::tests::lines;

    proptest::proptest! {
        #[test]
        fn spaced_continuing_marks_are_counted_as_the_plain_count_counts_them(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![" ", "、", " 、", "a", "情况", "\t"]),
                0..20,
            ),
        ) {
            let t = parts.concat();
            let plain = t.as_bytes().windows(2).filter(|w| w[0] == b' ').count().min(1)
                * t.matches(" 、").count();
            proptest::prop_assert_eq!(super::spaced_dun(&t), plain);
        }

        #[test]
        fn a_numbering_read_whole_ends_with_one_of_the_numbering_ends(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["一", "十", "1", "12", "、", ".", ",", ")", "(", "第", "部分", "章", "篇", "③", "#", " ", "情况", "x"]),
                1..7,
            ),
        ) {
            let w = parts.concat();
            if crate::scan::headings::numbering_prefix(&w).is_some_and(|(_, _, body)| body == w.len()) {
                let last = w.chars().next_back().unwrap_or(' ');
                proptest::prop_assert!(
                    super::NUMBERING_ENDS.contains(&last) || ('①'..='⑳').contains(&last),
                    "{}", w
                );
            }
        }
    }

    #[test]
    fn a_heading_after_a_full_stop_starts_a_line() {
        let got = lines("一、总体情况\n全年工作扎实。二、主动公开政府信息情况全年公开信息。");
        assert_eq!(
            got,
            [
                "一、总体情况",
                "全年工作扎实。",
                "二、主动公开政府信息情况",
                "全年公开信息。"
            ]
        );
    }

    #[test]
    fn numbers_after_a_full_stop_are_not_headings() {
        let got = lines("一、总体情况\n全年工作扎实。1.5万人次参加。3、4月份开展培训。");
        assert_eq!(
            got,
            [
                "一、总体情况",
                "全年工作扎实。1.5万人次参加。3、4月份开展培训。"
            ]
        );
    }

    #[test]
    fn a_table_of_contents_is_not_split() {
        let got = lines("目录。一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、其他");
        assert_eq!(got.len(), 1, "{got:#?}");
    }

    #[test]
    fn a_flattened_table_3_gets_its_rows() {
        let got = lines("一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 (一)予以公开 210000021(三)不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000(七)总计 723000075四、结转下年度继续办理 0000000");
        assert_eq!(
            got,
            [
                "一、本年新收政府信息公开申请数量 713000074",
                "二、上年结转政府信息公开申请数量 1000001",
                "三、本年度办理结果",
                "(一)予以公开 210000021",
                "(三)不予公开",
                "1.属于国家秘密0000000",
                "2.其他法律行政法规禁止公开 0000000",
                "(七)总计 723000075",
                "四、结转下年度继续办理 0000000"
            ]
        );
    }

    #[test]
    fn a_flattened_table_2_gets_its_rows() {
        let got = lines("第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698第二十条第(五)项信息内容本年处理决定数量行政许可10690");
        assert!(got.contains(&"规章000".to_owned()), "{got:#?}");
        assert!(
            got.contains(&"行政规范性文件8855698".to_owned()),
            "{got:#?}"
        );
        assert!(got.contains(&"行政许可10690".to_owned()), "{got:#?}");
    }

    #[test]
    fn a_header_run_into_its_title_and_body_comes_apart_but_the_title_stays_whole() {
        let got = lines("标题:三明市2021年政府信息公开工作年度报告发布时间:文号:来源:政府信息公开办正文:根据新修订的《中华人民共和国政府信息公开条例》规定,现公布三明市2021年政府信息公开工作年度报告。");
        assert_eq!(
            got[0], "标题:三明市2021年政府信息公开工作年度报告",
            "{got:#?}"
        );
        assert!(got.contains(&"来源:政府信息公开办".to_owned()), "{got:#?}");
        // a title repeated as the first sentence, and a title before an indented body
        let got = lines("云浮市人民政府办公室2015年政府信息公开工作年度报告云浮市人民政府办公室2015年政府信息公开工作年度报告。");
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].ends_with("年度报告"), "{got:#?}");
        let got = lines("您现在的位置: 首页政府信息公开详细页面2019年政务公开工作总结 2019年,市政务公开办认真贯彻落实新修订的《中华人民共和国政府信息公开条例》。");
        assert!(
            got.iter().any(|l| l.ends_with("2019年政务公开工作总结")),
            "{got:#?}"
        );
        // a title's endings run on (工作要点 / 落实情况 / 的函), and a breadcrumb run into the
        // title the 标题 field repeats
        let got = lines("标题:关于2014年政府信息公开工作要点落实情况的函发布时间:2014-12-10正文:各单位:现将落实情况报告如下。");
        assert_eq!(
            got[0], "标题:关于2014年政府信息公开工作要点落实情况的函",
            "{got:#?}"
        );
        let got = lines("首页 >> 公开信息内容楚雄经开区(高新区)2018年政务公开工作要点落实情况报告  • 索引号:11532301734304660U-/2018-1227004  • 标题:楚雄经开区(高新区)2018年政务公开工作要点落实情况报告  • 发文日期: 2018年12月20日");
        assert!(
            got.iter()
                .any(|l| l.starts_with("楚雄经开区(高新区)2018年政务公开工作要点落实情况报告")),
            "{got:#?}"
        );
    }

    #[test]
    fn spaces_of_a_joined_body_are_line_breaks() {
        let body = "标题: 某区2022年政府信息公开工作年度报告 发布时间: 2023-02-20 15:07 正文 本报告根据《中华人民共和国政府信息公开条例》编制,所列数据统计时限为2022年1月1日至2022年12月31日。 一、总体情况 2022年,本区坚持以人民为中心,全年收到申请75件,办理54 场培训,2025 年继续。 (一)主动公开方面 一是加强组织领导。二是完善制度建设。 (二)依申请公开方面 全年办结申请75件。 二、主动公开政府信息情况 全年主动公开信息1.2万条。";
        let got = lines(body);
        for want in [
            "一、总体情况",
            "(一)主动公开方面",
            "(二)依申请公开方面",
            "二、主动公开政府信息情况",
            "发布时间: 2023-02-20 15:07",
        ] {
            assert!(got.contains(&want.to_owned()), "{want} not in {got:#?}");
        }
        let all = got.join("|");
        assert!(
            all.contains("54 场培训") && all.contains("2025 年继续"),
            "{all}"
        );
    }
}
