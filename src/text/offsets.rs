//! Compact offset maps between the normalized text and the input.
//!
//! [`OffsetMap`]: normalized byte offset → input character offset. Stored as runs: within a run
//! every normalized character has the same UTF-8 width and the input offset either advances by
//! one per character (ordinary text) or stays put (the characters of a phrase that replaced
//! several input characters). Ordinary text makes long runs, so the map takes a few bytes per
//! run instead of four bytes per normalized byte; a lookup is a binary search.
//! [`CharIndex`]: input character offset → input byte offset, from a checkpoint every
//! [`CHECKPOINT`] characters and a short walk.
//! Guarantees: lookups never panic (offsets past the end clamp to the end), and a map answers
//! exactly what the per-byte table it replaces would have answered.

use crate::scan::chars::skip_chars;

/// One run of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// First normalized byte of the run.
    norm: u32,
    /// Input character offset of the run's first character.
    orig: u32,
    /// UTF-8 width of every character of the run.
    width: u8,
    /// 1: the input offset advances with each character; 0: every character maps to `orig`.
    step: u8,
}

/// Normalized byte offset → input character offset.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Runs in order, ending with a sentinel at the end of the normalized text.
    runs: Vec<Run>,
    /// Per [`BLOCK`] normalized bytes: the run holding the block's first byte. A lookup
    /// searches only the runs of its block, so it stays in a few cache lines however long
    /// the text (a 10 MB text has a million runs).
    blocks: Vec<u32>,
}

/// Normalized bytes per entry of [`OffsetMap::blocks`].
const BLOCK: u32 = 2048;

/// Builds an [`OffsetMap`] one normalized character at a time.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    runs: Vec<Run>,
    /// Characters in the last run.
    count: u32,
    /// Normalized bytes so far.
    len: u32,
}

impl OffsetMapBuilder {
    /// A builder with room for `runs` runs (a copy of a map with a few edits knows about how
    /// many it needs: growing a vector of a million runs by doubling copies it twice over).
    pub fn with_capacity(runs: usize) -> OffsetMapBuilder {
        OffsetMapBuilder {
            runs: Vec::with_capacity(runs),
            count: 0,
            len: 0,
        }
    }

    /// Records a normalized character of `width` bytes that came from input character `src`.
    #[inline]
    pub fn push(&mut self, width: usize, src: usize) {
        let (width, src) = (width as u8, src as u32);
        if let Some(last) = self.runs.last_mut() {
            if last.width == width {
                if last.step == 1 && src == last.orig + self.count {
                    self.count += 1;
                    self.len += u32::from(width);
                    return;
                }
                if src == last.orig && (last.step == 0 || self.count == 1) {
                    last.step = 0;
                    self.count += 1;
                    self.len += u32::from(width);
                    return;
                }
            }
        }
        self.runs.push(Run {
            norm: self.len,
            orig: src,
            width,
            step: 1,
        });
        self.count = 1;
        self.len += u32::from(width);
    }

    /// Records `n` normalized characters of `width` bytes whose input offsets start at `orig`
    /// and advance by `step` (0 or 1) per character: a whole run at once.
    pub fn push_run(&mut self, width: usize, orig: usize, step: u8, n: usize) {
        if n == 0 {
            return;
        }
        self.push(width, orig);
        let rest = n - 1;
        if rest == 0 {
            return;
        }
        let (w, o) = (width as u8, orig as u32);
        let count = self.count;
        if let Some(last) = self.runs.last_mut() {
            let extends = last.width == w
                && match step {
                    1 => last.step == 1 && last.orig + count == o + 1,
                    _ => last.orig == o && (last.step == 0 || count == 1),
                };
            if extends {
                if step == 0 {
                    last.step = 0;
                }
                self.count += rest as u32;
                self.len += (rest * width) as u32;
                return;
            }
        }
        self.runs.push(Run {
            norm: self.len,
            orig: o + u32::from(step),
            width: w,
            step,
        });
        self.count = rest as u32;
        self.len += (rest * width) as u32;
    }

    /// Closes the map; `orig_chars` is what the end of the normalized text maps to.
    pub fn finish(mut self, orig_chars: usize) -> OffsetMap {
        self.runs.push(Run {
            norm: self.len,
            orig: orig_chars as u32,
            width: 1,
            step: 0,
        });
        // Memory back only when much is spare: shrinking copies the whole vector.
        if self.runs.capacity() - self.runs.len() > self.runs.len() / 4 {
            self.runs.shrink_to_fit();
        }
        let end = self.len;
        let mut blocks = Vec::with_capacity((end / BLOCK) as usize + 1);
        let mut k = 0;
        for b in (0..=end / BLOCK).map(|i| i * BLOCK) {
            while k + 1 < self.runs.len() && self.runs[k + 1].norm <= b {
                k += 1;
            }
            blocks.push(k as u32);
        }
        OffsetMap {
            runs: self.runs,
            blocks,
        }
    }
}

impl OffsetMap {
    /// The index of the last run that starts at or before normalized byte `b` (0 when none
    /// does): a search within `b`'s block.
    fn run_at(&self, b: u32) -> usize {
        let blk = (b / BLOCK) as usize;
        let (lo, hi) = match self.blocks.get(blk) {
            Some(&lo) => (
                lo as usize,
                self.blocks
                    .get(blk + 1)
                    .map_or(self.runs.len(), |&h| (h as usize + 1).min(self.runs.len())),
            ),
            None => (0, self.runs.len()),
        };
        (lo + self.runs[lo..hi].partition_point(|r| r.norm <= b)).saturating_sub(1)
    }

    /// The input character offset of normalized byte `b` (bytes inside a character share its
    /// value; the end maps to the end of the input).
    pub fn get(&self, b: usize) -> usize {
        let end = self.runs.last().map_or(0, |r| r.norm);
        let b = (b as u64).min(u64::from(end)) as u32;
        let k = self.run_at(b);
        let Some(r) = self.runs.get(k) else { return 0 };
        let chars = (b - r.norm) / u32::from(r.width.max(1));
        (r.orig + chars * u32::from(r.step)) as usize
    }
}

impl OffsetMap {
    /// The map of the text that `edits` (sorted by position, as [`Edit`]s are planned) make
    /// of this map's text: kept bytes keep their input offsets, an inserted line break maps
    /// where the byte it precedes maps. One walk over the runs and the edits together, run by
    /// run — no search per edit.
    pub fn edited(&self, edits: &[Edit], orig_chars: usize) -> OffsetMap {
        let end = self.runs.last().map_or(0, |r| r.norm);
        // Each edit splits at most one run and adds one for its line break.
        let mut out = OffsetMapBuilder::with_capacity(self.runs.len() + 2 * edits.len() + 1);
        let mut k = 0;
        let mut pos = 0u32;
        for e in edits {
            let at = (e.at as u64).min(u64::from(end)) as u32;
            if at > pos {
                k = self.copy_from(k, pos, at, &mut out);
                pos = at;
            }
            if e.insert_break {
                k = self.seek(k, at);
                out.push(1, self.value_in(k, at));
            }
            pos = pos.max((e.at + e.delete).min(end as usize) as u32);
        }
        self.copy_from(k, pos, end, &mut out);
        out.finish(orig_chars)
    }

    /// The last run at or after run `k` that starts at or before `b` (`k` itself when none
    /// does): [`OffsetMap::run_at`] for a cursor that only moves forward.
    fn seek(&self, mut k: usize, b: u32) -> usize {
        while k + 1 < self.runs.len() && self.runs[k + 1].norm <= b {
            k += 1;
        }
        k
    }

    /// [`OffsetMap::get`] of byte `b` in run `k`.
    fn value_in(&self, k: usize, b: u32) -> usize {
        let Some(r) = self.runs.get(k) else { return 0 };
        let chars = (b.saturating_sub(r.norm)) / u32::from(r.width.max(1));
        (r.orig + chars * u32::from(r.step)) as usize
    }

    /// Appends to `out` the map of normalized bytes `from..to` (character boundaries), run by
    /// run, starting the search for `from` at run `k`; returns the run the copy stopped in.
    fn copy_from(&self, k: usize, from: u32, to: u32, out: &mut OffsetMapBuilder) -> usize {
        let mut k = self.seek(k, from);
        while k + 1 < self.runs.len() {
            let r = self.runs[k];
            let next = self.runs[k + 1].norm;
            if r.norm >= to {
                break;
            }
            let s = from.max(r.norm);
            let e = to.min(next);
            if e > s {
                let w = u32::from(r.width.max(1));
                let first = r.orig + (s - r.norm) / w * u32::from(r.step);
                out.push_run(w as usize, first as usize, r.step, ((e - s) / w) as usize);
            }
            if next > to {
                break;
            }
            k += 1;
        }
        k
    }

    /// Appends to `out` the map of normalized bytes `from..to` (character boundaries), run by
    /// run: the plain form of [`OffsetMap::edited`]'s copy, which the tests hold it to.
    #[cfg(test)]
    pub fn copy_range(&self, from: usize, to: usize, out: &mut OffsetMapBuilder) {
        if to <= from {
            return;
        }
        let (from, to) = (from as u32, to as u32);
        let mut k = self.run_at(from);
        while k + 1 < self.runs.len() {
            let r = self.runs[k];
            let next = self.runs[k + 1].norm;
            if r.norm >= to {
                break;
            }
            let s = from.max(r.norm);
            let e = to.min(next);
            if e > s {
                let w = u32::from(r.width.max(1));
                let first = r.orig + (s - r.norm) / w * u32::from(r.step);
                out.push_run(w as usize, first as usize, r.step, ((e - s) / w) as usize);
            }
            k += 1;
        }
    }

    /// Length of the normalized text the map covers.
    #[cfg(test)]
    pub fn norm_len(&self) -> usize {
        self.runs.last().map_or(0, |r| r.norm as usize)
    }
}

impl OffsetMap {
    /// The input character offset just after the character that starts at normalized byte
    /// `last`: one past its own input character, or, for a character that a phrase rewrite
    /// produced, the end of the whole phrase. Characters deleted after it (a removed line
    /// break, a pinyin gloss) are not included.
    pub fn end_after(&self, last: usize) -> usize {
        let end = self.runs.last().map_or(0, |r| r.norm);
        let b = (last as u64).min(u64::from(end)) as u32;
        let k = self.run_at(b);
        let Some(r) = self.runs.get(k) else { return 0 };
        if k + 1 >= self.runs.len() {
            return r.orig as usize;
        }
        if r.step == 1 {
            let chars = (b - r.norm) / u32::from(r.width.max(1));
            (r.orig + chars + 1) as usize
        } else {
            // A phrase: its characters all map to its first input character; it ends where
            // the next run starts.
            self.runs[k + 1].orig.max(r.orig + 1) as usize
        }
    }
}

/// Characters between two checkpoints of a [`CharIndex`].
pub const CHECKPOINT: usize = 64;

/// Input character offset → input byte offset.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every [`CHECKPOINT`]-th character.
    checkpoints: Vec<u32>,
    chars: usize,
}

impl CharIndex {
    /// Starts an index; feed it every character with [`CharIndex::push`].
    pub fn with_capacity(bytes: usize) -> CharIndex {
        CharIndex {
            checkpoints: Vec::with_capacity(bytes / CHECKPOINT / 2 + 1),
            chars: 0,
        }
    }

    /// Records the next input character, which starts at byte `b`.
    pub fn push(&mut self, b: usize) {
        if self.chars % CHECKPOINT == 0 {
            self.checkpoints.push(b as u32);
        }
        self.chars += 1;
    }

    /// Records `n` characters of `width` bytes each, the first at byte `start`.
    pub fn push_run(&mut self, start: usize, width: usize, n: usize) {
        let mut k = (CHECKPOINT - self.chars % CHECKPOINT) % CHECKPOINT;
        while k < n {
            self.checkpoints.push((start + k * width) as u32);
            k += CHECKPOINT;
        }
        self.chars += n;
    }

    /// Number of characters recorded.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// Byte offset of character `c` in `text` (the text the index was built from); the end
    /// for `c` at or past the end.
    pub fn byte(&self, text: &str, c: usize) -> usize {
        if c >= self.chars {
            return text.len();
        }
        let Some(&start) = self.checkpoints.get(c / CHECKPOINT) else {
            return text.len();
        };
        skip_chars(text, start as usize, c % CHECKPOINT)
    }
}

/// One change to the normalized text: delete `delete` bytes at byte `at`, and/or insert a
/// line break before `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    pub at: usize,
    pub delete: usize,
    pub insert_break: bool,
}

impl Edit {
    /// Deletes the bytes `at..end`.
    pub fn delete(at: usize, end: usize) -> Edit {
        Edit {
            at,
            delete: end.saturating_sub(at),
            insert_break: false,
        }
    }

    /// Inserts a line break before byte `at`.
    pub fn insert_break(at: usize) -> Edit {
        Edit {
            at,
            delete: 0,
            insert_break: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_answer_like_a_per_byte_table() {
        // "a", "中" ×2 from input chars 0..3, then a 3-char phrase from input char 5 (two input
        // chars deleted), then "b" from input char 9.
        let pushes = [(1, 0), (3, 1), (3, 2), (3, 5), (3, 5), (3, 5), (1, 9)];
        let mut table = Vec::new();
        let mut b = OffsetMapBuilder::default();
        for &(w, src) in &pushes {
            b.push(w, src);
            table.extend(std::iter::repeat_n(src, w));
        }
        table.push(10);
        let map = b.finish(10);
        for (byte, &want) in table.iter().enumerate() {
            assert_eq!(map.get(byte), want, "byte {byte}");
        }
        assert_eq!(map.get(1000), 10);
        assert!(map.runs.len() <= 5, "{:?}", map.runs);
    }

    #[test]
    fn copied_ranges_answer_like_the_original() {
        let pushes = [
            (1, 0),
            (3, 1),
            (3, 2),
            (3, 5),
            (3, 5),
            (3, 5),
            (1, 9),
            (1, 10),
            (3, 11),
        ];
        let mut b = OffsetMapBuilder::default();
        let mut bytes = Vec::new();
        for &(w, src) in &pushes {
            b.push(w, src);
            bytes.push(w);
        }
        let map = b.finish(12);
        let len = map.norm_len();
        // every split of the text into two copied ranges rebuilds the same map
        let starts: Vec<usize> = bytes
            .iter()
            .scan(0, |a, w| {
                let s = *a;
                *a += w;
                Some(s)
            })
            .collect();
        for &cut in &starts {
            let mut out = OffsetMapBuilder::default();
            map.copy_range(0, cut, &mut out);
            map.copy_range(cut, len, &mut out);
            let copy = out.finish(12);
            for byte in 0..=len {
                assert_eq!(copy.get(byte), map.get(byte), "cut {cut} byte {byte}");
            }
        }
    }

    /// The map [`OffsetMap::edited`] is held to: kept ranges copied with
    /// [`OffsetMap::copy_range`], each from a fresh search, and a line break mapped by
    /// [`OffsetMap::get`].
    fn edited_plainly(map: &OffsetMap, edits: &[Edit], orig_chars: usize) -> OffsetMap {
        let len = map.norm_len();
        let mut out = OffsetMapBuilder::default();
        let mut pos = 0;
        for e in edits {
            if e.at > pos {
                map.copy_range(pos, e.at, &mut out);
                pos = e.at;
            }
            if e.insert_break {
                out.push(1, map.get(e.at));
            }
            pos = pos.max(e.at + e.delete).min(len);
        }
        map.copy_range(pos, len, &mut out);
        out.finish(orig_chars)
    }

    proptest::proptest! {
        #[test]
        fn edits_in_one_walk_map_like_edits_copied_range_by_range(
            chars in proptest::collection::vec((1usize..=4, 0usize..3, 0u8..2), 0..60),
            picks in proptest::collection::vec((0usize..70, 0usize..3, proptest::bool::ANY), 0..12),
        ) {
            // A map of characters of mixed widths whose input offsets advance, repeat (a
            // phrase) or jump (deleted input), and sorted edits on character boundaries.
            let mut b = OffsetMapBuilder::default();
            let (mut src, mut starts, mut len) = (0, vec![], 0);
            for &(w, jump, same) in &chars {
                starts.push(len);
                if same == 0 {
                    src += jump;
                }
                b.push(w, src);
                len += w;
                if same == 1 {
                    src += 1;
                }
            }
            starts.push(len);
            let map = b.finish(src + 1);
            let mut edits: Vec<Edit> = picks
                .iter()
                .map(|&(i, d, brk)| {
                    let at = starts[i % starts.len()];
                    let end = starts[(i % starts.len() + d).min(starts.len() - 1)];
                    Edit { at, delete: end - at, insert_break: brk }
                })
                .collect();
            edits.sort_by_key(|e| e.at);
            let (fast, plain) = (map.edited(&edits, src + 1), edited_plainly(&map, &edits, src + 1));
            proptest::prop_assert_eq!(&fast.runs, &plain.runs);
            proptest::prop_assert_eq!(&fast.blocks, &plain.blocks);
        }
    }

    #[test]
    fn an_empty_map_maps_to_zero() {
        let map = OffsetMapBuilder::default().finish(0);
        assert_eq!(map.get(0), 0);
        assert_eq!(map.get(5), 0);
    }

    #[test]
    fn block_lookups_find_the_runs_a_full_search_finds() {
        // many runs over many blocks: widths alternating, phrases (step 0) among them
        let mut b = OffsetMapBuilder::default();
        let mut src = 0;
        for i in 0..6000 {
            match i % 7 {
                0 => b.push_run(1, src, 1, 3),
                3 => b.push_run(3, src, 0, 2),
                5 => b.push_run(4, src, 1, 1),
                _ => b.push_run(3, src, 1, 5),
            }
            src += 5;
        }
        let map = b.finish(src);
        assert!(map.blocks.len() > 20);
        let end = map.runs.last().map_or(0, |r| r.norm);
        for x in (0..=end + 10)
            .step_by(3)
            .chain([BLOCK - 1, BLOCK, BLOCK + 1, 5 * BLOCK])
        {
            let full = map.runs.partition_point(|r| r.norm <= x).saturating_sub(1);
            assert_eq!(map.run_at(x), full, "byte {x}");
        }
    }

    #[test]
    fn char_index_finds_bytes_of_characters() {
        let text = "一、总体情况abc".repeat(30);
        let mut idx = CharIndex::with_capacity(text.len());
        for (b, _) in text.char_indices() {
            idx.push(b);
        }
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.byte(&text, c), b);
        }
        assert_eq!(idx.byte(&text, idx.chars()), text.len());
        assert_eq!(idx.byte(&text, usize::MAX), text.len());
    }

    #[test]
    fn runs_of_characters_index_like_characters_one_by_one() {
        // runs of one width at a time, of every length around the checkpoint spacing
        let text = "一、总体情况abc😀é".repeat(40);
        let (mut one, mut runs) = (CharIndex::with_capacity(0), CharIndex::with_capacity(0));
        for (b, _) in text.char_indices() {
            one.push(b);
        }
        let mut at = 0;
        while at < text.len() {
            let w = crate::scan::chars::utf8_width(text.as_bytes()[at]);
            let n = text[at..].chars().take_while(|c| c.len_utf8() == w).count();
            runs.push_run(at, w, n);
            at += n * w;
        }
        assert_eq!(one.checkpoints, runs.checkpoints);
        assert_eq!(one.chars(), runs.chars());
    }
}
