//! Trains the thinking-trap model for long texts (see `traps::is_long`) and writes
//! `model/traps_long.bin`, which the library embeds.
//!
//! ```text
//! cargo run --release -p steady-nlp --example train_long
//! ```
//!
//! Data: the hand-written long posts of `data/thoughts/long.tsv` and
//! `data/thoughts/long_real.tsv`, each with the sentence where its main trap is
//! said, and every short hand-written and generated thought (the sentences of a
//! long post are short thoughts too). Cross-validation runs over the long posts
//! only, the short lines being training data in every fold; the pooling, a
//! temperature and the `distorted` threshold are chosen on the out-of-fold scores
//! of the long posts. Whether the whole post is also a training
//! unit (so the model may score whole texts) is chosen the same way.

mod common;

use common::traps::{self as tr, Recipe, SETTINGS};
use common::{crate_dir, read_tsv, Example};
use steady_nlp::traps::{self, model, N_TRAPS};

/// Features whose largest quantised weight is below this are dropped: the long
/// posts bring many rare words; this drops about a sixth of the features.
const PRUNE_Q: i8 = 4;

/// Long posts: plainly written ones, and ones in the manner of real help-seeking
/// letters, whose traps are said once and mildly amid background.
const LONG: &[&str] = &["long.tsv", "long_real.tsv"];

const SHORT: &[&str] = &[
    "handwritten.tsv",
    "general.tsv",
    "short.tsv",
    "generated.tsv",
];

fn main() -> std::io::Result<()> {
    let dir = crate_dir().join("data/thoughts");
    let mut posts = Vec::new();
    for name in LONG {
        posts.extend(read_tsv(&dir.join(name))?);
    }
    let long = |e: &Example| traps::is_long(&e.text);
    println!(
        "long posts: {}, {} long enough for this model",
        posts.len(),
        posts.iter().filter(|e| long(e)).count()
    );
    for e in &posts {
        if let Some(span) = &e.span {
            assert!(
                e.text.contains(span.as_str()),
                "span not in its post: {span}"
            );
        }
    }
    let mut short = Vec::new();
    for name in SHORT {
        short.extend(read_tsv(&dir.join(name))?);
    }
    println!("short thoughts: {}", short.len());

    // Whole posts as training units, or their sentences only: the better out of fold.
    let mut best: Option<(f64, bool, traps::Pool, tr::Oof)> = None;
    for whole_long in [false, true] {
        println!("\nwhole posts as units: {whole_long}");
        let recipe = Recipe {
            settings: SETTINGS,
            whole_long,
        };
        let folds = tr::cross_validate(&posts, &short, recipe);
        let pool = tr::choose_pool(&folds, long);
        let oof = folds.oof(pool, long);
        let (auc, t3) = tr::ranking_quality(&oof);
        if best.as_ref().is_none_or(|b| auc + t3 > b.0 + 1e-9) {
            best = Some((auc + t3, whole_long, pool, oof));
        }
    }
    let (_, whole_long, pool, oof) = best.expect("two candidates were measured");
    println!("\nchosen: whole posts as units {whole_long}, pooling {pool:?}");
    let temp = tr::fit_temperature(&oof);
    println!("temperature {temp:.2}");
    println!("long posts ({}):", oof.len());
    let threshold = tr::tune_threshold(&oof, temp);

    let mut all = short;
    all.extend(posts);
    let recipe = Recipe {
        settings: SETTINGS,
        whole_long,
    };
    let mut m = tr::train_model(&all, recipe, 42);
    m.rescale(temp, [0.0; N_TRAPS]);
    let (scale, entries) = m.quantise(PRUNE_Q);
    let bytes = model::to_bytes(threshold, pool, &m.bias, &scale, &entries);
    common::write_model("traps_long.bin", &bytes, entries.len(), m.w.len())
}
