//! The development corpus (tests/fixtures/corpus, copied from the team's shared corpus): real
//! reports in the layouts and forms the seeds do not show, with truth made by hand (its
//! README gives the schema). Each test asserts one group of fields on all eleven documents
//! and prints a scoreboard for that group (`cargo test --test corpus -- --nocapture`).
//!
//! These files are for development: the analysis is scored on many more real reports, so a
//! failure here is fixed by handling the form the file stands for, never the file.

use serde_json::Value;
use std::collections::BTreeMap;
use xxgk::report::Report;

struct Doc {
    id: String,
    text: String,
    truth: Value,
    report: Report,
}

fn corpus() -> Vec<Doc> {
    let dir = format!("{}/tests/fixtures/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| {
            let n = e.ok()?.file_name().into_string().ok()?;
            n.strip_suffix(".txt").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 11, "corpus has {} documents", names.len());
    names
        .into_iter()
        .map(|id| {
            // Byte for byte: some files use CRLF, and offsets count the CRs.
            let bytes = std::fs::read(format!("{dir}/{id}.txt")).expect("corpus text");
            let text = String::from_utf8(bytes).expect("corpus text is UTF-8");
            let truth: Value = serde_json::from_str(
                &std::fs::read_to_string(format!("{dir}/{id}.json")).expect("corpus truth"),
            )
            .expect("truth is JSON");
            let report = xxgk::analyze(&text);
            Doc {
                id,
                text,
                truth,
                report,
            }
        })
        .collect()
}

/// Per-field tallies; prints the scoreboard and fails listing every miss.
#[derive(Default)]
struct Board {
    fields: BTreeMap<&'static str, (usize, usize)>,
    misses: Vec<String>,
}

impl Board {
    fn score(&mut self, field: &'static str, doc: &str, ok: bool, detail: impl FnOnce() -> String) {
        let e = self.fields.entry(field).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            self.misses.push(format!("{doc} {field}: {}", detail()));
        }
    }

    fn finish(self, group: &str) {
        println!("corpus scoreboard ({group}):");
        for (f, (ok, n)) in &self.fields {
            println!("  {f:<22} {ok:>4}/{n:<4}");
        }
        for m in &self.misses {
            println!("  miss: {m}");
        }
        assert!(
            self.misses.is_empty(),
            "{} misses in {group}:\n{}",
            self.misses.len(),
            self.misses.join("\n")
        );
    }
}

/// A name folded for comparison: simplified script, half width, no punctuation or space.
fn fold_name(s: &str) -> String {
    xxgk::normalize::Text::new(s)
        .norm
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The README's rule: a name is right when one contains the other after folding; `null`
/// truth wants `null`.
fn agency_ok(truth: &Value, got: Option<&str>) -> bool {
    let wanted: Vec<String> = match truth {
        Value::Null => return got.is_none(),
        Value::String(s) => vec![fold_name(s)],
        Value::Array(a) => a.iter().filter_map(Value::as_str).map(fold_name).collect(),
        _ => return false,
    };
    let Some(got) = got.map(fold_name).filter(|g| !g.is_empty()) else {
        return false;
    };
    wanted
        .iter()
        .any(|w| !w.is_empty() && (w.contains(&got) || got.contains(w.as_str())))
}

fn doc_type_str(r: &Report) -> String {
    serde_json::to_value(r.meta.doc_type)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn meta_matches_the_truth() {
    let mut b = Board::default();
    for d in corpus() {
        let t = &d.truth;
        let m = &d.report.meta;
        let want = t["doc_type"].as_str().unwrap_or_default();
        b.score("doc_type", &d.id, doc_type_str(&d.report) == want, || {
            format!("{} (truth {want})", doc_type_str(&d.report))
        });
        let year = t["year"].as_i64().map(|y| y as i32);
        b.score("year", &d.id, m.year == year, || {
            format!("{:?} (truth {year:?})", m.year)
        });
        b.score(
            "agency",
            &d.id,
            agency_ok(&t["agency"], m.agency.as_deref()),
            || format!("{:?} (truth {})", m.agency, t["agency"]),
        );
        let published = t["published"].as_str();
        b.score(
            "published",
            &d.id,
            m.published.as_deref() == published,
            || format!("{:?} (truth {published:?})", m.published),
        );
    }
    b.finish("meta");
}

#[test]
fn sections_match_the_truth() {
    let mut b = Board::default();
    for d in corpus() {
        let want: Vec<(Option<String>, Option<String>, bool)> = d.truth["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| {
                (
                    s["number"].as_str().map(str::to_owned),
                    s["canonical"].as_str().map(str::to_owned),
                    s["empty"].as_bool().unwrap_or(false),
                )
            })
            .collect();
        let got: Vec<(Option<String>, Option<String>, bool)> = d
            .report
            .sections
            .iter()
            .map(|s| (s.number.clone(), s.canonical.clone(), s.empty))
            .collect();
        b.score("sections", &d.id, got == want, || {
            let titles: Vec<String> = d
                .report
                .sections
                .iter()
                .map(|s| format!("{}{}", s.number.as_deref().unwrap_or(""), s.title))
                .collect();
            format!("got {got:?} {titles:?}\n      want {want:?}")
        });
        // No part reported missing that the document has.
        let present: Vec<&str> = d.truth["sections"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["canonical"].as_str())
            .collect();
        for c in d.report.checks.iter().filter(|c| c.code == "part_missing") {
            let part = c.part.as_deref().unwrap_or_default();
            b.score("no_false_missing", &d.id, !present.contains(&part), || {
                format!(
                    "part_missing for {part}, which the document has: {}",
                    c.message
                )
            });
        }
    }
    b.finish("sections");
}

const KEY_FIELDS: [&str; 12] = [
    "requests_received",
    "requests_carried_over_from_last_year",
    "requests_completed",
    "requests_carried_to_next_year",
    "outcome_disclosed",
    "outcome_partially_disclosed",
    "outcome_not_disclosed",
    "outcome_unable_to_provide",
    "outcome_not_processed",
    "outcome_other",
    "review_total",
    "litigation_total",
];

#[test]
fn key_matches_the_truth() {
    let mut b = Board::default();
    for d in corpus() {
        let key = serde_json::to_value(&d.report.key).expect("key serializes");
        for f in KEY_FIELDS {
            let want = d.truth["key"][f].as_f64();
            let got = key[f].as_f64();
            // A value where the truth has none is a wrong value, not a bonus.
            let field = match (want, got) {
                (None, None) => continue,
                (None, Some(_)) => "key_invented",
                (Some(_), None) => "key_missing",
                (Some(_), Some(_)) => "key_value",
            };
            b.score(field, &d.id, want == got, || {
                format!("{f} = {got:?} (truth {want:?})")
            });
        }
    }
    b.finish("key");
}

/// Text with line breaks and spaces removed, for matching a quantity's text.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn quantities_match_the_truth() {
    let mut b = Board::default();
    for d in corpus() {
        let mut found: Vec<(f64, String, String)> = d
            .report
            .quantities
            .iter()
            .map(|q| (q.value, q.unit.clone(), squash(&q.text)))
            .collect();
        for q in d.truth["quantities"].as_array().into_iter().flatten() {
            let value = q["value"].as_f64().unwrap_or(f64::NAN);
            let unit = q["unit"].as_str().unwrap_or_default().to_owned();
            let text = squash(q["text"].as_str().unwrap_or_default());
            // Multiset match: each found quantity answers one truth entry.
            let hit = found
                .iter()
                .position(|(v, u, t)| *v == value && *u == unit && t.contains(&text));
            if let Some(i) = hit {
                found.swap_remove(i);
            }
            b.score("quantity_recall", &d.id, hit.is_some(), || {
                format!("{text} ({value} {unit}) not found")
            });
        }
        for nq in d.truth["not_quantities"].as_array().into_iter().flatten() {
            let s = squash(nq.as_str().unwrap_or_default());
            let bad =
                d.report.quantities.iter().find(|q| {
                    squash(&q.text) == s || (s.len() > 3 && squash(&q.text).contains(&s))
                });
            b.score("not_quantity", &d.id, bad.is_none(), || {
                format!("{s} read as a quantity ({:?})", bad.map(|q| &q.text))
            });
        }
        // Every quantity's text is its slice of the input.
        for q in &d.report.quantities {
            let slice: String = d.text.chars().skip(q.start).take(q.end - q.start).collect();
            b.score("span_contract", &d.id, slice == q.text, || {
                format!("{:?} vs input {slice:?}", q.text)
            });
        }
    }
    b.finish("quantities");
}

#[test]
fn checks_match_the_truth() {
    let mut b = Board::default();
    for d in corpus() {
        let messages: Vec<&str> = d.report.checks.iter().map(|c| c.message.as_str()).collect();
        let quotes = |m: &str, n: &str| {
            // The number stands alone in the message (74 is not inside 1742).
            m.match_indices(n).any(|(i, _)| {
                let before = m[..i].chars().next_back();
                let after = m[i + n.len()..].chars().next();
                !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
                    && !after.is_some_and(|c| c.is_ascii_digit())
            })
        };
        for finding in d.truth["checks_expected"].as_array().into_iter().flatten() {
            let nums: Vec<&str> = finding
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let hit = messages.iter().any(|m| nums.iter().all(|n| quotes(m, n)));
            b.score("expected_found", &d.id, hit, || {
                format!("no check quotes {nums:?}; checks: {messages:#?}")
            });
        }
        for finding in d.truth["checks_forbidden"].as_array().into_iter().flatten() {
            let nums: Vec<&str> = finding
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let hit = messages.iter().find(|m| nums.iter().all(|n| quotes(m, n)));
            b.score("forbidden_absent", &d.id, hit.is_none(), || {
                format!("a check quotes {nums:?}, which hold: {hit:?}")
            });
        }
    }
    b.finish("checks");
}
