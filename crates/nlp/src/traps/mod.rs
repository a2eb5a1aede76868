//! Thinking-trap suggestions for a thought ("He hasn't texted back, he must be
//! losing interest" -> mind reading, fortune telling, ...).
//!
//! The suggestions are offered, never imposed: the person decides which traps,
//! if any, fit their thought.

pub mod cues;
pub mod features;
mod info;
pub mod lexicon;
pub mod model;

pub use info::{index_of, TrapInfo, N_TRAPS, TRAPS};

use crate::text::{sentences, tokenize, Token};
use serde::Serialize;

/// How many suggestions a report lists at most.
pub const MAX_SUGGESTIONS: usize = 5;
/// How many suggestions a report always lists.
pub const MIN_SUGGESTIONS: usize = 3;
/// Texts up to this many tokens are also scored as a whole, not just by sentence.
pub const WHOLE_TEXT_TOKENS: usize = 60;

/// One suggested trap with the model's confidence (0..1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TrapScore {
    pub label: &'static str,
    #[serde(serialize_with = "crate::round3")]
    pub score: f32,
}

/// The result of analysing one thought.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrapReport {
    /// Whether the thought likely contains at least one thinking trap.
    pub distorted: bool,
    /// Suggested traps, most likely first (at least three).
    pub traps: Vec<TrapScore>,
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Feature keys of a short text scored as one unit (what the trainer sees).
pub fn unit_features(toks: &[Token], out: &mut Vec<u32>) {
    features::extract(toks, out);
}

/// How the logits of a text's parts are combined into one per trap.
///
/// A text is split into sentences and each is scored on its own, so one distorted
/// sentence in a long post is not drowned out by the rest; a multi-sentence text is
/// also scored as a whole, as one more part, when `whole` is above zero. Per trap,
/// the parts pool as the highest logit plus `second` times the second highest when
/// that is above zero (a second sentence showing the same trap adds a little). The
/// result is then `(1 - whole) * pooled + whole * whole-text logit`: the whole text
/// carries what the sentences say together. Each model stores the pooling its
/// trainer chose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pool {
    pub second: f32,
    pub whole: f32,
}

impl Default for Pool {
    fn default() -> Self {
        Pool {
            second: 0.25,
            whole: 0.0,
        }
    }
}

/// Pooled logits of a text for any per-unit scorer (the library's models, or the
/// trainer's float weights).
pub fn pooled_logits<F>(text: &str, pool: Pool, logits: F) -> [f32; N_TRAPS]
where
    F: FnMut(&[u32]) -> [f32; N_TRAPS],
{
    pooled(&tokenize(text), pool, logits)
}

/// Whether a text is long: more than one sentence and over [`WHOLE_TEXT_TOKENS`]
/// tokens. Long texts are scored by the long-text model.
pub fn is_long(text: &str) -> bool {
    is_long_tokens(&tokenize(text))
}

fn is_long_tokens(toks: &[Token]) -> bool {
    toks.len() > WHOLE_TEXT_TOKENS && sentences(toks).len() > 1
}

fn pooled<F>(toks: &[Token], pool: Pool, mut logits: F) -> [f32; N_TRAPS]
where
    F: FnMut(&[u32]) -> [f32; N_TRAPS],
{
    let mut best = [f32::NEG_INFINITY; N_TRAPS];
    let mut second = [f32::NEG_INFINITY; N_TRAPS];
    let mut feats = Vec::with_capacity(256);
    let mut score = |range: std::ops::Range<usize>| {
        feats.clear();
        unit_features(&toks[range], &mut feats);
        logits(&feats)
    };
    let take = |l: [f32; N_TRAPS], best: &mut [f32; N_TRAPS], second: &mut [f32; N_TRAPS]| {
        for ((b, s), l) in best.iter_mut().zip(second.iter_mut()).zip(l) {
            if l > *b {
                *s = *b;
                *b = l;
            } else if l > *s {
                *s = l;
            }
        }
    };
    let sents = sentences(toks);
    let mut whole = None;
    if sents.len() != 1 && pool.whole > 0.0 {
        let l = score(0..toks.len());
        take(l, &mut best, &mut second);
        whole = Some(l);
    }
    for s in sents {
        let l = score(s);
        take(l, &mut best, &mut second);
    }
    let mut out = best;
    for (o, s) in out.iter_mut().zip(second) {
        if s > 0.0 {
            *o += pool.second * s;
        }
    }
    if let Some(w) = whole {
        for (o, w) in out.iter_mut().zip(w) {
            *o = (1.0 - pool.whole) * *o + pool.whole * w;
        }
    }
    out
}

/// A text's tokens and the model that scores it (by length, see [`is_long`]).
fn tokens_and_model(text: &str) -> (Vec<Token>, &'static model::Model) {
    let toks = tokenize(text);
    let m = model::for_length(is_long_tokens(&toks));
    (toks, m)
}

/// Trap probabilities of tokenized text under model `m`, pooled as `m` was tuned to.
fn scores_of(toks: &[Token], m: &model::Model) -> [f32; N_TRAPS] {
    pooled(toks, m.pool, |f| m.logits(f)).map(sigmoid)
}

/// The probability of each trap, in the order of [`TRAPS`], from the model for the
/// text's length, pooled as that model was tuned to.
pub fn scores(text: &str) -> [f32; N_TRAPS] {
    let (toks, m) = tokens_and_model(text);
    scores_of(&toks, m)
}

/// Like [`scores`], with a given model for every text (for measuring what each
/// model adds).
pub fn scores_with(text: &str, m: &model::Model) -> [f32; N_TRAPS] {
    scores_of(&tokenize(text), m)
}

/// The decision threshold on the highest trap probability of a text.
pub fn threshold(text: &str) -> f32 {
    model::for_length(is_long(text)).threshold
}

/// Suggests thinking traps for a thought.
pub fn analyze(text: &str) -> TrapReport {
    let (toks, m) = tokens_and_model(text);
    report_from_scores(&scores_of(&toks, m), m.threshold)
}

/// Builds a report from trap probabilities.
pub fn report_from_scores(scores: &[f32; N_TRAPS], threshold: f32) -> TrapReport {
    let mut order: Vec<usize> = (0..N_TRAPS).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let distorted = scores[order[0]] >= threshold;
    let traps = order
        .iter()
        .enumerate()
        .take_while(|(rank, &i)| *rank < MIN_SUGGESTIONS || scores[i] >= threshold)
        .take(MAX_SUGGESTIONS)
        .map(|(_, &i)| TrapScore {
            label: TRAPS[i].label,
            score: (scores[i] * 1000.0).round() / 1000.0,
        })
        .collect();
    TrapReport { distorted, traps }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lists_at_least_three_best_first() {
        for text in [
            "",
            "ok",
            "He hasn't texted back, he must be losing interest",
        ] {
            let r = analyze(text);
            assert!(r.traps.len() >= MIN_SUGGESTIONS && r.traps.len() <= MAX_SUGGESTIONS);
            assert!(r.traps.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }

    #[test]
    fn report_from_scores_respects_threshold() {
        let mut s = [0.1; N_TRAPS];
        s[4] = 0.9;
        s[5] = 0.8;
        s[6] = 0.7;
        s[7] = 0.6;
        let r = report_from_scores(&s, 0.65);
        assert!(r.distorted);
        assert_eq!(r.traps.len(), 3);
        assert_eq!(r.traps[0].label, "mind_reading");
        let r = report_from_scores(&s, 0.95);
        assert!(!r.distorted);
    }
}
