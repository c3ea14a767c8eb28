//! Page furniture: lines that belong to the web page or the crawler, not to the report.
//!
//! Recognised kinds: CMS header fields (索引号, 发布日期 …), breadcrumbs, tool bars (字体 大中小,
//! 打印, 关闭), share bars, navigation above the title, attachment lists, related-link and
//! wiki boilerplate, picture file names standing where a table was, and unrelated lines
//! trailing the report (ads). Each is a whole line.
//! Guarantee: furniture lines are never part of a section body and their numbers are never
//! quantities; header lines stay available to the metadata stage, which reads them.

use crate::lexicon::page::{
    contains_spam, ends_with_any, header_key_at, BREADCRUMB_STARTS, FILE_EXT, IMAGE_EXT, RELATED,
    TOOLBAR, WIKI,
};
use crate::page::title::{is_agency_line, Title};
use crate::scan::chars::char_len;
use crate::text::lines::Line;

/// A furniture line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub line: usize,
    pub kind: &'static str,
}

/// Per-line classification.
pub struct Furniture {
    pub hits: Vec<Hit>,
    /// `true` for each line that is furniture.
    pub is: Vec<bool>,
}

impl Furniture {
    pub fn kind_of(&self, line: usize) -> Option<&'static str> {
        if !self.is.get(line).copied().unwrap_or(false) {
            return None;
        }
        self.hits.iter().find(|h| h.line == line).map(|h| h.kind)
    }
}

/// Classifies every line.
pub fn detect(norm: &str, lines: &[Line], title: Option<&Title>) -> Furniture {
    let mut hits = Vec::new();
    let title_first = title.map(|t| t.lines.start);
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || title.is_some_and(|t| t.lines.contains(&i)) {
            continue;
        }
        let t = strip_bullet(line.text(norm));
        let before_title = title_first.is_some_and(|f| i < f);
        if let Some(kind) = classify(t, before_title) {
            hits.push(Hit { line: i, kind });
        }
    }
    trailing(norm, lines, &mut hits);
    let mut is = vec![false; lines.len()];
    for h in &hits {
        is[h.line] = true;
    }
    hits.sort_by_key(|h| h.line);
    Furniture { hits, is }
}

fn strip_bullet(t: &str) -> &str {
    t.trim_start_matches(['•', '·', '●', '*', '▪', '■', '◆', '>', ' '])
        .trim()
}

fn classify(t: &str, before_title: bool) -> Option<&'static str> {
    // A number alone (a table cell, most lines of a table laid out one cell per line) is
    // never furniture: no word list need look at it.
    if t.bytes()
        .all(|b| b.is_ascii_digit() || b".,%- ".contains(&b))
    {
        return None;
    }
    let n = char_len(t);
    // A sentence, or more than a few dozen characters of text, is the report: furniture
    // never swallows it (a one-line body that starts with a breadcrumb stays content).
    if t.contains('。') && n > 30 || n > 120 && !t.starts_with("标题") {
        return None;
    }
    if is_header(t) || is_page_time(t) {
        return Some("header");
    }
    if n <= 80 && !t.contains('。') && contains_spam(t) {
        return Some("ad");
    }
    if BREADCRUMB_STARTS.iter().any(|b| t.starts_with(b))
        || (n < 80
            && t.starts_with("首页")
            && (t.contains('>') || t.contains('»') || t.contains('›')))
    {
        return Some("breadcrumb");
    }
    if t.starts_with("热搜词") || t.starts_with("热门搜索") || t.starts_with("搜索") && n < 20
    {
        return Some("navigation");
    }
    if is_picture_names(t) {
        return Some("picture");
    }
    if n < 120 && ends_with_any(t, FILE_EXT) && !t.contains('。') {
        return Some("attachment");
    }
    if n <= 40
        && (t.contains("字体:")
            || t.contains("字号:")
            || t.contains("[大 中 小]")
            || t.contains("浏览次数"))
    {
        return Some("toolbar");
    }
    let bare = t.trim_end_matches([':', ',', ' ']);
    // `key` alone, or `key:` followed by a value
    let keyed = |k: &&str| bare == *k || t.strip_prefix(*k).is_some_and(|r| r.starts_with(':'));
    if n <= 20 && TOOLBAR.iter().any(keyed) {
        return Some(if bare.starts_with("分享") || bare == "扫一扫" {
            "share"
        } else {
            "toolbar"
        });
    }
    if n <= 30
        && (t.contains("微信") && t.contains("微博")
            || t.contains("二维码")
            || t.contains("扫一扫"))
    {
        return Some("share");
    }
    if n <= 40 && RELATED.iter().any(keyed) {
        return Some("related");
    }
    if n <= 40 && (WIKI.iter().any(keyed) || bare == "全文,内容介绍") {
        return Some("wiki");
    }
    if n <= 60
        && (t.contains("版权所有")
            || t.contains("ICP备")
            || t.contains("网站标识码")
            || t.contains("公网安备"))
    {
        return Some("footer");
    }
    if before_title && n <= 16 && !t.chars().any(|c| matches!(c, '。' | ',' | ';')) {
        return Some("navigation");
    }
    None
}

/// `key: value` header fields; several may share a line.
fn is_header(t: &str) -> bool {
    // (a key with its colon excludes every other key: the longest is the only one)
    header_key_at(t).is_some_and(|k| k == "标题" || char_len(t) <= 120)
}

/// The page's time line: a date with its time of day (2021-03-15 17:25:46), or a date
/// followed by header fields (2022年07月25日 来源: 上海普陀). A signature's date alone is not.
fn is_page_time(t: &str) -> bool {
    let Some((_, len)) = crate::scan::dates::parse(t) else {
        return false;
    };
    let rest = t[len..].trim_start();
    let time = rest.len() >= 5
        && rest.as_bytes()[..2].iter().all(u8::is_ascii_digit)
        && rest.as_bytes()[2] == b':';
    time || is_header(rest) && char_len(t) <= 80
}

/// A line that is only picture file names (tables published as images).
fn is_picture_names(t: &str) -> bool {
    ends_with_any(t, IMAGE_EXT) && !t.contains('。') && !t.contains(',')
}

/// Lines after the report's last sentence that are neither a signature nor a date: ads,
/// site names, stray buttons.
fn trailing(norm: &str, lines: &[Line], hits: &mut Vec<Hit>) {
    for (i, line) in lines.iter().enumerate().rev() {
        if line.is_blank() || hits.iter().any(|h| h.line == i) {
            continue;
        }
        let t = line.text(norm);
        let n = char_len(t);
        let sentence = t.contains('。') || t.contains(',') || n > 40;
        // Cells and rows of a table, numbers, 第二十条…: the report, however short.
        let table_like = t.contains(['|', '\t'])
            || t.bytes().any(|b| b.is_ascii_digit())
            || crate::lexicon::tables::is_table_row_label(t)
            || t.starts_with('第')
                && t.chars()
                    .nth(1)
                    .is_some_and(crate::scan::chars::is_cn_numeral)
            || t.contains("信息内容");
        let heading = crate::scan::headings::parse(t, None).is_some()
            || crate::scan::headings::parse_unnumbered(t).is_some();
        if sentence
            || table_like
            || heading
            || is_agency_line(t)
            || looks_like_date(t)
            || t == "无"
            || t.starts_with('(')
        {
            break;
        }
        hits.push(Hit {
            line: i,
            kind: "ad",
        });
    }
}

fn looks_like_date(t: &str) -> bool {
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    let cn = t
        .chars()
        .filter(|&c| crate::scan::chars::cn_digit(c).is_some() || c == '十')
        .count();
    (t.contains('年') && t.contains('月')) && (digits >= 4 || cn >= 4) && char_len(t) <= 16
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::title;
    use crate::text::lines::split;

    fn kinds(norm: &str) -> Vec<(String, &'static str)> {
        let lines = split(norm);
        let t = title::find(norm, &lines);
        let f = detect(norm, &lines, t.as_ref());
        f.hits
            .iter()
            .map(|h| (lines[h.line].text(norm).to_owned(), h.kind))
            .collect()
    }

    #[test]
    fn cms_header_block_is_furniture() {
        let k = kinds("索引号: 113/2020-102110 成文日期: 2020-03-10\n发布机构: 市政府办公室\n\n某市2019年政府信息公开工作年度报告\n发布日期:2020-03-10 16:35 浏览次数: 信息来源:市政府办公室 字体:[ ]\n分享:\n\n一、总体情况\n正文。");
        assert_eq!(k.iter().filter(|(_, k)| *k == "header").count(), 3);
        assert!(k.contains(&("分享:".to_owned(), "share")));
    }

    #[test]
    fn picture_names_where_a_table_was_are_furniture() {
        let k = kinds("二、主动公开政府信息情况\n报告_页面_08.png报告_页面_09.png\n");
        assert_eq!(
            k,
            vec![("报告_页面_08.png报告_页面_09.png".to_owned(), "picture")]
        );
    }

    #[test]
    fn trailing_ad_is_furniture_but_signature_is_not() {
        let k = kinds("六、其他需要报告的事项\n无。\n\n彩票之家-通用APP");
        assert_eq!(k, vec![("彩票之家-通用APP".to_owned(), "ad")]);
        let k = kinds("正文。\n楚雄高新区管理委员会办公室\n2018年12月20日\n\n下载");
        assert_eq!(k, vec![("下载".to_owned(), "toolbar")]);
    }

    #[test]
    fn a_table_at_the_end_of_a_truncated_text_is_not_an_ad() {
        let k = kinds("二、主动公开政府信息情况\n第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政许可 | 0 | ||\n第二十");
        assert_eq!(k, vec![]);
    }

    #[test]
    fn spam_injected_by_mirror_sites_is_furniture_anywhere() {
        let k = kinds("一、总体情况\n正文。\n时时彩开户送彩金\n更多正文。");
        assert_eq!(k, vec![("时时彩开户送彩金".to_owned(), "ad")]);
    }

    #[test]
    fn navigation_above_the_title_is_furniture() {
        let k = kinds("政府信息\n公开制度\n政策文件\n\n某市2020年政府信息公开工作年度报告\n\n一、总体情况\n正文。");
        assert_eq!(k.iter().filter(|(_, k)| *k == "navigation").count(), 3);
    }
}
