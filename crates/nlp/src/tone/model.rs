//! The learned blaming-language model: one logistic regression over hashed
//! features of a sentence (words, word pairs and triples, character 3- and 4-grams,
//! and which of the hand-written cues of [`super`] fired, before and after the
//! praise check), trained on the project's own labelled corpus by
//! `examples/train_tone.rs`. Its bias is shifted so that 0.5 is the decision point
//! chosen by cross-validation.

use crate::hash::{fnv, key32, pair};
use crate::linear::{Linear, ModelError};
use crate::ngrams::{word_ngrams, Seeds};
use crate::text::{sentences, tokenize, Token};
use std::sync::OnceLock;

/// Bumped whenever feature extraction or the file layout changes.
pub const FEATURE_VERSION: u32 = 1;
/// The file's magic bytes.
pub const MAGIC: &[u8; 4] = b"STTM";
const BYTES: &[u8] = include_bytes!("../../model/tone.bin");

const SEED_UNI: u64 = 41;
const SEED_BI: u64 = 42;
const SEED_TRI: u64 = 43;
const SEED_CHAR: u64 = 44;
const SEED_CUE: u64 = 45;
const SEED_KEPT: u64 = 46;
const SEED_FLAG: u64 = 47;

/// Appends the features of one sentence (or a short text) to `out`.
pub fn features(toks: &[Token], out: &mut Vec<u32>) {
    let seeds = Seeds {
        uni: SEED_UNI,
        bi: SEED_BI,
        tri: SEED_TRI,
        chars: SEED_CHAR,
    };
    word_ngrams(toks, |w| fnv(0, w.as_bytes()), seeds, out);
    let (all, kept) = super::cue_ids(toks);
    for id in all {
        out.push(key32(pair(SEED_CUE, id as u64)));
    }
    for id in &kept {
        out.push(key32(pair(SEED_KEPT, *id as u64)));
    }
    let you = toks
        .iter()
        .filter(|t| matches!(t.word.as_str(), "you" | "your" | "yours" | "yourself"))
        .count();
    let flags = [!kept.is_empty(), you > 0, you > 2];
    for (i, on) in flags.into_iter().enumerate() {
        if on {
            out.push(key32(pair(SEED_FLAG, i as u64)));
        }
    }
}

/// The text's sentences and the text as a whole, each with its logit under any
/// per-unit scorer (the library's model or the trainer's float weights).
pub fn unit_logits<F>(toks: &[Token], mut logit: F) -> Vec<(f32, std::ops::Range<usize>)>
where
    F: FnMut(&[u32]) -> f32,
{
    let mut feats = Vec::with_capacity(256);
    let mut score = |range: std::ops::Range<usize>| {
        feats.clear();
        features(&toks[range.clone()], &mut feats);
        (logit(&feats), range)
    };
    let sents = sentences(toks);
    let mut out = vec![score(0..toks.len())];
    if sents.len() > 1 {
        out.extend(sents.into_iter().map(&mut score));
    }
    out
}

/// The highest logit over the text's sentences and the text as a whole.
pub fn pooled_logit<F>(text: &str, logit: F) -> f32
where
    F: FnMut(&[u32]) -> f32,
{
    unit_logits(&tokenize(text), logit)
        .into_iter()
        .map(|u| u.0)
        .fold(f32::NEG_INFINITY, f32::max)
}

/// The embedded model, or `None` when its file cannot be read (the rules then
/// decide alone).
pub fn model() -> Option<&'static Linear<1>> {
    static M: OnceLock<Result<Linear<1>, ModelError>> = OnceLock::new();
    M.get_or_init(|| Linear::from_bytes(BYTES, MAGIC, FEATURE_VERSION))
        .as_ref()
        .ok()
}

/// The most blaming unit of a tokenized text (shortest first among equals) with the
/// model's probability, when the model is available.
pub fn most_blaming(toks: &[Token]) -> Option<(f32, std::ops::Range<usize>)> {
    let m = model()?;
    unit_logits(toks, |f| m.logits(f)[0])
        .into_iter()
        .map(|(z, r)| (1.0 / (1.0 + (-z).exp()), r))
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then((b.1.end - b.1.start).cmp(&(a.1.end - a.1.start)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_is_current() {
        // Fails when features changed without retraining (run examples/train_tone.rs).
        assert!(model().is_some(), "model/tone.bin is stale or missing");
    }
}
