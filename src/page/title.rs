//! The document title: the first line near the top that names a report.
//!
//! A title names a kind of document (年度报告, 工作总结, 落实情况报告 …), is short, and is not
//! a `key: value` line of a page header. Pages often split it: an agency alone on the line
//! above the year and the rest (昭通市 / 2020年政府信息公开工作年度报告); such a pair is one
//! title. When no line qualifies, a header field `标题:` supplies it.
//! Guarantee: the title's range covers only whole title lines.

use crate::scan::chars::char_len;
use crate::text::lines::Line;
use std::ops::Range;

/// The title as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Byte range in the normalized text (from the first title line to the end of the last).
    pub range: Range<usize>,
    /// Indices of the lines that make up the title.
    pub lines: Range<usize>,
    /// The title with its line breaks removed (normalized script).
    pub text: String,
}

/// Words that make a line a document title.
const TITLE_WORDS: &[&str] = &[
    "年度报告",
    "年报",
    "工作报告",
    "工作总结",
    "总结",
    "落实情况",
    "情况报告",
    "工作要点",
    "数据统计",
    "报告",
];

/// How many non-blank lines from the top are searched.
const SEARCH_LINES: usize = 60;

/// Finds the title among the first lines.
pub fn find(norm: &str, lines: &[Line]) -> Option<Title> {
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        seen += 1;
        if seen > SEARCH_LINES {
            break;
        }
        let full = line.text(norm);
        // A Markdown title (# …) counts without its marks.
        let t = full.trim_start_matches('#').trim_start();
        let line_start = line.range.start + (full.len() - t.len());
        if !is_title_line(t) {
            continue;
        }
        // Agency on its own line just above: 昭通市 / 2020年政府信息公开工作年度报告.
        if starts_with_year(t) {
            if let Some(prev) = i
                .checked_sub(1)
                .filter(|&p| is_agency_line(lines[p].text(norm)))
            {
                let range = lines[prev].range.start..line.range.end;
                let text = format!("{}{}", lines[prev].text(norm), t);
                return Some(Title {
                    range,
                    lines: prev..i + 1,
                    text,
                });
            }
        }
        return Some(Title {
            range: line_start..line.range.end,
            lines: i..i + 1,
            text: t.to_owned(),
        });
    }
    from_header_field(norm, lines)
}

fn is_title_line(t: &str) -> bool {
    let n = char_len(t);
    (6..=70).contains(&n)
        && TITLE_WORDS.iter().any(|w| t.contains(w))
        && !t.contains(':')
        && !t.ends_with('。')
        && !t.contains(',')
        && !t.starts_with('《')
        && !t.starts_with("根据")
        && !crate::lexicon::page::ends_with_file_extension(t)
        && crate::scan::headings::parse(t, None).is_none()
}

/// A short line that names a body: 昭通市, 衢州市人民政府, 市政府办公室 …
pub fn is_agency_line(t: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "市",
        "县",
        "区",
        "州",
        "省",
        "旗",
        "盟",
        "镇",
        "乡",
        "街道",
        "政府",
        "办公室",
        "办公厅",
        "局",
        "委员会",
        "委",
        "厅",
        "署",
        "中心",
        "院",
        "办",
        "管委会",
        "管理委员会",
        "公司",
    ];
    let n = char_len(t);
    (2..=30).contains(&n)
        && SUFFIXES.iter().any(|s| t.ends_with(s))
        && !t.contains(':')
        && !t.chars().any(|c| matches!(c, '。' | ',' | ';' | '、'))
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// The line starts with a four-digit year followed by 年.
pub fn starts_with_year(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && t[4..].starts_with('年')
}

fn from_header_field(norm: &str, lines: &[Line]) -> Option<Title> {
    for (i, line) in lines.iter().enumerate().take(SEARCH_LINES * 2) {
        let t = line.text(norm);
        let t2 = t.trim_start_matches(['•', '·', '*', '-', ' ']);
        if let Some(rest) = t2.strip_prefix("标题") {
            let rest = rest.trim_start().strip_prefix(':')?.trim();
            if rest.is_empty() {
                continue;
            }
            let start = line.range.end - rest.len();
            return Some(Title {
                range: start..line.range.end,
                lines: i..i + 1,
                text: rest.to_owned(),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::split;

    #[test]
    fn agency_on_the_line_above_joins_the_title() {
        let norm = "热搜词:政府工作报告\n政策文件\n\n昭通市\n2020年政府信息公开工作年度报告\n\n来源:昭通市人民政府";
        let lines = split(norm);
        let t = find(norm, &lines).unwrap();
        assert_eq!(t.text, "昭通市2020年政府信息公开工作年度报告");
        assert_eq!(
            &norm[t.range.clone()],
            "昭通市\n2020年政府信息公开工作年度报告"
        );
    }

    #[test]
    fn header_key_value_lines_are_not_titles() {
        let norm = "索引号:123 成文日期:2020-03-10\n发布机构:市政府办公室\n\n衢州市人民政府2019年政府信息公开工作年度报告\n";
        let lines = split(norm);
        assert_eq!(
            find(norm, &lines).unwrap().text,
            "衢州市人民政府2019年政府信息公开工作年度报告"
        );
    }

    #[test]
    fn a_markdown_title_counts_without_its_marks() {
        let norm = "# 某市教育局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n";
        let lines = split(norm);
        let t = find(norm, &lines).unwrap();
        assert_eq!(
            &norm[t.range.clone()],
            "某市教育局2021年政府信息公开工作年度报告"
        );
    }

    #[test]
    fn a_header_title_field_is_the_fallback() {
        let norm = "标题:某某县2021年政务公开工作\n正文开始。";
        let lines = split(norm);
        assert_eq!(find(norm, &lines).unwrap().text, "某某县2021年政务公开工作");
    }
}
