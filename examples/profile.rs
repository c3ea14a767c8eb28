//! Runs the analysis of every seed many times, for profilers (`valgrind --tool=callgrind`).
//! Usage: cargo run --release --example profile [ROUNDS]
fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&p).expect("fixture"));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for s in &texts {
            n += xxgk::analyze(s).quantities.len();
        }
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "{} quantities; {:.1} MB/s",
        n,
        (bytes * rounds) as f64 / dt / 1e6
    );
}
