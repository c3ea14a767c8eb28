//! What the physical lines of a text look like: each line's extent and features, and the
//! text-wide layout they show — a fixed wrap width, double spacing, one fragment per line —
//! and the runs of lines that are the cells of a table laid out one cell per line.
//!
//! All measured from the text itself in one pass over its lines; no threshold depends on
//! which report it is.

use crate::scan::chars::{ascii_count, byte_count, line_ranges};

/// One physical line of the normalized text.
#[derive(Debug, Clone)]
pub struct Line {
    /// Byte range of the trimmed content.
    pub start: usize,
    pub end: usize,
    /// Characters of the trimmed content.
    pub chars: usize,
    /// Display width (wide characters count 2), for PDF copies that wrap by width.
    pub width: usize,
    pub first: char,
    pub last: char,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.start..self.end]
    }
}

/// A physical line's trimmed content, without the measures of [`Line`] (for a pass that only
/// reads the text).
#[derive(Debug, Clone, Copy)]
pub struct Extent {
    pub start: usize,
    pub end: usize,
}

impl Extent {
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.start..self.end]
    }
}

/// The physical lines of `norm` as trimmed extents (blank lines included, empty).
pub fn extents(norm: &str) -> Vec<Extent> {
    let mut out = Vec::with_capacity(byte_count(norm.as_bytes(), b'\n') + 1);
    for r in line_ranges(norm) {
        let piece = &norm[r.clone()];
        let t = piece.trim_start();
        let start = r.start + (piece.len() - t.len());
        out.push(Extent {
            start,
            end: start + t.trim_end().len(),
        });
    }
    out
}

/// The physical lines of `norm` (blank lines included, as empty ranges).
pub fn lines(norm: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(byte_count(norm.as_bytes(), b'\n') + 1);
    for r in line_ranges(norm) {
        let piece = &norm[r.clone()];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        let start = r.start + lead;
        // ASCII is one column, every other character two.
        let chars = t.chars().count();
        let ascii = ascii_count(t.as_bytes());
        let width = 2 * chars - ascii;
        out.push(Line {
            start,
            end: start + t.len(),
            chars,
            width,
            first: t.chars().next().unwrap_or(' '),
            last: t.chars().next_back().unwrap_or(' '),
        });
    }
    out
}

/// The layout the lines show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Every line is followed by a blank line: single blank lines mean nothing.
    pub double_spaced: bool,
    /// Lines are cut at this many characters (or display columns, see `wrap_by_width`).
    pub wrap: Option<usize>,
    pub wrap_by_width: bool,
    /// The page put every text fragment on its own line: breaks inside sentences are the rule.
    pub fragments: bool,
}

impl Profile {
    /// True when line `l` was cut at the wrap width.
    pub fn is_full(&self, l: &Line) -> bool {
        match self.wrap {
            Some(w) if self.wrap_by_width => l.width + 3 >= w,
            Some(w) => l.chars + 1 >= w,
            None => false,
        }
    }
}

/// Characters that continue the line before them: a line starting with one was cut.
pub const CONTINUES: &[char] = &[
    ',', '。', '、', ';', ':', '!', '?', ')', '》', '」', '』', '”', '’', '%', '…', ']', '〉',
];

/// Continuing punctuation that starts a line only where a page cut its text into nodes
/// (a PDF's wrapped table labels may start with `)`, which is left out).
const FRAGMENT_STARTS: &[char] = &[
    ',', '。', '、', ';', ':', '!', '?', '》', '」', '』', '”', '’', '%', '…',
];

/// Characters that follow a number as its unit or date part.
pub const UNIT_START: &[char] = &[
    '件', '个', '条', '项', '次', '人', '家', '份', '篇', '场', '宗', '起', '户', '轮', '处', '元',
    '万', '亿', '年', '月', '日', '号', '期', '批', '类', '套', '部', '名', '位', '所', '台', '天',
    '%', '.', '余', '多',
];

/// Characters that open something the next line closes: a line ending with one was cut.
pub const OPENS: &[char] = &[
    '(', '《', '「', '『', '“', '‘', '[', '〈', '、', ',', '-', '—',
];

/// Characters that end a sentence or a lead-in.
pub const TERMINAL: &[char] = &['。', '!', '?', ';', ':', '…'];

/// True when the line ends a sentence (also `。”` and `。)`).
pub fn is_terminal(t: &str) -> bool {
    let t = t.trim_end_matches(['”', '’', ')', '」', '』', '》', ' ']);
    t.ends_with(TERMINAL)
}

/// Measures the layout.
pub fn profile(norm: &str, lines: &[Line]) -> Profile {
    let mut p = Profile::default();
    let content: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    if content.len() < 4 {
        return p;
    }
    // Double spacing: nearly every content line is followed by exactly one blank line.
    let mut followed = 0;
    let mut pairs = 0;
    for w in lines.windows(2) {
        if !w[0].is_blank() {
            pairs += 1;
            if w[1].is_blank() {
                followed += 1;
            }
        }
    }
    p.double_spaced = pairs >= 4 && followed * 10 >= pairs * 9;

    // Wrap width: a sharp peak of line lengths at the top of the distribution.
    let by_chars = wrap_width(content.iter().map(|l| l.chars), 0);
    let by_width = wrap_width(content.iter().map(|l| l.width), 3);
    match (by_chars, by_width) {
        (Some((w, n)), Some((_, m))) if n >= m => p.wrap = Some(w),
        (_, Some((w, _))) => {
            p.wrap = Some(w);
            p.wrap_by_width = true;
        }
        (Some((w, _)), None) => p.wrap = Some(w),
        (None, None) => {}
    }

    // Fragments: a page that put every text node on a line leaves lines that start with the
    // punctuation continuing the previous one, and lines of punctuation alone (`、`, `。`).
    // (A line cut at the wrap width may start with punctuation by chance: not counted.)
    let mut glue = 0;
    let mut prev: Option<&Line> = None;
    for l in lines.iter().filter(|l| !l.is_blank()) {
        let t = l.text(norm);
        let cut = prev.is_some_and(|a| p.is_full(a));
        if !cut
            && (FRAGMENT_STARTS.contains(&l.first)
                || (l.chars <= 2
                    && t.chars()
                        .all(|c| FRAGMENT_STARTS.contains(&c) || OPENS.contains(&c))))
        {
            glue += 1;
        }
        prev = Some(l);
    }
    p.fragments = glue >= 3 && glue * 50 >= content.len();
    p
}

/// The wrap width of lengths `lens` (with `tol` of slack for lines cut by display width):
/// the most common length among long lines, when lines that long make a large share and
/// (almost) no line is longer. Returns the width and how many lines sit at it.
fn wrap_width(lens: impl Iterator<Item = usize>, tol: usize) -> Option<(usize, usize)> {
    let lens: Vec<usize> = lens.collect();
    let long: Vec<usize> = lens.iter().copied().filter(|&n| n >= 16).collect();
    if long.len() < 4 {
        return None;
    }
    let max = *long.iter().max()?;
    if max > 400 {
        return None;
    }
    let mut hist = vec![0usize; max + 1];
    for &n in &long {
        hist[n] += 1;
    }
    // The width: the length with the most lines within `tol + 1` below it.
    let (w, at) = (16..=max)
        .map(|w| {
            (
                w,
                (w.saturating_sub(tol + 1)..=w)
                    .map(|k| hist[k])
                    .sum::<usize>(),
            )
        })
        .max_by_key(|&(w, n)| (n, w))?;
    let longer: usize = hist[w + 1..].iter().sum();
    // Wrapped paragraphs are mostly full lines: most long lines sit at the width, and
    // (almost) none is longer.
    (w >= 20 && at >= 5 && at * 5 >= long.len() * 2 && longer * 50 <= long.len()).then_some((w, at))
}

/// A line that can be a cell of a table laid out one cell per line: a bare number, or a short
/// label without sentence punctuation.
pub fn is_number_cell(t: &str) -> bool {
    if t.len() > 30 || !t.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        return false;
    }
    // (most cells: digits only)
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let t = t.trim_end_matches(['%', '元']).trim_end_matches("万元");
    !t.is_empty()
        && t.len() <= 24
        && t.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '-')
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/'))
}

/// A short label cell. Not a fragment of prose cut around a number (`《三明市201`,
/// `年预算执行情况及20`): those end with digits glued to words or hold a `《》` title.
fn is_label_cell(t: &str) -> bool {
    if t.len() > 24 * 3 {
        return false;
    }
    let n = t.chars().count();
    n <= 24
        && !t.contains(['。', ',', ';', '!', '?', '《', '》'])
        && !t.ends_with(|c: char| c.is_ascii_digit())
}

/// For each line: true when it lies in a run of cells (a table laid out one cell per line,
/// or its numbers): at least four bare-number lines among short label lines, with no
/// sentence in between.
pub fn table_zones(norm: &str, lines: &[Line]) -> Vec<bool> {
    let mut zone = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        // (None: not a cell; Some(true): a number cell)
        let cell = |l: &Line| {
            let t = l.text(norm);
            if is_number_cell(t) {
                Some(true)
            } else {
                (l.is_blank() || is_label_cell(t)).then_some(false)
            }
        };
        if cell(&lines[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut numbers = 0;
        while let Some(number) = lines.get(i).and_then(cell) {
            numbers += usize::from(number);
            i += 1;
        }
        if numbers >= 4 {
            for z in &mut zone[start..i] {
                *z = true;
            }
        }
    }
    zone
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_wrap_width_is_found() {
        let para = "全区收到政府信息公开申请一百二十三件其中自然人申请一百二十件法人或其他组织申请三件均在法定期限内予以答复办结率百分之百".repeat(3);
        let cs: Vec<char> = para.chars().collect();
        let wrapped: String = cs
            .chunks(30)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        let ls = lines(&wrapped);
        let p = profile(&wrapped, &ls);
        assert_eq!(p.wrap, Some(30));
        assert!(!p.fragments && !p.double_spaced);
    }

    #[test]
    fn ordinary_paragraphs_have_no_wrap_width() {
        let text = "一、总体情况\n2020年,全市收到申请75件。\n二、主动公开政府信息情况\n全年主动公开信息1.2万条,其中规范性文件12件。\n三、收到和处理政府信息公开申请情况\n详见下表。";
        let ls = lines(text);
        assert_eq!(profile(text, &ls), Profile::default());
    }

    #[test]
    fn cells_make_a_zone_and_prose_does_not() {
        let text = "申请人情况\n自然人\n本年新收\n1\n62\n0\n0\n162\n广泛听取意见。通过意见征集\n15\n2期,收集意见。";
        let ls = lines(text);
        let z = table_zones(text, &ls);
        assert!(z[0] && z[3] && z[7], "{z:?}");
        assert!(!z[8] && !z[9] && !z[10], "{z:?}");
    }
}
