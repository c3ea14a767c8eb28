//! The comparison as an Excel workbook (`rust_xlsxwriter`, which writes the Office Open XML
//! that Excel and WPS open without a repair prompt, and builds for wasm32): sheet 总览 (the
//! overview, numbers as numbers, the header row frozen and filterable), sheet 系列核对 (every
//! cross-year identity and text-reuse ratio), sheet 发现 (every finding). The cells hold the
//! same values as [`super::overview_csv`].

use super::overview::{self, Cell};
use super::{all_findings, Comparison};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

fn sheet(
    ws: &mut Worksheet,
    name: &str,
    head: &[String],
    rows: &[Vec<Cell>],
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let bold = Format::new().set_bold();
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) => {
                    ws.write_string(r, c as u16, s)?;
                }
                Cell::Number(v) if v.is_finite() => {
                    ws.write_number(r, c as u16, *v)?;
                }
                _ => {}
            }
        }
    }
    if !head.is_empty() {
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, rows.len() as u32, head.len() as u16 - 1)?;
    }
    for (c, h) in head.iter().enumerate() {
        let wide = h == "说明" || h == "核对项";
        ws.set_column_width(
            c as u16,
            if wide {
                48
            } else if c == 0 {
                28
            } else {
                12
            },
        )?;
    }
    Ok(())
}

fn build(c: &Comparison) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation time: the same comparison gives the same bytes, and no clock is read.
    let when = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("政府信息公开工作年度报告比较")
            .set_creation_datetime(&when),
    );
    let (head, rows) = overview::table(c);
    sheet(wb.add_worksheet(), "总览", &head, &rows)?;
    let (head, rows) = overview::series_table(c);
    sheet(wb.add_worksheet(), "系列核对", &head, &rows)?;
    let head: Vec<String> = ["级别", "代码", "说明", "报告"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let rows: Vec<Vec<Cell>> = all_findings(c)
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
    sheet(wb.add_worksheet(), "发现", &head, &rows)?;
    wb.save_to_buffer()
}

/// The workbook's bytes; `Err` with a plain message if it could not be written.
pub fn workbook(c: &Comparison) -> Result<Vec<u8>, String> {
    build(c).map_err(|e| format!("无法生成 Excel 工作簿：{e}"))
}
