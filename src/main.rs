//! `xxgk`: the command-line shell over the core.
//!
//! `xxgk analyze FILE...` prints the `xxgk/1` analysis of each file as JSON: one object for
//! one file, an array for several, one object per line with `--jsonl`; `-` reads standard
//! input. Files are read as bytes through `xxgk::analyze_file`: web pages (.html/.htm/.mht, any
//! declared charset), Word documents (.docx), PDFs with a text layer, and text in UTF-8,
//! UTF-16, GB18030 or Big5; the content decides the format (standard input too), the file name
//! is a hint. A file that cannot be read (a scanned PDF, an old .doc, …) is reported on stderr
//! with the reason and makes the exit status 1; the other files are still analysed. Files are
//! analysed on every core, a chunk at a time, and each result is written as soon as its turn
//! comes, so memory stays bounded on large batches. `xxgk summary FILE...` prints a short
//! human summary. `xxgk compare FILE...` compares many reports (`xxgk::compare`): the
//! `xxgk-compare/1` JSON, `--csv` the overview table, `--xlsx OUT` the workbook, `--series`
//! for files the user knows to be one body's.

use clap::{Parser, Subcommand};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use xxgk::report::Report;

#[derive(Parser)]
#[command(
    name = "xxgk",
    version,
    about = "读取政府信息公开工作年度报告：结构、数字与核对"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis of each file as xxgk/1 JSON.
    Analyze {
        /// Files to analyse; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per line instead of a JSON array.
        #[arg(long)]
        jsonl: bool,
        /// Indent the JSON for reading.
        #[arg(long)]
        pretty: bool,
    },
    /// Print a short summary of each file for people.
    Summary {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare many reports: the overview, series by body and year, cross-year checks,
    /// duplicates and outliers, as xxgk-compare/1 JSON.
    Compare {
        /// Files to compare; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the overview table as CSV (UTF-8 with BOM) instead of JSON.
        #[arg(long)]
        csv: bool,
        /// Also write the comparison as an Excel workbook to this file.
        #[arg(long, value_name = "OUT")]
        xlsx: Option<PathBuf>,
        /// Treat all files as the reports of one body (instead of matching bodies by name).
        #[arg(long)]
        series: bool,
        /// Indent the JSON for reading.
        #[arg(long)]
        pretty: bool,
    },
}

fn read_input(path: &PathBuf) -> Result<Report, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("-: 无法读取标准输入：{e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{}: 无法读取文件：{e}", path.display()))?
    };
    let name = if path.as_os_str() == "-" {
        String::new() // standard input: the content decides the format
    } else {
        path.to_string_lossy().into_owned()
    };
    let extracted =
        xxgk::extract(&bytes, &name).map_err(|e| format!("{}: {}", path.display(), e.message))?;
    // (the file's bytes are not needed once its text is out)
    drop(bytes);
    Ok(xxgk::analyze_extracted(extracted).report)
}

/// Files analysed at once: enough to keep every core busy, few enough that memory stays
/// bounded however many files are given (results are written and dropped chunk by chunk).
const CHUNK: usize = 256;

/// Analyses every file in parallel, chunk by chunk, and hands each result to `emit` in the
/// order of the arguments. Shows progress on a terminal.
fn analyse_in_order(
    files: &[PathBuf],
    mut emit: impl FnMut(&PathBuf, Result<Report, String>) -> io::Result<()>,
) -> io::Result<()> {
    let done = AtomicUsize::new(0);
    let show = files.len() > 1 && io::stderr().is_terminal();
    for chunk in files.chunks(CHUNK) {
        let results: Vec<Result<Report, String>> = chunk
            .par_iter()
            .map(|f| {
                let r = read_input(f);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if show {
                    eprint!("\r已分析 {n}/{} 个文件", files.len());
                }
                r
            })
            .collect();
        for (f, r) in chunk.iter().zip(results) {
            emit(f, r)?;
        }
    }
    if show {
        eprintln!();
    }
    Ok(())
}

/// Reads and analyses every file for `compare`, in parallel, keeping the text each report's
/// spans point into; in argument order. Shows progress on a terminal.
fn read_for_compare(files: &[PathBuf]) -> Vec<(String, Result<xxgk::FileAnalysis, String>)> {
    let done = AtomicUsize::new(0);
    let show = files.len() > 1 && io::stderr().is_terminal();
    let out = files
        .par_iter()
        .map(|path| {
            let r = if path.as_os_str() == "-" {
                let mut buf = Vec::new();
                io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("-: 无法读取标准输入：{e}"))
                    .and_then(|_| {
                        xxgk::analyze_file(&buf, "").map_err(|e| format!("-: {}", e.message))
                    })
            } else {
                std::fs::read(path)
                    .map_err(|e| format!("{}: 无法读取文件：{e}", path.display()))
                    .and_then(|bytes| {
                        let e = xxgk::extract(&bytes, &path.to_string_lossy());
                        // (the bytes are freed before the analysis, as in `read_input`)
                        drop(bytes);
                        e.map(xxgk::analyze_extracted)
                            .map_err(|e| format!("{}: {}", path.display(), e.message))
                    })
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if show {
                eprint!("\r已分析 {n}/{} 个文件", files.len());
            }
            (path.display().to_string(), r)
        })
        .collect();
    if show {
        eprintln!();
    }
    out
}

/// `xxgk compare`: prints the comparison (JSON, or the overview as CSV) and writes the
/// workbook when asked. Returns whether a file could not be read.
fn run_compare(
    out: &mut impl Write,
    files: &[PathBuf],
    csv: bool,
    xlsx: Option<&std::path::Path>,
    series: bool,
    pretty: bool,
) -> io::Result<bool> {
    use xxgk::compare;
    let mut failed = false;
    let read: Vec<(String, xxgk::FileAnalysis)> = read_for_compare(files)
        .into_iter()
        .filter_map(|(name, r)| match r {
            Ok(a) => Some((name, a)),
            Err(msg) => {
                eprintln!("xxgk: {msg}");
                failed = true;
                None
            }
        })
        .collect();
    let inputs: Vec<compare::Input> = read
        .iter()
        .map(|(name, a)| compare::Input {
            name,
            text: &a.text,
            report: &a.report,
        })
        .collect();
    let options = compare::Options {
        one_series: series,
        groups: Vec::new(),
    };
    let c = compare::compare(&inputs, &options);
    if let Some(path) = xlsx {
        match compare::workbook(&c).map(|bytes| std::fs::write(path, bytes)) {
            Ok(Ok(())) => eprintln!("xxgk: 已写入 {}", path.display()),
            Ok(Err(e)) => {
                eprintln!("xxgk: {}: 无法写入文件：{e}", path.display());
                failed = true;
            }
            Err(msg) => {
                eprintln!("xxgk: {msg}");
                failed = true;
            }
        }
    }
    if csv {
        out.write_all(compare::overview_csv(&c).as_bytes())?;
    } else if xlsx.is_none() {
        out.write_all(compare::to_json(&c, pretty).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(failed)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut failed = false;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Analyze {
            files,
            jsonl,
            pretty,
        } => {
            // One file: an object; several: an array (or JSON lines), written as results come.
            let array = files.len() > 1 && !jsonl;
            let mut written = 0usize;
            let mut res = if array { out.write_all(b"[") } else { Ok(()) };
            res = res.and_then(|_| {
                analyse_in_order(&files, |_, r| match r {
                    Ok(rep) => {
                        if array && written > 0 {
                            out.write_all(b",")?;
                        }
                        if array && pretty {
                            out.write_all(b"\n")?;
                        }
                        write_json(&mut out, &rep, pretty)?;
                        if !array {
                            out.write_all(b"\n")?;
                        }
                        written += 1;
                        Ok(())
                    }
                    Err(msg) => {
                        eprintln!("xxgk: {msg}");
                        failed = true;
                        Ok(())
                    }
                })
            });
            if array {
                res = res.and_then(|_| out.write_all(b"]\n"));
            }
            res
        }
        Command::Compare {
            files,
            csv,
            xlsx,
            series,
            pretty,
        } => run_compare(&mut out, &files, csv, xlsx.as_deref(), series, pretty).map(|f| {
            failed |= f;
        }),
        Command::Summary { files } => analyse_in_order(&files, |f, r| match r {
            Ok(rep) => write_summary(&mut out, f, &rep),
            Err(msg) => {
                eprintln!("xxgk: {msg}");
                failed = true;
                Ok(())
            }
        }),
    };
    if let Err(e) = result.and_then(|_| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("xxgk: 输出失败：{e}");
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn write_json(out: &mut impl Write, r: &Report, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, r).map_err(io::Error::other)
    } else {
        serde_json::to_writer(&mut *out, r).map_err(io::Error::other)
    }
}

/// The number as the report writes it: 一、 (一) 1. (1) ① 第一部分.
fn numbered(s: &xxgk::report::Section) -> String {
    let Some(n) = s.number.as_deref() else {
        return String::new();
    };
    match s.style.as_str() {
        "cn_paren" | "arabic_paren" => format!("({n})"),
        "arabic_dot" => format!("{n}."),
        "circled" => n.to_owned(),
        "part" => format!("第{n}部分 "),
        _ => format!("{n}、"),
    }
}

fn write_summary(out: &mut impl Write, path: &std::path::Path, r: &Report) -> io::Result<()> {
    let m = &r.meta;
    writeln!(out, "{}", path.display())?;
    writeln!(
        out,
        "  标题：{}",
        m.title.as_deref().unwrap_or("（未识别）")
    )?;
    writeln!(
        out,
        "  机关：{}  年度：{}  发布：{}  文种：{}  文字：{}",
        m.agency.as_deref().unwrap_or("—"),
        m.year.map_or("—".to_owned(), |y| y.to_string()),
        m.published.as_deref().unwrap_or("—"),
        m.doc_type.label(),
        m.script.label()
    )?;
    for n in &m.notes {
        writeln!(out, "  注：{n}")?;
    }
    writeln!(out, "  章节：")?;
    for s in &r.sections {
        writeln!(
            out,
            "    {}{}{}{}",
            numbered(s),
            if s.title.is_empty() {
                "（无标题）"
            } else {
                &s.title
            },
            s.canonical
                .as_deref()
                .map(|c| format!("  [{}]", xxgk::lexicon::parts::part_label(c).unwrap_or(c)))
                .unwrap_or_default(),
            if s.empty { "  （空）" } else { "" }
        )?;
    }
    writeln!(out, "  数量：{} 个", r.quantities.len())?;
    for c in &r.checks {
        writeln!(out, "  [{}] {}", c.severity.label(), c.message)?;
    }
    Ok(())
}
