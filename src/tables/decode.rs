//! Row decoding: the readings of a row whose tokens do not match its cells one to one, found
//! by the row's own arithmetic. Three ways a flattening loses the cell boundaries:
//!
//! - **glued** ([`Op::Split`]): separators dropped, `713000074` = 71|3|0|0|0|0|74 — a token is
//!   cut into several cells; cuts never cross the edges of the tokens the digits came in, so
//!   a partly separated row (`71 3000074`) is cut only inside its tokens;
//! - **split over lines** ([`Op::Join`]): one cell per line with a digit run broken by a line
//!   break (`1` / `62` = 162) — neighbouring tokens separated by a line break are joined; cells
//!   always end at a token's end;
//! - **merged repeats** ([`Op::Collapse`]): a crawler that drops a line equal to the one before
//!   it turns `287|24|2|0|1|1|315` into `287 24 2 0 1 315` — each token stands for one or more
//!   equal neighbouring cells.
//!
//! Numbers are written without leading zeros (a lone `0` is fine). A reading is kept only when
//! the row's [`Rule`] holds: [`Rule::RowTotal`] (last = sum of the others, table 3),
//! [`Rule::Blocks5`] (every block of five: fifth = sum of the first four, table 4),
//! [`Rule::UpTo`] (the first cell is at most the last: a year within its running total, 2008
//! 统计表) or [`Rule::None`] (any reading; the table's identities must then choose).
//!
//! Guarantees: the search is bounded (at most [`MAX_DIGITS`] digits, at most
//! [`MAX_SOLUTIONS`] solutions kept, and a shared node [`Budget`]); when the budget runs out
//! the answer is [`Decoding::TooHard`], never a guess. Every piece's range lies inside one
//! token or spans whole tokens, so it slices the text to the piece's digits. Never panics.

use std::ops::Range;

/// Longest digit run the decoder will try.
pub(crate) const MAX_DIGITS: usize = 48;
/// Most solutions collected before giving up on counting them.
pub(crate) const MAX_SOLUTIONS: usize = 32;
/// Longest single number (digits) in a decoded cell.
const MAX_PART: usize = 9;
/// Search nodes allowed for one call.
const CALL_NODES: u64 = 100_000;

/// Search nodes left for the whole input, shared by all calls.
pub(crate) struct Budget(pub u64);

impl Budget {
    /// Takes `n` nodes; false (and nothing taken) when fewer are left.
    pub(crate) fn take(&mut self, n: u64) -> bool {
        if self.0 >= n {
            self.0 -= n;
            true
        } else {
            false
        }
    }
}

/// The arithmetic a decoded row must satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Last number = sum of the others (table 3 rows).
    RowTotal,
    /// Each block of five: fifth = sum of the first four (table 4).
    Blocks5,
    /// First ≤ last (本年度 within 历年累计).
    UpTo,
    /// No rule of its own.
    None,
}

impl Rule {
    fn holds(self, v: &[f64]) -> bool {
        const EPS: f64 = 1e-6;
        match self {
            Rule::RowTotal => match v.split_last() {
                Some((t, rest)) => (rest.iter().sum::<f64>() - t).abs() < EPS,
                None => false,
            },
            Rule::Blocks5 => {
                v.len() % 5 == 0
                    && v.chunks(5)
                        .all(|b| (b[..4].iter().sum::<f64>() - b[4]).abs() < EPS)
            }
            Rule::UpTo => match (v.first(), v.last()) {
                (Some(a), Some(b)) => a <= b,
                _ => false,
            },
            Rule::None => true,
        }
    }
}

/// How the tokens lost their cell boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// Several cells glued into one token.
    Split,
    /// One cell broken over several lines.
    Join,
    /// Equal neighbouring cells merged into one token.
    Collapse,
}

/// One decoded cell: its byte range in the text and its value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub range: Range<usize>,
    pub value: f64,
}

/// Result of decoding.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Decoding {
    /// Exactly one reading fits.
    Unique(Vec<Piece>),
    /// Several fit; `complete` is false when more than [`MAX_SOLUTIONS`] exist.
    Many {
        candidates: Vec<Vec<Piece>>,
        complete: bool,
    },
    /// No reading fits.
    NoFit,
    /// Too long or the search budget ran out.
    TooHard,
}

impl Decoding {
    fn from_found(mut found: Vec<Vec<Piece>>, overflow: bool) -> Decoding {
        match found.len() {
            0 if !overflow => Decoding::NoFit,
            1 if !overflow => Decoding::Unique(found.remove(0)),
            _ => Decoding::Many {
                candidates: found,
                complete: !overflow,
            },
        }
    }
}

struct Search<'a> {
    digits: &'a [u8],
    /// `edge[i]`: digit i starts a token (and `edge[len]` is true).
    edge: &'a [bool],
    /// `joinable[i]`: a cell may span the edge before digit i (a line break, Join only).
    joinable: &'a [bool],
    /// Cells may end inside a token (Split).
    split: bool,
    rule: Rule,
    n: usize,
    parts: Vec<(usize, usize, u64)>,
    found: Vec<Vec<(usize, usize, u64)>>,
    nodes: u64,
    limit: u64,
    overflow: bool,
    exhausted: bool,
}

impl Search<'_> {
    fn run(&mut self, at: usize) {
        if self.exhausted || self.overflow {
            return;
        }
        self.nodes += 1;
        if self.nodes > self.limit {
            self.exhausted = true;
            return;
        }
        let len = self.digits.len();
        let k = self.parts.len();
        if k == self.n {
            if at == len {
                let v: Vec<f64> = self.parts.iter().map(|p| p.2 as f64).collect();
                if self.rule.holds(&v) {
                    if self.found.len() >= MAX_SOLUTIONS {
                        self.overflow = true;
                    } else {
                        self.found.push(self.parts.clone());
                    }
                }
            }
            return;
        }
        let left = self.n - k;
        let rest = len - at;
        if rest < left || rest > left * MAX_PART.max(1) && self.split {
            return;
        }
        // Blocks5: a block total must equal its four cells.
        let need = (self.rule == Rule::Blocks5 && k % 5 == 4)
            .then(|| self.parts[k - 4..k].iter().map(|p| p.2).sum::<u64>());
        let max_l = if self.digits[at] == b'0' {
            1
        } else {
            MAX_PART.min(rest)
        };
        for l in 1..=max_l {
            let end = at + l;
            // Crossing an edge: only where the tokens may be joined.
            if self.edge[end - 1] && end - 1 > at && !self.joinable[end - 1] {
                break;
            }
            if !self.split && !self.edge[end] {
                continue;
            }
            let v = value(&self.digits[at..end]);
            if need.is_some_and(|t| t != v) {
                continue;
            }
            self.parts.push((at, end, v));
            self.run(end);
            self.parts.pop();
            if self.exhausted || self.overflow {
                return;
            }
        }
    }
}

fn value(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |a, &b| {
        a.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    })
}

/// Decodes the tokens (byte ranges of `norm`) of one row into `n` cells with `op`, keeping
/// the readings that satisfy `rule`.
pub(crate) fn decode(
    norm: &str,
    tokens: &[Range<usize>],
    n: usize,
    op: Op,
    rule: Rule,
    budget: &mut Budget,
) -> Decoding {
    if n == 0 || tokens.is_empty() {
        return Decoding::NoFit;
    }
    match op {
        Op::Collapse => collapse(norm, tokens, n, rule, budget),
        Op::Split | Op::Join => digits(norm, tokens, n, op, rule, budget),
    }
}

fn digits(
    norm: &str,
    tokens: &[Range<usize>],
    n: usize,
    op: Op,
    rule: Rule,
    budget: &mut Budget,
) -> Decoding {
    let mut digits = Vec::new();
    let mut pos = Vec::new();
    let mut edge = Vec::new();
    let mut joinable = Vec::new();
    let mut prev_end: Option<usize> = None;
    for r in tokens {
        let Some(s) = norm.get(r.clone()) else {
            return Decoding::NoFit;
        };
        if s.is_empty() {
            return Decoding::NoFit;
        }
        // Join: the gap before this token must hold a line break.
        let gap_breaks = prev_end
            .and_then(|e| norm.get(e..r.start))
            .is_some_and(|g| g.contains('\n'));
        for (i, b) in s.bytes().enumerate() {
            if !b.is_ascii_digit() {
                return Decoding::NoFit;
            }
            edge.push(i == 0);
            joinable.push(i == 0 && op == Op::Join && gap_breaks);
            digits.push(b);
            pos.push(r.start + i);
        }
        prev_end = Some(r.end);
    }
    edge.push(true);
    joinable.push(false);
    if digits.len() < n {
        return Decoding::NoFit;
    }
    if digits.len() > MAX_DIGITS || budget.0 == 0 {
        return Decoding::TooHard;
    }
    let mut s = Search {
        digits: &digits,
        edge: &edge,
        joinable: &joinable,
        split: op == Op::Split,
        rule,
        n,
        parts: Vec::with_capacity(n),
        found: Vec::new(),
        nodes: 0,
        limit: CALL_NODES.min(budget.0),
        overflow: false,
        exhausted: false,
    };
    s.run(0);
    budget.0 = budget.0.saturating_sub(s.nodes);
    if s.exhausted {
        return Decoding::TooHard;
    }
    let to_pieces = |parts: &Vec<(usize, usize, u64)>| -> Vec<Piece> {
        parts
            .iter()
            .map(|&(a, b, v)| {
                let start = pos.get(a).copied().unwrap_or(0);
                let end = pos.get(b.wrapping_sub(1)).map_or(start, |p| p + 1);
                Piece {
                    range: start..end,
                    value: v as f64,
                }
            })
            .collect()
    };
    Decoding::from_found(s.found.iter().map(to_pieces).collect(), s.overflow)
}

/// Merged repeats: every token stands for r ≥ 1 equal cells, Σ r = n.
fn collapse(
    norm: &str,
    tokens: &[Range<usize>],
    n: usize,
    rule: Rule,
    budget: &mut Budget,
) -> Decoding {
    let k = tokens.len();
    if k > n {
        return Decoding::NoFit;
    }
    let mut vals = Vec::with_capacity(k);
    for r in tokens {
        match norm
            .get(r.clone())
            .and_then(super::cell::parse_cell)
            .and_then(super::cell::CellValue::number)
        {
            Some(v) => vals.push(v),
            None => return Decoding::NoFit,
        }
    }
    // Merging only ever joins equal neighbours: two equal neighbouring tokens cannot both
    // be what is left of a merge.
    if vals.windows(2).any(|w| w[0] == w[1]) {
        return Decoding::NoFit;
    }
    let mut st = Collapse {
        vals: &vals,
        tokens,
        n,
        rule,
        counts: Vec::with_capacity(k),
        cells: Vec::with_capacity(n),
        found: Vec::new(),
        nodes: 0,
        limit: CALL_NODES.min(budget.0),
        overflow: false,
        exhausted: false,
    };
    st.run(0);
    budget.0 = budget.0.saturating_sub(st.nodes);
    if st.exhausted {
        return Decoding::TooHard;
    }
    Decoding::from_found(st.found, st.overflow)
}

/// The compositions of `n` cells over the tokens, depth first.
struct Collapse<'a> {
    vals: &'a [f64],
    tokens: &'a [Range<usize>],
    n: usize,
    rule: Rule,
    counts: Vec<usize>,
    cells: Vec<f64>,
    found: Vec<Vec<Piece>>,
    nodes: u64,
    limit: u64,
    overflow: bool,
    exhausted: bool,
}

impl Collapse<'_> {
    fn run(&mut self, used: usize) {
        if self.exhausted || self.overflow {
            return;
        }
        self.nodes += 1;
        if self.nodes > self.limit {
            self.exhausted = true;
            return;
        }
        let i = self.counts.len();
        let k = self.vals.len();
        if i == k {
            if used == self.n && self.rule.holds(&self.cells) {
                if self.found.len() >= MAX_SOLUTIONS {
                    self.overflow = true;
                    return;
                }
                let reading = self
                    .tokens
                    .iter()
                    .zip(&self.counts)
                    .zip(self.vals)
                    .flat_map(|((r, &c), &v)| {
                        std::iter::repeat_n(
                            Piece {
                                range: r.clone(),
                                value: v,
                            },
                            c,
                        )
                    })
                    .collect();
                self.found.push(reading);
            }
            return;
        }
        // Each later token needs at least one cell.
        let most = self.n - used - (k - i - 1);
        for c in 1..=most {
            self.counts.push(c);
            self.cells.extend(std::iter::repeat_n(self.vals[i], c));
            self.run(used + c);
            self.cells.truncate(used);
            self.counts.pop();
            if self.exhausted || self.overflow {
                return;
            }
        }
    }
}

/// `71|3|0|0|0|0|74`: a reading for messages.
pub(crate) fn show(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| super::cell::fmt_num(p.value))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens separated by `sep` in `s`.
    fn toks(s: &str, sep: char) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if c == sep {
                out.push(start..i);
                start = i + c.len_utf8();
            }
        }
        out.push(start..s.len());
        out
    }

    fn dec(s: &str, n: usize, op: Op, rule: Rule) -> Decoding {
        let sep = if op == Op::Split { ' ' } else { '\n' };
        decode(s, &toks(s, sep), n, op, rule, &mut Budget(10_000_000))
    }

    fn vals(d: &Decoding) -> Vec<f64> {
        match d {
            Decoding::Unique(p) => p.iter().map(|x| x.value).collect(),
            _ => panic!("not unique: {d:?}"),
        }
    }

    fn nums(v: &[u32]) -> Vec<f64> {
        v.iter().map(|&x| f64::from(x)).collect()
    }

    #[test]
    fn glued_brief_example_is_unique() {
        let d = dec("713000074", 7, Op::Split, Rule::RowTotal);
        assert_eq!(vals(&d), nums(&[71, 3, 0, 0, 0, 0, 74]));
        if let Decoding::Unique(p) = d {
            assert_eq!(p[0].range, 0..2);
            assert_eq!(p[6].range, 7..9);
        }
    }

    #[test]
    fn glued_token_edges_are_respected() {
        assert_eq!(
            vals(&dec("71 3000074", 7, Op::Split, Rule::RowTotal)),
            nums(&[71, 3, 0, 0, 0, 0, 74])
        );
    }

    #[test]
    fn glued_ambiguous_run_gives_all_candidates() {
        // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both fit.
        match dec("110000011", 7, Op::Split, Rule::RowTotal) {
            Decoding::Many {
                candidates,
                complete,
            } => {
                assert!(complete);
                assert_eq!(candidates.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_fit_and_too_long() {
        assert_eq!(
            dec("99999999", 7, Op::Split, Rule::RowTotal),
            Decoding::NoFit
        );
        assert_eq!(
            dec(&"1".repeat(60), 7, Op::Split, Rule::RowTotal),
            Decoding::TooHard
        );
        assert_eq!(dec("12", 7, Op::Split, Rule::RowTotal), Decoding::NoFit);
    }

    #[test]
    fn glued_table4_blocks() {
        assert_eq!(
            vals(&dec("000000000000000", 15, Op::Split, Rule::Blocks5)),
            vec![0.0; 15]
        );
        assert_eq!(
            vals(&dec("210031000110001", 15, Op::Split, Rule::Blocks5)),
            nums(&[2, 1, 0, 0, 3, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1])
        );
    }

    #[test]
    fn digits_split_over_lines_are_joined() {
        // c10: 本年新收 160|0|0|2|0|0|162 with 162 broken as 1 / 62.
        let d = dec("160\n0\n0\n2\n0\n0\n1\n62", 7, Op::Join, Rule::RowTotal);
        assert_eq!(vals(&d), nums(&[160, 0, 0, 2, 0, 0, 162]));
        if let Decoding::Unique(p) = &d {
            assert_eq!(p[6].range, 14..18, "the joined cell spans both lines");
        }
        // (七)总计 with both 160 and 162 broken.
        let d = dec("1\n60\n0\n0\n2\n0\n0\n1\n62", 7, Op::Join, Rule::RowTotal);
        assert_eq!(vals(&d), nums(&[160, 0, 0, 2, 0, 0, 162]));
        let d = dec("2\n7\n0\n0\n1\n0\n0\n28", 7, Op::Join, Rule::RowTotal);
        assert_eq!(vals(&d), nums(&[27, 0, 0, 1, 0, 0, 28]));
    }

    #[test]
    fn join_never_cuts_inside_a_token_nor_joins_across_spaces() {
        // Tokens on one line (spaces) are never joined.
        let s = "160 0 0 2 0 0 1 62";
        assert_eq!(
            decode(
                s,
                &toks(s, ' '),
                7,
                Op::Join,
                Rule::RowTotal,
                &mut Budget(1 << 20)
            ),
            Decoding::NoFit
        );
    }

    #[test]
    fn merged_repeats_are_restored_by_the_row_total() {
        // c11: 予以公开 287|24|2|0|1|1|315 arrives as 287 24 2 0 1 315.
        assert_eq!(
            vals(&dec(
                "287\n24\n2\n0\n1\n315",
                7,
                Op::Collapse,
                Rule::RowTotal
            )),
            nums(&[287, 24, 2, 0, 1, 1, 315])
        );
        // a / 0 / a is a|0|0|0|0|0|a; a lone 0 is an all-zero row.
        assert_eq!(
            vals(&dec("8\n0\n8", 7, Op::Collapse, Rule::RowTotal)),
            nums(&[8, 0, 0, 0, 0, 0, 8])
        );
        assert_eq!(
            vals(&dec("0", 7, Op::Collapse, Rule::RowTotal)),
            vec![0.0; 7]
        );
    }

    #[test]
    fn merged_repeats_with_two_readings_give_both() {
        // 140 5 0 1 0 146: the repeated 0 may stand before or after the 1.
        match dec("140\n5\n0\n1\n0\n146", 7, Op::Collapse, Rule::RowTotal) {
            Decoding::Many { candidates, .. } => assert_eq!(candidates.len(), 2),
            other => panic!("{other:?}"),
        }
        // Equal neighbours cannot be the remains of merging.
        assert_eq!(
            dec("5\n5\n10", 7, Op::Collapse, Rule::RowTotal),
            Decoding::NoFit
        );
    }

    #[test]
    fn merged_repeats_of_table4_blocks() {
        // c11 table 4: 3|8|0|1|12 0|1|0|1|2 1|0|0|0|1 arrives as 13 tokens.
        let s = "3\n8\n0\n1\n12\n0\n1\n0\n1\n2\n1\n0\n1";
        match dec(s, 15, Op::Collapse, Rule::Blocks5) {
            Decoding::Unique(p) => assert_eq!(
                p.iter().map(|x| x.value).collect::<Vec<_>>(),
                nums(&[3, 8, 0, 1, 12, 0, 1, 0, 1, 2, 1, 0, 0, 0, 1])
            ),
            Decoding::Many { candidates, .. } => {
                // Whatever the readings, the three block totals agree.
                for c in &candidates {
                    assert_eq!(c[4].value, 12.0);
                    assert_eq!(c[9].value + c[14].value, 3.0);
                }
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn year_within_its_running_total() {
        // 2008 附表: 2121 = 2|121 or 21|21 (212|1 breaks 本年度 ≤ 历年累计).
        match dec("2121", 2, Op::Split, Rule::UpTo) {
            Decoding::Many { candidates, .. } => assert_eq!(candidates.len(), 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(vals(&dec("07", 2, Op::Split, Rule::UpTo)), nums(&[0, 7]));
    }
}
