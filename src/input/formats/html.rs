//! Web pages (`.html`/`.htm` saved from a browser, and `.mht`/`.mhtml` web archives) → text.
//!
//! - **Charset:** a BOM wins; otherwise the `<meta charset>` / `http-equiv` declaration (or
//!   the MIME part's charset) in the first 4 KB, decoded with encoding_rs (GB2312 and GBK
//!   labels read as GBK, a superset); a page declared as a legacy charset whose bytes are
//!   in fact valid UTF-8 is read as UTF-8 with a note; without a declaration the bytes go
//!   through `xxgk::decode` (UTF-8, GB18030, Big5).
//! - **Markup:** a forgiving tree builder (implied end tags for `p`, `li`, `td`, `tr`, …;
//!   stray end tags ignored; nesting capped at [`MAX_DEPTH`]). Scripts, styles, the head,
//!   forms, hidden elements, `<nav>`, and `<header>`/`<footer>` outside an article are dropped,
//!   as are elements whose class or id names page chrome (`nav`, `footer`, `breadcrumb`, …).
//! - **Text:** block elements and `<br>` become line breaks, whitespace is collapsed as a
//!   browser does, entities are decoded, lines are trimmed.
//! - **Tables:** a data table (no nested table, cells of modest length) is written as
//!   tab-separated rows with row and column spans resolved (`grid`); a layout table (one
//!   holding tables, or long text) is written as ordinary blocks.
//!
//! Guarantees: never panics; linear in the input apart from the bounded nesting.

use super::grid::{self, Cell};
use super::sniff::{find, find_ci};
use super::{cell_text, push_collapsed, tidy_lines, visible_chars, Extracted, Format, LoadError};
use super::{LoadErrorKind, ADVICE};
use encoding_rs::{Encoding, UTF_8};

/// Deepest element nesting kept; deeper elements are flattened into their ancestor.
pub(crate) const MAX_DEPTH: usize = 256;

/// A cell longer than this makes its table a layout table.
const LONG_CELL: usize = 300;

pub(crate) fn extract(bytes: &[u8]) -> Result<Extracted, LoadError> {
    extract_with(bytes, None)
}

fn extract_with(bytes: &[u8], part_charset: Option<&str>) -> Result<Extracted, LoadError> {
    let (src, encoding, mut notes) = decode_page(bytes, part_charset)?;
    let doc = Dom::parse(&src);
    let mut r = Renderer {
        dom: &doc,
        out: String::with_capacity(src.len() / 2),
        images: 0,
    };
    r.render_children(0, 0);
    let text = tidy_lines(&r.out);
    if visible_chars(&text) == 0 {
        let msg = if r.images > 0 {
            "网页中没有文字，内容是图片。需要先用 OCR（文字识别）转成文字，再粘贴到这里。"
        } else {
            "网页中没有可读取的文字。请在浏览器中打开该网页，复制正文后粘贴。"
        };
        return Err(LoadError::new(LoadErrorKind::NoTextLayer, msg));
    }
    if r.images > 0 {
        notes.push(format!(
            "网页中有 {} 张图片；图片中的文字（例如以图片发布的表格）无法读取。",
            r.images
        ));
    }
    Ok(Extracted {
        text,
        format: Format::Html,
        encoding: Some(encoding),
        notes,
    })
}

// ---------------------------------------------------------------- charset

/// The charset a page declares in its first 4 KB: `<meta charset=…>`, `<meta http-equiv
/// content="…; charset=…">`, or an XML declaration's `encoding`.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let mut rest = head;
    while let Some(i) = find_ci(rest, b"<meta") {
        rest = &rest[i + 5..];
        let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(j) = find_ci(tag, b"charset") {
            if let Some(enc) = label_after(&tag[j + 7..]) {
                return Some(enc);
            }
        }
    }
    if let Some(i) = find(head, b"<?xml") {
        let decl = &head[i..];
        let end = find(decl, b"?>").unwrap_or(decl.len());
        if let Some(j) = find_ci(&decl[..end], b"encoding") {
            return label_after(&decl[j + 8..end]);
        }
    }
    None
}

/// `= "gb2312"` → the encoding of that label.
fn label_after(s: &[u8]) -> Option<&'static Encoding> {
    let s = trim_start(s);
    let s = trim_start(s.strip_prefix(b"=")?);
    let s = s
        .strip_prefix(b"\"")
        .or_else(|| s.strip_prefix(b"'"))
        .unwrap_or(s);
    let end = s
        .iter()
        .position(|&b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'
            )
        })
        .unwrap_or(s.len());
    let enc = Encoding::for_label(&s[..end])?;
    // A page served as UTF-16 but written in ASCII-compatible bytes is UTF-8 (WHATWG).
    Some(if enc.is_single_byte() || enc.output_encoding() == enc {
        enc
    } else {
        UTF_8
    })
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// Decodes a page: BOM, then the declared charset (checked against UTF-8), then detection.
fn decode_page(
    bytes: &[u8],
    part_charset: Option<&str>,
) -> Result<(String, &'static str, Vec<String>), LoadError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (t, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((t.into_owned(), enc.name(), Vec::new()));
    }
    let declared = declared_charset(bytes)
        .or_else(|| part_charset.and_then(|l| Encoding::for_label(l.as_bytes())));
    let mut notes = Vec::new();
    if let Some(enc) = declared {
        let utf8 = std::str::from_utf8(bytes).ok();
        if enc == UTF_8 {
            if let Some(t) = utf8 {
                return Ok((t.to_owned(), UTF_8.name(), notes));
            }
        } else {
            let (t, had_errors) = enc.decode_without_bom_handling(bytes);
            match utf8 {
                // A page saved by a browser is UTF-8 even when it keeps the old declaration;
                // Chinese in GBK is practically never valid UTF-8.
                Some(u) if !u.is_ascii() => {
                    notes.push(format!(
                        "网页声明的编码是 {}，但内容实际是 UTF-8，已按 UTF-8 读取。",
                        enc.name()
                    ));
                    return Ok((u.to_owned(), UTF_8.name(), notes));
                }
                _ => {}
            }
            if !had_errors {
                return Ok((t.into_owned(), enc.name(), notes));
            }
        }
        notes.push(format!(
            "网页声明的编码是 {}，但内容不符，已自动识别编码。",
            enc.name()
        ));
    }
    match crate::input::decode::decode(bytes) {
        Ok(d) => {
            notes.extend(d.notes);
            Ok((d.text, d.encoding, notes))
        }
        Err(e) => Err(LoadError::new(
            LoadErrorKind::UnknownEncoding,
            format!("{} {}", e.message, ADVICE),
        )),
    }
}

// ---------------------------------------------------------------- tree

#[derive(Debug)]
enum NodeKind {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

#[derive(Debug)]
struct Node {
    kind: NodeKind,
    children: Vec<usize>,
}

struct Dom {
    nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "frame", "keygen",
];
/// Contents skipped as raw text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "template",
];
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "caption",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "body",
    "html",
    "option",
    "legend",
];
/// Never text of the report.
const DROP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "title", "iframe", "object", "embed",
    "select", "button", "input", "textarea", "svg", "math", "map", "canvas", "audio", "video",
    "nav", "aside", "frameset", "frame",
];
/// Class or id words of page chrome.
const CHROME: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "header",
    "footer",
    "foot",
    "topbar",
    "top-bar",
    "sitemap",
    "share",
    "bdsharebuttonbox",
    "skip-link",
    "copyright",
];

impl Dom {
    fn parse(src: &str) -> Dom {
        let mut nodes = vec![Node {
            kind: NodeKind::Element {
                name: "#root".to_owned(),
                attrs: Vec::new(),
            },
            children: Vec::new(),
        }];
        let mut stack: Vec<usize> = vec![0];
        let b = src.as_bytes();
        let mut i = 0;
        let mut text_start = 0;
        let push_text = |nodes: &mut Vec<Node>, stack: &[usize], t: &str| {
            if t.is_empty() {
                return;
            }
            let id = nodes.len();
            nodes.push(Node {
                kind: NodeKind::Text(decode_entities(t)),
                children: Vec::new(),
            });
            let parent = *stack.last().unwrap_or(&0);
            nodes[parent].children.push(id);
        };
        while i < b.len() {
            if b[i] != b'<' {
                i += 1;
                continue;
            }
            let next = b.get(i + 1).copied().unwrap_or(0);
            if b[i..].starts_with(b"<!--") {
                push_text(&mut nodes, &stack, &src[text_start..i]);
                i = find(&b[i + 4..], b"-->").map_or(b.len(), |j| i + 4 + j + 3);
                text_start = i;
                continue;
            }
            if next == b'!' || next == b'?' {
                push_text(&mut nodes, &stack, &src[text_start..i]);
                i = b[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(b.len(), |j| i + j + 1);
                text_start = i;
                continue;
            }
            let closing = next == b'/';
            let name_start = if closing { i + 2 } else { i + 1 };
            if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
                i += 1;
                continue;
            }
            push_text(&mut nodes, &stack, &src[text_start..i]);
            let name_end = b[name_start..]
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')))
                .map_or(b.len(), |j| name_start + j);
            let name = src[name_start..name_end].to_ascii_lowercase();
            let tag_end = tag_end(b, name_end);
            let inner = &src[name_end..tag_end.saturating_sub(1).max(name_end)];
            i = tag_end;
            text_start = i;
            if closing {
                close(&nodes, &mut stack, &name);
                continue;
            }
            let self_closing = inner.trim_end().ends_with('/');
            let attrs = parse_attrs(inner);
            implied_ends(&nodes, &mut stack, &name);
            let id = nodes.len();
            nodes.push(Node {
                kind: NodeKind::Element {
                    name: name.clone(),
                    attrs,
                },
                children: Vec::new(),
            });
            let parent = *stack.last().unwrap_or(&0);
            nodes[parent].children.push(id);
            if RAW.contains(&name.as_str()) {
                // skip to the matching end tag; the contents are never text
                let mut close_tag = String::from("</");
                close_tag.push_str(&name);
                i = find_ci(&b[i..], close_tag.as_bytes()).map_or(b.len(), |j| i + j);
                text_start = i;
                continue;
            }
            if !(self_closing || VOID.contains(&name.as_str())) && stack.len() < MAX_DEPTH {
                stack.push(id);
            }
        }
        push_text(&mut nodes, &stack, &src[text_start..]);
        Dom { nodes }
    }

    fn name(&self, id: usize) -> &str {
        match &self.nodes[id].kind {
            NodeKind::Element { name, .. } => name,
            NodeKind::Text(_) => "#text",
        }
    }

    fn attr(&self, id: usize, key: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            NodeKind::Text(_) => None,
        }
    }
}

/// Index just past the `>` that ends a tag whose name ends at `from`, respecting quotes when
/// they close before the end of the input.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == b'"' || c == b'\'')
                // only a quote that opens an attribute value and closes again counts
                && i > from && b[i - 1] == b'=' && b[i + 1..].contains(&c) =>
            {
                quote = Some(c);
            }
            None if c == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    // an unterminated quote: fall back to the next '>'
    b[from..]
        .iter()
        .position(|&c| c == b'>')
        .map_or(b.len(), |j| from + j + 1)
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && out.len() < 64 {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ks = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/') {
            i += 1;
        }
        if ks == i {
            i += 1;
            continue;
        }
        let key = s[ks..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |j| vs + j);
                value = decode_entities(&s[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = decode_entities(&s[vs..i]);
            }
        }
        out.push((key, value));
    }
    out
}

/// Closes the nearest open element named `name`; a stray end tag is ignored. `</p>` and
/// `</br>` without an open element behave as browsers do (an empty paragraph, a break) —
/// here both are a line break, which the renderer gets from a new empty element.
fn close(nodes: &[Node], stack: &mut Vec<usize>, name: &str) {
    let boundary = |n: &str| matches!(n, "table" | "td" | "th");
    for k in (1..stack.len()).rev() {
        let n = match &nodes[stack[k]].kind {
            NodeKind::Element { name, .. } => name.as_str(),
            NodeKind::Text(_) => "",
        };
        if n == name {
            stack.truncate(k);
            return;
        }
        // an end tag never closes across a table cell or table unless it names one
        if boundary(n)
            && !matches!(
                name,
                "table" | "td" | "th" | "tr" | "tbody" | "thead" | "tfoot"
            )
        {
            return;
        }
    }
}

/// End tags a start tag implies: a new `p`, list item, cell, row or row group closes the open
/// one (with everything opened inside it) within its scope; a block closes an open `p`.
fn implied_ends(nodes: &[Node], stack: &mut Vec<usize>, name: &str) {
    const CELL_SCOPE: &[&str] = &["table", "td", "th", "caption", "button"];
    let (closes, scope): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "table", "td", "th"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl", "table", "td", "th"]),
        "option" => (&["option"], &["select", "table"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
        "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot", "tr", "td", "th"], &["table"]),
        _ if BLOCK.contains(&name) => (&["p"], CELL_SCOPE),
        _ => return,
    };
    let mut cut = None;
    for k in (1..stack.len()).rev() {
        let n = match &nodes[stack[k]].kind {
            NodeKind::Element { name, .. } => name.as_str(),
            NodeKind::Text(_) => "",
        };
        if closes.contains(&n) {
            cut = Some(k); // keep looking for an outer one (a `tr` above its `td`)
        } else if scope.contains(&n) {
            break;
        }
    }
    if let Some(k) = cut {
        stack.truncate(k);
    }
}

// ---------------------------------------------------------------- entities

/// Decodes character references: numeric ones and the named ones pages use.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .char_indices()
            .take(32)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .map(|(j, _)| j + 1);
        let (name, after) = match end {
            Some(e) => (
                &rest[1..e],
                if rest[e..].starts_with(';') { e + 1 } else { e },
            ),
            None if rest.len() <= 33 => (&rest[1..], rest.len()),
            None => ("", 1),
        };
        match entity(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[after..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return Some(match v {
            0 => '\u{FFFD}',
            0x80..=0x9F => windows_1252_c1(v),
            _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
        });
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "copy" => '©',
        "reg" => '®',
        "yen" => '¥',
        "deg" => '°',
        "plusmn" => '±',
        "laquo" => '«',
        "raquo" => '»',
        "permil" => '‰',
        "sect" => '§',
        "shy" => '\u{AD}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        _ => return None,
    })
}

/// `&#150;` and friends mean the Windows-1252 characters (HTML spec).
fn windows_1252_c1(v: u32) -> char {
    let b = [v as u8];
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(&b)
        .0
        .chars()
        .next()
        .unwrap_or('\u{FFFD}')
}

// ---------------------------------------------------------------- rendering

struct Renderer<'a> {
    dom: &'a Dom,
    out: String,
    images: usize,
}

impl Renderer<'_> {
    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn render_children(&mut self, id: usize, depth: usize) {
        for k in 0..self.dom.nodes[id].children.len() {
            let c = self.dom.nodes[id].children[k];
            self.render(c, depth + 1, false);
        }
    }

    fn is_dropped(&self, id: usize, in_article: bool) -> bool {
        let name = self.dom.name(id);
        if DROP.contains(&name) {
            return true;
        }
        if matches!(name, "header" | "footer") && !in_article {
            return true;
        }
        if let Some(style) = self.dom.attr(id, "style") {
            let s: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if s.contains("display:none") || s.contains("visibility:hidden") {
                return true;
            }
        }
        if self.dom.attr(id, "hidden").is_some() {
            return true;
        }
        if matches!(name, "td" | "th" | "tr" | "table" | "p" | "span") {
            return false;
        }
        ["class", "id"].iter().any(|k| {
            self.dom.attr(id, k).is_some_and(|v| {
                v.split_ascii_whitespace()
                    .any(|w| CHROME.contains(&w.to_ascii_lowercase().as_str()))
            })
        })
    }

    fn render(&mut self, id: usize, depth: usize, in_article: bool) {
        let node = &self.dom.nodes[id];
        let name = match &node.kind {
            NodeKind::Text(t) => {
                push_collapsed(&mut self.out, t);
                return;
            }
            NodeKind::Element { name, .. } => name.as_str(),
        };
        if depth > MAX_DEPTH + 8 || self.is_dropped(id, in_article) {
            return;
        }
        let in_article = in_article || matches!(name, "article" | "main");
        match name {
            "br" => {
                self.out.push('\n');
                return;
            }
            "img" => {
                self.images += 1;
                return;
            }
            "table" => {
                self.table(id, depth, in_article);
                return;
            }
            "pre" => {
                self.newline();
                let mut s = String::new();
                collect_raw(self.dom, id, &mut s, depth);
                self.out.push_str(&s.replace('\t', " "));
                self.newline();
                return;
            }
            _ => {}
        }
        let block = BLOCK.contains(&name);
        if block {
            self.newline();
        }
        for k in 0..node.children.len() {
            let c = node.children[k];
            self.render(c, depth + 1, in_article);
        }
        if block {
            self.newline();
        }
    }

    /// Rows of a table (through row groups), each a list of its cells.
    fn rows(&self, table: usize) -> (Vec<Vec<usize>>, Vec<usize>) {
        let mut rows = Vec::new();
        let mut captions = Vec::new();
        let mut loose: Vec<usize> = Vec::new();
        for &c in &self.dom.nodes[table].children {
            match self.dom.name(c) {
                "tr" => rows.push(self.cells(c)),
                "thead" | "tbody" | "tfoot" => {
                    for &r in &self.dom.nodes[c].children {
                        match self.dom.name(r) {
                            "tr" => rows.push(self.cells(r)),
                            "td" | "th" => loose.push(r),
                            _ => {}
                        }
                    }
                }
                "td" | "th" => loose.push(c),
                "caption" => captions.push(c),
                _ => {}
            }
        }
        if !loose.is_empty() {
            rows.push(loose);
        }
        (rows, captions)
    }

    fn cells(&self, tr: usize) -> Vec<usize> {
        self.dom.nodes[tr]
            .children
            .iter()
            .copied()
            .filter(|&c| matches!(self.dom.name(c), "td" | "th"))
            .collect()
    }

    fn contains_table(&self, id: usize, depth: usize) -> bool {
        if depth > MAX_DEPTH + 8 {
            return false;
        }
        self.dom.nodes[id]
            .children
            .iter()
            .any(|&c| self.dom.name(c) == "table" || self.contains_table(c, depth + 1))
    }

    fn table(&mut self, id: usize, depth: usize, in_article: bool) {
        let (rows, captions) = self.rows(id);
        self.newline();
        for c in captions {
            self.render(c, depth + 1, in_article);
            self.newline();
        }
        let layout = self.contains_table(id, depth) || rows.iter().all(|r| r.len() <= 1);
        if !layout {
            // render each cell alone to see how long it is
            let mut grid_rows: Vec<Vec<Cell>> = Vec::with_capacity(rows.len());
            let mut long = false;
            for r in &rows {
                let mut cells = Vec::with_capacity(r.len());
                for &c in r {
                    let text = if self.is_dropped(c, in_article) {
                        String::new()
                    } else {
                        let saved = std::mem::take(&mut self.out);
                        let images = self.images;
                        self.render_children_in(c, depth + 1, in_article);
                        self.images = images;
                        let raw = std::mem::replace(&mut self.out, saved);
                        cell_text(&raw)
                    };
                    long |= text.chars().count() > LONG_CELL;
                    let span = |k: &str| {
                        self.dom
                            .attr(c, k)
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(1)
                    };
                    cells.push(Cell::new(text, span("colspan"), span("rowspan")));
                }
                grid_rows.push(cells);
            }
            if !long {
                grid::write_tsv(&mut self.out, &grid::resolve(&grid_rows));
                return;
            }
        }
        for r in rows {
            for c in r {
                self.newline();
                self.render_children_in(c, depth + 1, in_article);
                self.newline();
            }
        }
    }

    fn render_children_in(&mut self, id: usize, depth: usize, in_article: bool) {
        for k in 0..self.dom.nodes[id].children.len() {
            let c = self.dom.nodes[id].children[k];
            self.render(c, depth + 1, in_article);
        }
    }
}

/// The text of a `<pre>` as written (line breaks kept, tags dropped).
fn collect_raw(dom: &Dom, id: usize, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH + 8 {
        return;
    }
    for &c in &dom.nodes[id].children {
        match &dom.nodes[c].kind {
            NodeKind::Text(t) => out.push_str(t),
            NodeKind::Element { name, .. } if name == "br" => out.push('\n'),
            NodeKind::Element { .. } => collect_raw(dom, c, out, depth + 1),
        }
    }
}

// ---------------------------------------------------------------- MHT

/// A MIME web archive: the first `text/html` part, its transfer encoding undone, read with
/// its declared charset.
pub(crate) fn extract_mht(bytes: &[u8]) -> Result<Extracted, LoadError> {
    let damaged = || {
        LoadError::new(
            LoadErrorKind::Damaged,
            "无法读取这个网页存档（.mht）中的网页内容。请在浏览器中打开它，复制正文后粘贴，或另存为 .html。".to_string(),
        )
    };
    let header_end = find(bytes, b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| find(bytes, b"\n\n").map(|i| i + 2))
        .ok_or_else(damaged)?;
    let header = String::from_utf8_lossy(&bytes[..header_end]);
    let boundary = header_param(&header, "boundary").ok_or_else(damaged)?;
    let delim = format!("--{boundary}");
    let body = &bytes[header_end..];
    let mut parts = Vec::new();
    let mut rest = body;
    while let Some(i) = find(rest, delim.as_bytes()) {
        rest = &rest[i + delim.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let end = find(rest, delim.as_bytes()).unwrap_or(rest.len());
        parts.push(&rest[..end]);
    }
    for part in parts {
        let Some(he) = find(part, b"\r\n\r\n")
            .map(|i| i + 4)
            .or_else(|| find(part, b"\n\n").map(|i| i + 2))
        else {
            continue;
        };
        let ph = String::from_utf8_lossy(&part[..he]).to_ascii_lowercase();
        if !ph.contains("text/html") {
            continue;
        }
        let raw = &part[he..];
        let content = if ph.contains("quoted-printable") {
            quoted_printable(raw)
        } else if ph.contains("base64") {
            base64(raw).ok_or_else(damaged)?
        } else {
            raw.to_vec()
        };
        let charset = header_param(&String::from_utf8_lossy(&part[..he]), "charset");
        let mut e = extract_with(&content, charset.as_deref())?;
        e.notes
            .insert(0, "已从网页存档（.mht）中取出网页内容。".to_owned());
        return Ok(e);
    }
    Err(damaged())
}

/// `name=value` or `name="value"` in MIME headers (case-insensitive name).
fn header_param(h: &str, name: &str) -> Option<String> {
    let lower = h.to_ascii_lowercase();
    let i = lower.find(&format!("{name}="))? + name.len() + 1;
    let v = &h[i..];
    let v = v.strip_prefix('"').map_or_else(
        || v.split([';', '\r', '\n', ' ']).next().unwrap_or(""),
        |q| q.split('"').next().unwrap_or(""),
    );
    (!v.is_empty()).then(|| v.to_owned())
}

fn quoted_printable(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'=' {
            if raw[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if raw[i + 1..].starts_with(b"\n") {
                i += 2;
                continue;
            }
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (
                raw.get(i + 1).copied().and_then(hex),
                raw.get(i + 2).copied().and_then(hex),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

fn base64(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in raw {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            c if c.is_ascii_whitespace() => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        extract(html.as_bytes()).unwrap().text
    }

    #[test]
    fn blocks_and_breaks_become_lines_and_chrome_is_dropped() {
        let t = text(
            "<html><head><title>T</title><style>p{}</style></head><body>\
             <div class=\"nav\">首页 &gt; 信息公开</div><header>网站</header>\
             <h1>某县2021年报告</h1><p>一、总体情况</p><p>全年&nbsp;主动公开<b>2316</b>条。<br>第二行</p>\
             <script>var a='<p>x</p>';</script><footer>版权所有</footer></body></html>",
        );
        assert_eq!(
            t,
            "某县2021年报告\n一、总体情况\n全年 主动公开2316条。\n第二行\n"
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("a&amp;b&#20013;&#x6587;&ldquo;x&rdquo;&bogus;"),
            "a&b中文“x”&bogus;"
        );
        assert_eq!(decode_entities("&"), "&");
        assert_eq!(decode_entities("&#99999999999;"), "&#99999999999;");
    }

    #[test]
    fn a_table_becomes_tab_separated_rows_with_spans() {
        let t = text(
            "<table><tr><td rowspan=2>申请人情况</td><td colspan=2>法人或其他组织</td></tr>\
             <tr><td>商业企业</td><td>其他</td></tr><tr><td>一、本年新收</td><td>3</td><td>4</td></tr></table>",
        );
        assert_eq!(
            t,
            "申请人情况\t法人或其他组织\t\n\t商业企业\t其他\n一、本年新收\t3\t4\n"
        );
    }

    #[test]
    fn layout_tables_are_written_as_blocks() {
        let t = text(
            "<table><tr><td><p>一、总体情况</p><table><tr><td>a</td><td>1</td></tr></table></td></tr></table>",
        );
        assert_eq!(t, "一、总体情况\na\t1\n");
    }

    #[test]
    fn gbk_page_is_decoded_by_its_meta_charset() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<p>政府信息公开工作年度报告</p>");
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>".to_vec();
        page.extend_from_slice(&bytes);
        let e = extract(&page).unwrap();
        assert_eq!(e.encoding, Some("GBK"));
        assert_eq!(e.text, "政府信息公开工作年度报告\n");
    }

    #[test]
    fn utf8_page_keeping_an_old_gb2312_declaration_is_read_as_utf8() {
        let page = "<meta charset=\"gb2312\"><p>年度报告</p>";
        let e = extract(page.as_bytes()).unwrap();
        assert_eq!(e.encoding, Some("UTF-8"));
        assert_eq!(e.text, "年度报告\n");
        assert_eq!(e.notes.len(), 1);
    }

    #[test]
    fn a_page_of_pictures_is_no_text() {
        let e = extract(b"<html><body><img src=a.png></body></html>").unwrap_err();
        assert_eq!(e.kind, LoadErrorKind::NoTextLayer);
    }

    #[test]
    fn mht_gives_its_html_part() {
        let mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E5=B9=B4=E5=BA=A6=\r\n=E6=8A=A5=E5=91=8A</p>\r\n--XX--\r\n";
        let e = extract_mht(mht.as_bytes()).unwrap();
        assert_eq!(e.text, "年度报告\n");
    }

    #[test]
    fn unclosed_and_deep_markup_does_not_panic() {
        let deep = "<div>".repeat(10_000) + "x";
        assert_eq!(text(&deep), "x\n");
        for s in [
            "<",
            "<a",
            "<a href=\"",
            "<p>&#",
            "<!--",
            "<table><td rowspan=99999999>x",
        ] {
            let _ = extract(s.as_bytes());
        }
    }
}
