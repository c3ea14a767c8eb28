//! Shared helpers for the integration tests: fixtures and the span contract.
#![allow(dead_code)]

use xxgk::report::{Report, Section};

pub const SEEDS: [&str; 5] = [
    "000_a76db0a735cfa73f",
    "001_2e44ad171ca045ec",
    "002_ce639bba3c248ba6",
    "003_ed6d354b193d9598",
    "004_3113b365ef35d360",
];

pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The slice of `text` between character offsets.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// The six parts of the 2019/2021 template, in order.
pub const SIX_PARTS: [Option<&str>; 6] = [
    Some("overview"),
    Some("proactive"),
    Some("requests"),
    Some("review_litigation"),
    Some("problems"),
    Some("other"),
];

/// Template keys of the top-level sections.
pub fn canonicals(r: &Report) -> Vec<Option<&str>> {
    r.sections.iter().map(|s| s.canonical.as_deref()).collect()
}

/// Year, publication date, document type and script in one assertion.
pub fn assert_dated(
    r: &Report,
    year: i32,
    published: Option<&str>,
    doc_type: xxgk::report::DocType,
    script: xxgk::report::Script,
) {
    let m = &r.meta;
    assert_eq!(
        (m.year, m.published.as_deref(), m.doc_type, m.script),
        (Some(year), published, doc_type, script)
    );
}

/// The twelve key indicators in their contract order.
pub fn key_values(r: &Report) -> Vec<Option<f64>> {
    let k = &r.key;
    vec![
        k.requests_received,
        k.requests_carried_over_from_last_year,
        k.requests_completed,
        k.requests_carried_to_next_year,
        k.outcome_disclosed,
        k.outcome_partially_disclosed,
        k.outcome_not_disclosed,
        k.outcome_unable_to_provide,
        k.outcome_not_processed,
        k.outcome_other,
        k.review_total,
        k.litigation_total,
    ]
}

pub fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
    for s in sections {
        out.push(s);
        walk(&s.children, out);
    }
}

/// Every span of the report lies inside the input and its text equals the slice.
pub fn assert_spans(input: &str, r: &Report) {
    // byte offset of every char offset, so each slice is O(1)
    let offsets: Vec<usize> = input
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(input.len()))
        .collect();
    let n = offsets.len() - 1;
    let slice = |start: usize, end: usize| &input[offsets[start]..offsets[end]];
    assert_eq!(r.input.chars, n);
    let check = |what: &str, start: usize, end: usize, text: Option<&str>| {
        assert!(
            start <= end && end <= n,
            "{what}: span {start}..{end} outside 0..{n}"
        );
        if let Some(t) = text {
            assert_eq!(slice(start, end), t, "{what}: text differs from its slice");
        }
    };
    for q in &r.quantities {
        check("quantity", q.start, q.end, Some(&q.text));
    }
    for f in &r.furniture {
        check("furniture", f.start, f.end, Some(&f.text));
    }
    for c in &r.meta.cited {
        check("citation", c.start, c.end, Some(&c.text));
    }
    if let Some(t) = &r.meta.title_span {
        check("title", t.start, t.end, Some(&t.text));
    }
    for s in r.key.sources.iter() {
        check("key", s.start, s.end, Some(&s.text));
    }
    for c in &r.checks {
        if let (Some(s), Some(e)) = (c.start, c.end) {
            check("check", s, e, None);
        }
    }
    let mut all = Vec::new();
    walk(&r.sections, &mut all);
    for s in &all {
        check("section", s.start, s.end, None);
        assert!(
            s.start <= s.heading_end && s.heading_end <= s.end,
            "heading inside section"
        );
        let body = slice(s.start, s.heading_end);
        if !s.title.is_empty() {
            assert!(
                body.contains(&s.title),
                "heading {body:?} contains its title {:?}",
                s.title
            );
        }
        for c in &s.children {
            assert!(
                s.start <= c.start && c.end <= s.end,
                "child {:?} inside parent {:?}",
                c.title,
                s.title
            );
            assert!(c.level > s.level);
        }
    }
    // A section ends at its last report line: never on furniture. (Furniture standing between
    // two report lines of a section is listed in `furniture`, so readers skip it.)
    for f in &r.furniture {
        for s in &all {
            assert!(
                !(f.start > s.heading_end && f.start < s.end && f.end >= s.end),
                "section {:?} ends in furniture {:?}",
                s.title,
                f.text
            );
        }
    }
}
