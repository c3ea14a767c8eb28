//! Quantities against the golden files: every quantity a careful reader marks in each seed
//! (tests/golden/*.tsv, conventions in tests/golden/README.md). A quantity matches a golden
//! row when their spans overlap and value, unit and approximation are all equal.
//! Targets (issue 5): precision ≥ 99 %, recall ≥ 98 % over all seeds.

mod common;

use common::*;
use xxgk::report::{Approx, Quantity};

struct Gold {
    start: usize,
    end: usize,
    text: String,
    value: f64,
    unit: String,
    approx: Option<Approx>,
}

fn golden(seed: &str) -> Vec<Gold> {
    let path = format!("{}/tests/golden/{seed}.tsv", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    data.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let value = f[3].split('-').next().unwrap().parse().unwrap();
            let approx = match f.get(5).copied().unwrap_or("") {
                "over" => Some(Approx::Over),
                "under" => Some(Approx::Under),
                "about" => Some(Approx::About),
                _ => None,
            };
            Gold {
                start: f[0].parse().unwrap(),
                end: f[1].parse().unwrap(),
                text: f[2].into(),
                value,
                unit: f[4].into(),
                approx,
            }
        })
        .collect()
}

fn same(q: &Quantity, g: &Gold) -> bool {
    q.start < g.end
        && g.start < q.end
        && q.value == g.value
        && q.unit == g.unit
        && q.approx == g.approx
}

#[test]
fn golden_files_slice_their_fixtures() {
    for seed in SEEDS {
        let text = fixture(seed);
        for g in golden(seed) {
            assert_eq!(
                chars(&text, g.start, g.end),
                g.text,
                "{seed}: golden row at {}",
                g.start
            );
        }
    }
}

#[test]
fn quantities_meet_precision_and_recall_on_the_golden_files() {
    let (mut found, mut gold_n, mut tp_found, mut tp_gold) = (0, 0, 0, 0);
    let mut report = String::new();
    for seed in SEEDS {
        let text = fixture(seed);
        let r = xxgk::analyze(&text);
        let gold = golden(seed);
        found += r.quantities.len();
        gold_n += gold.len();
        for q in &r.quantities {
            if gold.iter().any(|g| same(q, g)) {
                tp_found += 1;
            } else {
                report.push_str(&format!(
                    "{seed} extra: {:?} {} {:?} {:?}\n",
                    q.text, q.value, q.unit, q.approx
                ));
            }
        }
        for g in &gold {
            if r.quantities.iter().any(|q| same(q, g)) {
                tp_gold += 1;
            } else {
                report.push_str(&format!(
                    "{seed} missed: {:?} {} {:?} {:?}\n",
                    g.text, g.value, g.unit, g.approx
                ));
            }
        }
    }
    let precision = tp_found as f64 / found.max(1) as f64;
    let recall = tp_gold as f64 / gold_n.max(1) as f64;
    println!("quantities: precision {precision:.4} ({tp_found}/{found}), recall {recall:.4} ({tp_gold}/{gold_n})\n{report}");
    assert!(precision >= 0.99, "precision {precision:.4}\n{report}");
    assert!(recall >= 0.98, "recall {recall:.4}\n{report}");
}
