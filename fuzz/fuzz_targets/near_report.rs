//! Structured inputs that look like reports: libFuzzer's bytes become a document of title,
//! meta fields, headings in every numbering style, sentences with numbers in every written
//! form, table 3 rows in every flattened layout, dates, page furniture and free text, in
//! either script and with either line ending. The analysis must not panic, must keep the
//! span contract and must serialise to JSON.
//!
//! (tests/robustness.rs concatenates fragments at random; this target lets coverage guidance
//! build whole lines, so the table reader and the checks see structure they accept.)
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;

#[path = "../../tests/common/mod.rs"]
mod common;

const PARTS: &[&str] = &[
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    "總體情況",
    "政府信息公開行政復議、行政訴訟情況",
    "概述",
    "主动公开政府信息的情况",
    "依申请公开政府信息和不予公开政府信息的情况",
    "政府信息公开的收费及减免情况",
    "因政府信息公开申请行政复议、提起行政诉讼的情况",
    "一是加强组织领导",
    "",
];
const AGENCIES: &[&str] = &[
    "某县人民政府",
    "衢州市人民政府办公室",
    "國家發展和改革委員會",
    "某区教育局",
    "",
];
const UNITS: &[&str] = &[
    "件",
    "条",
    "次",
    "人次",
    "个工作日",
    "万元",
    "亿元",
    "%",
    "％",
    "个",
    "篇",
    "家",
    "场",
    "",
    "年",
];
const APPROX: &[&str] = &["", "余", "多", "近", "约", "超过", "以上", "左右"];
const LEADS: &[&str] = &[
    "全年共受理申请",
    "本年度主动公开政府信息",
    "办结",
    "占比",
    "予以公开",
    "行政复议",
    "行政诉讼",
    "同比增长",
    "收到政府信息公开申请",
    "其中，依申请公开",
    "",
];
const ROWS: &[&str] = &[
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "1.属于国家秘密",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
    "申请人情况",
    "自然人",
    "结果维持",
    "尚未审结",
    "总计",
];
const FURNITURE: &[&str] = &[
    "当前位置：首页 > 政务公开 > 年度报告",
    "【打印】【关闭】",
    "分享到：",
    "附件：2019年报告.pdf",
    "_页面_08.png",
    "- 4 -",
    "索引号：11330800002618015K/2020-102110",
    "发布机构：某县人民政府办公室",
    "相关链接",
];
const META: &[&str] = &[
    "发布日期：",
    "成文日期：",
    "索引号：",
    "文号：",
    "统计期限：",
    "联系电话：",
    "电子邮箱：",
];
const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[i as usize % list.len()]
}

/// 0..=99_999 in Chinese numerals (十二, 一百零五, 两千 …).
fn chinese(mut n: u32, two: bool) -> String {
    n %= 100_000;
    if n == 0 {
        return "零".into();
    }
    let units = ["", "十", "百", "千", "万"];
    let digits: Vec<u32> = n
        .to_string()
        .chars()
        .map(|c| c.to_digit(10).unwrap_or(0))
        .collect();
    let mut s = String::new();
    let mut zero = false;
    for (i, d) in digits.iter().enumerate() {
        let place = digits.len() - 1 - i;
        if *d == 0 {
            zero = true;
            continue;
        }
        if zero && !s.is_empty() {
            s.push('零');
        }
        zero = false;
        if !(*d == 1 && place == 1 && s.is_empty()) {
            s.push(if *d == 2 && two && place >= 2 {
                '两'
            } else {
                CN_DIGITS[*d as usize]
            });
        }
        s.push_str(units[place]);
    }
    s
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '.' | '%' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

#[derive(Arbitrary, Debug)]
enum Num {
    Int(u32),
    Decimal(u32, u8),
    Chinese(u32, bool),
    Wan(u16, u8),
    Range(u16, u16),
    FullWidth(u32),
    Glued(u32, u32),
}

impl Num {
    fn render(&self) -> String {
        match self {
            Num::Int(n) => n.to_string(),
            Num::Decimal(n, d) => format!("{}.{}", n % 100_000, d),
            Num::Chinese(n, two) => chinese(*n, *two),
            Num::Wan(n, d) => format!("{}.{}万", n, d % 10),
            Num::Range(a, b) => format!("{a}至{b}"),
            Num::FullWidth(n) => fullwidth(&n.to_string()),
            Num::Glued(a, b) => format!("{a}{b}"),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Numbering {
    CnDun(u8),
    CnParen(u8, bool),
    ArabicDot(u8),
    ArabicParen(u8),
    Circled(u8),
    Part(u8),
    Markdown(u8),
    Bare,
}

impl Numbering {
    fn render(&self) -> String {
        match self {
            Numbering::CnDun(n) => format!("{}、", chinese(u32::from(*n % 20) + 1, false)),
            Numbering::CnParen(n, wide) if *wide => {
                format!("（{}）", chinese(u32::from(*n % 20) + 1, false))
            }
            Numbering::CnParen(n, _) => format!("({})", chinese(u32::from(*n % 20) + 1, false)),
            Numbering::ArabicDot(n) => format!("{}.", n % 30),
            Numbering::ArabicParen(n) => format!("({})", n % 30),
            Numbering::Circled(n) => char::from_u32(0x2460 + u32::from(*n % 20))
                .map(String::from)
                .unwrap_or_default(),
            Numbering::Part(n) => format!("第{}部分", chinese(u32::from(*n % 9) + 1, false)),
            Numbering::Markdown(n) => format!("{} ", "#".repeat(usize::from(*n % 6) + 1)),
            Numbering::Bare => String::new(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Line {
    Title {
        year: u16,
        agency: u8,
        work_summary: bool,
    },
    Meta {
        field: u8,
        year: u16,
        month: u8,
        day: u8,
        value: u32,
    },
    Heading {
        numbering: Numbering,
        title: u8,
        glued_text: Option<u8>,
    },
    Sentence {
        lead: u8,
        approx: u8,
        num: Num,
        unit: u8,
        more: Option<(u8, Num, u8)>,
    },
    TableRow {
        label: u8,
        cells: Vec<u32>,
        layout: u8,
    },
    Furniture(u8),
    Free(String),
    Blank,
}

#[derive(Arbitrary, Debug)]
struct Doc {
    lines: Vec<Line>,
    crlf: bool,
    indent: bool,
}

impl Doc {
    fn render(&self) -> String {
        let nl = if self.crlf { "\r\n" } else { "\n" };
        let mut s = String::new();
        for line in self.lines.iter().take(400) {
            if self.indent {
                s.push('\u{3000}');
            }
            match line {
                Line::Title {
                    year,
                    agency,
                    work_summary,
                } => {
                    let kind = if *work_summary {
                        "政务公开工作总结"
                    } else {
                        "政府信息公开工作年度报告"
                    };
                    let _ = write!(
                        s,
                        "{}{}年{}",
                        pick(AGENCIES, *agency),
                        1990 + year % 60,
                        kind
                    );
                }
                Line::Meta {
                    field,
                    year,
                    month,
                    day,
                    value,
                } => {
                    let f = pick(META, *field);
                    let _ = write!(s, "{f}");
                    match field % 4 {
                        0 => {
                            let _ =
                                write!(s, "{}-{:02}-{:02}", 1990 + year % 60, month % 14, day % 33);
                        }
                        1 => {
                            let _ =
                                write!(s, "{}年{}月{}日", 1990 + year % 60, month % 14, day % 33);
                        }
                        2 => {
                            let _ = write!(s, "国办发〔{}〕{}号", 1990 + year % 60, value % 200);
                        }
                        _ => {
                            let _ = write!(s, "0570-{}", value);
                        }
                    }
                }
                Line::Heading {
                    numbering,
                    title,
                    glued_text,
                } => {
                    let _ = write!(s, "{}{}", numbering.render(), pick(PARTS, *title));
                    if let Some(t) = glued_text {
                        let _ = write!(s, "{}", pick(LEADS, *t));
                    }
                }
                Line::Sentence {
                    lead,
                    approx,
                    num,
                    unit,
                    more,
                } => {
                    let _ = write!(
                        s,
                        "{}{}{}{}",
                        pick(LEADS, *lead),
                        pick(APPROX, *approx),
                        num.render(),
                        pick(UNITS, *unit)
                    );
                    if let Some((l, n, u)) = more {
                        let _ = write!(s, "，{}{}{}", pick(LEADS, *l), n.render(), pick(UNITS, *u));
                    }
                    s.push('。');
                }
                Line::TableRow {
                    label,
                    cells,
                    layout,
                } => {
                    let cells: Vec<String> = cells
                        .iter()
                        .take(10)
                        .map(|c| (c % 1000).to_string())
                        .collect();
                    let label = pick(ROWS, *label);
                    match layout % 5 {
                        0 => {
                            let _ = write!(s, "{label}\t{}", cells.join("\t"));
                        }
                        1 => {
                            let _ = write!(s, "| {label} | {} |", cells.join(" | "));
                        }
                        2 => {
                            let _ = write!(s, "{label}{nl}{}", cells.join(nl));
                        }
                        3 => {
                            let _ = write!(s, "{label} {}", cells.join(" "));
                        }
                        _ => {
                            let _ = write!(s, "{label}{}", cells.concat());
                        }
                    }
                }
                Line::Furniture(i) => s.push_str(pick(FURNITURE, *i)),
                Line::Free(t) => s.push_str(t),
                Line::Blank => {}
            }
            s.push_str(nl);
        }
        s
    }
}

fuzz_target!(|doc: Doc| {
    let text = doc.render();
    let r = xxgk::analyze(&text);
    common::assert_spans(&text, &r);
    assert!(serde_json::to_string(&r).is_ok());
});
