//! Why the seeds analysed one after another take longer than the sum of each seed analysed
//! alone (issue 16): the same text analysed again, the same text with other digits, the same
//! text moved by 300 characters, and two different texts, each alternated with the first.
//!
//! `cargo run --release --example sequence` — prints, per pair, the time of eight analyses
//! alternating the two texts against eight of each text alone (halved), best of 300 runs.
//! A text alternated with itself with other digits or moved costs the same as itself; a
//! different text costs 12–19 % more: the branch predictors learn a text's data-dependent
//! branches when it is analysed again and again, which a batch of different reports never
//! gives them. The sequence is the realistic figure.
use std::hint::black_box;
use std::time::Instant;

fn best<F: FnMut()>(mut f: F, n: usize) -> f64 {
    let mut b = f64::INFINITY;
    for _ in 0..n {
        let t = Instant::now();
        f();
        b = b.min(t.elapsed().as_secs_f64());
    }
    b
}

/// Eight analyses alternating `x` and `y`, and eight of each alone halved.
fn pair(x: &str, y: &str) -> (f64, f64) {
    let run = |a: &str, b: &str| {
        best(
            || {
                for _ in 0..4 {
                    black_box(xxgk::analyze(black_box(a)));
                    black_box(xxgk::analyze(black_box(b)));
                }
            },
            300,
        )
    };
    (run(x, y), (run(x, x) + run(y, y)) / 2.0)
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let seeds: Vec<String> = names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    let digits = |s: &str, k: u32| -> String {
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_digit((d + k) % 10, 10).unwrap_or(c),
                _ => c,
            })
            .collect()
    };
    println!("pair                              alternated   each alone   difference");
    for (i, x) in seeds.iter().enumerate() {
        let j = (i + 1) % seeds.len();
        let cases = [
            ("itself, other digits", digits(x, 3)),
            ("itself, moved", format!("{}{x}", "\u{3000}".repeat(300))),
            ("the next seed", seeds[j].clone()),
        ];
        for (what, y) in cases {
            let (alt, alone) = pair(x, &y);
            println!(
                "seed {i} and {what:<22} {:>8.0} µs  {:>8.0} µs  {:>+8.0} %",
                alt * 1e6,
                alone * 1e6,
                (alt / alone - 1.0) * 100.0
            );
        }
    }
}
