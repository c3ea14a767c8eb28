//! Every check code of the README, each with a real sentence that fires it and one that must
//! not. The sentences come from the fixtures (the seeds, the corpus, the table fixtures);
//! where a rule needs a whole report, a short report is assembled from the corpus's
//! sentences (c08, a county's 2025 report, and others), changed only where the rule looks.

mod common;

use common::*;
use xxgk::report::Report;

/// A short report of a county government made of c08's sentences, complete and consistent.
/// `{…}` marks are replaced by the tests.
const BASE: &str = "沐阳县人民政府2025年政府信息公开工作年度报告
发布日期:2026-01-23
依据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)规定，编制本报告。{period}现将沐阳县人民政府2025年政府信息公开年度报告向社会公布。
一、总体情况
2025年，我县坚持以群众需求为导向，聚焦重点领域和关键环节，努力让政务信息“看得懂、用得上、易监督”。{overview}
二、主动公开政府信息情况
组织开展政府已公开信息内容清理行动，累计清理过期信息697条，确保公开信息的准确性、时效性和权威性。
三、收到和处理政府信息公开申请情况
{requests}
四、政府信息公开行政复议、行政诉讼情况
全年共办理相关案件 74 件。
五、政府信息公开工作存在的主要问题及改进情况
{problems}
六、其他需要报告的事项
我县认真落实《政府信息公开信息处理费管理办法》要求，指导推动全县行政机关按规定收取费用。
沐阳县人民政府
2026年1月23日
";

const PERIOD: &str = "本报告所列数据统计期限从2025年1月1日至2025年12月31日止。";
const OVERVIEW: &str = "二是健全考核激励体系。将县直单位信息公开工作纳入高质量发展考核，开展社会评议，对工作落实不到位的，严肃责任追究。";
const REQUESTS: &str = "创新建立“线下依申请件倒计时报警器”，全年发出催办提示 84 次，有效防止相关单位出现超时未答复问题。";
const PROBLEMS: &str = "2025 年，我县政府信息公开工作取得一定成效，仍存在短板：一是政策解读多样性需进一步加强。针对上述问题，我县坚持问题导向，精准施策。";

fn base() -> String {
    BASE.replace("{period}", PERIOD)
        .replace("{overview}", OVERVIEW)
        .replace("{requests}", REQUESTS)
        .replace("{problems}", PROBLEMS)
}

fn analyze(text: &str) -> Report {
    let r = xxgk::analyze(text);
    assert_spans(text, &r);
    r
}

fn codes(r: &Report) -> Vec<&str> {
    r.checks.iter().map(|c| c.code.as_str()).collect()
}

fn fires(text: &str, code: &str) -> bool {
    codes(&analyze(text)).contains(&code)
}

fn corpus(id: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/corpus/{id}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    String::from_utf8(std::fs::read(path).expect("corpus file")).expect("UTF-8")
}

fn table_fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/tables/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("table fixture")
}

/// The codes this file tests; `readme_lists_exactly_the_tested_codes` keeps it equal to the
/// README's list.
const TESTED: &[&str] = &[
    "part_missing",
    "part_empty",
    "parts_out_of_order",
    "parts_not_recognised",
    "truncated",
    "assessment_not_reported",
    "period_not_stated",
    "table_is_image",
    "published_late",
    "year_mismatch",
    "year_in_text_differs",
    "numbering_broken",
    "numbering_malformed",
    "part_number_wrong",
    "heading_level_wrong",
    "problems_not_reported",
    "fees_contradict_table",
    "repeated_word",
    "all_completed_but_carried",
    "share_mismatch",
    "parts_do_not_add_up",
    "requests_do_not_balance",
    "outcomes_do_not_add_up",
    "prose_table_differ",
    "table3_row_total",
    "table3_column_balance",
    "table3_outcome_total",
    "table4_block_total",
    "table2008_sum",
    "table_cell_doubtful",
    "key_unknown",
];

#[test]
fn readme_lists_exactly_the_tested_codes() {
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let start = readme
        .find("- Check codes:")
        .expect("the README lists the check codes");
    let list = &readme[start..];
    let list = &list[..list.find("Table checks").unwrap_or(list.len())];
    let mut listed: Vec<&str> = list
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        })
        .collect();
    listed.sort();
    listed.dedup();
    let mut tested = TESTED.to_vec();
    tested.sort();
    assert_eq!(listed, tested);
}

#[test]
fn the_base_report_is_clean() {
    let r = analyze(&base());
    assert!(r.checks.is_empty(), "{:#?}", r.checks);
    assert_eq!(r.meta.agency.as_deref(), Some("沐阳县人民政府"));
}

#[test]
fn part_missing() {
    let without_four = base().replace(
        "四、政府信息公开行政复议、行政诉讼情况\n全年共办理相关案件 74 件。\n",
        "",
    );
    let r = analyze(&without_four);
    let missing: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.code == "part_missing")
        .filter_map(|c| c.part.as_deref())
        .collect();
    assert_eq!(missing, ["review_litigation"]);
    assert!(!fires(&base(), "part_missing"));
}

#[test]
fn part_empty() {
    let empty_two = base().replace(
        "组织开展政府已公开信息内容清理行动，累计清理过期信息697条，确保公开信息的准确性、时效性和权威性。\n",
        "",
    );
    assert!(fires(&empty_two, "part_empty"));
    assert!(!fires(&base(), "part_empty"));
}

#[test]
fn parts_out_of_order() {
    let text = base();
    let four = "四、政府信息公开行政复议、行政诉讼情况\n全年共办理相关案件 74 件。\n";
    let five_at = text.find("五、").unwrap();
    let six_at = text.find("六、").unwrap();
    let five = text[five_at..six_at].to_owned();
    let swapped = text
        .replace(&five, "")
        .replace(four, &format!("{five}{four}"));
    assert!(fires(&swapped, "parts_out_of_order"));
    assert!(!fires(&base(), "parts_out_of_order"));
}

#[test]
fn parts_not_recognised() {
    // c08's report with its parts' headings written as sentences: no template part is seen.
    let text = "沐阳县人民政府2025年政府信息公开工作年度报告\n2025年，我县坚持以群众需求为导向，聚焦重点领域和关键环节，努力让政务信息“看得懂、用得上、易监督”。\n全年发出催办提示 84 次，有效防止相关单位出现超时未答复问题。\n";
    let r = analyze(text);
    assert!(
        codes(&r).contains(&"parts_not_recognised"),
        "{:?}",
        codes(&r)
    );
    assert!(!codes(&r).contains(&"part_missing"));
    assert!(!fires(&base(), "parts_not_recognised"));
}

#[test]
fn truncated() {
    // c06 as stored: cut after part 一, in the middle of a sentence.
    let r = analyze(&corpus("c06"));
    assert_eq!(r.checks.iter().filter(|c| c.code == "truncated").count(), 1);
    assert!(!codes(&r).contains(&"part_missing"));
    // The same text ending with a full sentence does lack the other parts.
    let whole = corpus("c06");
    let cut = whole.rfind("组织政务新媒体").unwrap();
    let ended = format!("{}组织政务新媒体情况进行全面排查。", &whole[..cut]);
    let r = analyze(&ended);
    assert!(!codes(&r).contains(&"truncated"), "{:?}", codes(&r));
    assert!(codes(&r).contains(&"part_missing"));
    // Cut inside a subheading's body run into its heading (`(四)平台建设情况市公安局…关停、注`):
    // still cut short.
    let one_line = corpus("c06").replace(['\r', '\n'], "");
    let r = analyze(&one_line);
    assert!(codes(&r).contains(&"truncated"), "{:?}", codes(&r));
    assert!(!codes(&r).contains(&"part_missing"));
}

#[test]
fn assessment_not_reported() {
    let silent = BASE
        .replace("{period}", PERIOD)
        .replace("{overview}", "")
        .replace("{requests}", REQUESTS)
        .replace("{problems}", PROBLEMS);
    assert!(fires(&silent, "assessment_not_reported"));
    assert!(!fires(&base(), "assessment_not_reported"));
}

#[test]
fn period_not_stated() {
    let no_period = BASE
        .replace("{period}", "")
        .replace("{overview}", OVERVIEW)
        .replace("{requests}", REQUESTS)
        .replace("{problems}", PROBLEMS);
    assert!(fires(&no_period, "period_not_stated"));
    assert!(!fires(&base(), "period_not_stated"));
}

#[test]
fn table_is_image() {
    // seed 000: the tables of parts 二–四 are pictures.
    let r = analyze(&fixture(SEEDS[0]));
    assert!(codes(&r).contains(&"table_is_image"));
    assert!(!fires(&base(), "table_is_image"));
}

#[test]
fn published_late() {
    // A department (教育局) by 31 January; a county government by 31 March.
    let department = base()
        .replace("沐阳县人民政府2025年", "沐阳县教育局2025年")
        .replace("发布日期:2026-01-23", "发布日期:2026-02-15")
        .replace("2026年1月23日", "2026年2月15日");
    let r = analyze(&department);
    let late: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.code == "published_late")
        .collect();
    assert_eq!(late.len(), 1);
    assert!(late[0].message.contains("2026-01-31") && late[0].message.contains("第四十九条"));
    let government = base()
        .replace("发布日期:2026-01-23", "发布日期:2026-02-15")
        .replace("2026年1月23日", "2026年2月15日");
    assert!(!fires(&government, "published_late"));
    // c01: 平潭综合实验区 (a 管委会 acting as the local government) on 20 February.
    assert!(!fires(&corpus("c01"), "published_late"));
    // Under the 2008 regulation every body has until 31 March.
    assert!(!fires(&corpus("c02"), "published_late"));
}

#[test]
fn year_mismatch() {
    let wrong = base().replace(
        PERIOD,
        "本报告所列数据统计期限从2024年1月1日至2024年12月31日止。",
    );
    assert!(fires(&wrong, "year_mismatch"));
    assert!(!fires(&base(), "year_mismatch"));
}

#[test]
fn year_in_text_differs() {
    // Last year's opening left in this year's report.
    let stale = base().replace(
        "现将沐阳县人民政府2025年政府信息公开年度报告向社会公布",
        "现将沐阳县人民政府2024年政府信息公开年度报告向社会公布",
    );
    assert!(fires(&stale, "year_in_text_differs"));
    // A comparison with last year is not a claim about this report's year.
    let compared = base().replace(
        "累计清理过期信息697条",
        "累计清理过期信息697条，比2024年增长12%",
    );
    assert!(!fires(&compared, "year_in_text_differs"));
    // Nor is a cited document's title (c11).
    assert!(!fires(&corpus("c11"), "year_in_text_differs"));
}

#[test]
fn numbering_broken() {
    let skipped = base().replace("四、政府信息公开行政复议", "五、政府信息公开行政复议");
    assert!(fires(&skipped, "numbering_broken"));
    assert!(!fires(&base(), "numbering_broken"));
}

#[test]
fn numbering_malformed() {
    // seed 003: 「2进一步拓宽公开载体。」
    assert!(codes(&analyze(&fixture(SEEDS[3]))).contains(&"numbering_malformed"));
    assert!(!fires(&base(), "numbering_malformed"));
}

#[test]
fn part_number_wrong() {
    let slip = base().replace("二、主动公开政府信息情况", "三、主动公开政府信息情况");
    let r = analyze(&slip);
    let c = r
        .checks
        .iter()
        .find(|c| c.code == "part_number_wrong")
        .expect("part_number_wrong");
    assert_eq!(c.part.as_deref(), Some("proactive"));
    // A report whose overview has no heading numbers every part one lower: no slip.
    let renumbered = base()
        .replace("一、总体情况\n", "")
        .replace("二、主动公开", "一、主动公开")
        .replace("三、收到和处理", "二、收到和处理")
        .replace("四、政府信息公开行政复议", "三、政府信息公开行政复议")
        .replace("五、政府信息公开工作存在", "四、政府信息公开工作存在")
        .replace("六、其他需要报告", "五、其他需要报告");
    assert!(!fires(&renumbered, "part_number_wrong"));
    assert!(!fires(&base(), "part_number_wrong"));
}

#[test]
fn heading_level_wrong() {
    // c05's overview topic (四)平台建设 numbered as a part.
    let text = base().replace(
        "二、主动公开政府信息情况",
        "二、平台建设\n持续优化和完善本单位门户网站的信息公开栏目。\n三、主动公开政府信息情况",
    );
    assert!(fires(&text, "heading_level_wrong"));
    // In brackets, inside the overview, it is where it belongs (c05).
    let inside = base().replace(
        OVERVIEW,
        &format!("{OVERVIEW}\n(四)平台建设\n持续优化和完善本单位门户网站的信息公开栏目。"),
    );
    assert!(!fires(&inside, "heading_level_wrong"));
}

#[test]
fn problems_not_reported() {
    let none = BASE
        .replace("{period}", PERIOD)
        .replace("{overview}", OVERVIEW)
        .replace("{requests}", REQUESTS)
        .replace("{problems}", "无。");
    assert!(fires(&none, "problems_not_reported"));
    assert!(!fires(&base(), "problems_not_reported"));
    // Part 六 may well say 无 (c09).
    assert!(!fires(&corpus("c09"), "problems_not_reported"));
}

#[test]
fn fees_contradict_table() {
    // c05's sentence 「无行政事业性收费项目」 against a 2021 table 2 that states a fee.
    // Table 2 of the pipe-form table fixture, with the fee given.
    let table2 = |fee: &str| {
        let t = table_fixture("r2021_pipe");
        let from = t.find("第二十条第（一）项").unwrap();
        let to = t.find("三、收到和处理").unwrap();
        format!(
            "二、主动公开政府信息情况\n{}\n",
            t[from..to].trim().replace("1276.5534", fee)
        )
    };
    let said = "根据“三定”方案,本单位无行政许可和对外服务等社会管理职能,无实施行政处罚、行政强制等职权,无行政事业性收费项目,无制定规章及规范性文件,故无此类公开信息。";
    let text = |fee: &str| {
        base()
            .replace(OVERVIEW, &format!("{OVERVIEW}{said}"))
            .replace("二、主动公开政府信息情况\n", &table2(fee))
    };
    let r = analyze(&text("12.5"));
    assert_eq!(r.key.fees_amount, Some(12.5));
    assert!(
        codes(&r).contains(&"fees_contradict_table"),
        "{:?}",
        codes(&r)
    );
    assert!(!fires(&text("0"), "fees_contradict_table"));
    // c01: table 2 reports 9116.36 万元 of administrative fees, part 六 says no information
    // processing fee was charged: two different fees, no contradiction.
    assert!(!fires(&corpus("c01"), "fees_contradict_table"));
}

#[test]
fn repeated_word() {
    let slip = base().replace("聚焦重点领域和关键环节", "聚焦重点领域和关键环节环节");
    let r = analyze(&slip);
    assert!(codes(&r).contains(&"repeated_word"));
    let doubled = base().replace("聚焦重点领域", "常常研究研究，一项一项聚焦重点领域");
    assert!(!fires(&doubled, "repeated_word"));
    // seed 001: 《雲浮市人民政府政府公報》 is 人民政府 + 政府公报.
    assert!(!fires(&fixture(SEEDS[1]), "repeated_word"));
}

#[test]
fn all_completed_but_carried() {
    let requests = |said: &str| {
        format!(
            "本年度共收到政府信息公开申请10件，上年结转0件，办结8件，结转下年度继续办理2件。{said}"
        )
    };
    let text = |said: &str| {
        BASE.replace("{period}", PERIOD)
            .replace("{overview}", OVERVIEW)
            .replace("{requests}", &requests(said))
            .replace("{problems}", PROBLEMS)
    };
    assert!(fires(
        &text("所有申请均已办结。"),
        "all_completed_but_carried"
    ));
    // c09: 「按时办结率100%」 speaks of timeliness.
    assert!(!fires(
        &text("按时办结率100%。"),
        "all_completed_but_carried"
    ));
    assert!(!fires(&corpus("c09"), "all_completed_but_carried"));
}

#[test]
fn share_mismatch_and_parts_do_not_add_up() {
    // seed 002: 411 of 598 is 68.7%, not 70%; the parts add up to 590.
    let r = analyze(&fixture(SEEDS[2]));
    assert!(codes(&r).contains(&"share_mismatch"));
    assert!(codes(&r).contains(&"parts_do_not_add_up"));
    let ok = "三、收到和处理政府信息公开申请情况\n共收到申请598件，其中予以公开411件，占68.7%；不予公开187件，占31.3%。\n";
    assert!(!fires(ok, "share_mismatch"));
    assert!(!fires(ok, "parts_do_not_add_up"));
}

#[test]
fn requests_do_not_balance() {
    // c07: 受理267件, 答复263件, nothing carried over.
    assert!(fires(&corpus("c07"), "requests_do_not_balance"));
    let text = BASE
        .replace("{period}", PERIOD)
        .replace("{overview}", OVERVIEW)
        .replace(
            "{requests}",
            "本年度共收到政府信息公开申请10件，办结8件，结转下年度继续办理2件。",
        )
        .replace("{problems}", PROBLEMS);
    assert!(!fires(&text, "requests_do_not_balance"));
}

#[test]
fn outcomes_do_not_add_up() {
    // c06's sentence, its outcomes itemised: 3 + 1 + 5 = 9 holds; one more 不予处理 does not.
    let text = |more: &str| {
        BASE.replace("{period}", PERIOD)
            .replace("{overview}", OVERVIEW)
            .replace(
                "{requests}",
                &format!("2021年,汕尾市公安局共受理政府信息依申请公开9件,其中,予以公开3件,部分公开1件;因本机关不掌握或需要加工汇总等原因无法提供5宗{more}。"),
            )
            .replace("{problems}", PROBLEMS)
    };
    assert!(fires(&text(",不予处理1件"), "outcomes_do_not_add_up"));
    assert!(!fires(&text(""), "outcomes_do_not_add_up"));
}

#[test]
fn prose_table_differ() {
    // c11: the prose's 不予公开 35 against table 3's 32.
    assert!(fires(&corpus("c11"), "prose_table_differ"));
    assert!(!fires(&corpus("c10"), "prose_table_differ"));
}

#[test]
fn table3_and_table4_identities() {
    let broken = analyze(&table_fixture("r2021_broken"));
    let sound = analyze(&table_fixture("r2021_tsv"));
    for code in [
        "table3_row_total",
        "table3_column_balance",
        "table3_outcome_total",
        "table4_block_total",
    ] {
        assert!(codes(&broken).contains(&code), "{code}");
        assert!(!codes(&sound).contains(&code), "{code}");
    }
}

#[test]
fn table2008_sum() {
    // c02's 附表 with 当面申请数 written 17 instead of 18.
    let table = |in_person: &str| {
        format!(
            "附件1：平潭县人民政府2012年政府信息公开情况统计表\n指标名称 计量单位 2012年度 历年累计\n\
             受理依申请公开信息总数 条 21 21\n其中：1.当面申请数 条 {in_person}\n2.传真申请数 条 0 0\n\
             3.电子邮件申请数 条 3 3\n4.网上申请数 条 0 0\n5.信函申请数 条 0 0\n6.其它形式申请数 条 0 0\n\
             对申请的答复数 条 21 21\n其中：1.同意公开答复数 条 17 17\n2.同意部分公开答复数 条 2 2\n\
             3.否决公开答复数 条 2 2\n行政复议数 条 0 0\n行政诉讼数 条 0 0\n"
        )
    };
    assert!(fires(&table("17 17"), "table2008_sum"));
    assert!(!fires(&table("18 18"), "table2008_sum"));
}

#[test]
fn table_cell_doubtful_and_key_unknown() {
    // Six numbers where table 3 has seven columns: no cell is guessed.
    let t3 = |new: &str| {
        format!("申请人情况 自然人 总计\n一、本年新收政府信息公开申请数量 {new}\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n三、本年度办理结果\n(一)予以公开 5 0 0 0 0 0 5\n(七)总计 5 0 0 0 0 0 5\n四、结转下年度继续办理 0 0 0 0 0 0 0\n")
    };
    let r = analyze(&t3("5 0 0 0 0 5"));
    assert!(codes(&r).contains(&"table_cell_doubtful"));
    assert!(codes(&r).contains(&"key_unknown"));
    let r = analyze(&t3("5 0 0 0 0 0 5"));
    assert!(!codes(&r).contains(&"table_cell_doubtful"));
    assert!(!codes(&r).contains(&"key_unknown"));
}
