//! Trains the crisis-language model from the project's own labelled corpus and
//! writes `model/crisis.bin`, which the library embeds.
//!
//! ```text
//! cargo run --release -p steady-nlp --example train_crisis
//! LIST_RULE_ERRORS=1 cargo run --release -p steady-nlp --example train_crisis
//! ```
//!
//! Data: every `data/crisis/*.tsv` (`risk|safe<TAB>text`). The test sets in
//! `tests/data/crisis*.tsv` are never read here.
//! Model: logistic regression over the features of `crisis::model::features`,
//! scored per sentence and over the whole text, pooled by the maximum. 5-fold
//! cross-validation gives out-of-fold probabilities; combined with the rules as the
//! library combines them (the higher score counts), the decision point is the one
//! with the most recall whose false-alarm rate stays within [`MAX_FALSE_ALARMS`]. The
//! bias is shifted so that this point is 0.5.

mod common;

use common::binary::{self, Line, FOLDS, SETTINGS};
use common::linear::Settings;
use steady_nlp::crisis::{model, rules};

/// The highest out-of-fold false-alarm rate the decision point may have. The corpus
/// is adversarial by design (about half of its safe lines share words with risk),
/// so this rate is far above that of everyday text (see docs/nlp.md). The minimal
/// pairs of `train_l` made it harder still, so the budget rose from 12% to 15%,
/// which keeps recall on the read test sets where it was.
const MAX_FALSE_ALARMS: f64 = 0.15;

/// Stronger L2 than the shared settings: trained on all corpora but one and
/// measured on the one left out (a new author's wording), L2 0.1 gave the best
/// ranking of the values tried from 3e-4 to 1 (AUC 0.957 against 0.935 at 3e-3;
/// recall at 12% false alarms 0.910 against 0.851; see docs/nlp.md).
const CRISIS_SETTINGS: Settings = Settings {
    l2: 0.1,
    ..SETTINGS
};

/// (recall, false-alarm rate) when flagging at model probability `t`, with or
/// without the rules.
fn rates(lines: &[Line], oof: &[f32], rule: &[f32], t: f32, with_rules: bool) -> (f64, f64) {
    let (mut tp, mut fp, mut pos) = (0.0, 0.0, 0.0);
    for ((l, p), r) in lines.iter().zip(oof).zip(rule) {
        let flagged = *p >= t || (with_rules && *r >= 0.5);
        pos += f64::from(u8::from(l.positive));
        match (flagged, l.positive) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            _ => {}
        }
    }
    (tp / pos, fp / (lines.len() as f64 - pos))
}

fn main() -> std::io::Result<()> {
    let lines = binary::read_corpus("crisis", "risk", "safe")?;
    let rule: Vec<f32> = lines.iter().map(|l| rules::score(&l.text)).collect();
    if std::env::var_os("LIST_RULE_ERRORS").is_some() {
        for (l, r) in lines.iter().zip(&rule) {
            if (*r >= 0.5) != l.positive {
                let kind = if l.positive { "missed" } else { "false alarm" };
                println!("{kind}\t{}", l.text);
            }
        }
    }
    let oof = binary::out_of_fold(&lines, FOLDS, CRISIS_SETTINGS, model::features, |t, f| {
        model::pooled_logit(t, f)
    });
    let (rr, rf) = rates(&lines, &oof, &rule, 2.0, true);
    println!("rules alone, out of fold: recall {rr:.3}, false alarms {rf:.3}");
    for t in [0.5f32, 0.8, 0.9, 0.95, 0.97, 0.99] {
        let (a, b) = rates(&lines, &oof, &rule, t, false);
        let (c, d) = rates(&lines, &oof, &rule, t, true);
        println!("  at {t:.3}: model recall {a:.3} false alarms {b:.3}; with rules {c:.3} {d:.3}");
    }
    let mut best = (0.999f32, 0.0f64, 0.0f64);
    for step in 500..1000 {
        let t = step as f32 / 1000.0;
        let (recall, fa) = rates(&lines, &oof, &rule, t, true);
        if fa <= MAX_FALSE_ALARMS && recall > best.1 {
            best = (t, recall, fa);
        }
    }
    let (t, recall, fa) = best;
    let (mr, mf) = rates(&lines, &oof, &rule, t, false);
    println!(
        "cross-validation: decision point {t:.3}; model alone recall {mr:.3}, false alarms {mf:.3}; \
         with the rules recall {recall:.3}, false alarms {fa:.3}"
    );
    binary::train_and_write(
        &lines,
        CRISIS_SETTINGS,
        model::features,
        t,
        (model::MAGIC, model::FEATURE_VERSION, "crisis.bin"),
    )
}
