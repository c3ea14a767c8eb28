//! Prints the metadata the analysis reads from each file, with where it came from and the
//! checks: `cargo run --example meta FILE...`. With `XXGK_JOIN=space` (or `nothing`) the
//! file's lines are first joined into one, as the layout tests do.

fn main() {
    for path in std::env::args().skip(1) {
        let mut bytes = std::fs::read(&path).expect("readable file");
        if let Ok(how) = std::env::var("XXGK_JOIN") {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
            let sep = if how == "space" { " " } else { "" };
            bytes = lines.join(sep).into_bytes();
        }
        let r = match xxgk::analyze_file(&bytes, &path) {
            Ok(a) => a.report,
            Err(e) => {
                eprintln!("{path}: {}", e.message);
                continue;
            }
        };
        let m = &r.meta;
        println!("== {path}");
        println!(
            "  title {:?}\n  agency {:?} ({:?})  year {:?}  published {:?} ({:?})  type {:?}",
            m.title, m.agency, m.agency_source, m.year, m.published, m.published_source, m.doc_type
        );
        for n in &m.notes {
            println!("  note: {n}");
        }
        for c in &r.checks {
            println!(
                "  [{}] {}: {}",
                c.code,
                c.part.as_deref().unwrap_or(""),
                c.message
            );
        }
    }
}
