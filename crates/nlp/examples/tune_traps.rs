//! Chooses the L2 strength of the short-text thinking-trap model by how well it
//! carries to another author's wording: for each hand-written file of
//! `data/thoughts/` (written separately), train on the others and the generated
//! lines, score the file left out, and report the pooled distorted-or-not AUC and
//! top-3 recall of the main trap.
//!
//! ```text
//! cargo run --release -p steady-nlp --example tune_traps
//! ```

mod common;

use common::traps::{self as tr, Recipe, SETTINGS};
use common::{crate_dir, read_tsv, Example};
use steady_nlp::traps::{self, index_of, Pool};

const FILES: &[&str] = &["handwritten.tsv", "general.tsv", "short.tsv"];
const L2: &[f32] = &[1e-3, 3e-3, 1e-2, 3e-2, 1e-1];

fn main() -> std::io::Result<()> {
    let dir = crate_dir().join("data/thoughts");
    let mut files = Vec::new();
    for name in FILES {
        files.push(read_tsv(&dir.join(name))?);
    }
    let generated = read_tsv(&dir.join("generated.tsv"))?;
    let pool = Pool {
        second: 0.0,
        whole: 0.0,
    };
    for &l2 in L2 {
        let recipe = Recipe {
            settings: common::linear::Settings { l2, ..SETTINGS },
            whole_long: false,
        };
        let mut oof: tr::Oof = Vec::new();
        for left_out in 0..files.len() {
            let held: Vec<&Example> = files[left_out].iter().collect();
            let mut train: Vec<Example> = files
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != left_out)
                .flat_map(|(_, f)| f.iter().cloned())
                .collect();
            train.extend(tr::leak_free(&generated, &held));
            let m = tr::train_model(&train, recipe, 42);
            for e in held {
                let gold = e.labels.iter().filter_map(|l| index_of(l)).collect();
                oof.push((traps::pooled_logits(&e.text, pool, |f| m.logits(f)), gold));
            }
        }
        let (auc, top3) = tr::ranking_quality(&oof);
        println!("L2 {l2}: AUC {auc:.3}, top-3 {top3:.3}");
    }
    Ok(())
}
