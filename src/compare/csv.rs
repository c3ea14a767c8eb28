//! The overview as CSV: UTF-8 with a byte-order mark (so Excel and WPS read the Chinese),
//! CRLF line ends (RFC 4180), fields quoted when needed, and text a spreadsheet would take
//! for a formula (`=`, `+`, `-`, `@` first) guarded by a leading apostrophe.

use super::overview::{self, Cell};
use super::Comparison;

/// One CSV field.
pub fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn line(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// The overview table as CSV, starting with a BOM.
pub fn overview_csv(c: &Comparison) -> String {
    let (head, rows) = overview::table(c);
    let mut out = String::from("\u{FEFF}");
    line(&mut out, head.iter().map(|h| field(h)));
    for row in rows {
        line(
            &mut out,
            row.iter().map(|cell| match cell {
                // Numbers are written bare: a negative figure is a number, not a formula.
                Cell::Number(_) => cell.display(),
                _ => field(&cell.display()),
            }),
        );
    }
    out
}
