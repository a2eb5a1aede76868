//! Integration tests: the labelled test sets in `tests/data` and the quality
//! targets they must meet. A regression in any analyzer fails here.

mod crisis;
mod encoder;
mod request;
mod tone;
mod traps;

/// Reads `tests/data/NAME`: `label<TAB>text` lines, `#` comments.
pub fn load(name: &str) -> Vec<(String, String)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let raw = std::fs::read_to_string(&path).expect("test data file is in the repository");
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (a, b) = l.split_once('\t').expect("label<TAB>text");
            (a.to_string(), b.to_string())
        })
        .collect()
}
