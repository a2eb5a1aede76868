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

use common::{crate_dir, read_tsv, Example, Rng};
use std::collections::HashMap;
use steady_nlp::text::{sentences, tokenize};
use steady_nlp::traps::{self, index_of, model, N_TRAPS};

const EPOCHS: usize = 12;
const LR: f32 = 0.15;
const L2: f32 = 3e-3;
const POS_WEIGHT: f32 = 2.0;
/// Label smoothing: targets are `SMOOTH` and `1 - SMOOTH` instead of 0 and 1.
const SMOOTH: f32 = 0.03;
const FOLDS: usize = 5;
/// Models trained on differently shuffled data and averaged (lowers the variance that
/// the order of a few thousand examples gives plain SGD).
const ENSEMBLE: usize = 4;
/// Features whose largest quantised weight is below this are dropped.
const PRUNE_Q: i8 = 2;

type Weights = HashMap<u32, [f32; N_TRAPS]>;

struct Sample {
    feats: Vec<u32>,
    y: [bool; N_TRAPS],
}

fn featurize(ex: &[Example]) -> Vec<Sample> {
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

fn train(samples: &[Sample], seed: u64) -> ([f32; N_TRAPS], Weights) {
    let mut w: Weights = HashMap::new();
    let mut bias = [0.0f32; N_TRAPS];
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let mut rng = Rng(seed);
    for epoch in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let lr = LR / (1.0 + epoch as f32 * 0.5);
        for &i in &order {
            let s = &samples[i];
            let mut z = bias;
            for f in &s.feats {
                if let Some(row) = w.get(f) {
                    for (zz, ww) in z.iter_mut().zip(row) {
                        *zz += ww;
                    }
                }
            }
            let mut g = [0.0f32; N_TRAPS];
            for k in 0..N_TRAPS {
                let p = 1.0 / (1.0 + (-z[k]).exp());
                let (t, wt) = if s.y[k] {
                    (1.0 - SMOOTH, POS_WEIGHT)
                } else {
                    (SMOOTH, 1.0)
                };
                g[k] = (p - t) * wt;
                bias[k] -= lr * g[k];
            }
            for f in &s.feats {
                let row = w.entry(*f).or_insert([0.0; N_TRAPS]);
                for k in 0..N_TRAPS {
                    row[k] -= lr * (g[k] + L2 * row[k]);
                }
            }
        }
    }
    (bias, w)
}

/// The average of [`ENSEMBLE`] models trained with different shuffles.
fn train_ensemble(samples: &[Sample], seed: u64) -> ([f32; N_TRAPS], Weights) {
    let mut bias = [0.0f32; N_TRAPS];
    let mut w: Weights = HashMap::new();
    let share = 1.0 / ENSEMBLE as f32;
    for j in 0..ENSEMBLE {
        let (b, m) = train(samples, seed.wrapping_add(1000 * j as u64));
        for k in 0..N_TRAPS {
            bias[k] += share * b[k];
        }
        for (f, row) in m {
            let acc = w.entry(f).or_insert([0.0; N_TRAPS]);
            for k in 0..N_TRAPS {
                acc[k] += share * row[k];
            }
        }
    }
    (bias, w)
}

fn logits(bias: &[f32; N_TRAPS], w: &Weights, feats: &[u32]) -> [f32; N_TRAPS] {
    let mut z = *bias;
    for f in feats {
        if let Some(row) = w.get(f) {
            for (zz, ww) in z.iter_mut().zip(row) {
                *zz += ww;
            }
        }
    }
    z
}

/// Pooled logits of a whole text, exactly as the library scores it.
fn text_logits(bias: &[f32; N_TRAPS], w: &Weights, text: &str) -> [f32; N_TRAPS] {
    traps::pooled_logits(text, traps::POOL, |f| logits(bias, w, f))
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Training units: each line as a whole, plus each sentence of a multi-sentence line
/// with no trap (a sentence of a calm text is calm too; a sentence of a distorted text
/// may not hold the trap, so those are not split).
fn units(ex: &[Example]) -> Vec<Example> {
    let mut out = Vec::with_capacity(ex.len());
    for e in ex {
        out.push(e.clone());
        if e.labels.is_empty() {
            let toks = tokenize(&e.text);
            let sents = sentences(&toks);
            if sents.len() > 1 {
                for r in sents {
                    let (a, b) = (toks[r.start].start, toks[r.end - 1].end);
                    out.push(Example {
                        labels: Vec::new(),
                        text: steady_nlp::text::char_slice(&e.text, a, b),
                    });
                }
            }
        }
    }
    out
}

/// Out-of-fold pooled logits of every hand-written line (5 folds; generated lines are
/// always training data).
fn cross_validate(
    hand: &[Example],
    generated: &[Example],
) -> Vec<([f32; N_TRAPS], [bool; N_TRAPS])> {
    let words = |t: &str| -> std::collections::HashSet<String> {
        tokenize(t).into_iter().map(|k| k.word).collect()
    };
    let gen_words: Vec<_> = generated.iter().map(|e| words(&e.text)).collect();
    let mut out = Vec::new();
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
        let (bias, w) = train_ensemble(&featurize(&units(&tr)), 42 + fold as u64);
        for e in held {
            let mut y = [false; N_TRAPS];
            for l in &e.labels {
                y[index_of(l).expect("known label")] = true;
            }
            out.push((text_logits(&bias, &w, &e.text), y));
        }
    }
    out
}

/// The temperature that minimises the (unsmoothed) log loss of out-of-fold logits.
fn fit_temperature(oof: &[([f32; N_TRAPS], [bool; N_TRAPS])]) -> f32 {
    let loss = |t: f32| -> f64 {
        let mut l = 0.0f64;
        for (z, y) in oof {
            for k in 0..N_TRAPS {
                let p = f64::from(sigmoid(z[k] / t)).clamp(1e-6, 1.0 - 1e-6);
                l -= if y[k] { p.ln() } else { (1.0 - p).ln() };
            }
        }
        l
    };
    (5..=50)
        .map(|i| i as f32 / 10.0)
        .min_by(|a, b| loss(*a).total_cmp(&loss(*b)))
        .unwrap_or(1.0)
}

/// Picks the threshold on the top probability with the best balanced accuracy, and
/// reports F1 and top-1 / top-3 accuracy there.
fn tune_threshold(oof: &[([f32; N_TRAPS], [bool; N_TRAPS])], temp: f32) -> f32 {
    let tops: Vec<(f32, bool)> = oof
        .iter()
        .map(|(z, y)| {
            let top = z.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
            (sigmoid(top / temp), y.iter().any(|b| *b))
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
    // Balanced accuracy (mean recall of both classes) picks the threshold: the lines
    // are mostly distorted and F1 alone drifts to "flag almost everything", which would
    // flag calm thoughts too. The curve is flat near its top, so rather than the single
    // noisy maximum take the lowest threshold within 0.01 of the best: among equally
    // balanced choices, the one that misses fewest traps (suggestions are only offered).
    let top_bal = curve.iter().map(|c| c.2).fold(0.0, f64::max);
    let near: Vec<_> = curve.iter().filter(|c| c.2 >= top_bal - 0.01).collect();
    let best = *near[0];
    println!(
        "thresholds within 0.01 of the best balanced accuracy: {:.2}..{:.2}",
        near[0].0,
        near[near.len() - 1].0
    );
    let (mut n, mut top1, mut top3) = (0.0, 0.0, 0.0);
    for (z, y) in oof.iter().filter(|(_, y)| y.iter().any(|b| *b)) {
        let mut order: Vec<usize> = (0..N_TRAPS).collect();
        order.sort_by(|&a, &b| z[b].total_cmp(&z[a]));
        n += 1.0;
        if y[order[0]] {
            top1 += 1.0;
        }
        if order[..3].iter().any(|&k| y[k]) {
            top3 += 1.0;
        }
    }
    println!(
        "cross-validation ({} lines): threshold {:.2}, F1 {:.3}, balanced accuracy {:.3}, top-1 {:.3}, top-3 {:.3}",
        tops.len(),
        best.0,
        best.1,
        best.2,
        top1 / n,
        top3 / n
    );
    best.0
}

fn main() -> std::io::Result<()> {
    let dir = crate_dir();
    let mut hand = read_tsv(&dir.join("data/thoughts/handwritten.tsv"))?;
    let general = read_tsv(&dir.join("data/thoughts/general.tsv"))?;
    let generated = read_tsv(&dir.join("data/thoughts/generated.tsv")).unwrap_or_default();
    println!(
        "hand-written: {}, general hand-written: {}, generated: {}",
        hand.len(),
        general.len(),
        generated.len()
    );
    hand.extend(general);

    let oof = cross_validate(&hand, &generated);
    let temp = fit_temperature(&oof);
    println!("temperature {temp:.2}");
    let threshold = tune_threshold(&oof, temp);

    // Final model on everything, with the temperature folded into the weights.
    let mut all = generated;
    all.extend(hand);
    let (mut bias, mut w) = train_ensemble(&featurize(&units(&all)), 42);
    for b in &mut bias {
        *b /= temp;
    }
    for row in w.values_mut() {
        for x in row.iter_mut() {
            *x /= temp;
        }
    }

    let mut scale = [0.0f32; N_TRAPS];
    for row in w.values() {
        for k in 0..N_TRAPS {
            scale[k] = scale[k].max(row[k].abs());
        }
    }
    for s in &mut scale {
        *s = if *s > 0.0 { *s / 127.0 } else { 1.0 };
    }
    let mut entries: Vec<(u32, [i8; N_TRAPS])> = w
        .iter()
        .map(|(k, row)| {
            let mut q = [0i8; N_TRAPS];
            for i in 0..N_TRAPS {
                q[i] = (row[i] / scale[i]).round().clamp(-127.0, 127.0) as i8;
            }
            (*k, q)
        })
        .filter(|(_, q)| q.iter().any(|x| x.abs() >= PRUNE_Q))
        .collect();
    entries.sort_by_key(|e| e.0);
    let bytes = model::to_bytes(threshold, &bias, &scale, &entries);
    let out = dir.join("model/traps.bin");
    std::fs::write(&out, &bytes)?;
    println!(
        "wrote {} ({} features of {} seen, {} bytes)",
        out.display(),
        entries.len(),
        w.len(),
        bytes.len()
    );
    Ok(())
}
