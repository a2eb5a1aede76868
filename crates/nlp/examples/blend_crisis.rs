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
use steady_nlp::crisis;
use steady_nlp::encoder;

/// The aim: recall at least this with false alarms at most [`FALSE_ALARM_AIM`].
const RECALL_AIM: f64 = 0.95;
const FALSE_ALARM_AIM: f64 = 0.05;

/// (recall, false-alarm rate) over the lines that `keep` selects, flagged when
/// their score is at or above the threshold.
fn rates(lines: &[Line], score: &[f32], keep: impl Fn(&Line) -> bool) -> (f64, f64) {
    binary::rates(lines, |i| score[i] >= crisis::THRESHOLD, keep)
}

/// Area under the ROC curve of `score` for risk against safe.
fn auc(lines: &[Line], score: &[f32]) -> f64 {
    let scored = lines.iter().zip(score).map(|(l, s)| (*s, l.positive));
    common::auc(scored.collect()).unwrap_or(f64::NAN)
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
            let (rules, words) = crisis::read_words(&l.text);
            (rules, words, enc.probability(&l.text))
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
    for f in binary::file_names(&lines) {
        let (r, fa) = rates(&lines, &s, |l| l.file == f);
        println!("  {f} at the shipped point: recall {r:.3}, false alarms {fa:.3}");
    }
    Ok(())
}
