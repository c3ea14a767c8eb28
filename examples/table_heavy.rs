//! Time on table-heavy input: up to 20,000 table-like rows of 50 numbers, in the forms tables
//! arrive in (space-, tab- and pipe-separated, one cell per line, glued), at 1×, 2× and 4× the
//! size, to show the time stays linear. Prints the table stage alone (`find_tables` on the
//! normalized, laid-out text) and the whole analysis.
//! Usage: cargo run --release --example table_heavy
fn rows(n: usize, sep: &str, label: &dyn Fn(usize) -> String) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&label(i));
        for j in 0..50 {
            s.push_str(sep);
            s.push_str(&((i * 7 + j * 3) % 997).to_string());
        }
        s.push('\n');
    }
    s
}

/// A form's name and how it writes `n` rows.
type Form = (&'static str, Box<dyn Fn(usize) -> String>);

fn main() {
    const T3: [&str; 6] = [
        "一、本年新收政府信息公开申请数量",
        "(一)予以公开",
        "1.属于国家秘密",
        "规章",
        "尚未审结",
        "(七)总计",
    ];
    let t3 = |i: usize| T3[i % T3.len()].to_owned();
    let plain = |i: usize| format!("第{i}行");
    let forms: Vec<Form> = vec![
        ("spaces, table labels", Box::new(move |n| rows(n, " ", &t3))),
        ("tabs, table labels", Box::new(move |n| rows(n, "\t", &t3))),
        (
            "pipes, table labels",
            Box::new(move |n| rows(n, " | ", &t3)),
        ),
        (
            "cell per line, table labels",
            Box::new(move |n| rows(n, "\n", &t3)),
        ),
        ("glued, table labels", Box::new(move |n| rows(n, "", &t3))),
        (
            "spaces, other labels",
            Box::new(move |n| rows(n, " ", &plain)),
        ),
    ];
    for (name, make) in &forms {
        for k in [1, 2, 4] {
            let text = make(5_000 * k);
            let mut laid = xxgk::normalize::Text::new(&text);
            xxgk::text::layout::recover(&mut laid);
            let t = std::time::Instant::now();
            let found = xxgk::tables::find_tables(&laid.norm);
            let dt_tables = t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            let r = xxgk::analyze(&text);
            let dt = t.elapsed().as_secs_f64();
            let mb = text.len() as f64 / 1e6;
            println!(
                "{name:<28} {:>6} rows {:>5.1} MB  tables {:>7.1} ms {:>6.1} MB/s  analysis {:>8.1} ms {:>6.1} MB/s  ({} tables)",
                5_000 * k,
                mb,
                dt_tables * 1e3,
                mb / dt_tables,
                dt * 1e3,
                mb / dt,
                found.len().max(r.tables.len())
            );
        }
    }
}
