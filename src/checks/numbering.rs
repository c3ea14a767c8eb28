//! Broken numbering among sibling headings: a skipped or repeated number, or a number that
//! lost its punctuation (`2进一步…`). Tolerated by the parser, noted for the reader.

use super::{Context, Finding};
use crate::report::Severity;
use crate::structure::sections::Node;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    walk(cx, cx.sections, &mut out);
    out
}

fn walk(cx: &Context, siblings: &[Node], out: &mut Vec<Finding>) {
    let mut prev: Option<&Node> = None;
    for n in siblings {
        if n.malformed {
            out.push(Finding::new(
                "numbering_malformed",
                Severity::Info,
                format!(
                    "标题“{}”的序号缺少顿号或点号。",
                    cx.norm[n.heading.clone()].trim()
                ),
                Some(n.heading.clone()),
            ));
        }
        if let (Some(p), Some(v)) = (prev.filter(|p| p.style == n.style), n.value) {
            if let Some(pv) = p.value {
                if v != pv + 1 {
                    let what = if v == pv { "重复" } else { "不连续" };
                    out.push(Finding::new(
                        "numbering_broken",
                        Severity::Info,
                        format!(
                            "标题序号{what}：“{}”之后是“{}”。",
                            number_text(cx, p),
                            number_text(cx, n)
                        ),
                        Some(n.heading.clone()),
                    ));
                }
            }
        }
        if n.value.is_some() {
            prev = Some(n);
        }
        walk(cx, &n.children, out);
    }
}

fn number_text(cx: &Context, n: &Node) -> String {
    n.number
        .clone()
        .map(|r| cx.norm[r].to_owned())
        .unwrap_or_default()
}
