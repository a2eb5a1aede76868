//! Helpers shared by the examples (reading the labelled thought files).
#![allow(dead_code)]

pub mod binary;
pub mod linear;
pub mod traps;

use std::path::{Path, PathBuf};

/// One labelled thought: trap labels (empty for none) and the text; for a long post,
/// the sentence where its main trap is said, when the file gives it.
#[derive(Debug, Clone)]
pub struct Example {
    pub labels: Vec<String>,
    pub text: String,
    pub span: Option<String>,
}

/// The crate directory (examples run with the package as working directory or not).
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes a model file to `model/<file>` and says how big it is.
pub fn write_model(file: &str, bytes: &[u8], kept: usize, seen: usize) -> std::io::Result<()> {
    let out = crate_dir().join("model").join(file);
    std::fs::write(&out, bytes)?;
    println!(
        "wrote {} ({kept} features of {seen} seen, {} bytes)",
        out.display(),
        bytes.len()
    );
    Ok(())
}

/// Reads a `labels<TAB>text` or `labels<TAB>span<TAB>text` file (`span`: the part of
/// the text where the main trap is said, `-` for none); `#` starts a comment line;
/// `none` means no trap.
pub fn read_tsv(path: &Path) -> std::io::Result<Vec<Example>> {
    let raw = std::fs::read_to_string(path)?;
    Ok(parse_tsv(&raw))
}

pub fn parse_tsv(raw: &str) -> Vec<Example> {
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (labels, rest) = l.split_once('\t')?;
            let (span, text) = match rest.split_once('\t') {
                Some((span, text)) => {
                    let span = span.trim();
                    (
                        (!span.is_empty() && span != "-").then(|| span.to_string()),
                        text,
                    )
                }
                None => (None, rest),
            };
            let labels = labels
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && s != "none")
                .collect();
            Some(Example {
                labels,
                text: text.trim().to_string(),
                span,
            })
        })
        .collect()
}

/// Area under the ROC curve of (score, is positive) pairs: the chance that a
/// positive outranks a negative, a tie counting half (rounded scores tie often).
/// `None` without both kinds.
pub fn auc(mut scored: Vec<(f32, bool)>) -> Option<f64> {
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let pos = scored.iter().filter(|x| x.1).count() as f64;
    let neg = scored.len() as f64 - pos;
    if pos == 0.0 || neg == 0.0 {
        return None;
    }
    let (mut below, mut wins) = (0.0, 0.0);
    for tied in scored.chunk_by(|a, b| a.0 == b.0) {
        let p = tied.iter().filter(|x| x.1).count() as f64;
        let n = tied.len() as f64 - p;
        wins += p * (below + 0.5 * n);
        below += n;
    }
    Some(wins / (pos * neg))
}

/// A small deterministic random number generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}
