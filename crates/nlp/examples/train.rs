//! Trains the thinking-trap model from the project's own labelled thoughts and
//! writes `model/traps.bin`, which the library embeds.
//!
//! ```text
//! cargo run --release -p steady-nlp --example gen_corpus   # refresh data/thoughts/generated.tsv
//! cargo run --release -p steady-nlp --example train
//! ```
//!
//! Data: `data/thoughts/handwritten.tsv`, `data/thoughts/general.tsv` and
//! `data/thoughts/generated.tsv`. `data/thoughts/test.tsv` is held out and never read here.
//! Model: one logistic regression per trap (one-vs-rest) over hashed features,
//! trained by plain SGD with L2 and label smoothing, weights quantised to i8 per trap.
//! Calibration: 5-fold cross-validation over the hand-written lines (hand-written and
//! general) gives out-of-fold pooled logits; a temperature is fitted to them (folded
//! into the weights) and the `distorted` threshold is the one with the best balanced
//! accuracy on them.

mod common;

use common::linear::{self, sigmoid, Sample, Settings, Trained};
use common::{crate_dir, read_tsv, Example};
use steady_nlp::text::{sentences, tokenize};
use steady_nlp::traps::{self, index_of, model, Pool, N_TRAPS};

const SETTINGS: Settings = Settings {
    epochs: 12,
    lr: 0.15,
    l2: 3e-3,
    pos_weight: 2.0,
    smooth: 0.03,
    ensemble: 4,
};
const FOLDS: usize = 5;
/// How many long texts cross-validation must see before they get their own threshold.
const MIN_LONG: usize = 200;
/// The hand-written training files in `data/thoughts/` (cross-validated; see the
/// module docs). `test.tsv` is not among them.
const HAND_WRITTEN: &[&str] = &["handwritten.tsv", "general.tsv", "short.tsv"];
/// Features whose largest quantised weight is below this are dropped.
const PRUNE_Q: i8 = 2;

fn featurize(ex: &[Example]) -> Vec<Sample<N_TRAPS>> {
    ex.iter()
        .map(|e| {
            let mut feats = Vec::new();
            traps::unit_features(&tokenize(&e.text), &mut feats);
            feats.sort_unstable();
            let mut y = [false; N_TRAPS];
            for l in &e.labels {
                match index_of(l) {
                    Some(i) => y[i] = true,
                    None => panic!("unknown label {l:?} in: {}", e.text),
                }
            }
            Sample { feats, y }
        })
        .collect()
}

/// Pooled logits of a whole text, exactly as the library scores it.
fn text_logits(m: &Trained<N_TRAPS>, text: &str, pool: Pool) -> [f32; N_TRAPS] {
    traps::pooled_logits(text, pool, |f| m.logits(f))
}

/// Training units: each line as a whole, plus each sentence of a multi-sentence line
/// with no trap (a sentence of a calm text is calm too). A long distorted text (over
/// `WHOLE_TEXT_TOKENS` tokens; the library scores those by sentence) is not a unit
/// itself: its trap may sit in one sentence among many, so given a first model
/// (`guide`) the sentence that model finds most typical of the text's main trap
/// stands for it (multiple-instance learning); without one it is left out.
fn units(ex: &[Example], guide: Option<&Trained<N_TRAPS>>) -> Vec<Example> {
    let mut out = Vec::with_capacity(ex.len());
    for e in ex {
        let toks = tokenize(&e.text);
        let sents = sentences(&toks);
        let piece = |r: &std::ops::Range<usize>| {
            let (a, b) = (toks[r.start].start, toks[r.end - 1].end);
            steady_nlp::text::char_slice(&e.text, a, b)
        };
        let long = toks.len() > traps::WHOLE_TEXT_TOKENS && sents.len() > 1;
        if e.labels.is_empty() {
            out.push(e.clone());
            if sents.len() > 1 {
                for r in &sents {
                    out.push(Example {
                        labels: Vec::new(),
                        text: piece(r),
                    });
                }
            }
        } else if !long {
            out.push(e.clone());
        } else if let Some(m) = guide {
            let main = index_of(&e.labels[0]).expect("known label");
            let best = sents
                .iter()
                .map(|r| {
                    let mut f = Vec::new();
                    traps::unit_features(&toks[r.clone()], &mut f);
                    (m.logits(&f)[main], r)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, r)) = best {
                out.push(Example {
                    labels: e.labels.clone(),
                    text: piece(r),
                });
            }
        }
    }
    out
}

/// Trains in two rounds: without the long distorted texts, then with the sentence
/// of each that the first model picks (see [`units`]).
fn train_model(ex: &[Example], seed: u64) -> Trained<N_TRAPS> {
    let first = linear::train(&featurize(&units(ex, None)), SETTINGS, seed);
    if !ex
        .iter()
        .any(|e| !e.labels.is_empty() && tokenize(&e.text).len() > traps::WHOLE_TEXT_TOKENS)
    {
        return first;
    }
    linear::train(&featurize(&units(ex, Some(&first))), SETTINGS, seed)
}

/// Out-of-fold logits of one hand-written line and its gold labels (dominant first).
type Oof = Vec<([f32; N_TRAPS], Vec<usize>)>;

/// The models of a 5-fold cross-validation over the hand-written lines (generated
/// lines are always training data), each with the lines it did not see.
struct Folds<'a> {
    runs: Vec<(Trained<N_TRAPS>, Vec<&'a Example>)>,
}

impl Folds<'_> {
    /// Out-of-fold pooled logits of every hand-written line.
    fn oof(&self, pool: Pool) -> Oof {
        let mut out = Vec::new();
        for (m, held) in &self.runs {
            for e in held {
                let gold = e.labels.iter().map(|l| index_of(l).expect("known label"));
                out.push((text_logits(m, &e.text, pool), gold.collect()));
            }
        }
        out
    }
}

fn cross_validate<'a>(hand: &'a [Example], generated: &[Example]) -> Folds<'a> {
    let words = |t: &str| -> std::collections::HashSet<String> {
        tokenize(t).into_iter().map(|k| k.word).collect()
    };
    let gen_words: Vec<_> = generated.iter().map(|e| words(&e.text)).collect();
    let mut runs = Vec::new();
    for fold in 0..FOLDS {
        let mut tr = Vec::new();
        let mut held = Vec::new();
        for (i, e) in hand.iter().enumerate() {
            if i % FOLDS == fold {
                held.push(e);
            } else {
                tr.push(e.clone());
            }
        }
        // The generator adds texting-style copies of hand-written lines; a copy of a
        // held-out line would leak it, so lines nearly sharing its words are left out.
        let held_words: Vec<_> = held.iter().map(|e| words(&e.text)).collect();
        for (e, g) in generated.iter().zip(&gen_words) {
            let leaks = held_words.iter().any(|h| {
                let inter = h.intersection(g).count() as f64;
                inter / (h.len() + g.len()) as f64 * 2.0 >= 0.8
            });
            if !leaks {
                tr.push(e.clone());
            }
        }
        let model = train_model(&tr, 42 + fold as u64);
        runs.push((model, held));
    }
    Folds { runs }
}

/// Threshold-free quality of out-of-fold logits: the area under the ROC curve of the
/// top logit for distorted-or-not, and how often the dominant trap is in the top 3.
fn ranking_quality(oof: &Oof) -> (f64, f64) {
    let mut tops: Vec<(f32, bool)> = oof
        .iter()
        .map(|(z, g)| {
            (
                z.iter().cloned().fold(f32::NEG_INFINITY, f32::max),
                !g.is_empty(),
            )
        })
        .collect();
    tops.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut neg_below, mut pairs, mut wins) = (0.0, 0.0, 0.0);
    let pos = tops.iter().filter(|t| t.1).count() as f64;
    let neg = tops.len() as f64 - pos;
    for (_, y) in &tops {
        if *y {
            wins += neg_below;
        } else {
            neg_below += 1.0;
        }
    }
    pairs += pos * neg;
    let (mut n, mut hit) = (0.0, 0.0);
    for (z, g) in oof.iter().filter(|(_, g)| !g.is_empty()) {
        n += 1.0;
        if top3(z).contains(&g[0]) {
            hit += 1.0;
        }
    }
    (wins / pairs.max(1.0), hit / n)
}

fn top3(z: &[f32; N_TRAPS]) -> [usize; 3] {
    let mut order: Vec<usize> = (0..N_TRAPS).collect();
    order.sort_by(|&a, &b| z[b].total_cmp(&z[a]));
    [order[0], order[1], order[2]]
}

/// Picks the pooling by cross-validation: the sum of the distorted-or-not AUC and
/// the top-3 recall of the dominant trap, out of fold. Multi-sentence lines alone
/// are also printed, since pooling only changes them.
fn choose_pool(folds: &Folds) -> Pool {
    let multi: Vec<bool> = folds
        .runs
        .iter()
        .flat_map(|(_, held)| held.iter().map(|e| sentences(&tokenize(&e.text)).len() > 1))
        .collect();
    let mut best = (f64::NEG_INFINITY, Pool::default());
    println!("pooling (out of fold): AUC, top-3 dominant | multi-sentence lines only");
    for second in [0.0, 0.25, 0.5] {
        for whole in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let pool = Pool { second, whole };
            let oof = folds.oof(pool);
            let (auc, t3) = ranking_quality(&oof);
            let long: Oof = oof
                .iter()
                .zip(&multi)
                .filter(|(_, m)| **m)
                .map(|(o, _)| o.clone())
                .collect();
            let (lauc, lt3) = ranking_quality(&long);
            println!(
                "  second {second:.2} whole {whole:.2}: {auc:.3} {t3:.3} | {lauc:.3} {lt3:.3} ({} lines)",
                long.len()
            );
            if auc + t3 > best.0 + 1e-9 {
                best = (auc + t3, pool);
            }
        }
    }
    println!("chosen pooling: {:?}", best.1);
    best.1
}

/// The temperature that minimises the (unsmoothed) log loss of out-of-fold logits.
fn fit_temperature(oof: &Oof) -> f32 {
    let loss = |t: f32| -> f64 {
        let mut l = 0.0f64;
        for (z, gold) in oof {
            for (k, zk) in z.iter().enumerate() {
                let p = f64::from(sigmoid(zk / t)).clamp(1e-6, 1.0 - 1e-6);
                l -= if gold.contains(&k) {
                    p.ln()
                } else {
                    (1.0 - p).ln()
                };
            }
        }
        l
    };
    (5..=50)
        .map(|i| i as f32 / 10.0)
        .min_by(|a, b| loss(*a).total_cmp(&loss(*b)))
        .unwrap_or(1.0)
}

/// Picks the threshold on the top probability (see the comment inside), and reports
/// F1 and top-1 / top-3 accuracy there.
fn tune_threshold(oof: &Oof, temp: f32) -> f32 {
    let tops: Vec<(f32, bool)> = oof
        .iter()
        .map(|(z, gold)| {
            let top = z.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
            (sigmoid(top / temp), !gold.is_empty())
        })
        .collect();
    // (threshold, F1, balanced accuracy) for each candidate threshold.
    let mut curve = Vec::new();
    for step in 10..90 {
        let t = step as f32 / 100.0;
        let (mut tp, mut fp, mut fneg, mut tn) = (0.0, 0.0, 0.0, 0.0);
        for &(p, y) in &tops {
            match (p >= t, y) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fneg += 1.0,
                _ => tn += 1.0,
            }
        }
        let f1 = 2.0 * tp / (2.0 * tp + fp + fneg);
        let bal = 0.5 * (tp / (tp + fneg) + tn / (tn + fp));
        curve.push((t, f1, bal));
    }
    // The threshold with the best F1 (the measure distorted-or-not is reported in),
    // among those whose balanced accuracy (mean recall of both classes) is within
    // 0.01 of the best: F1 alone drifts to "flag almost everything", which would
    // flag calm thoughts too.
    let top_bal = curve.iter().map(|c| c.2).fold(0.0, f64::max);
    let best = *curve
        .iter()
        .filter(|c| c.2 >= top_bal - 0.01)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .expect("some threshold is within reach of the best");
    for c in curve.iter().step_by(10) {
        println!(
            "  threshold {:.2}: F1 {:.3}, balanced accuracy {:.3}",
            c.0, c.1, c.2
        );
    }
    let (mut n, mut hit1, mut hit3) = (0.0, 0.0, 0.0);
    for (z, gold) in oof.iter().filter(|(_, g)| !g.is_empty()) {
        let order = top3(z);
        n += 1.0;
        if gold.contains(&order[0]) {
            hit1 += 1.0;
        }
        if order.iter().any(|k| gold.contains(k)) {
            hit3 += 1.0;
        }
    }
    println!(
        "cross-validation ({} lines): threshold {:.2}, F1 {:.3}, balanced accuracy {:.3}, top-1 {:.3}, top-3 {:.3}",
        tops.len(),
        best.0,
        best.1,
        best.2,
        hit1 / n,
        hit3 / n
    );
    best.0
}

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

    let folds = cross_validate(&hand, &generated);
    let pool = choose_pool(&folds);
    let oof = folds.oof(pool);
    let long_flags: Vec<bool> = folds
        .runs
        .iter()
        .flat_map(|(_, held)| held.iter().map(|e| traps::is_long(&e.text)))
        .collect();
    drop(folds);
    let temp = fit_temperature(&oof);
    println!("temperature {temp:.2}");
    // Short and long texts (see `traps::is_long`) get their own thresholds.
    let (mut long, mut short): (Oof, Oof) = (Vec::new(), Vec::new());
    for (o, l) in oof.iter().zip(&long_flags) {
        if *l { &mut long } else { &mut short }.push(o.clone());
    }
    println!("short texts ({}):", short.len());
    let threshold = tune_threshold(&short, temp);
    // Long texts get their own threshold only when enough of them were seen.
    let threshold_long = if long.len() >= MIN_LONG {
        println!("long texts ({}):", long.len());
        tune_threshold(&long, temp)
    } else {
        println!("long texts: only {}, they share the threshold", long.len());
        threshold
    };

    // Final model on everything, with the temperature folded into the weights.
    let mut all = generated;
    all.extend(hand);
    let mut m = train_model(&all, 42);
    m.rescale(temp, [0.0; N_TRAPS]);
    let (scale, entries) = m.quantise(PRUNE_Q);
    let bytes = model::to_bytes([threshold, threshold_long], pool, &m.bias, &scale, &entries);
    common::write_model("traps.bin", &bytes, entries.len(), m.w.len())
}
