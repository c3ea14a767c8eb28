//! The comparison as an Excel workbook: sheet 总览 (the overview, numbers as numbers, the
//! header row bold, frozen and filterable), sheet 系列核对 (every cross-year identity and
//! text-reuse ratio), sheet 发现 (every finding). The cells hold the same values as
//! [`super::overview_csv`].
//!
//! Written here as the minimal Office Open XML package Excel and WPS open without a repair
//! prompt — content types, relationships, a workbook, a style sheet with one bold font, and
//! one worksheet per sheet with inline strings — zipped with the `zip` crate the input stage
//! already uses (entries stored, not deflated, which every reader accepts). A maintained
//! writer (`rust_xlsxwriter` 0.102, with its own zip 9 and zopfli) made the page 1.51 MB, over
//! its 1.5 MB budget; this costs a few kilobytes (docs/performance.md). Text is escaped for
//! XML, characters XML 1.0 cannot hold are dropped, and the output does not depend on a clock.

use super::overview::{self, Cell};
use super::{all_findings, Comparison};
use std::fmt::Write as _;
use std::io::Write as _;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// A column's letters: 0 → A, 25 → Z, 26 → AA.
fn column(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Text as XML character data.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn number(v: f64) -> String {
    super::fmt_num(v)
}

/// One worksheet's XML.
fn sheet(head: &[String], rows: &[Vec<Cell>]) -> String {
    let last = format!("{}{}", column(head.len().max(1) - 1), rows.len() + 1);
    let mut x = String::from(HEAD);
    let _ = write!(
        x,
        "<worksheet xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><dimension ref=\"A1:{last}\"/>\
         <sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" \
         activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>\
         <sheetFormatPr defaultRowHeight=\"15\"/><cols>"
    );
    for (c, h) in head.iter().enumerate() {
        let w = if h == "说明" || h == "核对项" {
            48
        } else if c == 0 {
            28
        } else {
            12
        };
        let _ = write!(
            x,
            "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>",
            c + 1
        );
    }
    x.push_str("</cols><sheetData>");
    let text_cell = |x: &mut String, r: usize, c: usize, s: &str, style: &str| {
        let _ = write!(
            x,
            "<c r=\"{}{r}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">{}</t></is></c>",
            column(c),
            escape(s)
        );
    };
    x.push_str("<row r=\"1\">");
    for (c, h) in head.iter().enumerate() {
        text_cell(&mut x, 1, c, h, " s=\"1\"");
    }
    x.push_str("</row>");
    for (i, row) in rows.iter().enumerate() {
        let r = i + 2;
        let _ = write!(x, "<row r=\"{r}\">");
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) => text_cell(&mut x, r, c, s, ""),
                Cell::Number(v) if v.is_finite() => {
                    let _ = write!(x, "<c r=\"{}{r}\"><v>{}</v></c>", column(c), number(*v));
                }
                _ => {}
            }
        }
        x.push_str("</row>");
    }
    let _ = write!(x, "</sheetData><autoFilter ref=\"A1:{last}\"/></worksheet>");
    x
}

const STYLES: &str = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>\
<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
<dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>";

/// A sheet to write: its name, header and rows.
type Sheet<'a> = (&'a str, Vec<String>, Vec<Vec<Cell>>);

/// The package's parts (path, XML) for the sheets given.
fn parts(sheets: &[Sheet]) -> Vec<(String, String)> {
    let n = sheets.len();
    let mut types = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    );
    for i in 1..=n {
        let _ = write!(
            types,
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        );
    }
    types.push_str("</Types>");
    let root_rels = format!(
        "{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    );
    let core = format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>政府信息公开工作年度报告比较</dc:title>\
         <dc:creator>xxgk</dc:creator></cp:coreProperties>"
    );
    let app = format!(
        "{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>xxgk</Application></Properties>"
    );
    let mut book = format!(
        "{HEAD}<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><bookViews><workbookView/></bookViews><sheets>"
    );
    let mut rels = format!(
        "{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    let mut names = String::new();
    for (i, (name, head, rows)) in sheets.iter().enumerate() {
        let id = i + 1;
        let _ = write!(
            book,
            "<sheet name=\"{}\" sheetId=\"{id}\" r:id=\"rId{id}\"/>",
            escape(name)
        );
        let _ = write!(
            rels,
            "<Relationship Id=\"rId{id}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{id}.xml\"/>"
        );
        let last_col = column(head.len().max(1) - 1);
        let _ = write!(
            names,
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">'{}'!$A$1:${last_col}${}</definedName>",
            escape(name),
            rows.len() + 1
        );
    }
    let _ = write!(
        book,
        "</sheets><definedNames>{names}</definedNames></workbook>"
    );
    let _ = write!(
        rels,
        "<Relationship Id=\"rId{}\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>",
        n + 1
    );
    let mut out = vec![
        ("[Content_Types].xml".to_owned(), types),
        ("_rels/.rels".to_owned(), root_rels),
        ("docProps/core.xml".to_owned(), core),
        ("docProps/app.xml".to_owned(), app),
        ("xl/workbook.xml".to_owned(), book),
        ("xl/_rels/workbook.xml.rels".to_owned(), rels),
        ("xl/styles.xml".to_owned(), format!("{HEAD}{STYLES}")),
    ];
    for (i, (_, head, rows)) in sheets.iter().enumerate() {
        out.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet(head, rows),
        ));
    }
    out
}

fn findings_table(c: &Comparison) -> (Vec<String>, Vec<Vec<Cell>>) {
    let head = ["级别", "代码", "说明", "报告"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let rows = all_findings(c)
        .map(|f| {
            let files: Vec<String> = f
                .reports
                .iter()
                .filter_map(|&i| c.reports.get(i).map(|r| r.file.clone()))
                .collect();
            vec![
                Cell::Text(
                    match f.severity {
                        crate::report::Severity::Error => "错误",
                        crate::report::Severity::Warning => "警告",
                        crate::report::Severity::Info => "提示",
                    }
                    .to_owned(),
                ),
                Cell::Text(f.code.clone()),
                Cell::Text(f.message.clone()),
                Cell::Text(files.join("；")),
            ]
        })
        .collect();
    (head, rows)
}

/// The workbook's bytes; `Err` with a plain message if it could not be written.
pub fn workbook(c: &Comparison) -> Result<Vec<u8>, String> {
    let (h1, r1) = overview::table(c);
    let (h2, r2) = overview::series_table(c);
    let (h3, r3) = findings_table(c);
    let sheets = [("总览", h1, r1), ("系列核对", h2, r2), ("发现", h3, r3)];
    let fail = |e: &dyn std::fmt::Display| format!("无法生成 Excel 工作簿：{e}");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, xml) in parts(&sheets) {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(xml.as_bytes()).map_err(|e| fail(&e))?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}\u{FFFF}\n"),
            "a&lt;b &amp; &quot;c&quot;\n"
        );
        let x = sheet(
            &["文件".into(), "数".into()],
            &[
                vec![Cell::Text("<x>".into()), Cell::Number(3.0)],
                vec![Cell::Empty, Cell::Number(f64::NAN)],
            ],
        );
        assert!(x.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">&lt;x&gt;</t></is></c><c r=\"B2\"><v>3</v></c>"));
        assert!(
            x.contains("<row r=\"3\"></row>"),
            "empty and non-finite cells are left out"
        );
        assert!(x.contains("<autoFilter ref=\"A1:B3\"/>"));
    }
}
