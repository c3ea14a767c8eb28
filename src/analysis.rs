//! The pipeline: runs each stage once, in order, and assembles the [`Report`].
//!
//! Stages work on the normalized text with byte ranges; this module is the only place that
//! turns those ranges into the report's character spans (through [`Text::span`]), so the
//! span contract is kept in one place.

use crate::checks::{self, Context};
use crate::input::decode::Decoded;
use crate::key::{self, KeyValue};
use crate::lexicon::parts::Era;
use crate::numbers::quantities;
use crate::page::{furniture, meta, title};
use crate::report::*;
use crate::structure::sections::{self, Node};
use crate::tables;
use crate::text::normalize::Text;
use crate::text::{layout, lines};
use std::ops::Range;

pub(crate) fn run(input: &str, decoded: Option<&Decoded>) -> Report {
    run_observed(input, decoded, &mut |_| {})
}

/// [`run`], calling `done(stage)` as each stage ends (for profiling tools: the core keeps no
/// clock, so the same hook times the stages natively and in the page). The stages, in order:
/// [`STAGES`].
pub(crate) fn run_observed(
    input: &str,
    decoded: Option<&Decoded>,
    done: &mut dyn FnMut(&'static str),
) -> Report {
    let mut text = Text::new(input);
    done("normalize");
    layout::recover(&mut text);
    done("layout");
    let text = text;
    let norm = text.norm.as_str();
    let lines = lines::split(norm);
    done("lines");
    let title = title::find(norm, &lines);
    let furn = furniture::detect(norm, &lines, title.as_ref());
    done("title+furniture");
    let dates = crate::scan::dates::find_all(norm);
    let found = meta::extract(norm, &lines, &furn, title.as_ref(), &dates);
    let era = era_of(norm, found.year);
    done("meta");
    let tables::Found {
        tables: raw_tables,
        unread,
    } = tables::find(norm);
    let table_ranges = table_spans(norm, &raw_tables);
    done("tables");
    let mut tree = sections::build(norm, &lines, &furn, title.as_ref(), era, &table_ranges);
    let doc_type = doc_type(
        title.as_ref().map(|t| t.text.as_str()),
        found.opening.annual,
        &tree,
        era,
    );
    if !doc_type.is_annual() {
        // Only annual reports have an overview without a heading. Their parts keep the
        // template key their titles name (a work summary's 依申请公开情况 is the requests part),
        // but only annual reports are checked for completeness.
        tree.retain(|n| n.style.name() != "none" || n.number.is_some() || !n.title.is_empty());
    }
    done("sections");
    let excluded = excluded_ranges(&lines, &furn, &found, &dates, &table_ranges);
    let qs = quantities::extract(norm, &excluded);
    done("quantities");
    let parts: Vec<(Option<&str>, Range<usize>)> = tree
        .iter()
        .map(|n| (n.canonical, n.heading.end.min(n.range.end)..n.range.end))
        .collect();
    let mut prose = key::from_prose(norm, &qs, &parts);
    let stated: Vec<&str> = prose.iter().map(|k| k.field).collect();
    let zeros: Vec<key::KeyValue> = key::zeros_in_words(norm, &parts)
        .into_iter()
        .filter(|z| !stated.contains(&z.field))
        .collect();
    prose.extend(zeros);
    let (table_keys, key_gaps) = key::from_tables(&raw_tables, &unread);
    let keys = key::merge(table_keys, &key_gaps, prose);
    done("key");
    let findings = checks::run(&Context {
        norm,
        lines: &lines,
        furniture: &furn,
        meta: &found,
        doc_type,
        era,
        sections: &tree,
        quantities: &qs,
        key: &keys,
        has_table3: raw_tables.iter().any(|t| t.id == tables::TableId::Table3),
        tables: &table_ranges,
    });
    let gap_findings = key_gaps.iter().map(|g| {
        checks::Finding::new(
            "key_unknown",
            Severity::Info,
            format!("{}未给出：{}", key::field_name(g.field), g.why),
            Some(g.range.clone()),
        )
    });
    let table_findings = tables::table_checks(&raw_tables)
        .into_iter()
        .map(|c| checks::Finding::new(c.code, c.severity, c.message, c.range))
        .chain(gap_findings);
    let findings: Vec<checks::Finding> = table_findings.chain(findings).collect();
    done("checks");

    let report = Report {
        schema: SCHEMA.to_owned(),
        meta: meta_of(&text, &found, title.as_ref(), doc_type),
        sections: tree.iter().map(|n| section_of(&text, n)).collect(),
        quantities: qs.iter().map(|q| quantity_of(&text, q, &tree)).collect(),
        key: key_of(&text, &keys),
        tables: raw_tables.iter().map(|t| table_of(&text, t)).collect(),
        checks: findings
            .into_iter()
            .map(|f| {
                let span = f.range.map(|r| text.orig_range(r));
                Check {
                    code: f.code.to_owned(),
                    severity: f.severity,
                    message: f.message,
                    start: span.as_ref().map(|s| s.start),
                    end: span.map(|s| s.end),
                    part: f.part.map(str::to_owned),
                }
            })
            .collect(),
        furniture: furn
            .hits
            .iter()
            .map(|h| {
                let s = text.span(lines[h.line].range.clone());
                Furniture {
                    kind: h.kind.to_owned(),
                    start: s.start,
                    end: s.end,
                    text: s.text,
                }
            })
            .collect(),
        input: InputInfo {
            chars: text.orig_chars(),
            encoding: decoded.map(|d| d.encoding.to_owned()),
            format: None,
            diagnostics: decoded.map(|d| d.notes.clone()).unwrap_or_default(),
        },
    };
    done("report");
    report
}

/// The stages [`run_observed`] reports, in order.
pub const STAGES: [&str; 11] = [
    "normalize",
    "layout",
    "lines",
    "title+furniture",
    "meta",
    "tables",
    "sections",
    "quantities",
    "key",
    "checks",
    "report",
];

/// The tables' ranges in text order, neighbours with only white space between them merged
/// (a document of many tables gives the later stages few ranges to look through).
fn table_spans(norm: &str, tables: &[tables::RawTable]) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = tables.iter().map(|t| t.range.clone()).collect();
    spans.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match out.last_mut() {
            Some(last)
                if r.start <= last.end
                    || norm
                        .get(last.end..r.start)
                        .is_some_and(|gap| gap.trim().is_empty()) =>
            {
                last.end = last.end.max(r.end)
            }
            _ => out.push(r),
        }
    }
    out
}

/// 2008-regulation reports cover 2008–2018; the structure settles a missing year.
fn era_of(norm: &str, year: Option<i32>) -> Era {
    match year {
        Some(y) if y <= 2018 => Era::Y2008,
        Some(_) => Era::Y2019,
        None if norm.contains("收费及减免") || norm.contains("收费和减免") => Era::Y2008,
        None => Era::Y2019,
    }
}

/// The kind of document, from its title, its opening sentence and its structure. A
/// report that calls itself an annual report is one even when cut short.
fn doc_type(title: Option<&str>, opening_annual: bool, tree: &[Node], era: Era) -> DocType {
    let t = title.unwrap_or("");
    let annual = match era {
        Era::Y2008 => DocType::AnnualReport2008,
        Era::Y2019 => DocType::AnnualReport2019,
    };
    if meta::title_is_annual(t) {
        return annual;
    }
    // A part of a year (上半年, 第一季度) or a plan is not a review of the year.
    if ["半年", "季度", "月份", "工作计划", "计划", "方案"]
        .iter()
        .any(|w| t.contains(w))
    {
        return DocType::Other;
    }
    // 工作要点落实情况 looks back at the year's work points; 工作要点 alone plans them.
    if t.contains("总结")
        || t.contains("落实情况")
        || t.contains("情况报告")
        || t.contains("工作情况")
    {
        return DocType::WorkSummary;
    }
    if t.contains("工作要点") || t.contains("数据统计") {
        return DocType::Other;
    }
    if opening_annual && !t.contains("通知") && !t.contains("意见") {
        return annual;
    }
    let mut parts: Vec<&str> = tree.iter().filter_map(|n| n.part).collect();
    parts.dedup();
    if parts.len() >= 4 {
        return annual;
    }
    DocType::Other
}

/// Ranges whose numbers are not quantities: furniture lines, 《titles》, document numbers,
/// dates, phone numbers, e-mail and web addresses.
fn excluded_ranges(
    lines: &[lines::Line],
    furn: &furniture::Furniture,
    found: &meta::Found,
    dates: &[(usize, crate::scan::dates::Date, usize)],
    tables: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut ex: Vec<Range<usize>> = furn
        .hits
        .iter()
        .map(|h| lines[h.line].raw.clone())
        .collect();
    for c in &found.cited {
        if let Some(t) = &c.title {
            ex.push(t.clone());
        }
        if let Some(n) = &c.number_range {
            ex.push(n.clone());
        }
    }
    for &(at, _, len) in dates {
        ex.push(at..at + len);
    }
    ex.extend(tables.iter().cloned());
    ex.extend(found.phones.iter().cloned());
    ex.extend(found.emails.iter().cloned());
    ex.extend(found.websites.iter().cloned());
    ex.sort_by_key(|r| (r.start, r.end));
    // merge overlaps so the scanner can walk them in order
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ex.len());
    for r in ex {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn meta_of(text: &Text, f: &meta::Found, title: Option<&title::Title>, doc_type: DocType) -> Meta {
    let span = |r: &Range<usize>| text.span(r.clone());
    let title_span = title.map(|t| text.span(t.range.clone()));
    Meta {
        // The title as written, without its line breaks.
        title: title_span
            .as_ref()
            .map(|s| s.text.replace(['\n', '\r'], "")),
        // As written, without the line breaks a layout put inside the name.
        agency: f
            .agency_range
            .as_ref()
            .map(|r| span(r).text.replace(['\n', '\r'], "")),
        year: f.year,
        published: f.published.map(|d| d.iso()),
        doc_type,
        script: text.script,
        title_span,
        published_source: f.published_source.map(str::to_owned),
        index_number: f.index_number.as_ref().map(|r| span(r).text),
        doc_number: f.doc_number.as_ref().map(|r| span(r).text),
        period: f.period.as_ref().map(|(from, to, r)| {
            let s = span(r);
            Period {
                from: from.iso(),
                to: to.iso(),
                start: s.start,
                end: s.end,
                text: s.text,
            }
        }),
        contacts: Contacts {
            phones: f.phones.iter().map(span).collect(),
            emails: f.emails.iter().map(span).collect(),
            websites: f.websites.iter().map(span).collect(),
            addresses: f.addresses.iter().map(span).collect(),
        },
        agency_source: f.agency_source.map(str::to_owned),
        notes: f.notes.clone(),
        cited: f
            .cited
            .iter()
            .map(|c| {
                let s = span(&c.range);
                Citation {
                    title: c.title.as_ref().map(|t| span(t).text),
                    number: c.number.clone(),
                    start: s.start,
                    end: s.end,
                    text: s.text,
                }
            })
            .collect(),
    }
}

fn section_of(text: &Text, n: &Node) -> Section {
    let r = text.orig_range(n.range.clone());
    Section {
        number: n.number.as_ref().map(|x| text.span(x.clone()).text),
        title: text.span(n.title.clone()).text,
        canonical: n.canonical.map(str::to_owned),
        level: n.level,
        start: r.start,
        end: r.end,
        empty: n.empty,
        children: n.children.iter().map(|c| section_of(text, c)).collect(),
        heading_end: text.orig_range(n.heading.clone()).end,
        style: if n.number.is_none() && n.title.is_empty() {
            "implicit".to_owned()
        } else {
            n.style.name().to_owned()
        },
    }
}

/// The top-level section a position falls in: its template key, else its title.
/// `tree` is in text order (sections do not overlap), so this is a binary search.
fn section_label(text: &Text, tree: &[Node], at: usize) -> Option<String> {
    // top-level sections are in text order: the last one starting at or before `at`
    let n = &tree[tree
        .partition_point(|n| n.range.start <= at)
        .checked_sub(1)?];
    if at > n.range.end {
        return None;
    }
    Some(match n.canonical {
        Some(k) => k.to_owned(),
        None => text.span(n.title.clone()).text,
    })
}

fn quantity_of(text: &Text, q: &quantities::Found, tree: &[Node]) -> Quantity {
    let s = text.span(q.range.clone());
    Quantity {
        value: q.value,
        unit: q.unit.to_owned(),
        text: s.text,
        approx: q.approx,
        start: s.start,
        end: s.end,
        section: section_label(text, tree, q.range.start),
        value_to: q.value_to,
    }
}

/// The slot of a key field.
fn key_slot<'a>(k: &'a mut Key, field: &str) -> Option<&'a mut Option<f64>> {
    Some(match field {
        "requests_received" => &mut k.requests_received,
        "requests_carried_over_from_last_year" => &mut k.requests_carried_over_from_last_year,
        "requests_completed" => &mut k.requests_completed,
        "requests_carried_to_next_year" => &mut k.requests_carried_to_next_year,
        "outcome_disclosed" => &mut k.outcome_disclosed,
        "outcome_partially_disclosed" => &mut k.outcome_partially_disclosed,
        "outcome_not_disclosed" => &mut k.outcome_not_disclosed,
        "outcome_unable_to_provide" => &mut k.outcome_unable_to_provide,
        "outcome_not_processed" => &mut k.outcome_not_processed,
        "outcome_other" => &mut k.outcome_other,
        "review_total" => &mut k.review_total,
        "litigation_total" => &mut k.litigation_total,
        "outcome_disclosed_combined" => &mut k.outcome_disclosed_combined,
        "rules_issued" => &mut k.rules_issued,
        "rules_repealed" => &mut k.rules_repealed,
        "rules_in_force" => &mut k.rules_in_force,
        "rules_published" => &mut k.rules_published,
        "rules_published_total" => &mut k.rules_published_total,
        "normative_documents_issued" => &mut k.normative_documents_issued,
        "normative_documents_repealed" => &mut k.normative_documents_repealed,
        "normative_documents_in_force" => &mut k.normative_documents_in_force,
        "normative_documents_published" => &mut k.normative_documents_published,
        "normative_documents_published_total" => &mut k.normative_documents_published_total,
        "licensing_decisions" => &mut k.licensing_decisions,
        "licensing_items_last_year" => &mut k.licensing_items_last_year,
        "licensing_items_change" => &mut k.licensing_items_change,
        "other_services_decisions" => &mut k.other_services_decisions,
        "other_services_items_last_year" => &mut k.other_services_items_last_year,
        "other_services_items_change" => &mut k.other_services_items_change,
        "penalty_decisions" => &mut k.penalty_decisions,
        "penalty_items_last_year" => &mut k.penalty_items_last_year,
        "penalty_items_change" => &mut k.penalty_items_change,
        "coercion_decisions" => &mut k.coercion_decisions,
        "coercion_items_last_year" => &mut k.coercion_items_last_year,
        "coercion_items_change" => &mut k.coercion_items_change,
        "fees_amount" => &mut k.fees_amount,
        "fees_items_last_year" => &mut k.fees_items_last_year,
        "fees_items_change" => &mut k.fees_items_change,
        "procurement_items" => &mut k.procurement_items,
        "procurement_amount" => &mut k.procurement_amount,
        _ => return None,
    })
}

fn key_of(text: &Text, keys: &[KeyValue]) -> Key {
    let mut k = Key::default();
    for kv in keys {
        let Some(slot) = key_slot(&mut k, kv.field) else {
            continue;
        };
        if slot.is_some() {
            continue;
        }
        *slot = Some(kv.value);
        let s = text.span(kv.range.clone());
        k.sources.push(KeySource {
            field: kv.field.to_owned(),
            value: kv.value,
            from: kv.from.to_owned(),
            start: s.start,
            end: s.end,
            text: s.text,
            note: kv.note.clone(),
        });
    }
    k
}

fn table_of(text: &Text, t: &tables::RawTable) -> Table {
    let r = text.orig_range(t.range.clone());
    Table {
        id: t.id.as_str().to_owned(),
        title: t.title.clone(),
        template: t.template.map(str::to_owned),
        form: t.form.to_owned(),
        start: r.start,
        end: r.end,
        columns: t.columns.clone(),
        rows: t
            .rows
            .iter()
            .map(|row| TableRow {
                label: row.label.clone(),
                key: row.key.to_owned(),
                cells: row
                    .cells
                    .iter()
                    .map(|c| {
                        let s = text.span(c.range.clone());
                        Cell {
                            value: c.value,
                            text: s.text,
                            start: s.start,
                            end: s.end,
                            status: c.status.as_str().to_owned(),
                        }
                    })
                    .collect(),
                columns: row.columns.iter().map(|c| (*c).to_owned()).collect(),
                note: row.note.clone(),
            })
            .collect(),
    }
}
