//! The five real seed reports: metadata, structure, key indicators and checks as a careful
//! reader states them (issues 2–5).

mod common;

use common::*;
use xxgk::report::{Approx, DocType, Report, Script};

fn analyze(seed: &str) -> (String, Report) {
    let text = fixture(seed);
    let r = xxgk::analyze(&text);
    (text, r)
}

fn checks<'a>(r: &'a Report, code: &str) -> Vec<&'a xxgk::report::Check> {
    r.checks.iter().filter(|c| c.code == code).collect()
}

fn furniture_texts(r: &Report) -> Vec<&str> {
    r.furniture.iter().map(|f| f.text.as_str()).collect()
}

#[test]
fn seed_000_zhaotong_2020_traditional_with_pictures() {
    let (text, r) = analyze(SEEDS[0]);
    assert_spans(&text, &r);
    let m = &r.meta;
    assert!(
        m.agency.as_deref().unwrap().starts_with("昭通市"),
        "{:?}",
        m.agency
    );
    assert_dated(
        &r,
        2020,
        Some("2021-03-15"),
        DocType::AnnualReport2019,
        Script::Traditional,
    );
    assert_eq!(canonicals(&r), SIX_PARTS);
    let empty: Vec<bool> = r.sections.iter().map(|s| s.empty).collect();
    assert_eq!(empty, [false, true, true, true, false, false]);
    assert_eq!(r.sections[0].title, "總體情況");
    assert_eq!(r.sections[0].number.as_deref(), Some("一"));
    // the first lines and the last line are furniture
    let f = furniture_texts(&r);
    assert!(f.iter().any(|t| t.starts_with("熱搜詞")));
    assert!(f.contains(&"政府信息"));
    assert_eq!(*f.last().unwrap(), "彩票之家-通用APP");
    // picture placeholders in parts 二–四
    assert_eq!(checks(&r, "table_is_image").len(), 3);
    let empty_parts: Vec<&str> = checks(&r, "part_empty")
        .iter()
        .filter_map(|c| c.part.as_deref())
        .collect();
    assert_eq!(empty_parts, ["proactive", "requests", "review_litigation"]);
    // published by 31 March: a government's report is on time
    assert!(checks(&r, "published_late").is_empty());
    // key indicators from the prose
    assert_eq!(r.key.requests_received, Some(229.0));
    assert_eq!(r.key.requests_completed, Some(228.0));
    assert_eq!(r.key.requests_carried_to_next_year, Some(1.0));
    assert!(checks(&r, "requests_do_not_balance").is_empty());
    // no number of a furniture line is a quantity
    for q in &r.quantities {
        assert!(
            !r.furniture
                .iter()
                .any(|f| f.start <= q.start && q.end <= f.end),
            "{q:?} in furniture"
        );
    }
    let texts: Vec<&str> = r.quantities.iter().map(|q| q.text.as_str()).collect();
    assert!(!texts
        .iter()
        .any(|t| t.contains("12345") || t.contains("第七次") || t.contains("十九")));
    let q = r
        .quantities
        .iter()
        .find(|q| q.text == "1萬+")
        .expect("1萬+");
    assert_eq!((q.value, q.approx), (10000.0, Some(Approx::Over)));
}

#[test]
fn seed_001_yunfu_2015_old_regulation_with_unnumbered_parts() {
    let (text, r) = analyze(SEEDS[1]);
    assert_spans(&text, &r);
    let m = &r.meta;
    assert_eq!(m.agency.as_deref(), Some("雲浮市人民政府辦公室"));
    assert_dated(
        &r,
        2015,
        None,
        DocType::AnnualReport2008,
        Script::Traditional,
    );
    assert_eq!(
        canonicals(&r),
        [
            Some("overview"),
            Some("proactive"),
            Some("requests_2008"),
            Some("fees"),
            Some("review_litigation"),
            Some("problems")
        ]
    );
    // the overview has no heading; its four subsections belong to it
    assert_eq!(r.sections[0].children.len(), 4);
    assert_eq!(r.sections[1].title, "主動公開政府信息情況");
    assert_eq!(r.sections[1].number, None);
    let f = furniture_texts(&r);
    for w in ["基本介紹", "相關詞條", "熱門詞條", "聯絡我們"] {
        assert!(f.contains(&w), "{w} is furniture: {f:?}");
    }
    assert!(f.iter().any(|t| t.contains("中文名")) && f.iter().any(|t| t.contains("類別")));
    assert_eq!(r.key.requests_received, Some(4.0));
    // 本年度沒有發生因政府信息公開而申請行政複議和提起行政訴訟情況: zero, stated in words
    assert_eq!(
        (r.key.review_total, r.key.litigation_total),
        (Some(0.0), Some(0.0))
    );
    let src = r
        .key
        .sources
        .iter()
        .find(|s| s.field == "review_total")
        .unwrap();
    assert!(src.text.contains("沒有發生") && src.note.is_some());
    // 24633 + 103043 = 127676 and the stated shares hold: nothing to report
    assert!(checks(&r, "share_mismatch").is_empty(), "{:?}", r.checks);
    assert!(checks(&r, "parts_do_not_add_up").is_empty());
    assert!(checks(&r, "requests_do_not_balance").is_empty());
}

#[test]
fn seed_002_quzhou_2019_metadata_and_prose_arithmetic() {
    let (text, r) = analyze(SEEDS[2]);
    assert_spans(&text, &r);
    let m = &r.meta;
    assert_eq!(m.agency.as_deref(), Some("衢州市人民政府"));
    assert_dated(
        &r,
        2019,
        Some("2020-03-10"),
        DocType::AnnualReport2019,
        Script::Simplified,
    );
    assert_eq!(
        m.index_number.as_deref(),
        Some("11330800002618015K/2020-102110")
    );
    let p = m.period.as_ref().expect("period");
    assert_eq!(
        (p.from.as_str(), p.to.as_str()),
        ("2019-01-01", "2019-12-31")
    );
    assert_eq!(
        m.contacts
            .phones
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
        ["0570—3087586"]
    );
    assert_eq!(
        m.contacts
            .emails
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
        ["qzszwgkb@sina.com"]
    );
    let numbers: Vec<&str> = m.cited.iter().filter_map(|c| c.number.as_deref()).collect();
    for n in [
        "国办发〔2019〕14号",
        "浙政办发〔2019〕37号",
        "衢政办通〔2018〕94号",
    ] {
        assert!(numbers.contains(&n), "{n} cited: {numbers:?}");
    }
    assert_eq!(canonicals(&r), SIX_PARTS);
    let overview: Vec<&str> = r.sections[0]
        .children
        .iter()
        .map(|c| c.number.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(overview, ["一", "二", "三", "四", "五"]);
    assert_eq!(
        r.sections.iter().map(|s| s.empty).collect::<Vec<_>>(),
        [false, true, true, true, false, false]
    );
    // key indicators
    let k = &r.key;
    assert_eq!(k.requests_received, Some(598.0));
    // 予以公开及部分公开411件 is one figure for two outcomes: neither is known.
    assert_eq!(k.outcome_disclosed, None);
    assert_eq!(k.outcome_not_disclosed, Some(23.0));
    assert_eq!(k.outcome_unable_to_provide, Some(121.0));
    assert_eq!(k.outcome_not_processed, Some(21.0));
    assert_eq!(k.outcome_other, Some(14.0));
    let note = k
        .sources
        .iter()
        .find(|s| s.field == "outcome_disclosed_combined" && s.value == 411.0)
        .and_then(|s| s.note.as_deref());
    assert!(
        note.is_some_and(|n| n.contains("部分公开")),
        "the combined figure is explained"
    );
    // 411+23+121+21+14 = 590 ≠ 598, and 70% ≠ 411/598 = 68.7%
    let sums = checks(&r, "parts_do_not_add_up");
    assert_eq!(sums.len(), 1);
    assert!(sums[0].message.contains("590") && sums[0].message.contains("598"));
    let shares = checks(&r, "share_mismatch");
    assert_eq!(shares.len(), 1, "{shares:?}");
    assert!(shares[0].message.contains("70%") && shares[0].message.contains("68.7"));
    let s = shares[0];
    assert_eq!(chars(&text, s.start.unwrap(), s.end.unwrap()), "70%");
    // a government report must state assessment results: 责任追究 is not mentioned
    let a = checks(&r, "assessment_not_reported");
    assert_eq!(a.len(), 1);
    let missing = a[0].message.split("未见").nth(1).unwrap_or("");
    assert!(
        missing.contains("责任追究") && !missing.contains("考核") && !missing.contains("评议"),
        "{missing}"
    );
    let texts: Vec<&str> = r.quantities.iter().map(|q| q.text.as_str()).collect();
    assert!(!texts
        .iter()
        .any(|t| t.contains("3087586") || t.contains("1433") || t.contains("2019年")));
    assert!(f_has(
        &r,
        "附件:衢州市人民政府2019年政府信息公开工作年度报告.pdf"
    ));
}

fn f_has(r: &Report, t: &str) -> bool {
    r.furniture.iter().any(|f| f.text == t)
}

#[test]
fn seed_003_cangzhou_work_summary() {
    let (text, r) = analyze(SEEDS[3]);
    assert_spans(&text, &r);
    let m = &r.meta;
    assert!(
        m.agency.as_deref().unwrap_or("").contains("沧州市"),
        "{:?}",
        m.agency
    );
    assert_eq!(m.year, Some(2019));
    assert_eq!(m.doc_type, DocType::WorkSummary);
    assert_eq!(canonicals(&r), [None, None]);
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["2019年政务公开工作总结", "2020年工作谋划"]);
    let kids: Vec<&str> = r.sections[0]
        .children
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(kids, ["政务公开工作进展情况", "工作举措"]);
    // 2进一步拓宽公开载体: tolerated, noted
    assert_eq!(checks(&r, "numbering_malformed").len(), 1);
    assert!(r.furniture.iter().any(|f| f.kind == "breadcrumb"));
}

#[test]
fn seed_004_chuxiong_work_points_report() {
    let (text, r) = analyze(SEEDS[4]);
    assert_spans(&text, &r);
    let m = &r.meta;
    assert_eq!(m.agency.as_deref(), Some("楚雄经开区(高新区)"));
    // A 工作要点落实情况报告 looks back on the year's work: a work summary
    // (report-formats.md §1, and the corpus's c03); 工作要点 alone would be a plan.
    assert_dated(
        &r,
        2018,
        Some("2018-12-20"),
        DocType::WorkSummary,
        Script::Simplified,
    );
    assert_eq!(
        m.index_number.as_deref(),
        Some("11532301734304660U-/2018-1227004")
    );
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "主要工作落实情况",
            "典型经验和做法",
            "存在问题及下步工作打算"
        ]
    );
    assert_eq!(r.sections[0].children.len(), 4);
    // A work summary is not checked for completeness, but its parts keep the template key
    // their titles name.
    assert_eq!(canonicals(&r), [None, None, Some("problems")]);
    assert_eq!(r.furniture.last().map(|f| f.text.as_str()), Some("下载"));
}

#[test]
fn every_seed_has_its_numbered_parts_in_the_json() {
    let json = |seed: &str| serde_json::to_value(xxgk::analyze(&fixture(seed))).unwrap();
    assert_eq!(json(SEEDS[2])["meta"]["doc_type"], "annual_report_2019");
    assert_eq!(json(SEEDS[1])["meta"]["doc_type"], "annual_report_2008");
    assert_eq!(json(SEEDS[1])["meta"]["script"], "traditional");
    for seed in SEEDS {
        let r = xxgk::analyze(&fixture(seed));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["schema"], "xxgk/1");
        let doc_type = json["meta"]["doc_type"].as_str().unwrap();
        assert!(
            [
                "annual_report_2019",
                "annual_report_2008",
                "work_summary",
                "other"
            ]
            .contains(&doc_type),
            "{seed}: doc_type {doc_type} is one of the contract's values"
        );
        for k in ["meta", "sections", "quantities", "key", "tables", "checks"] {
            assert!(json.get(k).is_some(), "{seed}: {k}");
        }
        assert!(r.sections.len() >= 2, "{seed}");
    }
}
