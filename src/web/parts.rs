//! Completeness against the statutory template: for an annual report, each template part
//! with its status — present, empty (a heading only) or missing — as the outline, the
//! Markdown summary and the comparison show it. Missing parts are the ones the analysis
//! reported with a `part_missing` check; a part the template lets a report leave out (the
//! 2008 overview and "other") is `Optional` when absent.

use crate::lexicon::parts::{PARTS_2008, PARTS_2019};
use crate::report::{DocType, Report, Section};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Present,
    Empty,
    Missing,
    Optional,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Present => "present",
            Status::Empty => "empty",
            Status::Missing => "missing",
            Status::Optional => "optional",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Present => "有内容",
            Status::Empty => "空",
            Status::Missing => "缺少",
            Status::Optional => "未写（可不写）",
        }
    }
}

pub struct Part {
    pub key: &'static str,
    pub name: &'static str,
    pub status: Status,
    /// The heading of the part, when present.
    pub span: Option<(usize, usize)>,
}

/// The template's parts with their status; empty for documents that have no template.
pub fn parts(r: &Report) -> Vec<Part> {
    let template = match r.meta.doc_type {
        DocType::AnnualReport2019 => PARTS_2019,
        DocType::AnnualReport2008 => PARTS_2008,
        _ => return Vec::new(),
    };
    let missing: Vec<&str> = r
        .checks
        .iter()
        .filter(|c| c.code == "part_missing")
        .filter_map(|c| c.part.as_deref())
        .collect();
    template
        .iter()
        .map(|&(key, name)| {
            let found = find(&r.sections, key);
            let status = match found {
                Some(s) if s.empty => Status::Empty,
                Some(_) => Status::Present,
                None if missing.contains(&key) => Status::Missing,
                None if r.meta.doc_type == DocType::AnnualReport2019 => Status::Missing,
                None => Status::Optional,
            };
            Part {
                key,
                name,
                status,
                span: found.map(|s| (s.start, s.heading_end.max(s.start))),
            }
        })
        .collect()
}

fn find<'a>(sections: &'a [Section], key: &str) -> Option<&'a Section> {
    sections
        .iter()
        .find(|s| s.canonical.as_deref() == Some(key))
}

/// Counts of present, empty and missing parts.
pub fn counts(parts: &[Part]) -> (usize, usize, usize) {
    let n = |st: Status| parts.iter().filter(|p| p.status == st).count();
    (n(Status::Present), n(Status::Empty), n(Status::Missing))
}

/// Whether the report was published within the legal deadline (the `published_late` check).
#[derive(Debug, Clone, PartialEq)]
pub enum Deadline {
    Late(String),
    OnTime,
    /// Not an annual report, or no year or date to judge by.
    Unknown,
}

impl Deadline {
    pub fn code(&self) -> &'static str {
        match self {
            Deadline::Late(_) => "late",
            Deadline::OnTime => "on_time",
            Deadline::Unknown => "unknown",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Deadline::Late(_) => "逾期发布",
            Deadline::OnTime => "按期发布",
            Deadline::Unknown => "无法判断是否按期",
        }
    }
}

pub fn deadline(r: &Report) -> Deadline {
    if let Some(c) = r.checks.iter().find(|c| c.code == "published_late") {
        return Deadline::Late(c.message.clone());
    }
    let annual = matches!(
        r.meta.doc_type,
        DocType::AnnualReport2019 | DocType::AnnualReport2008
    );
    if annual && r.meta.year.is_some() && r.meta.published.is_some() {
        Deadline::OnTime
    } else {
        Deadline::Unknown
    }
}

/// Number of checks of each severity: errors, warnings, notes.
pub fn severities(r: &Report) -> (usize, usize, usize) {
    use crate::report::Severity;
    let n = |s: Severity| r.checks.iter().filter(|c| c.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}
