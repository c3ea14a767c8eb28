//! Tables published as pictures: a picture file name where a statistics table should be
//! means the table's numbers cannot be read.

use super::{Context, Finding};
use crate::report::Severity;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.furniture
        .hits
        .iter()
        .filter(|h| h.kind == "picture")
        .map(|h| {
            let part = cx
                .sections
                .iter()
                .find(|n| {
                    cx.lines[h.line].range.start >= n.range.start
                        && cx.lines[h.line].range.start <= n.range.end + 2
                })
                .or_else(|| {
                    cx.sections
                        .iter()
                        .rev()
                        .find(|n| n.range.start <= cx.lines[h.line].range.start)
                })
                .map(|n| format!("“{}”中", &cx.norm[n.title.clone()]))
                .unwrap_or_default();
            Finding::new(
                "table_is_image",
                Severity::Warning,
                format!(
                    "{part}的表格以图片形式发布（{}），其中的数字无法读取和核对。",
                    cx.lines[h.line].text(cx.norm)
                ),
                Some(cx.lines[h.line].range.clone()),
            )
        })
        .collect()
}
