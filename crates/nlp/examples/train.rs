//! Trains the thinking-trap model from the project's own labelled thoughts and
//! writes `model/traps.bin`, which the library embeds.
//!
//! ```text
//! cargo run --release -p steady-nlp --example gen_corpus   # refresh data/thoughts/generated.tsv
//! cargo run --release -p steady-nlp --example train
//! ```
//!
//! Data: `data/thoughts/handwritten.tsv` and `data/thoughts/generated.tsv`.
//! `data/thoughts/test.tsv` is held out and never read here.
//! Model: one logistic regression per trap (one-vs-rest) over hashed features,
//! trained by plain SGD with L2, weights quantised to i8 per trap.

mod common;

use common::{crate_dir, read_tsv, Example, Rng};
use std::collections::HashMap;
use steady_nlp::text::tokenize;
use steady_nlp::traps::{self, index_of, model, N_TRAPS};

const EPOCHS: usize = 12;
const LR: f32 = 0.15;
const L2: f32 = 2e-4;
const POS_WEIGHT: f32 = 2.0;
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
                    (1.0, POS_WEIGHT)
                } else {
                    (0.0, 1.0)
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

fn predict(bias: &[f32; N_TRAPS], w: &Weights, feats: &[u32]) -> [f32; N_TRAPS] {
    let mut z = *bias;
    for f in feats {
        if let Some(row) = w.get(f) {
            for (zz, ww) in z.iter_mut().zip(row) {
                *zz += ww;
            }
        }
    }
    z.map(|x| 1.0 / (1.0 + (-x).exp()))
}

/// Picks the threshold on the top score that maximises balanced accuracy on `dev`.
fn tune_threshold(bias: &[f32; N_TRAPS], w: &Weights, dev: &[Sample]) -> (f32, f64) {
    let tops: Vec<(f32, bool)> = dev
        .iter()
        .map(|s| {
            let p = predict(bias, w, &s.feats);
            (
                p.iter().cloned().fold(0.0, f32::max),
                s.y.iter().any(|b| *b),
            )
        })
        .collect();
    let mut best = (0.5, 0.0);
    for step in 10..90 {
        let t = step as f32 / 100.0;
        let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
        for &(p, y) in &tops {
            match (p >= t, y) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fneg += 1.0,
                _ => {}
            }
        }
        // Balanced accuracy (mean recall of both classes): the development split is
        // mostly distorted, and F1 alone would push the threshold to "flag everything".
        let n_pos = tp + fneg;
        let n_neg = tops.len() as f64 - n_pos;
        let tn = n_neg - fp;
        let bal = 0.5 * (tp / n_pos + tn / n_neg);
        if bal > best.1 {
            best = (t, bal);
        }
    }
    best
}

fn top1_accuracy(bias: &[f32; N_TRAPS], w: &Weights, dev: &[Sample]) -> f64 {
    let (mut hit, mut n) = (0.0, 0.0);
    for s in dev.iter().filter(|s| s.y.iter().any(|b| *b)) {
        let p = predict(bias, w, &s.feats);
        let top = (0..N_TRAPS)
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0);
        n += 1.0;
        if s.y[top] {
            hit += 1.0;
        }
    }
    hit / n
}

fn main() -> std::io::Result<()> {
    let dir = crate_dir();
    let hand = read_tsv(&dir.join("data/thoughts/handwritten.tsv"))?;
    let generated = read_tsv(&dir.join("data/thoughts/generated.tsv")).unwrap_or_default();
    println!(
        "hand-written: {}, generated: {}",
        hand.len(),
        generated.len()
    );

    // Dev split for the threshold: every 8th hand-written line (and generated lines are
    // all training data, since they share fragments with each other).
    let (mut train_ex, mut dev_ex) = (Vec::new(), Vec::new());
    for (i, e) in hand.iter().enumerate() {
        if i % 8 == 3 {
            dev_ex.push(e.clone());
        } else {
            train_ex.push(e.clone());
        }
    }
    train_ex.extend(generated.iter().cloned());
    let train_s = featurize(&train_ex);
    let dev_s = featurize(&dev_ex);
    let (bias, w) = train(&train_s, 42);
    let (threshold, f1) = tune_threshold(&bias, &w, &dev_s);
    println!(
        "dev: {} thoughts, balanced accuracy {f1:.3} at threshold {threshold:.2}, top-1 {:.3}",
        dev_s.len(),
        top1_accuracy(&bias, &w, &dev_s)
    );

    // Final model on everything (the threshold comes from the dev run).
    let mut all = train_ex;
    all.extend(dev_ex);
    let all_s = featurize(&all);
    let (bias, w) = train(&all_s, 42);

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
