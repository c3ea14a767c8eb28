//! Glued cells: splits runs of digits that lost their separators (`713000074` =
//! 71|3|0|0|0|0|74) into the cells of a row, using the table's own arithmetic.
//!
//! A run is split into exactly `n` numbers written without leading zeros (a lone `0` is
//! fine); cuts never cross the edges of the tokens the digits came in, so a partly separated
//! row (`71 3000074`) is split only inside its tokens. A split is kept only when the row's
//! rule holds: [`Rule::RowTotal`] (last = sum of the others, table 3) or [`Rule::Blocks5`]
//! (every block of five: fifth = sum of the first four, table 4).
//!
//! Guarantees: the search is bounded (at most [`MAX_DIGITS`] digits, at most
//! [`MAX_SOLUTIONS`] solutions kept, and a shared node [`Budget`]); when the budget runs out
//! the answer is [`Decoding::TooHard`], never a guess. Never panics.

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

/// The arithmetic a decoded row must satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Last number = sum of the others (table 3 rows).
    RowTotal,
    /// Each block of five: fifth = sum of the first four (table 4).
    Blocks5,
}

/// One decoded cell: its byte range in the text and its value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub range: Range<usize>,
    pub value: u64,
}

/// Result of decoding.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Decoding {
    /// Exactly one split fits.
    Unique(Vec<Piece>),
    /// Several fit; `complete` is false when more than [`MAX_SOLUTIONS`] exist.
    Many {
        candidates: Vec<Vec<Piece>>,
        complete: bool,
    },
    /// No split fits.
    NoFit,
    /// Too long or the search budget ran out.
    TooHard,
}

struct Search<'a> {
    digits: &'a [u8],
    /// `edge[i]`: digit i starts a token (and `edge[len]` is true), so no cell may span it.
    edge: &'a [bool],
    /// Cells placed by the search: all of them (Blocks5) or all but the row total (RowTotal).
    n: usize,
    /// Where the searched cells must end.
    end: usize,
    /// RowTotal: the total the searched cells must add up to, and the longest cell allowed.
    target: Option<u64>,
    max_len: usize,
    sum: u64,
    nodes: u64,
    limit: u64,
    parts: Vec<(usize, usize, u64)>,
    found: Vec<Vec<(usize, usize, u64)>>,
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
        let k = self.parts.len();
        if k == self.n {
            if at == self.end && self.target.is_none_or(|t| t == self.sum) {
                if self.found.len() >= MAX_SOLUTIONS {
                    self.overflow = true;
                } else {
                    self.found.push(self.parts.clone());
                }
            }
            return;
        }
        let left = self.n - k;
        let rest = self.end - at;
        if rest < left || rest > left * self.max_len {
            return;
        }
        if let Some(t) = self.target {
            // The rest must still be able to add up to the total: at most `left` cells of
            // at most `m` digits, at least one cell of `ceil(rest / left)` digits.
            let m = self.max_len.min(rest + 1 - left) as u32;
            let max_rest = (left as u64).saturating_mul(10u64.saturating_pow(m).saturating_sub(1));
            let min_len = rest.div_ceil(left) as u32;
            let min_rest = if min_len >= 2 {
                10u64.saturating_pow(min_len - 1)
            } else {
                0
            };
            if self.sum.saturating_add(max_rest) < t || self.sum.saturating_add(min_rest) > t {
                return;
            }
        }
        let max_l = if self.digits[at] == b'0' {
            1
        } else {
            self.max_len.min(rest)
        };
        for l in 1..=max_l {
            let end = at + l;
            // A cell may not span two tokens.
            if (at + 1..end).any(|i| self.edge[i]) {
                break;
            }
            let v = value(&self.digits[at..end]);
            if let Some(t) = self.target {
                if self.sum.saturating_add(v) > t {
                    break;
                }
            }
            if let Some(need) = self.required_total(k) {
                if v != need {
                    continue;
                }
            }
            self.parts.push((at, end, v));
            self.sum = self.sum.saturating_add(v);
            self.run(end);
            self.sum = self.sum.saturating_sub(v);
            self.parts.pop();
            if self.exhausted || self.overflow {
                return;
            }
        }
    }

    /// Blocks5: when cell `k` is a block total, the value it must have.
    fn required_total(&self, k: usize) -> Option<u64> {
        (self.target.is_none() && k % 5 == 4)
            .then(|| self.parts[k - 4..k].iter().map(|p| p.2).sum())
    }
}

fn value(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |a, &b| {
        a.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    })
}

/// Splits the digits of `tokens` (byte ranges of digit-only tokens in `norm`) into `n` cells
/// satisfying `rule`.
pub(crate) fn decode(
    norm: &str,
    tokens: &[Range<usize>],
    n: usize,
    rule: Rule,
    budget: &mut Budget,
) -> Decoding {
    let mut digits = Vec::new();
    let mut pos = Vec::new();
    let mut edge = Vec::new();
    for r in tokens {
        let Some(s) = norm.get(r.clone()) else {
            return Decoding::NoFit;
        };
        for (i, b) in s.bytes().enumerate() {
            if !b.is_ascii_digit() {
                return Decoding::NoFit;
            }
            edge.push(i == 0);
            digits.push(b);
            pos.push(r.start + i);
        }
    }
    edge.push(true);
    if n == 0 || digits.len() < n {
        return Decoding::NoFit;
    }
    if digits.len() > MAX_DIGITS || budget.0 == 0 {
        return Decoding::TooHard;
    }
    let len = digits.len();
    let mut nodes = 0u64;
    let mut found: Vec<Vec<(usize, usize, u64)>> = Vec::new();
    let mut overflow = false;
    let mut exhausted = false;
    let limit = CALL_NODES.min(budget.0);
    // RowTotal: choose the total (a suffix) first, then split the rest into cells adding up
    // to it, each no longer than the total. Blocks5: one search with the block totals.
    let totals: Vec<Option<usize>> = match rule {
        Rule::RowTotal => (1..=MAX_PART.min(len.saturating_sub(n - 1)))
            .map(Some)
            .collect(),
        Rule::Blocks5 => vec![None],
    };
    for lt in totals {
        let (end, target, max_len, cells) = match lt {
            Some(lt) => {
                let start = len - lt;
                if (lt > 1 && digits[start] == b'0') || (start + 1..len).any(|i| edge[i]) {
                    continue;
                }
                (start, Some(value(&digits[start..])), lt, n - 1)
            }
            None => (len, None, MAX_PART, n),
        };
        let mut s = Search {
            digits: &digits,
            edge: &edge,
            n: cells,
            end,
            target,
            max_len,
            sum: 0,
            nodes: 0,
            limit: limit.saturating_sub(nodes),
            parts: Vec::with_capacity(n),
            found: Vec::new(),
            overflow: false,
            exhausted: false,
        };
        s.run(0);
        nodes += s.nodes;
        for mut f in s.found {
            if let Some(t) = target {
                f.push((end, len, t));
            }
            if found.len() >= MAX_SOLUTIONS {
                overflow = true;
                break;
            }
            found.push(f);
        }
        overflow |= s.overflow;
        if s.exhausted {
            exhausted = true;
        }
        if overflow || exhausted {
            break;
        }
    }
    budget.0 = budget.0.saturating_sub(nodes);
    if exhausted {
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
                    value: v,
                }
            })
            .collect()
    };
    match found.len() {
        0 if !overflow => Decoding::NoFit,
        1 if !overflow => Decoding::Unique(to_pieces(&found[0])),
        _ => Decoding::Many {
            candidates: found.iter().map(to_pieces).collect(),
            complete: !overflow,
        },
    }
}

/// `71|3|0|0|0|0|74`: a decoding for messages.
pub(crate) fn show(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| p.value.to_string())
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str, n: usize, rule: Rule) -> Decoding {
        let toks: Vec<Range<usize>> = s
            .split(' ')
            .scan(0, |off, w| {
                let r = *off..*off + w.len();
                *off += w.len() + 1;
                Some(r)
            })
            .collect();
        decode(s, &toks, n, rule, &mut Budget(10_000_000))
    }

    fn vals(d: &Decoding) -> Vec<u64> {
        match d {
            Decoding::Unique(p) => p.iter().map(|x| x.value).collect(),
            _ => panic!("not unique: {d:?}"),
        }
    }

    #[test]
    fn brief_example_is_unique() {
        let d = dec("713000074", 7, Rule::RowTotal);
        assert_eq!(vals(&d), [71, 3, 0, 0, 0, 0, 74]);
        if let Decoding::Unique(p) = d {
            assert_eq!(p[0].range, 0..2);
            assert_eq!(p[6].range, 7..9);
        }
    }

    #[test]
    fn token_edges_are_respected() {
        assert_eq!(
            vals(&dec("71 3000074", 7, Rule::RowTotal)),
            [71, 3, 0, 0, 0, 0, 74]
        );
    }

    #[test]
    fn ambiguous_run_gives_all_candidates() {
        // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both fit.
        match dec("110000011", 7, Rule::RowTotal) {
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
        assert_eq!(dec("99999999", 7, Rule::RowTotal), Decoding::NoFit);
        assert_eq!(dec(&"1".repeat(60), 7, Rule::RowTotal), Decoding::TooHard);
        assert_eq!(dec("12", 7, Rule::RowTotal), Decoding::NoFit);
    }

    #[test]
    fn table4_blocks() {
        assert_eq!(vals(&dec("000000000000000", 15, Rule::Blocks5)), [0; 15]);
        assert_eq!(
            vals(&dec("210031000110001", 15, Rule::Blocks5)),
            [2, 1, 0, 0, 3, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1]
        );
    }
}
