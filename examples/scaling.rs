//! Time of the analysis as the input grows (a seed repeated 1×, 10×, 100×, 1000×), to show
//! it is linear, also when the whole input is one line. Usage:
//! cargo run --release --example scaling
fn main() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/002_ce639bba3c248ba6.txt"
    ))
    .expect("seed");
    let line = "全年共受理申请598件,办结590件,占比98.66%。";
    // The seed as a crawler delivers it: every line break a space, the whole body one line.
    let joined = seed.lines().collect::<Vec<_>>().join(" ") + " ";
    for (name, unit, counts) in [
        ("seed 002", seed.as_str(), [10, 100, 1000]),
        ("one long line", line, [10, 100, 1000]),
        // ~1 MB and ~10 MB of one line
        ("seed 002 as one line", joined.as_str(), [1, 70, 700]),
    ] {
        for n in counts {
            let text = unit.repeat(n);
            let t = std::time::Instant::now();
            let r = xxgk::analyze(&text);
            let dt = t.elapsed().as_secs_f64();
            println!(
                "{name} ×{n:>5}: {:>9} bytes  {:>8.1} ms  {:>6.1} MB/s  ({} quantities)",
                text.len(),
                dt * 1e3,
                text.len() as f64 / dt / 1e6,
                r.quantities.len()
            );
        }
    }
}
