//! The normalized view: the text every later stage matches against, with a map back to the
//! input.
//!
//! Normalization folds what varies between copies of the same report and nothing else:
//! - full-width ASCII (１２, Ａ, ．) to half-width, the ideographic space to a space;
//! - bracket and punctuation variants: （）→(), ：→:, ；→;, ，→,, 〔〕［］【】→[], ！？→!?,
//!   dashes (—, –) → -;
//! - line breaks: \r\n and \r to \n;
//! - traditional to simplified script, when the text is traditional: OpenCC's character
//!   table (`opencc/TSCharacters.txt`, t2s), then the phrases and Taiwan wording that machine
//!   conversion leaves (入口網站→门户网站, 最佳化→优化, 檔案→文件 …, see [`PHRASES`]);
//! - pinyin that mirror sites insert after characters, 根據(jù) → 根据.
//!
//! Guarantee: [`Text::orig_range`] maps any byte range of the normalized text to the character
//! range of the input it came from, so every span reported points into the input as given.

use crate::lexicon::index::ByFirst;
use crate::report::{Script, Span};
pub use crate::scan::chars::is_cjk;
use crate::scan::chars::{char_len, code_at3, utf8_width, IdeographSet};
use crate::text::offsets::{CharIndex, OffsetMap, OffsetMapBuilder};
use std::ops::Range;
use std::sync::OnceLock;

/// Length-changing or context-specific wording that machine conversion to traditional
/// (Taiwan variant) produces, mapped back to mainland wording. Applied to the text after
/// character conversion, so the keys are written in simplified characters.
pub const PHRASES: &[(&str, &str)] = &[
    ("入口网站", "门户网站"),
    ("最佳化", "优化"),
    ("规范性档案", "规范性文件"),
    ("政策档案", "政策文件"),
    ("上网档案", "上网文件"),
    ("公开的档案", "公开的文件"),
    ("程式", "程序"),
    ("套用", "应用"),
    ("视窗", "窗口"),
    ("人民民众", "人民群众"),
    ("民众", "群众"),
    ("计画", "计划"),
    ("资讯", "信息"),
    ("网路", "网络"),
    ("软体", "软件"),
    ("硬体", "硬件"),
    ("资料库", "数据库"),
    ("品质", "质量"),
    ("设定", "设置"),
    ("档案馆", "档案馆"),
    ("档案局", "档案局"),
    ("档案", "文件"),
    ("谘询", "咨询"),
    ("谘", "咨"),
    ("方麵", "方面"),
    ("答覆", "答复"),
    ("反覆", "反复"),
    ("回覆", "回复"),
    ("批覆", "批复"),
    ("覆核", "复核"),
    ("覆议", "复议"),
    ("覆查", "复查"),
    ("重覆", "重复"),
    ("乾净", "干净"),
    ("著力", "着力"),
    ("著重", "着重"),
    ("著眼", "着眼"),
    ("著手", "着手"),
    ("行动应用", "移动应用"),
    ("预设", "默认"),
    ("支援", "支持"),
    ("透过", "通过"),
];

/// The normalized view of an input and its offset map.
pub struct Text<'a> {
    /// The input exactly as given.
    pub orig: &'a str,
    /// The normalized text.
    pub norm: String,
    /// Normalized byte offset → the character offset in `orig` of the character that
    /// produced it (bytes inside one character share its value; the end maps to the end).
    map: OffsetMap,
    /// Input character offset → input byte offset.
    orig_index: CharIndex,
    /// Script of the input as written.
    pub script: Script,
}

impl<'a> Text<'a> {
    /// Builds the normalized view of `orig`.
    pub fn new(orig: &'a str) -> Text<'a> {
        Text::new_as(orig, true)
    }

    /// [`Text::new`]; `bail`: give up the simplified pass when the text looks traditional.
    fn new_as(orig: &'a str, bail: bool) -> Text<'a> {
        // One pass: the input's character index, the script's marks counted, and the text
        // normalized as simplified text (most characters stay as they are, so it is copied a
        // run of unchanged characters of one width at a time, and the map gets one run per
        // such run). A text that turns out traditional is normalized again, its own way.
        let mut count = MarkCount::default();
        let mut orig_index = CharIndex::with_capacity(orig.len());
        let table = marks();
        let b = orig.as_bytes();
        let mut norm = String::with_capacity(orig.len());
        let mut map = OffsetMapBuilder::default();
        let (mut pos, mut ci) = (0usize, 0usize);
        while pos < b.len() {
            // A text plainly traditional from its start is not normalized as simplified:
            // the rest is only counted (the script is decided on the whole text).
            if bail && count.traditional >= 32 && count.traditional > 4 * count.simplified {
                // (converted on the way: the script is nearly always what the start said)
                let t2s = t2s();
                let mut conv = String::with_capacity(orig.len());
                conv.extend(orig[..pos].chars().map(|c| t2s.fold_convert(c)));
                for (k, c) in orig[pos..].char_indices() {
                    orig_index.push(pos + k);
                    count.add_in(table, c);
                    conv.push(t2s.fold_convert(c));
                }
                return match count.script() {
                    Script::Traditional => Text::traditional(orig, orig_index, conv),
                    Script::Simplified => {
                        drop(conv);
                        Text::simplified(orig)
                    }
                };
            }
            let w = utf8_width(b[pos]);
            let (run_start, run_ci) = (pos, ci);
            while pos + w <= b.len() && utf8_width(b[pos]) == w {
                if w == 3 && (0xE4..=0xE9).contains(&b[pos]) {
                    // An ideograph (U+4000–U+9FFF): it never folds; decoded by hand for the
                    // script count.
                    count.add_code(table, code_at3(b, pos));
                    pos += 3;
                    continue;
                }
                let c = char_at(orig, pos, w);
                let changes = match w {
                    1 => c == '\r' || c == '(' && after_cjk(orig, pos),
                    _ => fold_char(c) != c,
                };
                if changes {
                    break;
                }
                if w == 3 {
                    count.add_in(table, c);
                }
                pos += w;
            }
            let n = (pos - run_start) / w;
            orig_index.push_run(run_start, w, n);
            ci += n;
            if ci > run_ci {
                norm.push_str(&orig[run_start..pos]);
                map.push_run(w, run_ci, 1, ci - run_ci);
            }
            if pos >= b.len() || utf8_width(b[pos]) != w || pos + w > b.len() {
                continue;
            }
            // A character that changes.
            let c = char_at(orig, pos, w);
            if c == '\r' {
                // \r\n → \n, lone \r → \n
                push(&mut norm, &mut map, '\n', ci);
                orig_index.push(pos);
                let both = b.get(pos + 1) == Some(&b'\n');
                if both {
                    orig_index.push(pos + 1);
                }
                pos += if both { 2 } else { 1 };
                ci += if both { 2 } else { 1 };
                continue;
            }
            if fold_char(c) == '(' && after_cjk(orig, pos) {
                if let Some((chars, bytes)) = pinyin_gloss_str(&orig[pos..]) {
                    for (k, _) in orig[pos..pos + bytes].char_indices() {
                        orig_index.push(pos + k);
                    }
                    pos += bytes;
                    ci += chars;
                    continue;
                }
            }
            orig_index.push(pos);
            count.add_in(table, c);
            push(&mut norm, &mut map, fold_char(c), ci);
            pos += w;
            ci += 1;
        }
        let script = count.script();
        if bail && script == Script::Traditional {
            let t2s = t2s();
            let conv = orig.chars().map(|c| t2s.fold_convert(c)).collect();
            return Text::traditional(orig, orig_index, conv);
        }
        Text {
            orig,
            norm,
            map: map.finish(ci),
            orig_index,
            script,
        }
    }

    /// [`Text::new`] for a text known to be simplified (mixed texts whose start looked
    /// traditional): the same pass, its script settled.
    fn simplified(orig: &'a str) -> Text<'a> {
        let mut t = Text::new_as(orig, false);
        t.script = Script::Simplified;
        t
    }

    /// The normalized view of a traditional-script input: `conv` holds its characters folded
    /// and converted to simplified one for one ([`T2s::fold_convert`]: character `i` came
    /// from input character `i`); then the phrases are rewritten.
    fn traditional(orig: &'a str, orig_index: CharIndex, conv: String) -> Text<'a> {
        let phrases = phrases();
        // Phrase rewrites, pinyin removal and line-break folding, which may change the
        // length; the map keeps each output byte's source character. Characters copied as
        // they are go in runs: a slice of `conv` at a time, one map run per width.
        let mut norm = String::with_capacity(conv.len());
        let mut map = OffsetMapBuilder::default();
        let (mut pos, mut i) = (0, 0);
        // The characters since the last event: from byte `run.0`, character `run.1`, all of
        // width `run.2`.
        let mut run = (0, 0, 0);
        let flush =
            |norm: &mut String, map: &mut OffsetMapBuilder, run: (usize, usize, usize), pos, i| {
                if i > run.1 {
                    norm.push_str(&conv[run.0..pos]);
                    map.push_run(run.2, run.1, 1, i - run.1);
                }
            };
        while let Some(c) = conv[pos..].chars().next() {
            let w = c.len_utf8();
            if c == '\r' {
                flush(&mut norm, &mut map, run, pos, i);
                // \r\n → \n, lone \r → \n
                push(&mut norm, &mut map, '\n', i);
                let n = if conv[pos + 1..].starts_with('\n') {
                    2
                } else {
                    1
                };
                pos += n;
                i += n;
                run = (pos, i, 1);
                continue;
            }
            if let Some((from, to)) = phrases.at(&conv[pos..], c) {
                flush(&mut norm, &mut map, run, pos, i);
                for t in to.chars() {
                    push(&mut norm, &mut map, t, i);
                }
                pos += from.len();
                i += char_len(from);
                run = (pos, i, 1);
                continue;
            }
            if w != run.2 {
                flush(&mut norm, &mut map, run, pos, i);
                run = (pos, i, w);
            }
            pos += w;
            i += 1;
            if conv.as_bytes().get(pos) == Some(&b'(') && is_cjk(c) {
                if let Some((chars, bytes)) = pinyin_gloss_str(&conv[pos..]) {
                    flush(&mut norm, &mut map, run, pos, i);
                    pos += bytes;
                    i += chars;
                    run = (pos, i, 1);
                }
            }
        }
        flush(&mut norm, &mut map, run, pos, i);
        Text {
            orig,
            norm,
            map: map.finish(i),
            orig_index,
            script: Script::Traditional,
        }
    }

    /// Rewrites the normalized text by `edits` (sorted by position, not overlapping): each
    /// deletes `delete` bytes at `at` and/or inserts a line break before `at`. The map is
    /// carried along, so every remaining character still maps to the input character it came
    /// from, and an inserted break maps to the character that follows it (it is zero-width in
    /// the input). One pass over the text.
    pub(crate) fn apply(&mut self, edits: &[crate::text::offsets::Edit]) {
        if edits.is_empty() {
            return;
        }
        // Kept text is copied a slice at a time, and its map run by run.
        let mut norm = String::with_capacity(self.norm.len() + edits.len());
        let mut pos = 0;
        for e in edits {
            if e.at > pos {
                norm.push_str(&self.norm[pos..e.at]);
                pos = e.at;
            }
            if e.insert_break {
                norm.push('\n');
            }
            pos = pos.max(e.at + e.delete).min(self.norm.len());
        }
        norm.push_str(&self.norm[pos..]);
        self.norm = norm;
        self.map = self.map.edited(edits, self.orig_index.chars());
    }

    /// The character range of the input that produced the normalized byte range `r`.
    /// The range ends after its last character, so a line break or gloss deleted after it
    /// is not part of it.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.map.get(r.start);
        if r.end <= r.start {
            return start..start;
        }
        let last = self
            .norm
            .get(..r.end)
            .and_then(|s| s.chars().next_back())
            .map_or(r.end, |c| r.end - c.len_utf8());
        let end = self.map.end_after(last).min(self.map.get(r.end));
        start..end.max(start)
    }

    /// The input text of a character range.
    pub fn orig_slice(&self, chars: Range<usize>) -> &'a str {
        let s = self.orig_index.byte(self.orig, chars.start);
        let n = chars.end.saturating_sub(chars.start);
        // Short spans (numbers, titles): walk on from the start instead of a second lookup.
        let e = if n <= crate::text::offsets::CHECKPOINT {
            crate::scan::chars::skip_chars(self.orig, s, n)
        } else {
            self.orig_index.byte(self.orig, chars.end).max(s)
        };
        &self.orig[s..e]
    }

    /// A reported span for a normalized byte range: input character offsets and input text.
    pub fn span(&self, r: Range<usize>) -> Span {
        let o = self.orig_range(r);
        Span {
            start: o.start,
            end: o.end,
            text: self.orig_slice(o.clone()).to_owned(),
        }
    }

    /// Number of characters in the input.
    pub fn orig_chars(&self) -> usize {
        self.orig_index.chars()
    }
}

/// The character of width `w` at byte `pos` of `s` (a character boundary).
#[inline]
fn char_at(s: &str, pos: usize, w: usize) -> char {
    if w == 1 {
        return char::from(s.as_bytes()[pos]);
    }
    s.get(pos..pos + w)
        .and_then(|t| t.chars().next())
        .unwrap_or('\u{FFFD}')
}

/// The character before byte `pos` of `s` is an ideograph (a pinyin gloss may follow).
fn after_cjk(s: &str, pos: usize) -> bool {
    s[..pos].chars().next_back().is_some_and(is_cjk)
}

#[inline]
fn push(norm: &mut String, map: &mut OffsetMapBuilder, c: char, src: usize) {
    norm.push(c);
    map.push(c.len_utf8(), src);
}

/// Width and punctuation folding of one character.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '；' => ';',
        '！' => '!',
        '，' => ',',
        '？' => '?',
        '〔' | '［' | '【' | '〖' | '﹝' => '[',
        '〕' | '］' | '】' | '〗' | '﹞' => ']',
        '﹪' | '％' => '%',
        '〇' | '○' | '◯' | 'Ｏ' => '〇',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        _ => c,
    }
}

/// Characters that appear (almost) only in traditional text, and only in simplified text;
/// frequent in reports. Used to decide the script.
const TRADITIONAL_MARKS: &str = "這個們來時會對說為國經過與發後問學還動開關實現體點當從應麼頭給長見氣區縣機員書報請務處門網條總資開據數歷權幾質勞傳營審訊聯辦職義認識領導級態狀紀檢構設計劃訪題佈衛價響護團嚴節農藥醫療歸屬參隊項顯覺觀證讀議論戰黨邊類觀產業愛環繞續統維財稅購標準規範彙編輯轉載";
const SIMPLIFIED_MARKS: &str = "这个们来时会对说为国经过与发后问学还动开关实现体点当从应么头给长见气区县机员书报请务处门网条总资据数历权几质劳传营审讯联办职义认识领导级态状纪检构设计划访题布卫价响护团严节农药医疗归属参队项显觉观证读议论战党边类产业爱环绕续统维财税购标准规范汇编辑转载";

/// First and last character of the CJK Unified Ideographs block, where every mark lies.
const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;

/// Per character of the CJK block: 1 for a traditional mark, 2 for a simplified one.
fn marks() -> &'static [u8] {
    static MARKS: OnceLock<Vec<u8>> = OnceLock::new();
    MARKS.get_or_init(|| {
        let mut table = vec![0u8; (CJK_LAST - CJK_FIRST + 1) as usize];
        for (marks, v) in [(TRADITIONAL_MARKS, 1), (SIMPLIFIED_MARKS, 2)] {
            for c in marks.chars() {
                if let Some(slot) = (c as u32)
                    .checked_sub(CJK_FIRST)
                    .and_then(|i| table.get_mut(i as usize))
                {
                    *slot = v;
                }
            }
        }
        table
    })
}

/// Counts of characters found only in traditional or only in simplified text.
#[derive(Default)]
struct MarkCount {
    traditional: usize,
    simplified: usize,
}

impl MarkCount {
    fn add(&mut self, c: char) {
        self.add_in(marks(), c)
    }
    #[inline]
    fn add_in(&mut self, table: &[u8], c: char) {
        self.add_code(table, c as u32)
    }
    fn add_code(&mut self, table: &[u8], code: u32) {
        match code
            .checked_sub(CJK_FIRST)
            .and_then(|i| table.get(i as usize))
        {
            Some(1) => self.traditional += 1,
            Some(2) => self.simplified += 1,
            _ => {}
        }
    }
    fn script(&self) -> Script {
        if self.traditional > self.simplified {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }
}

/// Decides the script by counting characters found only in one script.
pub fn detect_script(text: &str) -> Script {
    let mut count = MarkCount::default();
    text.chars().for_each(|c| count.add(c));
    count.script()
}

/// OpenCC's traditional → simplified character table (`opencc/TSCharacters.txt`, Apache-2.0):
/// one line per traditional character, its simplified forms after a tab, the first one
/// OpenCC's choice.
const TS_CHARACTERS: &str = include_str!("opencc/TSCharacters.txt");

/// The table as lookups: dense over the CJK block (where nearly every entry lies), sorted
/// pairs for the rest. Built once, the first time a traditional text is met.
struct T2s {
    /// Per character of the CJK block: its simplified form, or 0 when it has none.
    dense: Vec<u32>,
    /// Characters outside the block, sorted.
    other: Vec<(char, char)>,
}

fn t2s() -> &'static T2s {
    static TABLE: OnceLock<T2s> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = T2s {
            dense: vec![0; (CJK_LAST - CJK_FIRST + 1) as usize],
            other: Vec::new(),
        };
        for line in TS_CHARACTERS.lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.split('\t');
            let (Some(from), Some(to)) = (parts.next(), parts.next()) else {
                continue;
            };
            let mut f = from.chars();
            let (Some(from), None) = (f.next(), f.next()) else {
                continue;
            };
            let Some(to) = to.split(' ').next().and_then(|v| {
                let mut c = v.chars();
                c.next().filter(|_| c.next().is_none())
            }) else {
                continue;
            };
            match (from as u32).checked_sub(CJK_FIRST) {
                Some(i) if (i as usize) < t.dense.len() => t.dense[i as usize] = to as u32,
                _ => t.other.push((from, to)),
            }
        }
        t.other.sort_unstable();
        t
    })
}

impl T2s {
    /// `c` folded ([`fold_char`]) and converted ([`T2s::convert`]).
    fn fold_convert(&self, c: char) -> char {
        match c {
            // (ASCII neither folds nor converts; ideographs do not fold)
            '\0'..='\x7F' => c,
            '\u{4000}'..='\u{9FFF}' => self.convert(c),
            _ => self.convert(fold_char(c)),
        }
    }

    /// `c` in simplified script, with OpenCC's character table, one for one. OpenCC's phrase
    /// rules are not applied: the wording that matters to reports is in [`PHRASES`], applied
    /// afterwards with its own offsets.
    #[inline]
    fn convert(&self, c: char) -> char {
        let to = match (c as u32).checked_sub(CJK_FIRST) {
            Some(i) if (i as usize) < self.dense.len() => self.dense[i as usize],
            // (ASCII and punctuation, most of what is not an ideograph, come first)
            _ if self.other.first().is_none_or(|&(f, _)| c < f) => 0,
            _ => self
                .other
                .binary_search_by_key(&c, |&(from, _)| from)
                .map_or(0, |k| self.other[k].1 as u32),
        };
        if to == 0 {
            c
        } else {
            char::from_u32(to).unwrap_or(c)
        }
    }
}

/// [`PHRASES`] for matching: the characters that start one (most characters do not: they
/// are turned away without a search), and the phrases by first character.
struct Phrases {
    first: IdeographSet,
    by_first: ByFirst<(&'static str, &'static str)>,
}

impl Phrases {
    /// The longest phrase at the start of `s` (whose first character is `c`), and its
    /// replacement.
    fn at(&self, s: &str, c: char) -> Option<(&'static str, &'static str)> {
        if !self.first.contains(c) {
            return None;
        }
        self.by_first
            .starting_with(c)
            .iter()
            .find(|(from, _)| s.starts_with(from))
            .copied()
    }
}

fn phrases() -> &'static Phrases {
    static INDEX: OnceLock<Phrases> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut first = IdeographSet::EMPTY;
        for (from, _) in PHRASES {
            // (every phrase starts with an ideograph: a test holds it)
            first.insert(from.chars().next().unwrap_or(' '));
        }
        Phrases {
            first,
            by_first: ByFirst::new(PHRASES, |p| p.0),
        }
    })
}

/// [`pinyin_gloss_len`] on text, read folded (`（é）` is `(é)`): the gloss at the start of
/// `s` in characters and bytes of `s`.
fn pinyin_gloss_str(s: &str) -> Option<(usize, usize)> {
    let head: Vec<char> = s.chars().take(10).collect();
    let folded: Vec<char> = head.iter().map(|&c| fold_char(c)).collect();
    let n = pinyin_gloss_len(&folded)?;
    let bytes = head[..n].iter().map(|c| c.len_utf8()).sum();
    Some((n, bytes))
}

/// Length of a pinyin gloss such as `(jù)` right after a CJK character: lowercase Latin
/// letters with at least one tone mark (or ü), 1–7 letters, in parentheses.
fn pinyin_gloss_len(s: &[char]) -> Option<usize> {
    if s.first() != Some(&'(') {
        return None;
    }
    let mut toned = false;
    for (k, &c) in s.iter().enumerate().skip(1).take(8) {
        match c {
            ')' if k >= 2 && toned => return Some(k + 1),
            'a'..='z' => {}
            'ā' | 'á' | 'ǎ' | 'à' | 'ē' | 'é' | 'ě' | 'è' | 'ī' | 'í' | 'ǐ' | 'ì' | 'ō' | 'ó'
            | 'ǒ' | 'ò' | 'ū' | 'ú' | 'ǔ' | 'ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => {
                toned = true
            }
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(t: &Text) {
        // Every normalized char maps to a valid input range.
        for (b, _) in t.norm.char_indices() {
            let r = t.orig_range(b..b + 1);
            assert!(r.end <= t.orig_chars());
        }
    }

    #[test]
    fn full_width_digits_and_brackets_fold_to_half_width() {
        let t = Text::new("（一）共受理申请５９８件：");
        assert_eq!(t.norm, "(一)共受理申请598件:");
        let b = t.norm.find("598").unwrap();
        let s = t.span(b..b + 3);
        assert_eq!(s.text, "５９８");
        assert_eq!((s.start, s.end), (8, 11));
        check_map(&t);
    }

    #[test]
    fn traditional_text_is_matched_in_simplified_but_reported_as_written() {
        let t = Text::new("市政府入口網站最佳化規範性檔案的程式，民眾滿意。");
        assert_eq!(t.script, Script::Traditional);
        assert_eq!(t.norm, "市政府门户网站优化规范性文件的程序,群众满意。");
        let b = t.norm.find("优化").unwrap();
        assert_eq!(t.span(b..b + "优化".len()).text, "最佳化");
        let b = t.norm.find("门户网站").unwrap();
        assert_eq!(t.span(b..b + "门户网站".len()).text, "入口網站");
        check_map(&t);
    }

    #[test]
    fn pinyin_glosses_from_mirror_sites_are_removed() {
        let t = Text::new("根據(jù)《條例》規(guī)定，現(xiàn)公布");
        assert_eq!(t.norm, "根据《条例》规定,现公布");
        let b = t.norm.find("条例").unwrap();
        assert_eq!(t.span(b..b + "条例".len()).text, "條例");
    }

    #[test]
    fn every_phrase_starts_with_an_ideograph() {
        for (from, _) in PHRASES {
            let c = from.chars().next().unwrap_or(' ');
            assert!(is_cjk(c) && phrases().first.contains(c), "{from}");
        }
    }

    #[test]
    fn pinyin_glosses_in_full_width_brackets_are_removed_in_both_scripts() {
        // Folding comes first: `（jù）` and `(jù）` are glosses like `(jù)`.
        let t = Text::new("这是（shì）报告，依据(jù）规定");
        assert_eq!(t.norm, "这是报告,依据规定");
        let b = t.norm.find("报告").unwrap();
        assert_eq!(t.span(b..b + "报告".len()).text, "报告");
        let t = Text::new("根據（jù）《條例》規定");
        assert_eq!(t.norm, "根据《条例》规定");
    }

    #[test]
    fn parentheses_that_are_not_pinyin_stay() {
        let t = Text::new("楚雄经开区(高新区)和(abc)及(一)");
        assert_eq!(t.norm, "楚雄经开区(高新区)和(abc)及(一)");
    }

    #[test]
    fn crlf_is_folded_and_mapped() {
        let t = Text::new("一、总体情况\r\n正文");
        assert_eq!(t.norm, "一、总体情况\n正文");
        let b = t.norm.find("正文").unwrap();
        assert_eq!(t.span(b..t.norm.len()).text, "正文");
    }

    #[test]
    fn simplified_text_is_left_in_its_script() {
        let t = Text::new("这个报告的档案");
        assert_eq!(t.script, Script::Simplified);
        assert_eq!(t.norm, "这个报告的档案");
    }

    /// The specification of both paths, one character at a time: the normalized text and,
    /// per normalized byte, the input character it came from. A traditional text's
    /// characters are converted one for one, then the longest phrase of [`PHRASES`] (the
    /// first listed among equals) is rewritten.
    fn reference(orig: &str, script: Script) -> (String, Vec<usize>) {
        let traditional = script == Script::Traditional;
        let cs: Vec<char> = orig
            .chars()
            .map(fold_char)
            .map(|c| if traditional { t2s().convert(c) } else { c })
            .collect();
        let (mut norm, mut map) = (String::new(), Vec::new());
        let mut push = |norm: &mut String, c: char, i: usize| {
            norm.push(c);
            map.extend(std::iter::repeat_n(i, c.len_utf8()));
        };
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i];
            if c == '\r' {
                push(&mut norm, '\n', i);
                i += if cs.get(i + 1) == Some(&'\n') { 2 } else { 1 };
                continue;
            }
            let mut best: Option<(usize, &str)> = None;
            for (from, to) in PHRASES.iter().filter(|_| traditional) {
                let f: Vec<char> = from.chars().collect();
                if cs[i..].starts_with(&f) && best.is_none_or(|(n, _)| f.len() > n) {
                    best = Some((f.len(), to));
                }
            }
            if let Some((n, to)) = best {
                to.chars().for_each(|t| push(&mut norm, t, i));
                i += n;
                continue;
            }
            push(&mut norm, c, i);
            i += 1;
            if cs.get(i) == Some(&'(') && is_cjk(c) {
                if let Some(skip) = pinyin_gloss_len(&cs[i..]) {
                    i += skip;
                }
            }
        }
        (norm, map)
    }

    /// `orig`'s normalized view and map are [`reference`]'s.
    fn like_reference(orig: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let t = Text::new(orig);
        let (norm, map) = reference(orig, t.script);
        proptest::prop_assert_eq!(&t.norm, &norm);
        for (b, &src) in map.iter().enumerate() {
            proptest::prop_assert_eq!(t.map.get(b), src, "byte {}", b);
        }
        proptest::prop_assert_eq!(t.map.get(norm.len()), orig.chars().count());
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn the_run_by_run_path_answers_like_the_character_path(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "这是", "报告", "a", "12", "\r\n", "\r", "\n", "（", "）", "，", "：", "１２",
                    "\u{3000}", "—", "(jù)", "(ab)", "(", "〇", "é", "𠀀", " ", "、", "。",
                ]),
                0..40,
            )
        ) {
            let orig: String = parts.concat();
            proptest::prop_assume!(Text::new(&orig).script == Script::Simplified);
            like_reference(&orig)?;
        }

        #[test]
        fn the_traditional_path_answers_like_the_character_path(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "這個", "們來", "報告", "資訊", "網路", "檔案", "規範性檔案", "入口網站",
                    "最佳化", "答覆", "覆", "重", "谘詢", "a", "12", "\r\n", "\r", "\n", "（",
                    "）", "，", "１２", "\u{3000}", "(jù)", "(ab)", "(", "〇", "𠀀", " ", "、",
                ]),
                0..40,
            ),
            // (a text plainly traditional from its start takes the early way out of the
            // simplified pass: 32 marks)
            long in proptest::bool::ANY,
        ) {
            let start = "這個們來時會對說為國".repeat(if long { 4 } else { 1 });
            let orig: String = [start, parts.concat()].concat();
            proptest::prop_assert_eq!(Text::new(&orig).script, Script::Traditional);
            like_reference(&orig)?;
        }
    }

    #[test]
    fn a_text_that_starts_traditional_but_is_simplified_is_normalized_as_simplified() {
        // (its start takes the early way out of the simplified pass; the whole text decides)
        let orig = format!(
            "{}\n{}",
            "這個們來時會對說為國".repeat(4),
            "这个报告的档案,们来时会对说为国。".repeat(20)
        );
        assert_eq!(Text::new(&orig).script, Script::Simplified);
        like_reference(&orig).expect("the simplified specification");
    }

    #[test]
    fn ideographs_never_fold() {
        // (the simplified pass skips the folding of characters whose lead byte is E4–E9)
        for c in '\u{4000}'..='\u{9FFF}' {
            assert_eq!(fold_char(c), c);
        }
    }

    #[test]
    fn the_character_table_converts_like_opencc() {
        // Every traditional character of the table, one at a time, as OpenCC's own t2s does.
        let cc = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
            .expect("OpenCC t2s");
        let mut differ = Vec::new();
        for line in TS_CHARACTERS.lines().filter(|l| !l.starts_with('#')) {
            let Some(c) = line.split('\t').next().and_then(|k| k.chars().next()) else {
                continue;
            };
            let ours = t2s().convert(c);
            let theirs = cc.convert(&c.to_string());
            if theirs.chars().count() == 1 && ours.to_string() != theirs {
                differ.push(format!("{c}: {ours} vs {theirs}"));
            }
        }
        assert!(
            differ.is_empty(),
            "{} differ: {:?}",
            differ.len(),
            &differ[..differ.len().min(20)]
        );
    }
}
