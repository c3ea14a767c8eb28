//! The same report gives the same analysis whatever its encoding (UTF-8, GB18030, UTF-16,
//! Big5) and whatever its script (simplified or traditional).

mod common;

use common::*;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use serde_json::Value;
use xxgk::report::Report;

/// The analysis without the facts about the input bytes.
fn comparable(r: &Report) -> Value {
    let mut v = serde_json::to_value(r).unwrap();
    v.as_object_mut().unwrap().remove("input");
    v
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn every_seed_reads_the_same_from_gb18030_and_utf16() {
    for seed in SEEDS {
        let text = fixture(seed);
        let want = comparable(&xxgk::analyze(&text));
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        let r = xxgk::analyze_bytes(&gb).unwrap();
        assert_eq!(r.input.encoding.as_deref(), Some("gb18030"), "{seed}");
        assert_eq!(comparable(&r), want, "{seed} as GB18030");
        for be in [false, true] {
            let r = xxgk::analyze_bytes(&utf16(&text, be)).unwrap();
            assert_eq!(comparable(&r), want, "{seed} as UTF-16 (big endian: {be})");
        }
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(
            comparable(&xxgk::analyze_bytes(&bom).unwrap()),
            want,
            "{seed} with a UTF-8 BOM"
        );
    }
}

#[test]
fn traditional_seeds_read_the_same_from_big5() {
    for seed in [SEEDS[0], SEEDS[1]] {
        let text = fixture(seed);
        let (big5, _, unmappable) = encoding_rs::BIG5.encode(&text);
        if unmappable {
            // Characters Big5 lacks become &#…; references: the text itself changes, so
            // compare with the analysis of what Big5 can carry.
            let back = encoding_rs::BIG5.decode(&big5).0.into_owned();
            let r = xxgk::analyze_bytes(&big5).unwrap();
            assert_eq!(r.input.encoding.as_deref(), Some("Big5"), "{seed}");
            assert_eq!(
                comparable(&r),
                comparable(&xxgk::analyze(&back)),
                "{seed} as Big5"
            );
        } else {
            let r = xxgk::analyze_bytes(&big5).unwrap();
            assert_eq!(r.input.encoding.as_deref(), Some("Big5"), "{seed}");
            assert_eq!(
                comparable(&r),
                comparable(&xxgk::analyze(&text)),
                "{seed} as Big5"
            );
        }
    }
}

/// What must not change with the script: structure, numbers and key values.
fn script_neutral(r: &Report) -> Value {
    let mut secs = Vec::new();
    walk(&r.sections, &mut secs);
    serde_json::json!({
        "sections": secs.iter().map(|s| (s.level, s.canonical.clone(), s.empty, s.start, s.end, s.number.is_some())).collect::<Vec<_>>(),
        "quantities": r.quantities.iter().map(|q| (q.value, q.unit.clone(), q.approx, q.start, q.end, q.section.is_some())).collect::<Vec<_>>(),
        "key": [r.key.requests_received, r.key.requests_completed, r.key.requests_carried_to_next_year,
                r.key.outcome_disclosed, r.key.outcome_not_disclosed, r.key.outcome_unable_to_provide,
                r.key.outcome_not_processed, r.key.outcome_other],
        "doc_type": r.meta.doc_type,
        "year": r.meta.year,
        "published": r.meta.published,
    })
}

#[test]
fn traditional_seeds_converted_to_simplified_give_the_same_analysis() {
    let cc = OpenCC::from_config(BuiltinConfig::T2s).unwrap();
    for seed in [SEEDS[0], SEEDS[1]] {
        let text = fixture(seed);
        let simp = cc.convert(&text);
        assert_eq!(simp.chars().count(), text.chars().count());
        let (a, b) = (xxgk::analyze(&text), xxgk::analyze(&simp));
        assert_eq!(b.meta.script, xxgk::report::Script::Simplified);
        assert_eq!(script_neutral(&a), script_neutral(&b), "{seed}");
    }
}

#[test]
fn simplified_seeds_converted_to_traditional_give_the_same_analysis() {
    let cc = OpenCC::from_config(BuiltinConfig::S2t).unwrap();
    for seed in [SEEDS[2], SEEDS[3], SEEDS[4]] {
        let text = fixture(seed);
        let trad = cc.convert(&text);
        assert_eq!(
            trad.chars().count(),
            text.chars().count(),
            "{seed}: s2t kept the length"
        );
        let (a, b) = (xxgk::analyze(&text), xxgk::analyze(&trad));
        assert_eq!(b.meta.script, xxgk::report::Script::Traditional);
        assert_eq!(script_neutral(&a), script_neutral(&b), "{seed}");
        assert_spans(&trad, &b);
    }
}

#[test]
fn machine_converted_taiwan_wording_reads_like_mainland_wording() {
    let mainland =
        "一、总体情况\n市政府门户网站优化规范性文件发布程序，群众满意。共受理申请12件。\n";
    let taiwan =
        "一、總體情況\n市政府入口網站最佳化規範性檔案發佈程式，民眾滿意。共受理申請12件。\n";
    let (a, b) = (xxgk::analyze(mainland), xxgk::analyze(taiwan));
    assert_eq!(a.sections[0].canonical, b.sections[0].canonical);
    assert_eq!(b.quantities[0].text, "12件");
    assert_eq!(b.key.requests_received, Some(12.0));
    assert_spans(taiwan, &b);
}
