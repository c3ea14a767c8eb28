//! PDF ToUnicode CMaps: character codes → Unicode text.
//!
//! Reads `begincodespacerange` (how many bytes a code has), `beginbfchar` (one code → one
//! string) and `beginbfrange` in both forms (`<lo> <hi> <dst>`, the destination's last unit
//! counting up; `<lo> <hi> [<d1> <d2> …]`). Destinations are UTF-16BE. Also maps the Kangxi
//! radicals and the radical supplement that some fonts' CMaps give for ordinary ideographs
//! (⼀ U+2F00 for 一) to the ideographs, so headings like 一、 are recognised.
//!
//! Guarantees: never panics on any bytes; ranges are stored, not expanded, so a
//! `<0000> <FFFF>` range costs nothing; lookups are O(log n).

use std::collections::HashMap;

/// A parsed ToUnicode CMap.
#[derive(Debug, Default, Clone)]
pub(crate) struct CMap {
    /// (low, high, bytes) of each codespace range.
    codespace: Vec<(u32, u32, u8)>,
    chars: HashMap<(u8, u32), String>,
    /// Sorted by (bytes, low).
    ranges: Vec<Range>,
}

#[derive(Debug, Clone)]
struct Range {
    len: u8,
    lo: u32,
    hi: u32,
    dst: Dst,
}

#[derive(Debug, Clone)]
enum Dst {
    /// UTF-16 units of the string for `lo`; the last unit counts up.
    Start(Vec<u16>),
    Each(Vec<String>),
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
}

fn tokens(data: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' => i += 1,
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |j| start + j);
                let digits: Vec<u8> = data[start..end]
                    .iter()
                    .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let mut bytes: Vec<u8> = digits
                    .chunks(2)
                    .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
                    .collect();
                bytes.truncate(512);
                out.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // literal strings are not used by ToUnicode maps; skip them (with nesting)
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                i += 1;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !matches!(data[i], b'<' | b'>' | b'[' | b']' | b'(' | b'/' | b'%')
                {
                    i += 1;
                }
                out.push(Tok::Word(&data[start..i]));
            }
        }
    }
    out
}

fn code(b: &[u8]) -> Option<(u8, u32)> {
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    Some((
        b.len() as u8,
        b.iter().fold(0u32, |a, &x| (a << 8) | u32::from(x)),
    ))
}

fn utf16(b: &[u8]) -> Vec<u16> {
    b.chunks(2)
        .map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
        .collect()
}

fn string_of(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| fix_radical(c.unwrap_or('\u{FFFD}')))
        .collect()
}

impl CMap {
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let toks = tokens(data);
        let mut m = CMap::default();
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                Tok::Word(b"begincodespacerange") => {
                    i += 1;
                    while i + 1 < toks.len() {
                        match (&toks[i], &toks[i + 1]) {
                            (Tok::Hex(a), Tok::Hex(b)) => {
                                if let (Some((la, a)), Some((_, b))) = (code(a), code(b)) {
                                    m.codespace.push((a, b, la));
                                }
                                i += 2;
                            }
                            _ => break,
                        }
                    }
                }
                Tok::Word(b"beginbfchar") => {
                    i += 1;
                    while i + 1 < toks.len() {
                        match (&toks[i], &toks[i + 1]) {
                            (Tok::Hex(a), Tok::Hex(b)) => {
                                if let Some(k) = code(a) {
                                    m.chars.insert(k, string_of(&utf16(b)));
                                }
                                i += 2;
                            }
                            _ => break,
                        }
                    }
                }
                Tok::Word(b"beginbfrange") => {
                    i += 1;
                    while i + 2 < toks.len() {
                        let (Tok::Hex(a), Tok::Hex(b)) = (&toks[i], &toks[i + 1]) else {
                            break;
                        };
                        let (Some((len, lo)), Some((_, hi))) = (code(a), code(b)) else {
                            i += 3;
                            continue;
                        };
                        match &toks[i + 2] {
                            Tok::Hex(d) => {
                                if lo <= hi {
                                    m.ranges.push(Range {
                                        len,
                                        lo,
                                        hi,
                                        dst: Dst::Start(utf16(d)),
                                    });
                                }
                                i += 3;
                            }
                            Tok::Open => {
                                let mut each = Vec::new();
                                i += 3;
                                while let Some(Tok::Hex(d)) = toks.get(i) {
                                    each.push(string_of(&utf16(d)));
                                    i += 1;
                                }
                                if toks.get(i) == Some(&Tok::Close) {
                                    i += 1;
                                }
                                if lo <= hi {
                                    m.ranges.push(Range {
                                        len,
                                        lo,
                                        hi,
                                        dst: Dst::Each(each),
                                    });
                                }
                            }
                            _ => i += 3,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        m.ranges.sort_by_key(|r| (r.len, r.lo));
        m
    }

    /// True when the map maps nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// The byte lengths the codespace allows for a code starting at `bytes`, if the CMap has
    /// a codespace.
    pub(crate) fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for n in 1..=4usize {
            if bytes.len() < n {
                break;
            }
            let v = bytes[..n]
                .iter()
                .fold(0u32, |a, &x| (a << 8) | u32::from(x));
            if self
                .codespace
                .iter()
                .any(|&(lo, hi, len)| usize::from(len) == n && lo <= v && v <= hi)
            {
                return Some(n);
            }
        }
        None
    }

    /// The text of a code of `len` bytes.
    pub(crate) fn lookup(&self, len: u8, code: u32) -> Option<String> {
        if let Some(s) = self.chars.get(&(len, code)) {
            return Some(s.clone());
        }
        let idx = self
            .ranges
            .partition_point(|r| (r.len, r.lo) <= (len, code));
        // ranges rarely overlap: look at the few that start at or before the code
        for r in self.ranges[..idx].iter().rev().take(8) {
            if r.len != len || code < r.lo || code > r.hi {
                continue;
            }
            let off = code - r.lo;
            return match &r.dst {
                Dst::Start(units) => {
                    let mut u = units.clone();
                    let last = u.last_mut()?;
                    *last = last.wrapping_add(off as u16);
                    Some(string_of(&u))
                }
                Dst::Each(v) => v.get(off as usize).cloned(),
            };
        }
        None
    }
}

/// The 214 Kangxi radicals (U+2F00…U+2FD5) as the unified ideographs they look like.
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨青非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// Radical-supplement forms (U+2E80…U+2EF3) fonts use for simplified ideographs.
const SUPPLEMENT: &[(char, char)] = &[
    ('\u{2EC4}', '西'),
    ('\u{2EC5}', '见'),
    ('\u{2EC6}', '角'),
    ('\u{2EC9}', '贝'),
    ('\u{2ECB}', '车'),
    ('\u{2ED3}', '长'),
    ('\u{2ED4}', '门'),
    ('\u{2EDA}', '页'),
    ('\u{2EDB}', '风'),
    ('\u{2EDC}', '飞'),
    ('\u{2EDD}', '食'),
    ('\u{2EE2}', '马'),
    ('\u{2EE5}', '鱼'),
    ('\u{2EE6}', '鸟'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEC}', '齐'),
    ('\u{2EEE}', '齿'),
    ('\u{2EF0}', '龙'),
    ('\u{2EF3}', '龟'),
];

/// A radical code point standing for an ideograph → that ideograph.
pub(crate) fn fix_radical(c: char) -> char {
    match c {
        '\u{2F00}'..='\u{2FD5}' => KANGXI.chars().nth(c as usize - 0x2F00).unwrap_or(c),
        '\u{2E80}'..='\u{2EF3}' => SUPPLEMENT
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(c, |(_, v)| *v),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_and_both_bfrange_forms() {
        let m = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0010> <4E00> endbfchar\n\
              2 beginbfrange <0020> <0022> <653F> <0030> <0031> [<5E74> <D840DC00>] endbfrange\n\
              endcmap",
        );
        assert_eq!(m.code_len(&[0, 3]), Some(2));
        assert_eq!(m.lookup(2, 3).as_deref(), Some(" "));
        assert_eq!(m.lookup(2, 0x10).as_deref(), Some("一"));
        assert_eq!(m.lookup(2, 0x21).as_deref(), Some("\u{6540}"));
        assert_eq!(m.lookup(2, 0x30).as_deref(), Some("年"));
        assert_eq!(m.lookup(2, 0x31).as_deref(), Some("\u{20000}"));
        assert_eq!(m.lookup(2, 0x40), None);
    }

    #[test]
    fn kangxi_radicals_become_ideographs() {
        assert_eq!(KANGXI.chars().count(), 214);
        assert_eq!(fix_radical('\u{2F00}'), '一');
        assert_eq!(fix_radical('\u{2F06}'), '二');
        assert_eq!(fix_radical('\u{2ED3}'), '长');
        assert_eq!(fix_radical('a'), 'a');
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            &b"beginbfrange <00"[..],
            b"beginbfrange <00> <01> [",
            b"<<>>((",
            b"beginbfchar <> <>",
        ] {
            let m = CMap::parse(s);
            let _ = m.lookup(1, 0);
        }
    }
}
