//! Chooses the L2 strength of a one-output model (crisis or tone) by how well it
//! carries to a new author's wording: for each corpus file in `data/<kind>/`, train
//! on all the others and score the one left out, then pool those scores and report
//! the AUC and the recall at a few false-alarm budgets (the crisis rules count as
//! flagging too, as in the library).
//!
//! ```text
//! cargo run --release -p steady-nlp --example tune_l2 -- crisis
//! cargo run --release -p steady-nlp --example tune_l2 -- tone
//! ```

mod common;

use common::binary::{read_corpus_files, samples, Line, SETTINGS};
use common::linear::{self, sigmoid, Settings};
use steady_nlp::text::Token;

const L2: &[f32] = &[3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0];
const BUDGETS: &[f64] = &[0.08, 0.12, 0.16];

type Scorer = fn(&str, &dyn Fn(&[u32]) -> f32) -> f32;

/// What a model kind needs here: its corpus folder and labels, features, pooling,
/// and whether its rules flag a text on their own.
struct Kind {
    folder: &'static str,
    positive: &'static str,
    negative: &'static str,
    features: fn(&[Token], &mut Vec<u32>),
    pooled: Scorer,
    rule: fn(&str) -> bool,
}

fn main() -> std::io::Result<()> {
    let kind = std::env::args().nth(1).unwrap_or_default();
    let k = match kind.as_str() {
        "crisis" => Kind {
            folder: "crisis",
            positive: "risk",
            negative: "safe",
            features: steady_nlp::crisis::model::features,
            pooled: |t, f| steady_nlp::crisis::model::pooled_logit(t, f),
            rule: |t| steady_nlp::crisis::rules::score(t) >= 0.5,
        },
        "tone" => Kind {
            folder: "tone",
            positive: "blaming",
            negative: "ok",
            features: steady_nlp::tone::model::features,
            pooled: |t, f| steady_nlp::tone::model::pooled_logit(t, f),
            rule: |_| false,
        },
        _ => {
            eprintln!("usage: tune_l2 crisis|tone");
            std::process::exit(2);
        }
    };
    let corpora = read_corpus_files(k.folder, k.positive, k.negative)?;
    for &l2 in L2 {
        let settings = Settings {
            l2,
            ensemble: 2,
            ..SETTINGS
        };
        // (model probability, flagged by the rules, positive) for every line, each
        // scored by a model that never saw its corpus.
        let mut scored: Vec<(f32, bool, bool)> = Vec::new();
        for left_out in 0..corpora.len() {
            let train: Vec<&Line> = corpora
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != left_out)
                .flat_map(|(_, c)| c.iter())
                .collect();
            let m = linear::train(&samples(&train, k.features), settings, 7);
            for l in &corpora[left_out] {
                let p = sigmoid((k.pooled)(&l.text, &|f| m.logits(f)[0]));
                scored.push((p, (k.rule)(&l.text), l.positive));
            }
        }
        let pos_n = scored.iter().filter(|s| s.2).count() as f64;
        let neg_n = scored.len() as f64 - pos_n;
        let auc = common::auc(scored.iter().map(|s| (s.0, s.2)).collect()).unwrap_or(0.5);
        let mut line = format!("L2 {l2}: AUC {auc:.3}");
        for &budget in BUDGETS {
            let mut best = 0.0;
            for step in 1..1000 {
                let t = step as f32 / 1000.0;
                let (mut tp, mut fp) = (0.0, 0.0);
                for &(p, r, y) in &scored {
                    if p >= t || r {
                        if y {
                            tp += 1.0;
                        } else {
                            fp += 1.0;
                        }
                    }
                }
                if fp / neg_n <= budget && tp / pos_n > best {
                    best = tp / pos_n;
                }
            }
            line.push_str(&format!(
                "; recall at {:.0}% false alarms {best:.3}",
                budget * 100.0
            ));
        }
        println!("{line}");
    }
    Ok(())
}
