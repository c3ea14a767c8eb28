//! PDFs with a text layer (what Word, WPS and LibreOffice export) → text in reading order.
//!
//! A focused extractor on top of `lopdf` (which parses the file, xref streams, object
//! streams, filters and standard decryption with an empty password):
//! - runs each page's content streams (and the form XObjects they draw) through a small
//!   text-state machine: `BT`/`ET`, `Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`, `Td`/`TD`/`Tm`/`T*`,
//!   `Tj`/`TJ`/`'`/`"`, `cm`, `q`/`Q`; every glyph gets a device position and advance;
//! - maps glyphs to text through the font's ToUnicode CMap (`cmap`, with bfchar/bfrange and
//!   its codespace), else through the predefined Chinese CMaps that carry their own code
//!   (`UniGB-UCS2-H`/`UniGB-UTF16-H`: the code is UTF-16; `GBK-EUC-H`, `GB-EUC-H`,
//!   `GBKp-EUC-H`, `GBK2K-H`: the code is GBK; `ETen-B5-H`, `B5pc-H`: Big5), else for simple
//!   fonts through WinAnsi/MacRoman with `Differences` glyph names (`uniXXXX`, ASCII names);
//!   `Identity-H` without ToUnicode cannot be mapped;
//! - lays each page out: glyphs grouped into lines by baseline (top to bottom), ordered by x
//!   within a line, a space where there is a visible gap (so table cells come out as the
//!   `spaces` form the table parser reads); pages are separated by a blank line.
//!
//! Guarantees: never panics (lopdf's parser returns errors on broken input; everything here
//! is bounds-checked, XObject recursion and the graphics-state stack are capped); a PDF whose
//! pages are only pictures is [`LoadErrorKind::NoTextLayer`]; text that no font maps is
//! [`LoadErrorKind::Unmappable`], never shown as an empty or garbled result.

use super::cmap::{fix_radical, CMap};
use super::{tidy_lines, visible_chars, Extracted, Format, LoadError, LoadErrorKind, ADVICE};
use crate::scan::chars::is_wide;
use encoding_rs::{BIG5, GBK, MACINTOSH, WINDOWS_1252};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Deepest form XObject nesting followed.
const MAX_FORM_DEPTH: usize = 8;
/// Largest graphics-state stack kept.
const MAX_STACK: usize = 64;

fn err(kind: LoadErrorKind, msg: impl Into<String>) -> LoadError {
    LoadError::new(kind, msg)
}

pub(crate) fn extract(bytes: &[u8]) -> Result<Extracted, LoadError> {
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => err(
            LoadErrorKind::Encrypted,
            format!("这个 PDF 设置了密码保护，无法读取其中的文字。请用 PDF 阅读器打开（输入密码），复制文字后粘贴；或{}", ADVICE.trim_start_matches('请')),
        ),
        _ => err(
            LoadErrorKind::Damaged,
            "PDF 文件已损坏或不完整，无法读取。请确认文件完整下载；也可以用 PDF 阅读器打开，复制文字后粘贴。",
        ),
    })?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(err(
            LoadErrorKind::Damaged,
            "PDF 文件中找不到页面，可能已损坏。请用 PDF 阅读器打开，复制文字后粘贴。",
        ));
    }
    let mut ex = Extractor {
        doc: &doc,
        fonts: HashMap::new(),
        images: 0,
        glyphs: 0,
        unmapped: 0,
    };
    let mut out = String::new();
    let mut picture_pages = Vec::new();
    let mut broken_pages = Vec::new();
    for (&num, &id) in &pages {
        let images_before = ex.images;
        let mut glyphs = Vec::new();
        match ex.page(id, &mut glyphs) {
            Ok(()) => {}
            Err(()) => broken_pages.push(num),
        }
        let text = layout(glyphs);
        if visible_chars(&text) == 0 && ex.images > images_before {
            picture_pages.push(num);
        }
        out.push_str(&text);
        out.push('\n');
    }
    let text = tidy_lines(&out);
    if visible_chars(&text) == 0 {
        if ex.unmapped > 0 {
            return Err(unmappable());
        }
        let msg = if ex.images > 0 || !picture_pages.is_empty() {
            "这个 PDF 是扫描件或图片：页面是图像，没有文字层，无法读取文字。需要先用 OCR（文字识别）转成文字（例如用 WPS、Acrobat 或手机的文字识别功能），再粘贴到这里。"
        } else {
            "这个 PDF 中没有可读取的文字（没有文字层）。如果它是扫描件，需要先用 OCR（文字识别）转成文字，再粘贴到这里。"
        };
        return Err(err(LoadErrorKind::NoTextLayer, msg));
    }
    if ex.unmapped * 3 > ex.glyphs {
        return Err(unmappable());
    }
    let mut notes = Vec::new();
    if !picture_pages.is_empty() {
        notes.push(format!(
            "第 {} 页没有文字层（是图片），其中的内容无法读取，需要 OCR。",
            list(&picture_pages)
        ));
    }
    if !broken_pages.is_empty() {
        notes.push(format!(
            "第 {} 页的内容无法完整解析，文字可能不全。",
            list(&broken_pages)
        ));
    }
    if ex.unmapped > 0 {
        notes.push(format!(
            "有 {} 个字符的字体没有编码映射，无法识别，已略去。",
            ex.unmapped
        ));
    }
    Ok(Extracted {
        text,
        format: Format::Pdf,
        encoding: None,
        notes,
    })
}

fn unmappable() -> LoadError {
    err(
        LoadErrorKind::Unmappable,
        "这个 PDF 中的文字使用了没有编码映射的字体，无法还原成文字。请用 PDF 阅读器打开后复制文字粘贴（如复制出来是乱码，则需要 OCR 识别）。",
    )
}

fn list(pages: &[u32]) -> String {
    let mut s: Vec<String> = pages.iter().take(10).map(u32::to_string).collect();
    if pages.len() > 10 {
        s.push("…".to_owned());
    }
    s.join("、")
}

// ---------------------------------------------------------------- fonts

#[derive(Debug, Clone, Copy, PartialEq)]
enum Predefined {
    /// Identity-H/V or another CID CMap whose codes are not text.
    Identity,
    Utf16,
    Gbk,
    Big5,
}

#[derive(Debug)]
struct Font {
    composite: bool,
    predefined: Predefined,
    to_unicode: Option<CMap>,
    /// Simple fonts: code → text by the base encoding and Differences.
    simple: Option<Vec<Option<char>>>,
    /// Widths in glyph space (1/1000 of the font size).
    widths: HashMap<u32, f32>,
    default_width: f32,
}

struct Glyph {
    text: String,
    width: f32,
    /// A single-byte space (word spacing applies).
    space: bool,
}

impl Font {
    fn load(doc: &Document, dict: &Dictionary) -> Font {
        let name = |d: &Dictionary, k: &[u8]| -> Vec<u8> {
            d.get(k)
                .and_then(|o| deref(doc, o).as_name())
                .map(<[u8]>::to_vec)
                .unwrap_or_default()
        };
        let subtype = name(dict, b"Subtype");
        let composite = subtype == b"Type0";
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.decompressed_content().ok())
            .map(|d| CMap::parse(&d))
            .filter(|m| !m.is_empty());
        let enc_name = name(dict, b"Encoding");
        let predefined = match enc_name.as_slice() {
            b"UniGB-UCS2-H" | b"UniGB-UCS2-V" | b"UniGB-UTF16-H" | b"UniGB-UTF16-V"
            | b"UniCNS-UCS2-H" | b"UniCNS-UTF16-H" | b"UniJIS-UCS2-H" | b"UniKS-UCS2-H" => {
                Predefined::Utf16
            }
            b"GBK-EUC-H" | b"GBK-EUC-V" | b"GB-EUC-H" | b"GB-EUC-V" | b"GBKp-EUC-H"
            | b"GBKp-EUC-V" | b"GBK2K-H" | b"GBK2K-V" => Predefined::Gbk,
            b"ETen-B5-H" | b"ETen-B5-V" | b"B5pc-H" | b"B5pc-V" | b"ETenms-B5-H" => {
                Predefined::Big5
            }
            _ => Predefined::Identity,
        };
        let mut widths = HashMap::new();
        let mut default_width = if composite { 1000.0 } else { 500.0 };
        if composite {
            let desc = dict
                .get(b"DescendantFonts")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = desc {
                if let Some(dw) = d.get(b"DW").ok().and_then(|o| num(deref(doc, o))) {
                    default_width = dw;
                }
                if let Some(w) = d
                    .get(b"W")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_array().ok())
                {
                    cid_widths(doc, w, &mut widths);
                }
            }
        } else {
            let first = dict
                .get(b"FirstChar")
                .ok()
                .and_then(|o| num(deref(doc, o)))
                .unwrap_or(0.0)
                .max(0.0) as u32;
            if let Some(w) = dict
                .get(b"Widths")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                for (k, o) in w.iter().take(256).enumerate() {
                    if let Some(v) = num(deref(doc, o)) {
                        widths.insert(first + k as u32, v);
                    }
                }
            }
            if let Some(mw) = dict
                .get(b"FontDescriptor")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(|o| num(deref(doc, o)))
            {
                default_width = mw;
            }
        }
        let simple = (!composite).then(|| simple_encoding(doc, dict));
        Font {
            composite,
            predefined,
            to_unicode,
            simple,
            widths,
            default_width,
        }
    }

    /// Splits a string operand into glyphs.
    fn glyphs(&self, bytes: &[u8], unmapped: &mut usize) -> Vec<Glyph> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let n = if let Some(n) = self.to_unicode.as_ref().and_then(|m| m.code_len(rest)) {
                n
            } else if !self.composite {
                1
            } else {
                match self.predefined {
                    Predefined::Gbk | Predefined::Big5 if rest[0] < 0x80 => 1,
                    _ => 2,
                }
            }
            .min(rest.len());
            let code_bytes = &rest[..n];
            let code = code_bytes
                .iter()
                .fold(0u32, |a, &x| (a << 8) | u32::from(x));
            i += n;
            let mut text = self
                .to_unicode
                .as_ref()
                .and_then(|m| m.lookup(n as u8, code));
            if text.is_none() {
                text = match (self.composite, self.predefined) {
                    (true, Predefined::Utf16) => {
                        Some(char::from_u32(code).map(String::from).unwrap_or_default())
                    }
                    (true, Predefined::Gbk) => legacy(GBK, code_bytes),
                    (true, Predefined::Big5) => legacy(BIG5, code_bytes),
                    (false, _) => self
                        .simple
                        .as_ref()
                        .and_then(|t| t.get(code as usize).copied().flatten())
                        .map(String::from),
                    _ => None,
                };
            }
            let text = match text {
                Some(t) => t
                    .chars()
                    // NUL, replacement and private-use characters (Symbol-font bullets) are
                    // not text
                    .filter(|&c| !matches!(c, '\0' | '\u{FFFD}' | '\u{E000}'..='\u{F8FF}'))
                    .map(fix_radical)
                    .collect(),
                None => {
                    *unmapped += 1;
                    String::new()
                }
            };
            // the predefined CMaps' CIDs are unknown: use the default width for wide codes
            let width = if self.composite && self.predefined != Predefined::Identity {
                if n == 1 {
                    500.0
                } else {
                    self.default_width
                }
            } else {
                self.widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width)
            };
            out.push(Glyph {
                text,
                width,
                space: n == 1 && code == 32,
            });
        }
        out
    }
}

fn legacy(enc: &'static encoding_rs::Encoding, b: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(b)
        .map(|c| c.into_owned())
}

fn cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    let mut budget = 100_000usize;
    while i < w.len() && budget > 0 {
        let Some(first) = num(deref(doc, &w[i])) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(ws)) => {
                for (k, o) in ws.iter().enumerate().take(budget) {
                    if let Some(v) = num(deref(doc, o)) {
                        out.insert(first + k as u32, v);
                    }
                }
                budget = budget.saturating_sub(ws.len().max(1));
                i += 2;
            }
            Some(o) => {
                let last = num(o).unwrap_or(0.0).max(0.0) as u32;
                let v = w.get(i + 2).and_then(|o| num(deref(doc, o))).unwrap_or(0.0);
                let n = last.saturating_sub(first).min(budget as u32);
                for c in first..=first + n {
                    out.insert(c, v);
                }
                budget = budget.saturating_sub(n as usize + 1);
                i += 3;
            }
            None => break,
        }
    }
}

/// A simple font's code → character table: base encoding, then Differences.
fn simple_encoding(doc: &Document, dict: &Dictionary) -> Vec<Option<char>> {
    let enc = dict.get(b"Encoding").ok().map(|o| deref(doc, o));
    let (base, diffs) = match enc {
        Some(Object::Name(n)) => (n.clone(), None),
        Some(Object::Dictionary(d)) => (
            d.get(b"BaseEncoding")
                .ok()
                .and_then(|o| o.as_name().ok())
                .map(<[u8]>::to_vec)
                .unwrap_or_default(),
            d.get(b"Differences")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok()),
        ),
        _ => (Vec::new(), None),
    };
    let table = if base == b"MacRomanEncoding" {
        MACINTOSH
    } else {
        WINDOWS_1252
    };
    let mut t: Vec<Option<char>> = (0..=255u8)
        .map(|b| {
            if b < 0x20 {
                None
            } else {
                table.decode_without_bom_handling(&[b]).0.chars().next()
            }
        })
        .collect();
    if let Some(diffs) = diffs {
        let mut code = 0usize;
        for o in diffs.iter().take(4096) {
            match deref(doc, o) {
                Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
                Object::Name(name) => {
                    if code < 256 {
                        t[code] = glyph_name(name);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    t
}

/// The character of a glyph name: `uniXXXX`, `uXXXX`, single letters and digits, common
/// punctuation names.
fn glyph_name(name: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(name).ok()?;
    if let Some(h) = s.strip_prefix("uni").or_else(|| s.strip_prefix('u')) {
        if (4..=6).contains(&h.len()) {
            if let Some(c) = u32::from_str_radix(&h[..h.len().min(6)], 16)
                .ok()
                .and_then(char::from_u32)
            {
                return Some(fix_radical(c));
            }
        }
    }
    if s.len() == 1 {
        return s.chars().next();
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("period", '.'),
        ("comma", ','),
        ("colon", ':'),
        ("semicolon", ';'),
        ("hyphen", '-'),
        ("percent", '%'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("slash", '/'),
        ("bracketleft", '['),
        ("bracketright", ']'),
        ("quotedbl", '"'),
        ("quotesingle", '\''),
        ("quoteleft", '‘'),
        ("quoteright", '’'),
        ("quotedblleft", '“'),
        ("quotedblright", '”'),
        ("endash", '–'),
        ("emdash", '—'),
        ("plus", '+'),
        ("equal", '='),
        ("underscore", '_'),
        ("ampersand", '&'),
        ("at", '@'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("asterisk", '*'),
        ("question", '?'),
        ("exclam", '!'),
        ("less", '<'),
        ("greater", '>'),
        ("bullet", '•'),
        ("periodcentered", '·'),
        ("ellipsis", '…'),
        ("nbspace", ' '),
        ("nonbreakingspace", ' '),
    ];
    NAMES.iter().find(|(n, _)| *n == s).map(|(_, c)| *c)
}

// ---------------------------------------------------------------- interpreter

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

type M = [f32; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// One glyph placed on the page.
struct Placed {
    x: f32,
    y: f32,
    /// Device advance.
    w: f32,
    size: f32,
    text: String,
}

struct TextState {
    font: Option<Rc<Font>>,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
        }
    }
}

struct Extractor<'a> {
    doc: &'a Document,
    fonts: HashMap<usize, Rc<Font>>,
    images: usize,
    glyphs: usize,
    unmapped: usize,
}

impl<'a> Extractor<'a> {
    /// The page's resource dictionaries, nearest first (inherited ones after).
    fn page_resources(&self, id: ObjectId) -> Vec<&'a Dictionary> {
        let mut out = Vec::new();
        if let Ok((inline, ids)) = self.doc.get_page_resources(id) {
            out.extend(inline);
            for rid in ids {
                if let Ok(d) = self.doc.get_dictionary(rid) {
                    out.push(d);
                }
            }
        }
        out
    }

    fn page(&mut self, id: ObjectId, out: &mut Vec<Placed>) -> Result<(), ()> {
        let resources = self.page_resources(id);
        let data = self.doc.get_page_content(id).map_err(|_| ())?;
        let content = Content::decode(&data).map_err(|_| ())?;
        self.run(&content.operations, &resources, ID, out, 0);
        Ok(())
    }

    fn lookup(&self, resources: &[&'a Dictionary], cat: &[u8], name: &[u8]) -> Option<&'a Object> {
        resources.iter().find_map(|r| {
            let d = deref(self.doc, r.get(cat).ok()?).as_dict().ok()?;
            Some(deref(self.doc, d.get(name).ok()?))
        })
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<Rc<Font>> {
        let dict = self.lookup(resources, b"Font", name)?.as_dict().ok()?;
        let key = dict as *const Dictionary as usize;
        if let Some(f) = self.fonts.get(&key) {
            return Some(f.clone());
        }
        let f = Rc::new(Font::load(self.doc, dict));
        self.fonts.insert(key, f.clone());
        Some(f)
    }

    fn run(
        &mut self,
        ops: &[lopdf::content::Operation],
        resources: &[&'a Dictionary],
        ctm0: M,
        out: &mut Vec<Placed>,
        depth: usize,
    ) {
        let mut ctm = ctm0;
        let mut stack: Vec<(M, TextState)> = Vec::new();
        let mut ts = TextState::default();
        let mut tm = ID;
        let mut tlm = ID;
        for op in ops {
            let a = &op.operands;
            let f = |i: usize| a.get(i).and_then(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < MAX_STACK => {
                    stack.push((
                        ctm,
                        TextState {
                            font: ts.font.clone(),
                            ..ts
                        },
                    ));
                }
                "Q" => {
                    if let Some((m, t)) = stack.pop() {
                        ctm = m;
                        ts = t;
                    }
                }
                "cm" if a.len() >= 6 => ctm = mul(&[f(0), f(1), f(2), f(3), f(4), f(5)], &ctm),
                "BT" => {
                    tm = ID;
                    tlm = ID;
                }
                "Tf" => {
                    ts.size = f(1);
                    ts.font = a
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| self.font(resources, n));
                }
                "Tc" => ts.tc = f(0),
                "Tw" => ts.tw = f(0),
                "Tz" => ts.th = f(0) / 100.0,
                "TL" => ts.tl = f(0),
                "Ts" => ts.rise = f(0),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    ts.tl = -f(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, f(0), f(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if a.len() >= 6 => {
                    tlm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.tl], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if op.operator == "\"" {
                            ts.tw = f(0);
                            ts.tc = f(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.tl], &tlm);
                        tm = tlm;
                    }
                    let items: Vec<&Object> = if op.operator == "TJ" {
                        a.first()
                            .and_then(|o| o.as_array().ok())
                            .map(|v| v.iter().collect())
                            .unwrap_or_default()
                    } else {
                        a.last().into_iter().collect()
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                self.show(bytes, &ts, &mut tm, &ctm, out);
                            }
                            o => {
                                if let Some(adj) = num(o) {
                                    let tx = -adj / 1000.0 * ts.size * ts.th;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "BI" => self.images += 1,
                "Do" => {
                    let Some(name) = a.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Some(Object::Stream(s)) = self.lookup(resources, b"XObject", name) else {
                        continue;
                    };
                    let sub = s
                        .dict
                        .get(b"Subtype")
                        .and_then(|o| o.as_name())
                        .unwrap_or(b"");
                    if sub == b"Image" {
                        self.images += 1;
                    } else if sub == b"Form" && depth < MAX_FORM_DEPTH {
                        let Ok(data) = s.decompressed_content() else {
                            continue;
                        };
                        let Ok(content) = Content::decode(&data) else {
                            continue;
                        };
                        let m = s
                            .dict
                            .get(b"Matrix")
                            .ok()
                            .and_then(|o| o.as_array().ok())
                            .filter(|v| v.len() >= 6)
                            .map(|v| {
                                let g = |i: usize| num(&v[i]).unwrap_or(0.0);
                                [g(0), g(1), g(2), g(3), g(4), g(5)]
                            })
                            .unwrap_or(ID);
                        let mut res: Vec<&'a Dictionary> = Vec::new();
                        if let Some(d) = s
                            .dict
                            .get(b"Resources")
                            .ok()
                            .map(|o| deref(self.doc, o))
                            .and_then(|o| o.as_dict().ok())
                        {
                            res.push(d);
                        }
                        res.extend_from_slice(resources);
                        self.run(&content.operations, &res, mul(&m, &ctm), out, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn show(&mut self, bytes: &[u8], ts: &TextState, tm: &mut M, ctm: &M, out: &mut Vec<Placed>) {
        let Some(font) = ts.font.clone() else { return };
        for g in font.glyphs(bytes, &mut self.unmapped) {
            self.glyphs += 1;
            let trm = mul(
                &mul(&[ts.size * ts.th, 0.0, 0.0, ts.size, 0.0, ts.rise], tm),
                ctm,
            );
            let tx =
                (g.width / 1000.0 * ts.size + ts.tc + if g.space { ts.tw } else { 0.0 }) * ts.th;
            let scale = {
                let m = mul(tm, ctm);
                (m[0] * m[0] + m[1] * m[1]).sqrt()
            };
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            if !g.text.is_empty() && trm[4].is_finite() && trm[5].is_finite() {
                out.push(Placed {
                    x: trm[4],
                    y: trm[5],
                    w: (g.width / 1000.0 * ts.size * ts.th * scale).abs(),
                    size: if size.is_finite() && size > 0.0 {
                        size
                    } else {
                        1.0
                    },
                    text: g.text,
                });
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }
}

// ---------------------------------------------------------------- layout

/// A laid-out line.
struct Line {
    text: String,
    left: f32,
    right: f32,
    y: f32,
    size: f32,
    /// A space was put where glyphs stand apart (a table row, a spaced heading).
    gaps: bool,
}

/// Glyphs → lines: grouped by baseline from the top of the page, ordered by x, a space where
/// the gap between glyphs is visible. A line of running text that fills the page's text width
/// is joined with the line it wraps onto (same size, next baseline, no gaps in either), so a
/// wrapped title or sentence reads as one line, as it does in the source document.
fn layout(mut glyphs: Vec<Placed>) -> String {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Placed>> = Vec::new();
    let mut line_y = f32::NAN;
    let mut line_size = 0.0f32;
    for g in glyphs {
        let same =
            !groups.is_empty() && (line_y - g.y).abs() <= 0.4 * line_size.min(g.size).max(1.0);
        if !same {
            line_y = g.y;
            line_size = g.size;
            groups.push(Vec::new());
        }
        if let Some(l) = groups.last_mut() {
            l.push(g);
        }
    }
    let mut lines: Vec<Line> = Vec::with_capacity(groups.len());
    for mut l in groups {
        l.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut end = f32::NEG_INFINITY;
        let mut last: Option<(f32, &str)> = None;
        let mut s = String::new();
        let mut gaps = false;
        let mut left = f32::INFINITY;
        let mut size = 0.0f32;
        for g in &l {
            // a glyph drawn twice over itself (fake bold, shadows)
            if let Some((x, t)) = last {
                if t == g.text && (g.x - x).abs() < 0.15 * g.size {
                    continue;
                }
            }
            if !s.is_empty() && g.x - end > 0.3 * g.size && !s.ends_with(' ') {
                s.push(' ');
                gaps = true;
            }
            for c in g.text.chars() {
                if c.is_whitespace() {
                    if !s.is_empty() && !s.ends_with(' ') {
                        s.push(' ');
                    }
                } else {
                    s.push(c);
                }
            }
            end = end.max(g.x + g.w);
            left = left.min(g.x);
            size = size.max(g.size);
            last = Some((g.x, g.text.as_str()));
        }
        let t = s.trim();
        if !t.is_empty() {
            lines.push(Line {
                text: t.to_owned(),
                left,
                right: end,
                y: l.first().map_or(0.0, |g| g.y),
                size,
                gaps: gaps || t.contains(' '),
            });
        }
    }
    let right_edge = lines
        .iter()
        .map(|l| l.right)
        .fold(f32::NEG_INFINITY, f32::max);
    let left_edge = lines.iter().map(|l| l.left).fold(f32::INFINITY, f32::min);
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(&l.text);
        let wraps = lines.get(i + 1).is_some_and(|n| {
            !l.gaps
                && !n.gaps
                && l.right >= right_edge - 1.5 * l.size
                && (n.size - l.size).abs() <= 0.1 * l.size
                && l.y - n.y > 0.0
                && l.y - n.y <= 2.2 * l.size
                && n.left >= left_edge - 0.5 * l.size
                && n.left <= l.left + 4.5 * l.size
                && l.text.chars().count() >= 8
                && crate::scan::headings::parse(&n.text, None).is_none()
        });
        if wraps {
            let a = l.text.chars().last().unwrap_or(' ');
            let b = n_first(&lines[i + 1].text);
            if !(is_wide(a) || is_wide(b)) {
                out.push(' ');
            }
        } else {
            out.push('\n');
        }
    }
    out
}

fn n_first(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f32, y: f32, t: &str) -> Placed {
        Placed {
            x,
            y,
            w: 10.0,
            size: 10.0,
            text: t.to_owned(),
        }
    }

    #[test]
    fn glyphs_are_laid_out_in_lines_with_gaps_as_spaces() {
        let g = vec![
            p(40.0, 100.0, "7"),
            p(0.0, 100.0, "一"),
            p(10.0, 101.0, "、"),
            p(0.0, 80.0, "二"),
            p(10.0, 80.0, "二"),
            p(10.5, 80.0, "二"),
        ];
        assert_eq!(layout(g), "一、 7\n二二\n");
    }

    #[test]
    fn garbage_is_damaged_not_a_panic() {
        let e = extract(b"%PDF-1.4\n1 0 obj\n<<").unwrap_err();
        assert_eq!(e.kind, LoadErrorKind::Damaged);
    }
}
