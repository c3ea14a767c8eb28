//! Word 2007+ documents (`.docx`, also what WPS saves as .docx) → text; other zip-based files
//! are recognised and refused with advice.
//!
//! - Opens the zip (`zip`, deflate through miniz_oxide) and reads `word/document.xml` with
//!   `quick-xml`, at most [`MAX_XML`] bytes of it.
//! - Paragraphs (`w:p`) become lines; runs' text (`w:t`), tabs, breaks and non-breaking
//!   hyphens are kept; deleted text of tracked changes (`w:del`), field codes and the
//!   fallback copies of text boxes (`mc:Fallback`) are skipped. Automatic numbering
//!   (`w:numPr`) is not rendered: only numbering typed into the text is kept.
//! - Tables (`w:tbl`) become tab-separated rows with `w:gridSpan` (columns), `w:vMerge`
//!   (rows: continuation cells are empty) and `w:gridBefore`/`w:gridAfter` resolved into
//!   full rows (`grid`); a table nested in a cell is flattened into that cell's text.
//! - Spreadsheets (.xlsx), presentations (.pptx), OpenDocument (.odt) and OFD files, and
//!   plain archives, are refused with a message saying what to do.
//!
//! Guarantees: never panics; a broken zip or XML is [`LoadErrorKind::Damaged`]; a document
//! without text is [`LoadErrorKind::NoTextLayer`].

use super::grid::{self, Cell};
use super::{cell_text, tidy_lines, visible_chars, Extracted, Format, LoadError};
use super::{LoadErrorKind, ADVICE};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// Largest `document.xml` read (a defence against zip bombs).
pub(crate) const MAX_XML: u64 = 256 * 1024 * 1024;

fn damaged() -> LoadError {
    LoadError::new(
        LoadErrorKind::Damaged,
        format!("Word 文档（.docx）已损坏或不完整，无法读取。请确认文件完整下载；也可以打开原文件，{ADVICE}"),
    )
}

pub(crate) fn extract(bytes: &[u8], file_name: &str) -> Result<Extracted, LoadError> {
    let ext = super::sniff::extension(file_name);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        if ext == "docx" {
            damaged()
        } else {
            LoadError::new(
                LoadErrorKind::Damaged,
                "这是 ZIP 压缩包，但已损坏或不完整，无法打开。".to_owned(),
            )
        }
    })?;
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let main = names
        .iter()
        .find(|n| n.as_str() == "word/document.xml")
        .or_else(|| {
            names
                .iter()
                .find(|n| n.starts_with("word/") && n.ends_with("document.xml"))
        })
        .cloned();
    let Some(main) = main else {
        return Err(refusal(&names, &ext));
    };
    let mut xml = Vec::new();
    {
        let entry = zip.by_name(&main).map_err(|_| damaged())?;
        entry
            .take(MAX_XML + 1)
            .read_to_end(&mut xml)
            .map_err(|_| damaged())?;
    }
    if xml.len() as u64 > MAX_XML {
        return Err(LoadError::new(
            LoadErrorKind::TooLarge,
            "Word 文档的正文解压后过大，无法读取。请复制其中的文字后粘贴。",
        ));
    }
    let text = tidy_lines(&render(&xml)?);
    if visible_chars(&text) == 0 {
        let pictures = names.iter().any(|n| n.starts_with("word/media/"));
        let msg = if pictures {
            "Word 文档中没有文字，内容是图片（可能是扫描件）。需要先用 OCR（文字识别）转成文字，再粘贴到这里。"
        } else {
            "Word 文档中没有文字。"
        };
        return Err(LoadError::new(LoadErrorKind::NoTextLayer, msg));
    }
    let mut notes = Vec::new();
    if names.iter().any(|n| n.starts_with("word/media/")) {
        notes.push("文档中有图片；图片中的文字（例如以图片插入的表格）无法读取。".to_owned());
    }
    Ok(Extracted {
        text,
        format: Format::Docx,
        encoding: None,
        notes,
    })
}

/// What a zip without a Word document is, and what to do.
fn refusal(names: &[String], ext: &str) -> LoadError {
    let has = |p: &str| names.iter().any(|n| n.starts_with(p));
    let what = if has("xl/") {
        "Excel 表格（.xlsx）"
    } else if has("ppt/") {
        "PowerPoint 演示文稿（.pptx）"
    } else if has("OFD.xml") || ext == "ofd" {
        "OFD 版式文件"
    } else if has("content.xml") && has("mimetype") {
        "OpenDocument 文档（.odt 等）"
    } else {
        return LoadError::new(
            LoadErrorKind::Unsupported,
            "这是 ZIP 压缩包。请先解压，再打开其中的报告文件（.docx、.pdf、.html 或 .txt）。",
        );
    };
    LoadError::new(
        LoadErrorKind::Unsupported,
        format!("这是{what}，不是 Word 文档，本工具不能直接读取。{ADVICE}"),
    )
}

/// A table being read.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    /// The open cell: text, gridSpan, vMerge continuation.
    cell: Option<(String, usize, bool)>,
    grid_after: usize,
}

#[derive(Default)]
struct State {
    out: String,
    tables: Vec<Table>,
    /// Depth inside elements whose text is skipped.
    skip: usize,
    /// Inside `w:t`.
    in_text: bool,
}

impl State {
    /// Where text goes now: the open cell of the innermost table, or the output.
    fn target(&mut self) -> &mut String {
        if let Some(t) = self.tables.last_mut() {
            if let Some((s, _, _)) = t.cell.as_mut() {
                return s;
            }
        }
        &mut self.out
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            b"del" | b"delText" | b"instrText" | b"Fallback" | b"tabs" | b"rPr" if !empty => {
                self.skip = 1;
            }
            b"t" => self.in_text = !empty,
            b"tab" => self.target().push('\t'),
            b"br" | b"cr" => self.target().push('\n'),
            b"noBreakHyphen" => self.target().push('-'),
            b"tbl" => self.tables.push(Table::default()),
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Vec::new();
                    t.grid_after = 0;
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some((String::new(), 1, false));
                }
            }
            b"gridSpan" | b"gridBefore" | b"gridAfter" | b"vMerge" => {
                let val = attr(e, b"val");
                if let Some(t) = self.tables.last_mut() {
                    let n = val
                        .as_deref()
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, grid::MAX_SPAN);
                    match (name, t.cell.as_mut()) {
                        (b"gridSpan", Some(c)) => c.1 = n,
                        (b"vMerge", Some(c)) => c.2 = val.as_deref() != Some("restart"),
                        (b"gridBefore", None) => {
                            for _ in 0..n {
                                t.row.push(Cell::new(String::new(), 1, 1));
                            }
                        }
                        (b"gridAfter", None) => t.grid_after = n,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        if empty && name == b"p" {
            self.target().push('\n');
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"p" => self.target().push('\n'),
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some((text, span, cont)) = t.cell.take() {
                        let text = if cont {
                            String::new()
                        } else {
                            cell_text(&text)
                        };
                        t.row.push(Cell::new(text, span, 1));
                    }
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let mut row = std::mem::take(&mut t.row);
                    for _ in 0..t.grid_after {
                        row.push(Cell::new(String::new(), 1, 1));
                    }
                    t.rows.push(row);
                }
            }
            b"tbl" => {
                if let Some(t) = self.tables.pop() {
                    let rows = grid::resolve(&t.rows);
                    if self.tables.is_empty() {
                        if !self.out.is_empty() && !self.out.ends_with('\n') {
                            self.out.push('\n');
                        }
                        grid::write_tsv(&mut self.out, &rows);
                    } else {
                        let target = self.target();
                        for r in rows {
                            target.push_str(&r.join(" "));
                            target.push('\n');
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if self.skip == 0 && self.in_text {
            self.target().push_str(s);
        }
    }
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// The text of `document.xml`.
fn render(xml: &[u8]) -> Result<String, LoadError> {
    let mut reader = Reader::from_reader(xml);
    let mut st = State::default();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => st.start(&e, false),
            Ok(Event::Empty(e)) => st.start(&e, true),
            Ok(Event::End(e)) => st.end(e.local_name().as_ref()),
            Ok(Event::Text(t)) => {
                let s = t.decode().map_err(|_| damaged())?;
                st.text(&s);
            }
            Ok(Event::CData(t)) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                st.text(&s);
            }
            Ok(Event::GeneralRef(r)) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"amp" => Some('&'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    st.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(_) => {
                // Truncated or broken XML: keep what was read when there is some text.
                if visible_chars(&st.out) == 0 {
                    return Err(damaged());
                }
                break;
            }
        }
        buf.clear();
    }
    Ok(st.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn doc(body: &str) -> String {
        let xml =
            format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{body}</w:body></w:document>");
        tidy_lines(&render(xml.as_bytes()).unwrap())
    }

    #[test]
    fn paragraphs_are_lines_and_deleted_text_is_skipped() {
        let t = doc("<w:p><w:r><w:t>一、总体</w:t></w:r><w:r><w:t xml:space=\"preserve\">情况</w:t></w:r></w:p>\
                     <w:p><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:t>A&amp;B</w:t><w:br/><w:t>C</w:t></w:r></w:p>");
        assert_eq!(t, "一、总体情况\nA&B\nC\n");
    }

    #[test]
    fn tables_resolve_grid_span_and_vertical_merge() {
        let cell = |t: &str, pr: &str| {
            format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
        };
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            cell("申请人情况", "<w:vMerge w:val=\"restart\"/>"),
            cell("法人或其他组织", "<w:gridSpan w:val=\"2\"/>"),
            cell("", "<w:vMerge/>"),
            cell("商业企业", ""),
            cell("其他", ""),
        );
        assert_eq!(
            doc(&body),
            "申请人情况\t法人或其他组织\t\n\t商业企业\t其他\n"
        );
    }
}
