//! Prints the text `xxgk::extract` reads from a file (web page, .docx, PDF, text), to see
//! what the analysis sees. Usage: cargo run --example extract FILE
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    match xxgk::extract(&bytes, &path) {
        Ok(x) => print!("{}", x.text),
        Err(e) => {
            eprintln!("{path}: {}", e.message);
            std::process::exit(1)
        }
    }
}
