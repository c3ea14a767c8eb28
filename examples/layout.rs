//! Prints the logical lines the layout stage recovers from a file:
//! `cargo run --example layout FILE` (one line per logical line, numbered).
fn main() {
    let path = std::env::args().nth(1).expect("usage: layout FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let text = String::from_utf8_lossy(&bytes);
    eprintln!("{}", xxgk::text::layout::describe(&text));
    for (i, l) in xxgk::text::layout::logical_lines(&text).iter().enumerate() {
        println!("{i:4} {l}");
    }
}
