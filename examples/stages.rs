//! Times the normalization and the layout stage alone on a file:
//! `cargo run --release --example stages FILE [REPEAT]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: stages FILE [REPEAT]");
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path)
        .expect("UTF-8 file")
        .repeat(n);
    let t = std::time::Instant::now();
    let mut v = xxgk::normalize::Text::new(&text);
    let norm = t.elapsed();
    let t = std::time::Instant::now();
    xxgk::text::layout::recover(&mut v);
    let layout = t.elapsed();
    let t = std::time::Instant::now();
    let r = xxgk::analyze(&text);
    let all = t.elapsed();
    let mb = text.len() as f64 / 1e6;
    println!(
        "{mb:.2} MB: normalize {:.1} ms, layout {:.1} ms, whole analysis {:.1} ms ({:.1} MB/s), {} sections",
        norm.as_secs_f64() * 1e3,
        layout.as_secs_f64() * 1e3,
        all.as_secs_f64() * 1e3,
        mb / all.as_secs_f64(),
        r.sections.len()
    );
}
