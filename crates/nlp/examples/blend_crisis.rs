//! Chooses where the blended crisis score flags ([`crisis::BLEND_POINT`]) on the
//! validation sets: of the points 0.05 to 0.95 (steps of 0.05), the one that
//! leaves the most room on both sides of the aim, that is, with the largest
//! smaller margin of recall over 0.95 and of false alarms under 0.05. (The word
//! model's rule in `train_crisis`, the fewest false alarms with recall at least
//! 0.95, lands on the very edge of the aim here, where the blend's curve is steep;
//! new authors' recall runs lower than the validation sets'.) Prints the curve, the
//! AUC of each part and the per-file rates at the shipped point.
//!
//! ```text
//! cargo run --release -p steady-nlp --example blend_crisis
//! ```

mod common;

use common::binary::{self, Line};
use steady_nlp::crisis::{self, model, rules};
use steady_nlp::encoder;
use steady_nlp::text::tokenize;

/// The aim: recall at least this with false alarms at most [`FALSE_ALARM_AIM`].
const RECALL_AIM: f64 = 0.95;
const FALSE_ALARM_AIM: f64 = 0.05;

/// (recall, false-alarm rate) over the lines that `keep` selects, flagged when
/// their score is at or above the threshold.
fn rates(lines: &[Line], score: &[f32], keep: impl Fn(&Line) -> bool) -> (f64, f64) {
    let (mut tp, mut fp, mut pos, mut n) = (0.0, 0.0, 0.0, 0.0);
    for (l, s) in lines.iter().zip(score).filter(|(l, _)| keep(l)) {
        n += 1.0;
        pos += f64::from(u8::from(l.positive));
        match (*s >= crisis::THRESHOLD, l.positive) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            _ => {}
        }
    }
    (tp / pos, fp / (n - pos))
}

/// Area under the ROC curve of `score` (ties count half).
fn auc(lines: &[Line], score: &[f32]) -> f64 {
    let of = |positive: bool| -> Vec<f32> {
        lines
            .iter()
            .zip(score)
            .filter(|(l, _)| l.positive == positive)
            .map(|(_, s)| *s)
            .collect()
    };
    let (risky, safe) = (of(true), of(false));
    let mut above = 0.0;
    for s in &risky {
        for t in &safe {
            above += if s > t {
                1.0
            } else if s == t {
                0.5
            } else {
                0.0
            };
        }
    }
    above / (risky.len() * safe.len()) as f64
}

fn main() -> std::io::Result<()> {
    let lines: Vec<Line> = binary::read_corpus_files("crisis_validation", "risk", "safe")?
        .into_iter()
        .flatten()
        .collect();
    let Some(enc) = encoder::crisis() else {
        eprintln!("the crisis encoder is not embedded");
        std::process::exit(1);
    };
    let scored: Vec<(f32, f32, f32)> = lines
        .iter()
        .map(|l| {
            let toks = tokenize(&l.text);
            let r = rules::find(&toks).score();
            let words = crisis::combine(r, model::probability(&toks));
            (r, words, enc.probability(&l.text))
        })
        .collect();
    let words: Vec<f32> = scored.iter().map(|s| s.1).collect();
    let (wr, wf) = rates(&lines, &words, |_| true);
    println!(
        "words alone (rules and word model): AUC {:.4}, at its point recall {wr:.3}, false alarms {wf:.3}",
        auc(&lines, &words)
    );
    let meaning: Vec<f32> = scored.iter().map(|s| s.2).collect();
    println!("encoder alone: AUC {:.4}", auc(&lines, &meaning));
    let blended = |point: f32| -> Vec<f32> {
        scored
            .iter()
            .map(|&(r, w, m)| crisis::blend(r, w, Some(m), point))
            .collect()
    };
    println!(
        "blend at the shipped encoder weight {}: AUC {:.4}",
        crisis::ENCODER_WEIGHT,
        auc(&lines, &blended(0.5))
    );
    let mut best: Option<(f32, f64, f64)> = None;
    let room = |r: f64, f: f64| (r - RECALL_AIM).min(FALSE_ALARM_AIM - f);
    for i in 1..20 {
        let point = i as f32 / 20.0;
        let s = blended(point);
        let (r, f) = rates(&lines, &s, |_| true);
        println!("  at {point:.2}: recall {r:.3}, false alarms {f:.3}");
        if best.is_none_or(|b| room(r, f) > room(b.1, b.2)) {
            best = Some((point, r, f));
        }
    }
    match best {
        Some((p, r, f)) => println!(
            "chosen point {p:.2}: recall {r:.3}, false alarms {f:.3} (shipped: {:.2})",
            crisis::BLEND_POINT
        ),
        None => println!("no points"),
    }
    let s = blended(crisis::BLEND_POINT);
    let mut files: Vec<&str> = lines.iter().map(|l| l.file.as_str()).collect();
    files.dedup();
    for f in files {
        let (r, fa) = rates(&lines, &s, |l| l.file == f);
        println!("  {f} at the shipped point: recall {r:.3}, false alarms {fa:.3}");
    }
    Ok(())
}
