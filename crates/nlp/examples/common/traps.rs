//! Training of the thinking-trap models, shared by `train` (short texts) and
//! `train_long` (long posts): featurising, training units, cross-validation, and the
//! choice of pooling, temperature and threshold out of fold.

use super::linear::{self, sigmoid, Sample, Settings, Trained};
use super::Example;
use steady_nlp::text::{sentences, tokenize};
use steady_nlp::traps::{self, index_of, Pool, N_TRAPS};

pub const SETTINGS: Settings = Settings {
    epochs: 12,
    lr: 0.15,
    l2: 3e-3,
    pos_weight: 2.0,
    smooth: 0.03,
    ensemble: 4,
};
pub const FOLDS: usize = 5;

/// How a trap model is trained: the SGD settings, and whether long texts are also
/// training units as a whole (see [`units`]).
#[derive(Clone, Copy)]
pub struct Recipe {
    pub settings: Settings,
    pub whole_long: bool,
}
/// Features whose largest quantised weight is below this are dropped.
pub const PRUNE_Q: i8 = 2;

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
/// `WHOLE_TEXT_TOKENS` tokens) may have its trap in one sentence among many, so the
/// sentence where its main trap is said stands for it: the one its file gives
/// (`span`), or else, given a first model (`guide`), the sentence that model finds
/// most typical of the main trap (multiple-instance learning); without either it is
/// left out. The long text itself is a unit too when `whole_long` is set (for the
/// long-text model, which may score whole texts).
fn units(ex: &[Example], guide: Option<&Trained<N_TRAPS>>, whole_long: bool) -> Vec<Example> {
    let mut out = Vec::with_capacity(ex.len());
    let unit = |labels: &[String], text: String| Example {
        labels: labels.to_vec(),
        text,
        span: None,
    };
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
                    out.push(unit(&[], piece(r)));
                }
            }
            continue;
        }
        if !long {
            out.push(e.clone());
            continue;
        }
        if whole_long {
            out.push(unit(&e.labels, e.text.clone()));
        }
        if let Some(span) = &e.span {
            out.push(unit(&e.labels, span.clone()));
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
                out.push(unit(&e.labels, piece(r)));
            }
        }
    }
    out
}

/// Trains in two rounds when some long distorted text has no marked span: without
/// those, then with the sentence of each that the first model picks (see [`units`]).
pub fn train_model(ex: &[Example], recipe: Recipe, seed: u64) -> Trained<N_TRAPS> {
    let Recipe {
        settings,
        whole_long,
    } = recipe;
    let first = linear::train(&featurize(&units(ex, None, whole_long)), settings, seed);
    let needs_guide = ex
        .iter()
        .any(|e| !e.labels.is_empty() && e.span.is_none() && traps::is_long(&e.text));
    if !needs_guide {
        return first;
    }
    let second = units(ex, Some(&first), whole_long);
    linear::train(&featurize(&second), settings, seed)
}

/// Out-of-fold logits of one line and its gold labels (dominant first).
pub type Oof = Vec<([f32; N_TRAPS], Vec<usize>)>;

/// The models of a 5-fold cross-validation over some lines (other lines are always
/// training data), each with the lines it did not see.
pub struct Folds<'a> {
    pub runs: Vec<(Trained<N_TRAPS>, Vec<&'a Example>)>,
}

impl Folds<'_> {
    /// Out-of-fold pooled logits of every cross-validated line that `keep` accepts.
    pub fn oof(&self, pool: Pool, keep: impl Fn(&Example) -> bool) -> Oof {
        let mut out = Vec::new();
        for (m, held) in &self.runs {
            for e in held.iter().filter(|e| keep(e)) {
                let gold = e.labels.iter().map(|l| index_of(l).expect("known label"));
                out.push((text_logits(m, &e.text, pool), gold.collect()));
            }
        }
        out
    }
}

/// The `always` lines that may train a model tested on `held`: all but those that
/// nearly share the words of a held-out line (the corpus generator adds
/// texting-style copies of hand-written lines; a copy would leak its original).
pub fn leak_free(always: &[Example], held: &[&Example]) -> Vec<Example> {
    let words = |t: &str| -> std::collections::HashSet<String> {
        tokenize(t).into_iter().map(|k| k.word).collect()
    };
    let held_words: Vec<_> = held.iter().map(|e| words(&e.text)).collect();
    always
        .iter()
        .filter(|e| {
            let g = words(&e.text);
            !held_words.iter().any(|h| {
                let inter = h.intersection(&g).count() as f64;
                inter / (h.len() + g.len()) as f64 * 2.0 >= 0.8
            })
        })
        .cloned()
        .collect()
}

/// Cross-validates over `cv`; the `always` lines are training data in every fold
/// (see [`leak_free`]).
pub fn cross_validate<'a>(cv: &'a [Example], always: &[Example], recipe: Recipe) -> Folds<'a> {
    let mut runs = Vec::new();
    for fold in 0..FOLDS {
        let mut tr = Vec::new();
        let mut held = Vec::new();
        for (i, e) in cv.iter().enumerate() {
            if i % FOLDS == fold {
                held.push(e);
            } else {
                tr.push(e.clone());
            }
        }
        tr.extend(leak_free(always, &held));
        let model = train_model(&tr, recipe, 42 + fold as u64);
        runs.push((model, held));
    }
    Folds { runs }
}

/// Threshold-free quality of out-of-fold logits: the area under the ROC curve of the
/// top logit for distorted-or-not, and how often the dominant trap is in the top 3.
pub fn ranking_quality(oof: &Oof) -> (f64, f64) {
    let tops: Vec<(f32, bool)> = oof
        .iter()
        .map(|(z, g)| {
            (
                z.iter().cloned().fold(f32::NEG_INFINITY, f32::max),
                !g.is_empty(),
            )
        })
        .collect();
    let auc = super::auc(tops).unwrap_or(0.0);
    let (mut n, mut hit) = (0.0, 0.0);
    for (z, g) in oof.iter().filter(|(_, g)| !g.is_empty()) {
        n += 1.0;
        if top3(z).contains(&g[0]) {
            hit += 1.0;
        }
    }
    (auc, hit / n)
}

pub fn top3(z: &[f32; N_TRAPS]) -> [usize; 3] {
    let mut order: Vec<usize> = (0..N_TRAPS).collect();
    order.sort_by(|&a, &b| z[b].total_cmp(&z[a]));
    [order[0], order[1], order[2]]
}

/// Picks the pooling by cross-validation: the sum of the distorted-or-not AUC and
/// the top-3 recall of the dominant trap, out of fold, over the lines `keep` accepts.
/// Multi-sentence lines alone are also printed, since pooling only changes them.
pub fn choose_pool(folds: &Folds, keep: impl Fn(&Example) -> bool + Copy) -> Pool {
    let multi = |e: &Example| keep(e) && sentences(&tokenize(&e.text)).len() > 1;
    let mut best = (f64::NEG_INFINITY, Pool::default());
    println!("pooling (out of fold): AUC, top-3 dominant | multi-sentence lines only");
    for second in [0.0, 0.25, 0.5] {
        for whole in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let pool = Pool { second, whole };
            let (auc, t3) = ranking_quality(&folds.oof(pool, keep));
            let several = folds.oof(pool, multi);
            let (lauc, lt3) = ranking_quality(&several);
            println!(
                "  second {second:.2} whole {whole:.2}: {auc:.3} {t3:.3} | {lauc:.3} {lt3:.3} ({} lines)",
                several.len()
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
pub fn fit_temperature(oof: &Oof) -> f32 {
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
pub fn tune_threshold(oof: &Oof, temp: f32) -> f32 {
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
