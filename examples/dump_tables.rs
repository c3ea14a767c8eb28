//! Prints the tables `xxgk::tables` finds in a text file: `cargo run --example dump_tables FILE`.
use xxgk::key::key_values;
use xxgk::normalize::Text;
use xxgk::tables::{find_tables, table_checks};

fn main() {
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path).unwrap_or_default();
        let mut text = Text::new(&raw);
        xxgk::text::layout::recover(&mut text);
        let tables = find_tables(&text.norm);
        println!("== {path}: {} tables", tables.len());
        for t in &tables {
            println!(
                "{} {:?} template={:?} form={} range={:?} columns={:?}",
                t.id.as_str(),
                t.title,
                t.template,
                t.form,
                t.range,
                t.columns
            );
            for r in &t.rows {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .map(|c| match c.status.as_str() {
                        "ok" => c.text.clone(),
                        s => format!("{}[{s}]", c.text),
                    })
                    .collect();
                println!("  {:<32} {:<60} {}", r.key, r.label, cells.join(" | "));
                if let Some(n) = &r.note {
                    println!("      note: {n}");
                }
            }
        }
        for c in table_checks(&tables) {
            println!("  check {} {:?}: {}", c.code, c.severity, c.message);
        }
        for k in key_values(&tables) {
            println!("  key {} = {} {:?}", k.field, k.value, k.note);
        }
    }
}
