//! The `xxgk` command: JSON for one file, an array for several, JSON lines, standard input,
//! a summary for people, and clear errors with a non-zero exit for unreadable input.

mod common;

use common::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn xxgk(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run xxgk");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn seed_path(i: usize) -> String {
    format!(
        "{}/tests/fixtures/{}.txt",
        env!("CARGO_MANIFEST_DIR"),
        SEEDS[i]
    )
}

#[test]
fn one_file_prints_one_xxgk1_object_equal_to_the_library() {
    let out = xxgk(&["analyze", &seed_path(2)], None);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "xxgk/1");
    let lib = serde_json::to_value(xxgk::analyze(&fixture(SEEDS[2]))).unwrap();
    let mut v2 = v.clone();
    // the CLI reads a file: it says which encoding and format it found
    v2["input"]["encoding"] = serde_json::Value::Null;
    v2["input"]["format"] = serde_json::Value::Null;
    assert_eq!(v2, lib);
    assert_eq!(v["input"]["encoding"], "UTF-8");
    assert_eq!(v["input"]["format"], "text");
}

#[test]
fn several_files_print_an_array_in_argument_order() {
    let paths: Vec<String> = (0..5).map(seed_path).collect();
    let args: Vec<&str> = std::iter::once("analyze")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let out = xxgk(&args, None);
    assert!(out.status.success());
    let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.len(), 5);
    assert_eq!(v[1]["meta"]["year"], 2015);
    assert_eq!(v[4]["meta"]["year"], 2018);
}

#[test]
fn jsonl_prints_one_object_per_line() {
    let (a, b) = (seed_path(0), seed_path(3));
    let out = xxgk(&["analyze", "--jsonl", &a, &b], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["schema"], "xxgk/1");
    }
}

#[test]
fn standard_input_in_gb18030_is_read() {
    let text = fixture(SEEDS[2]);
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let out = xxgk(&["analyze", "-"], Some(&gb));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["encoding"], "gb18030");
    assert_eq!(v["meta"]["agency"], "衢州市人民政府");
}

#[test]
fn unreadable_inputs_give_a_message_and_a_failing_status_but_the_rest_is_analysed() {
    let dir = std::env::temp_dir().join(format!("xxgk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let zip = dir.join("report.txt");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00\x06\x00rest of a zip").unwrap();
    let missing = dir.join("missing.txt");
    let good = seed_path(4);
    let out = xxgk(
        &[
            "analyze",
            zip.to_str().unwrap(),
            missing.to_str().unwrap(),
            &good,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("report.txt") && err.contains("ZIP"), "{err}");
    assert!(
        err.contains("missing.txt") && err.contains("无法读取"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.len(), 1, "the readable file is still analysed");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn summary_is_for_people() {
    let out = xxgk(&["summary", &seed_path(2)], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("衢州市人民政府") && text.contains("总体情况") && text.contains("68.7%"),
        "{text}"
    );
    // The page's words, not the program's names.
    assert!(
        text.contains("文种：年度报告（2019年修订条例）") && text.contains("文字：简体"),
        "{text}"
    );
    assert!(!text.contains("AnnualReport2019") && !text.contains("Simplified"));
    assert!(
        text.contains("[主动公开]") && text.contains("[警告]"),
        "{text}"
    );
}

#[test]
fn no_arguments_is_a_usage_error() {
    let out = xxgk(&["analyze"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .to_lowercase()
        .contains("usage"));
}
