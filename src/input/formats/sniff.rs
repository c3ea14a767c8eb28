//! Which format a file is: magic bytes first (zip, PDF, OLE, pictures, archives, RTF), then
//! markup sniffing (`<!DOCTYPE`, `<html`, `<meta`, `<head`, `<body`, a MIME web archive),
//! and the file name's extension as a hint for what the content leaves open (an `.html` file
//! that starts with text) and for the wording of refusals.
//!
//! Guarantee: looks only at the first few KB and the extension; never fails, never panics.

use super::{LoadErrorKind, ADVICE};

/// What to do with the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Html,
    Mht,
    /// A zip archive: a .docx, or something to refuse once its entries are known.
    Zip,
    Pdf,
    Refused(LoadErrorKind, String),
}

/// The lower-case extension of `file_name`, without the dot.
pub(crate) fn extension(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or("");
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

pub(crate) fn sniff(bytes: &[u8], file_name: &str) -> Kind {
    let ext = extension(file_name);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    // A PDF header may follow some junk; readers look in the first KB.
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Kind::Pdf;
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        let what = match ext.as_str() {
            "xls" | "et" => "旧版 Excel 表格（.xls）",
            "ppt" | "dps" => "旧版 PowerPoint 演示文稿（.ppt）",
            "wps" => "WPS 文字文档（.wps）",
            _ => "旧版 Word 文档（.doc）",
        };
        return Kind::Refused(
            LoadErrorKind::Unsupported,
            format!("这是{what}，本工具不能直接读取这种旧格式。{ADVICE}"),
        );
    }
    const PICTURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF8", "GIF"),
        (b"BM", "BMP"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
    ];
    if let Some((_, name)) = PICTURES.iter().find(|(m, _)| bytes.starts_with(m)) {
        if *name != "BMP" || ext == "bmp" {
            return Kind::Refused(
                LoadErrorKind::NoTextLayer,
                format!("这是一张 {name} 图片，里面的文字是图像，不是可读取的文字。需要先用 OCR（文字识别）转成文字，再粘贴到这里。"),
            );
        }
    }
    const ARCHIVES: &[(&[u8], &str)] = &[
        (b"Rar!", "RAR"),
        (b"7z\xBC\xAF\x27\x1C", "7z"),
        (b"\x1F\x8B", "gzip"),
    ];
    if let Some((_, name)) = ARCHIVES.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Kind::Refused(
            LoadErrorKind::Unsupported,
            format!("这是 {name} 压缩包。请先解压，再打开其中的报告文件（.docx、.pdf、.html 或 .txt）。"),
        );
    }
    if bytes.starts_with(b"{\\rtf") {
        return Kind::Refused(
            LoadErrorKind::Unsupported,
            format!("这是 RTF 文档，本工具不能直接读取。{ADVICE}"),
        );
    }
    if is_mht(bytes) || matches!(ext.as_str(), "mht" | "mhtml") && find(head, b"MIME").is_some() {
        return Kind::Mht;
    }
    if looks_like_html(bytes) {
        return Kind::Html;
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" if find_ci(head, b"<").is_some() => Kind::Html,
        "doc" | "wps" | "xls" | "xlsx" | "et" | "ppt" | "pptx" | "dps" | "odt" | "ods" | "ofd"
            if crate::input::decode::decode(bytes).is_err() =>
        {
            Kind::Refused(
                LoadErrorKind::Unsupported,
                format!("无法读取 .{ext} 文件。{ADVICE}"),
            )
        }
        _ => Kind::Text,
    }
}

/// A MIME web archive (`.mht`) saved by a browser: `MIME-Version:` and a multipart
/// `Content-Type` in the first lines.
fn is_mht(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    find_ci(head, b"mime-version:").is_some() && find_ci(head, b"multipart/related").is_some()
}

/// Markup at the start of the file (after a BOM, whitespace and comments): a doctype or one of
/// the tags a saved page begins with. UTF-16 pages are recognised by their BOM.
fn looks_like_html(bytes: &[u8]) -> bool {
    let utf16: String;
    let head: &[u8] = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..bytes.len().min(2050)]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        utf16 = String::from_utf16_lossy(&units);
        utf16.as_bytes()
    } else {
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        &b[..b.len().min(2048)]
    };
    let mut rest = head;
    loop {
        while let Some((c, r)) = rest.split_first() {
            if c.is_ascii_whitespace() {
                rest = r;
            } else {
                break;
            }
        }
        if rest.starts_with(b"<!--") {
            match find(rest, b"-->") {
                Some(i) => rest = &rest[i + 3..],
                None => return false,
            }
            continue;
        }
        if rest.starts_with(b"<?xml") {
            match find(rest, b"?>") {
                Some(i) => rest = &rest[i + 2..],
                None => return false,
            }
            continue;
        }
        break;
    }
    const STARTS: &[&[u8]] = &[
        b"<!doctype",
        b"<html",
        b"<meta",
        b"<head",
        b"<body",
        b"<title",
        b"<div",
        b"<table",
        b"<p>",
        b"<p ",
        b"<style",
        b"<script",
        b"<link",
    ];
    STARTS.iter().any(|s| starts_with_ci(rest, s))
        || (find_ci(head, b"<html").is_some() && find_ci(head, b"<body").is_some())
}

pub(crate) fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

pub(crate) fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_and_extension_is_a_hint() {
        assert_eq!(sniff(b"<!DOCTYPE html><html>", "a.txt"), Kind::Html);
        assert_eq!(sniff(b"\xEF\xBB\xBF  <meta charset=gbk>", ""), Kind::Html);
        assert_eq!(sniff(b"%PDF-1.7\n", "a.doc"), Kind::Pdf);
        assert_eq!(sniff(b"PK\x03\x04rest", "a.pdf"), Kind::Zip);
        assert_eq!(sniff("一、总体情况".as_bytes(), "a.html"), Kind::Text);
        assert_eq!(sniff(b"plain <b>bold</b>", "a.htm"), Kind::Html);
        assert_eq!(sniff(b"plain text", ""), Kind::Text);
    }

    #[test]
    fn old_office_and_pictures_are_refused_with_advice() {
        let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00";
        match sniff(ole, "报告.doc") {
            Kind::Refused(LoadErrorKind::Unsupported, m) => {
                assert!(m.contains(".doc") && m.contains(".docx"))
            }
            k => panic!("{k:?}"),
        }
        match sniff(ole, "x.xls") {
            Kind::Refused(_, m) => assert!(m.contains("Excel")),
            k => panic!("{k:?}"),
        }
        match sniff(b"\x89PNG\r\n\x1a\n", "scan.png") {
            Kind::Refused(LoadErrorKind::NoTextLayer, m) => assert!(m.contains("OCR")),
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn extension_is_lower_case_without_dot() {
        assert_eq!(extension("C:\\a\\报告.HTM"), "htm");
        assert_eq!(extension(".bashrc"), "");
        assert_eq!(extension(""), "");
    }
}
