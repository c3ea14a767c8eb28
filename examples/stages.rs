//! The analysis stage by stage: time and MB/s of each stage (decode, the pipeline's stages as
//! `xxgk::analyze_observed` reports them, and writing the JSON), over files analysed one after
//! another, as a batch sees them.
//!
//! `cargo run --release --example stages [ROUNDS] [FILE…]` — without files, the seeds and the
//! corpus in tests/fixtures; ROUNDS (default 50) passes over the whole set, the best pass of
//! each stage kept (the least disturbed by other work on the machine).
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = match args.first().and_then(|a| a.parse().ok()) {
        Some(n) => {
            args.remove(0);
            n
        }
        None => 50,
    };
    let files = if args.is_empty() {
        fixtures()
    } else {
        args.iter().map(std::path::PathBuf::from).collect()
    };
    let inputs: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display())))
        .collect();
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let mut names: Vec<&'static str> = vec!["decode"];
    names.extend(xxgk::STAGES);
    names.push("json");
    let mut best = vec![f64::INFINITY; names.len()];
    let mut best_total = f64::INFINITY;
    for _ in 0..rounds {
        let mut times = vec![0.0f64; names.len()];
        let round = Instant::now();
        for input in &inputs {
            let t = Instant::now();
            let Ok(decoded) = xxgk::decode(input) else {
                continue;
            };
            times[0] += t.elapsed().as_secs_f64();
            let mut last = Instant::now();
            let mut k = 1;
            let report = xxgk::analyze_observed(&decoded.text, &mut |_| {
                let now = Instant::now();
                times[k] += (now - last).as_secs_f64();
                last = now;
                k += 1;
            });
            let t = Instant::now();
            let mut out = Vec::with_capacity(input.len() * 2);
            serde_json::to_writer(&mut out, &report).expect("JSON");
            std::hint::black_box(&out);
            *times.last_mut().expect("json") += t.elapsed().as_secs_f64();
        }
        best_total = best_total.min(round.elapsed().as_secs_f64());
        for (b, t) in best.iter_mut().zip(&times) {
            *b = b.min(*t);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {:.2} MB, best of {rounds} passes (load: {})",
        inputs.len(),
        mb,
        load()
    );
    println!(
        "{:<16} {:>9} {:>7} {:>10}",
        "stage", "ms/MB", "share", "MB/s"
    );
    let sum: f64 = best.iter().sum();
    for (name, t) in names.iter().zip(&best) {
        println!(
            "{name:<16} {:>9.3} {:>6.1}% {:>10.0}",
            t * 1e3 / mb,
            t / sum * 100.0,
            mb / t
        );
    }
    println!(
        "{:<16} {:>9.3} {:>7} {:>10.1}",
        "whole pass",
        best_total * 1e3 / mb,
        "",
        mb / best_total
    );
}

/// The seeds and the corpus.
fn fixtures() -> Vec<std::path::PathBuf> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = Vec::new();
    for dir in [root.to_owned(), format!("{root}/corpus")] {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut v: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        v.sort();
        out.extend(v);
    }
    out
}

/// The machine's load average, to print beside the figures.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}
