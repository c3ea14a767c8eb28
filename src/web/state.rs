//! The page's state and its transitions (a Yew reducer): the analysed text with its report,
//! the files opened, the span the document view should show, and notices for the user.

use crate::report::Report;
use std::rc::Rc;
use yew::Reducible;

/// Where the text being analysed came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Typed,
    Sample,
    /// A file, with the encoding it was decoded from.
    File {
        name: String,
        encoding: String,
    },
}

/// One analysis: the exact text analysed (spans point into it) and its report.
#[derive(Debug, PartialEq)]
pub struct Analysis {
    pub text: Rc<str>,
    pub report: Report,
    pub origin: Origin,
    /// Time the analysis took, in milliseconds.
    pub millis: f64,
}

/// A file the user opened, read or refused.
#[derive(Debug, PartialEq)]
pub struct OpenedFile {
    pub name: String,
    pub size: f64,
    pub result: Result<Rc<Analysis>, String>,
}

/// A span the document view should scroll to and mark; `seq` makes a repeated click count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub start: usize,
    pub end: usize,
    pub seq: u32,
}

/// A message for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

#[derive(Debug, Default, PartialEq)]
pub struct State {
    pub current: Option<Rc<Analysis>>,
    pub files: Vec<Rc<OpenedFile>>,
    pub focus: Option<Focus>,
    pub notice: Option<Notice>,
    /// Set once the storage refused the text, so the warning is given once.
    pub storage_failed: bool,
}

pub enum Action {
    Analyzed(Rc<Analysis>),
    FilesOpening,
    FileRead(Rc<OpenedFile>),
    Focus { start: usize, end: usize },
    Notice(Option<Notice>),
    StorageFailed,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = State {
            current: self.current.clone(),
            files: self.files.clone(),
            focus: self.focus,
            notice: self.notice.clone(),
            storage_failed: self.storage_failed,
        };
        match action {
            Action::Analyzed(a) => {
                // Offsets of the old text mean nothing in the new one.
                if next.current.as_ref().map(|c| &c.text) != Some(&a.text) {
                    next.focus = None;
                }
                next.current = Some(a);
            }
            Action::FilesOpening => next.files.clear(),
            Action::FileRead(f) => next.files.push(f),
            Action::Focus { start, end } => {
                let seq = self.focus.map_or(0, |f| f.seq.wrapping_add(1));
                next.focus = Some(Focus { start, end, seq });
            }
            Action::Notice(n) => next.notice = n,
            Action::StorageFailed => {
                if !self.storage_failed {
                    next.storage_failed = true;
                    next.notice = Some(Notice {
                        text: "浏览器不允许在本机保存文字（可能是隐私设置或文字过长）：刷新或关闭页面前请自行保存。".into(),
                        is_error: true,
                    });
                }
            }
        }
        Rc::new(next)
    }
}

/// An analysis shared between components; equal when it is the same analysis, so that a
/// re-render compares a pointer, not a whole report.
#[derive(Debug, Clone)]
pub struct Shared(pub Rc<Analysis>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Analysis;
    fn deref(&self) -> &Analysis {
        &self.0
    }
}
