//! The words of web pages and crawlers that are not the report: header field names, tool
//! and share bars, related-link and wiki boilerplate, file extensions, and the spam words
//! that mirror sites inject. Data for the page stage (`page::furniture`, `page::meta`,
//! `page::title`).

use super::index::ByFirst;
use std::sync::OnceLock;

/// Field names of CMS and crawler header blocks.
pub const HEADER_KEYS: &[&str] = &[
    "索引号",
    "标题",
    "发布时间",
    "发布日期",
    "发文日期",
    "成文日期",
    "生成日期",
    "印发日期",
    "发布机构",
    "发文机关",
    "发文机构",
    "发布单位",
    "主题分类",
    "体裁分类",
    "组配分类",
    "服务对象分类",
    "栏目",
    "公开方式",
    "公开范围",
    "公开时限",
    "公开目录",
    "公开类别",
    "信息分类",
    "分类",
    "文号",
    "发文字号",
    "主题词",
    "关键词",
    "信息来源",
    "来源",
    "生效日期",
    "废止日期",
    "有效性",
    "时效",
    "所属机构",
    "作者",
    "责任编辑",
    "编辑",
    "浏览次数",
    "点击数",
    "访问量",
    "阅读数",
    "统一编号",
    "信息索引号",
    "内容概述",
    "文章来源",
    "发布人",
    "审核人",
    "登记号",
    "编号",
    "所属主题",
    "信息类别",
    "原文链接",
    "原始链接",
    "本地目录",
    "页面链接",
    "链接",
    "网址",
    "时间",
];

pub const TOOLBAR: &[&str] = &[
    "打印",
    "关闭",
    "打印本页",
    "关闭窗口",
    "关闭本页",
    "收藏",
    "返回顶部",
    "下载",
    "字体",
    "字号",
    "大 中 小",
    "[打印]",
    "[关闭]",
    "打印此页",
    "保存本页",
    "加入收藏",
    "纠错",
    "我要纠错",
    "视力保护色",
    "默认",
    "分享",
    "分享到",
    "扫一扫",
];

pub const RELATED: &[&str] = &[
    "相关链接",
    "相关文章",
    "相关阅读",
    "相关新闻",
    "相关文件",
    "相关词条",
    "热门词条",
    "联络我们",
    "联系我们",
    "网站地图",
    "上一篇",
    "下一篇",
    "相关附件",
    "相关解读",
    "相关稿件",
    "友情链接",
    "政策解读",
    "图解",
    "延伸阅读",
];

pub const WIKI: &[&str] = &[
    "基本介绍",
    "内容介绍",
    "全文",
    "目录",
    "中文名",
    "类别",
    "外文名",
    "发布时间",
    "所属",
];

pub const IMAGE_EXT: &[&str] = &[
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff",
];
pub const FILE_EXT: &[&str] = &[
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".zip", ".rar", ".ofd", ".txt",
    ".ppt", ".pptx",
];

/// Words of gambling and ad spam that mirror sites inject; a government report never uses
/// them, so a short line with one is not part of the report.
pub const SPAM: &[&str] = &[
    "彩票",
    "博彩",
    "棋牌",
    "赌场",
    "时时彩",
    "六合彩",
    "百家乐",
    "老虎机",
    "娱乐城",
    "真人视讯",
    "体育投注",
    "下注",
    "开户送",
    "注册送",
    "首充",
    "代孕",
    "贷款秒批",
    "色情",
    "澳门皇冠",
    "威尼斯人",
];

/// How breadcrumbs begin.
pub const BREADCRUMB_STARTS: &[&str] = &[
    "当前位置",
    "您现在的位置",
    "您的位置",
    "您当前的位置",
    "所在位置",
    "当前所在位置",
];

/// How document titles end (年度报告, 工作总结 …): in a page header run together with
/// nothing between its parts, the title ends there.
pub const DOC_TITLE_ENDS: &[&str] = &[
    // the longer first: 工作要点落实情况的函 is one title, not 工作要点 and the rest
    "工作要点落实情况报告",
    "工作要点落实情况的函",
    "工作要点落实情况",
    "年度报告",
    "工作总结",
    "工作报告",
    "情况报告",
    "落实情况",
    "情况的函",
    "工作要点",
    "数据统计",
];

/// The line ends with the extension of a picture or document file.
pub fn ends_with_file_extension(t: &str) -> bool {
    ends_with_any(t, IMAGE_EXT) || ends_with_any(t, FILE_EXT)
}

/// `t` ends with one of `exts`, ignoring ASCII case.
pub fn ends_with_any(t: &str, exts: &[&str]) -> bool {
    let b = t.as_bytes();
    exts.iter()
        .any(|e| b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes()))
}

/// The longest header field key at the start of `s` that a colon follows (`发布时间:`,
/// `信息来源 :`). Keys are looked at only when `s` starts with a key's first character.
pub fn header_key_at(s: &str) -> Option<&'static str> {
    static INDEX: OnceLock<ByFirst<&str>> = OnceLock::new();
    let index = INDEX.get_or_init(|| ByFirst::new(HEADER_KEYS, |k| k));
    index
        .starting_with(s.chars().next()?)
        .iter()
        .find(|k| s.starts_with(**k) && s[k.len()..].trim_start().starts_with(':'))
        .copied()
}

/// True when `t` holds one of the [`SPAM`] words. One pass over `t`: a word is tried only where
/// `t` has its first character.
pub fn contains_spam(t: &str) -> bool {
    static INDEX: OnceLock<ByFirst<&str>> = OnceLock::new();
    let index = INDEX.get_or_init(|| ByFirst::new(SPAM, |w| w));
    t.char_indices()
        .any(|(i, c)| index.starting_with(c).iter().any(|w| t[i..].starts_with(w)))
}
