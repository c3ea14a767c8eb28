//! The page's state and its transitions (a Yew reducer): the analysed text with its report,
//! the files opened, the span the document view should show, and notices for the user.

use super::storage::{self, SavedFile};
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

/// Which view the page shows: one report, or all loaded reports side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Single,
    Compare,
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
    pub view: View,
    /// An analysis of the editor's text is running (in the worker, or about to).
    pub busy: bool,
}

pub enum Action {
    Analyzed(Rc<Analysis>),
    /// Files read in a batch: each replaces an entry of the same name, or is added.
    FileRead(Rc<OpenedFile>),
    /// Several files read at once (a batch of many): as `FileRead` for each, saved once.
    FilesRead(Vec<Rc<OpenedFile>>),
    /// The files saved in this browser, read back at start.
    FilesRestored(Vec<Rc<OpenedFile>>),
    RemoveFile(usize),
    /// 清除本机数据: everything forgotten.
    ClearAll,
    View(View),
    Busy(bool),
    Focus {
        start: usize,
        end: usize,
    },
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
            view: self.view,
            busy: self.busy,
        };
        match action {
            Action::Analyzed(a) => {
                // Offsets of the old text mean nothing in the new one.
                if next.current.as_ref().map(|c| &c.text) != Some(&a.text) {
                    next.focus = None;
                }
                next.current = Some(a);
                next.busy = false;
            }
            Action::FileRead(f) => {
                match next.files.iter().position(|g| g.name == f.name) {
                    Some(i) => next.files[i] = f,
                    None => next.files.push(f),
                }
                next.save_files();
            }
            Action::FilesRead(list) => {
                for f in list {
                    match next.files.iter().position(|g| g.name == f.name) {
                        Some(i) => next.files[i] = f,
                        None => next.files.push(f),
                    }
                }
                next.save_files();
            }
            Action::FilesRestored(list) => {
                for f in list {
                    if !next.files.iter().any(|g| g.name == f.name) {
                        next.files.push(f);
                    }
                }
            }
            Action::RemoveFile(i) => {
                if i < next.files.len() {
                    next.files.remove(i);
                    next.save_files();
                }
                if next.files.iter().filter(|f| f.result.is_ok()).count() < 2 {
                    next.view = View::Single;
                }
            }
            Action::ClearAll => {
                next = State {
                    notice: Some(Notice {
                        text: "已清除本机保存的全部文字和文件。".into(),
                        is_error: false,
                    }),
                    ..State::default()
                };
            }
            Action::View(v) => next.view = v,
            Action::Busy(b) => next.busy = b,
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

impl State {
    /// Saves the readable files (their decoded text) so that they survive a reload.
    fn save_files(&mut self) {
        let list: Vec<SavedFile> = self
            .files
            .iter()
            .filter_map(|f| {
                let a = f.result.as_ref().ok()?;
                Some(SavedFile {
                    name: f.name.clone(),
                    size: f.size,
                    encoding: a.report.input.encoding.clone(),
                    diagnostics: a.report.input.diagnostics.clone(),
                    text: a.text.to_string(),
                })
            })
            .collect();
        if !storage::save_files(&list) && !self.storage_failed {
            self.storage_failed = true;
            self.notice = Some(Notice {
                text: "浏览器不允许在本机保存这些文件（可能是隐私设置或文件过大）：刷新页面后需重新打开。".into(),
                is_error: true,
            });
        }
    }

    /// The analyses to compare: every readable file, and the editor's text when it is not
    /// one of them; each with a label.
    pub fn reports(&self) -> Vec<(String, Rc<Analysis>)> {
        let mut out: Vec<(String, Rc<Analysis>)> = self
            .files
            .iter()
            .filter_map(|f| f.result.as_ref().ok().map(|a| (f.name.clone(), a.clone())))
            .collect();
        if let Some(c) = &self.current {
            if !c.text.trim().is_empty() && !out.iter().any(|(_, a)| a.text == c.text) {
                out.push(("编辑区文字".into(), c.clone()));
            }
        }
        out
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
