//! Trains the thinking-trap model for short texts from the project's own labelled
//! thoughts and writes `model/traps.bin`, which the library embeds.
//!
//! ```text
//! cargo run --release -p steady-nlp --example gen_corpus   # refresh data/thoughts/generated.tsv
//! cargo run --release -p steady-nlp --example train
//! ```
//!
//! Data: `data/thoughts/handwritten.tsv`, `general.tsv`, `short.tsv` and
//! `generated.tsv`. `data/thoughts/test.tsv` is held out and never read here.
//! Model: one logistic regression per trap (one-vs-rest) over hashed features,
//! trained by plain SGD with L2 and label smoothing, weights quantised to i8 per trap.
//! Calibration: 5-fold cross-validation over the hand-written lines gives
//! out-of-fold pooled logits of the short ones (long texts go to the long-text model,
//! `examples/train_long.rs`); the pooling, a temperature (folded into the weights) and
//! the `distorted` threshold are chosen on them.

mod common;

use common::traps::{self as tr, Recipe, PRUNE_Q, SETTINGS};
use common::{crate_dir, read_tsv, Example};
use steady_nlp::traps::{self, model, N_TRAPS};

/// The hand-written training files in `data/thoughts/` (cross-validated; see the
/// module docs). `test.tsv` is not among them.
const HAND_WRITTEN: &[&str] = &["handwritten.tsv", "general.tsv", "short.tsv"];

const RECIPE: Recipe = Recipe {
    settings: SETTINGS,
    whole_long: false,
};

fn main() -> std::io::Result<()> {
    let dir = crate_dir();
    let mut hand = Vec::new();
    for name in HAND_WRITTEN {
        let lines = read_tsv(&dir.join("data/thoughts").join(name))?;
        println!("{name}: {} lines", lines.len());
        hand.extend(lines);
    }
    let generated = read_tsv(&dir.join("data/thoughts/generated.tsv")).unwrap_or_default();
    println!("generated: {} lines", generated.len());

    let short = |e: &Example| !traps::is_long(&e.text);
    let folds = tr::cross_validate(&hand, &generated, RECIPE);
    let pool = tr::choose_pool(&folds, short);
    let oof = folds.oof(pool, short);
    drop(folds);
    let temp = tr::fit_temperature(&oof);
    println!("temperature {temp:.2}");
    println!("short texts ({}):", oof.len());
    let threshold = tr::tune_threshold(&oof, temp);

    // Final model on everything, with the temperature folded into the weights.
    let mut all = generated;
    all.extend(hand);
    let mut m = tr::train_model(&all, RECIPE, 42);
    m.rescale(temp, [0.0; N_TRAPS]);
    let (scale, entries) = m.quantise(PRUNE_Q);
    let bytes = model::to_bytes(threshold, pool, &m.bias, &scale, &entries);
    common::write_model("traps.bin", &bytes, entries.len(), m.w.len())
}
