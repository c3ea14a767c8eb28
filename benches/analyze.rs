//! Throughput of the whole analysis on the seed reports (issue 5 target: ≥ 50 MB/s natively).
//!
//! `cargo bench --bench analyze` reports time and bytes per second for each seed and for all
//! five in one batch.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const SEEDS: [&str; 5] = [
    "000_a76db0a735cfa73f",
    "001_2e44ad171ca045ec",
    "002_ce639bba3c248ba6",
    "003_ed6d354b193d9598",
    "004_3113b365ef35d360",
];

fn seeds() -> Vec<(String, String)> {
    SEEDS
        .iter()
        .map(|s| {
            let path = format!("{}/tests/fixtures/{s}.txt", env!("CARGO_MANIFEST_DIR"));
            (
                s.to_string(),
                std::fs::read_to_string(path).expect("seed fixture"),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let mut g = c.benchmark_group("analyze");
    for (name, text) in &seeds {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.as_str(), |b| b.iter(|| xxgk::analyze(black_box(text))));
    }
    let total: usize = seeds.iter().map(|(_, t)| t.len()).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("all_seeds", |b| {
        b.iter(|| {
            for (_, t) in &seeds {
                black_box(xxgk::analyze(black_box(t)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
