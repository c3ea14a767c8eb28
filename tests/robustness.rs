//! Never panic, never lose the span contract: hostile and odd inputs, and generated
//! near-reports (headings, tables, numbers, furniture and both scripts mixed).

mod common;

use common::*;
use proptest::prelude::*;

fn check(input: &str) -> xxgk::report::Report {
    let r = xxgk::analyze(input);
    assert_spans(input, &r);
    r
}

#[test]
fn empty_and_blank_inputs_give_an_empty_analysis() {
    for input in ["", " ", "\n\n\n", "\t \r\n \u{3000}"] {
        let r = check(input);
        assert!(
            r.sections.is_empty() && r.quantities.is_empty() && r.tables.is_empty(),
            "{input:?}"
        );
        assert_eq!(r.meta.title, None);
    }
}

#[test]
fn one_ten_megabyte_line_is_analysed() {
    let line = "全年共受理申请598件,办结590件,占比98.66%。".repeat(180_000); // 10 MB, no newline
    assert!(line.len() >= 10_000_000);
    let r = check(&line);
    assert_eq!(r.quantities.len(), 540_000);
}

#[test]
fn a_hundred_thousand_headings_nest_without_recursion_trouble() {
    let mut s = String::new();
    for i in 0..25_000 {
        s.push_str(&format!("一、总体情况{i}\n(一)主动公开\n1.建设\n(1)细则\n"));
    }
    let r = check(&s);
    assert_eq!(r.sections.len(), 25_000);
}

#[test]
fn deep_nesting_of_every_style_is_bounded() {
    let mut s = String::new();
    for _ in 0..2_000 {
        s.push_str(
            "# 总体情况\n## 一、主动公开\n### (一)方面\n#### 1.措施\n##### (1)细则\n###### ①要点\n",
        );
    }
    check(&s);
}

#[test]
fn binary_junk_and_control_characters_do_not_panic() {
    let junk: String = (0u32..60_000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x11_0000))
        .collect();
    check(&junk);
    let controls: String = (0u8..32).map(char::from).cycle().take(10_000).collect();
    check(&controls);
}

#[test]
fn invalid_utf8_and_renamed_zip_bytes_get_a_clear_message() {
    let err =
        xxgk::analyze_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml").unwrap_err();
    assert!(
        err.message.contains("ZIP") || err.message.contains("docx"),
        "{}",
        err.message
    );
    let err = xxgk::analyze_bytes(&b"\xC0\xFF\xFE\x80".repeat(1000)).unwrap_err();
    assert!(err.message.contains("编码"), "{}", err.message);
    // a few bad bytes in otherwise good text: read, with a note
    let mut bytes = "一、总体情况\n共受理申请5件。\n".repeat(500).into_bytes();
    bytes[40] = 0xFF;
    let r = xxgk::analyze_bytes(&bytes).unwrap();
    assert!(!r.input.diagnostics.is_empty());
}

#[test]
fn mixed_encodings_in_one_file_are_read_without_garbage() {
    // A UTF-8 report with a pasted GBK paragraph: not valid UTF-8, and not valid GB18030 as a
    // whole either; the reader says what it did instead of producing mojibake silently.
    let mut bytes = fixture(SEEDS[2]).into_bytes();
    let (gbk, _, _) = encoding_rs::GB18030.encode("五、其他说明\n本段为另存的文字，共3件。\n");
    bytes.extend_from_slice(&gbk);
    match xxgk::analyze_bytes(&bytes) {
        Ok(r) => {
            assert!(
                !r.input.diagnostics.is_empty(),
                "a lossy reading is reported"
            );
            assert!(r.sections.len() >= 6);
        }
        Err(e) => assert!(e.message.contains("编码"), "{}", e.message),
    }
}

#[test]
fn script_and_event_handler_payloads_are_only_text() {
    let input = "一、总体情况\n<script>alert(1)</script><img src=x onerror=alert(1)>共3件\n";
    let r = check(input);
    assert_eq!(r.sections[0].title, "总体情况");
    assert!(r.quantities.iter().any(|q| q.text == "3件"));
}

#[test]
fn a_report_concatenated_many_times_is_analysed_whole() {
    let seed = fixture(SEEDS[2]);
    let many = seed.repeat(500); // 7 MB
    let r = check(&many);
    let one = xxgk::analyze(&seed);
    assert_eq!(r.quantities.len(), one.quantities.len() * 500);
}

#[test]
fn every_seed_cut_anywhere_keeps_the_contract() {
    for seed in SEEDS {
        let text = fixture(seed);
        let chars: Vec<char> = text.chars().collect();
        for cut in (0..chars.len()).step_by(97) {
            let head: String = chars[..cut].iter().collect();
            let tail: String = chars[cut..].iter().collect();
            check(&head);
            check(&tail);
        }
    }
}

/// Fragments that real reports are made of, so generated inputs reach deep into the parsers.
const FRAGMENTS: &[&str] = &[
    "一、",
    "二、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "(1)",
    "①",
    "第一部分",
    "## ",
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "行政复议",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    "總體情況",
    "收到申请",
    "办结",
    "予以公开",
    "不予公开",
    "占",
    "%",
    "％",
    "件",
    "万",
    "余",
    "多",
    "近",
    "约",
    "超过",
    "以上",
    "人次",
    "个工作日",
    "万元",
    "0",
    "1",
    "5",
    "12",
    "598",
    "63.58",
    "１２",
    "两千",
    "十二",
    "百分之",
    "八成",
    "至",
    "2019年",
    "1月1日",
    "12月31日",
    "2020-03-10",
    "国办发〔2019〕14号",
    "《条例》",
    "索引号:",
    "发布日期:",
    "当前位置:首页>",
    "打印",
    "分享:",
    "附件:报告.pdf",
    "_页面_08.png",
    "\t",
    "|",
    " ",
    "\n",
    "\n\n",
    ",",
    "。",
    "一是",
    "本年新收政府信息公开申请数量",
    "上年结转",
    "(七)总计",
    "结转下年度继续办理",
    "自然人",
    "尚未审结",
    "根據(jù)",
    "入口網站",
    "最佳化",
    "- 4 -",
    "\u{3000}",
    "\r\n",
];

fn near_report() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..160).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_near_reports_keep_the_span_contract(input in near_report()) {
        check(&input);
    }

    #[test]
    fn arbitrary_text_keeps_the_span_contract(input in "\\PC{0,400}") {
        check(&input);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(r) = xxgk::analyze_bytes(&bytes) {
            prop_assert_eq!(r.schema.as_str(), "xxgk/1");
        }
    }
}
