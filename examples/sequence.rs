//! Per-seed time when the seeds are analysed one after another, against each seed analysed
//! over and over: shows where a batch loses time. Usage: cargo run --release --example sequence
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("fixtures")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).expect("seed"),
            )
        })
        .collect();
    seeds.sort();
    let rounds = 400;
    // `seq` or `alone` runs only that loop (for perf stat); no argument runs both and compares.
    match std::env::args().nth(1).as_deref() {
        Some("seq") => {
            for _ in 0..rounds * 5 {
                for (_, t) in &seeds {
                    std::hint::black_box(xxgk::analyze(t));
                }
            }
            return;
        }
        Some("alone") => {
            for (_, t) in &seeds {
                for _ in 0..rounds * 5 {
                    std::hint::black_box(xxgk::analyze(t));
                }
            }
            return;
        }
        _ => {}
    }
    let mut seq = vec![0f64; seeds.len()];
    for _ in 0..rounds {
        for (k, (_, t)) in seeds.iter().enumerate() {
            let t0 = Instant::now();
            std::hint::black_box(xxgk::analyze(t));
            seq[k] += t0.elapsed().as_secs_f64();
        }
    }
    for (k, (name, t)) in seeds.iter().enumerate() {
        let t0 = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(xxgk::analyze(t));
        }
        let alone = t0.elapsed().as_secs_f64() / rounds as f64;
        let in_seq = seq[k] / rounds as f64;
        println!(
            "{name:32} alone {:7.1} µs   in sequence {:7.1} µs   ({:.0} vs {:.0} MB/s)",
            alone * 1e6,
            in_seq * 1e6,
            t.len() as f64 / alone / 1e6,
            t.len() as f64 / in_seq / 1e6
        );
    }
}
