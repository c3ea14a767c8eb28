//! Decoding: bytes as people save them → text.
//!
//! Recognises a BOM (UTF-8, UTF-16 LE/BE), then valid UTF-8, then tries the legacy Chinese
//! encodings Windows and old sites use: GB18030 (a superset of GBK and GB2312) and Big5. When
//! both legacy decoders accept the bytes, the one whose text reads most like Chinese wins.
//! Guarantee: the returned text is exactly what the bytes say, never a guess full of
//! replacement characters; when no encoding reads the bytes cleanly the result is an error
//! that says so in plain Chinese.

use encoding_rs::{Encoding, BIG5, GB18030, UTF_8};
use std::fmt;

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `gb18030`, `Big5`.
    pub encoding: &'static str,
    /// True when the bytes started with a byte-order mark.
    pub bom: bool,
    /// Notes on doubtful points, in plain Chinese (e.g. a few undecodable bytes replaced).
    pub notes: Vec<String>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// The bytes are not text in any supported encoding (a picture, an archive, a scan …).
    Binary,
    /// The bytes look like text but no supported encoding reads them cleanly.
    UnknownEncoding,
}

/// A decoding failure with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub kind: DecodeErrorKind,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

/// Share of replacement characters above which a lossy decoding is refused.
const MAX_REPLACED_SHARE: f64 = 0.001;

/// Decodes bytes into text; see the module documentation for the order of attempts.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let mut notes = Vec::new();
        if had_errors {
            notes.push(format!(
                "文件以 {} 标记开头，但其中有无法解码的字节，已用 � 代替。",
                enc.name()
            ));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            bom: true,
            notes,
        });
    }
    if looks_binary(bytes) {
        return Err(DecodeError {
            kind: DecodeErrorKind::Binary,
            message: binary_message(bytes),
        });
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            bom: false,
            notes: Vec::new(),
        });
    }
    let candidates: Vec<(&'static Encoding, String)> = [GB18030, BIG5]
        .into_iter()
        .filter_map(|enc| {
            enc.decode_without_bom_handling_and_without_replacement(bytes)
                .map(|t| (enc, t.into_owned()))
        })
        .collect();
    if let Some((enc, text)) = candidates.into_iter().max_by_key(|(_, t)| chinese_score(t)) {
        return Ok(Decoded {
            text,
            encoding: enc.name(),
            bom: false,
            notes: Vec::new(),
        });
    }
    // No decoder reads the bytes cleanly: accept a lossy UTF-8 or GB18030 reading only when
    // the damage is a handful of bytes (a truncated file, one bad byte), and say so.
    for enc in [UTF_8, GB18030] {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let total = text.chars().count().max(1);
        if (replaced as f64) / (total as f64) <= MAX_REPLACED_SHARE {
            let notes = vec![format!(
                "按 {} 解码时有 {} 处字节无法识别，已用 � 代替；其余文字不受影响。",
                enc.name(),
                replaced
            )];
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: enc.name(),
                bom: false,
                notes,
            });
        }
    }
    Err(DecodeError {
        kind: DecodeErrorKind::UnknownEncoding,
        message: "无法确定文件的文字编码（已尝试 UTF-8、UTF-16、GB18030/GBK、Big5）。请用记事本等工具另存为 UTF-8 后再打开，或直接粘贴文字。".to_owned(),
    })
}

/// NUL bytes outside a UTF-16 text (which would have had a BOM) mean the bytes are not text.
/// Also recognises common binary formats by their magic numbers for a better message.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.contains(&0) || magic_name(bytes).is_some()
}

fn magic_name(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "ZIP 压缩包或 Office 文档（.docx/.xlsx）"),
        (b"%PDF", "PDF 文件"),
        (b"\xD0\xCF\x11\xE0", "旧版 Office 文档（.doc/.xls/.wps）"),
        (b"\x89PNG", "PNG 图片"),
        (b"\xFF\xD8\xFF", "JPEG 图片"),
        (b"GIF8", "GIF 图片"),
        (b"Rar!", "RAR 压缩包"),
        (b"7z\xBC\xAF", "7z 压缩包"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, name)| *name)
}

fn binary_message(bytes: &[u8]) -> String {
    match magic_name(bytes) {
        Some(name) => {
            format!("这是{name}，不是纯文本。请打开原文件复制文字后粘贴，或另存为文本（.txt）。")
        }
        None => {
            "文件内容不是文字（含有二进制数据）。请打开原文件复制文字后粘贴，或另存为文本（.txt）。"
                .to_owned()
        }
    }
}

/// How much a decoded text reads like Chinese prose: common characters of either script
/// score, rare ones and control characters cost. Used only to choose between decoders that
/// both accepted the bytes.
fn chinese_score(text: &str) -> i64 {
    // The most frequent characters of report prose, in both scripts.
    const COMMON: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府信息申请报告办依市县局省这個們來時會對說為國經過與發後問學還動開關實現體點當從應頭給長見氣區縣機關員書報請務處門網條總";
    let mut score = 0i64;
    for c in text.chars() {
        if COMMON.contains(c) {
            score += 3;
        } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            score += 1;
        } else if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            score -= 5;
        } else if ('\u{E000}'..='\u{F8FF}').contains(&c) {
            score -= 5; // private use: a sure sign of the wrong table
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_is_read_and_marked() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("一、总体情况".as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "一、总体情况");
        assert!(d.bom);
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn gbk_bytes_are_read_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("政府信息公开工作年度报告，共受理申请598件。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text, "政府信息公开工作年度报告，共受理申请598件。");
    }

    #[test]
    fn big5_bytes_are_read_as_big5() {
        let (bytes, _, _) = BIG5.encode("政府資訊公開工作年度報告，受理申請4宗。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, "政府資訊公開工作年度報告，受理申請4宗。");
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "年度报告".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, "年度报告");
    }

    #[test]
    fn zip_renamed_to_txt_is_refused_with_a_clear_message() {
        let err = decode(b"PK\x03\x04\x14\x00\x00\x00garbage").unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::Binary);
        assert!(err.message.contains("ZIP"));
    }

    #[test]
    fn random_high_bytes_are_not_presented_as_text() {
        // 0xFF starts no character in UTF-8, GB18030 or Big5.
        let bytes: Vec<u8> = b"\xC0\xFFA".repeat(500);
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::UnknownEncoding);
    }

    #[test]
    fn empty_bytes_are_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
