//! A small sentence encoder that reads meaning rather than words: MiniLM-L6
//! (Wang et al., 2020, as `all-MiniLM-L6-v2` of the sentence-transformers project,
//! Apache-2.0), fine-tuned on the project's own crisis corpus
//! (`scripts/train_crisis_encoder.py`) and stored with 8-bit weights. The crisis
//! detector blends its probability with the rules and the word model
//! ([`crate::crisis`]).
//!
//! It is far slower than the linear models (a few milliseconds for a short text;
//! docs/benchmarks.md), so only the crisis check uses it.

mod bert;
pub mod wordpiece;

use bert::Bert;
use std::sync::OnceLock;
use wordpiece::Vocab;

static CRISIS_BYTES: &[u8] = include_bytes!("../../model/crisis_encoder.bin");
static VOCAB: &str = include_str!("../../model/encoder_vocab.txt");
/// Transformer layers in the embedded model.
const LAYERS: usize = 6;
/// Consecutive windows of a long text share this many pieces, so that a phrase cut
/// by one window's end is whole in the next.
const WINDOW_OVERLAP: usize = 32;

/// A tokenizer and an encoder with a one-output head.
pub struct Encoder {
    vocab: Vocab,
    bert: Bert,
}

impl Encoder {
    /// The head's logit for a text. A text longer than one pass is read in
    /// overlapping windows and the highest logit counts, as one risky sentence in a
    /// long entry is enough.
    pub fn logit(&self, text: &str) -> f32 {
        let pieces = self.vocab.pieces(text);
        let window = self.bert.max_len() - 2;
        let step = window - WINDOW_OVERLAP;
        let mut best = f32::NEG_INFINITY;
        let mut start = 0;
        loop {
            let end = (start + window).min(pieces.len());
            let mut ids = Vec::with_capacity(end - start + 2);
            ids.push(self.vocab.start);
            ids.extend_from_slice(&pieces[start..end]);
            ids.push(self.vocab.end);
            best = best.max(self.bert.logit(&ids));
            if end == pieces.len() {
                return best;
            }
            start += step;
        }
    }

    /// The head's probability for a text.
    pub fn probability(&self, text: &str) -> f32 {
        1.0 / (1.0 + (-self.logit(text)).exp())
    }
}

/// The embedded crisis encoder, or `None` when its files cannot be read (the crisis
/// check then goes on without it).
pub fn crisis() -> Option<&'static Encoder> {
    static E: OnceLock<Option<Encoder>> = OnceLock::new();
    E.get_or_init(|| {
        Some(Encoder {
            vocab: Vocab::parse(VOCAB)?,
            bert: Bert::from_bytes(CRISIS_BYTES, LAYERS)?,
        })
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_encoder_loads_and_separates_risk_from_hyperbole() {
        let e = crisis().expect("model/crisis_encoder.bin and its vocabulary load");
        let risky = e.probability("i dont want to be here anymore, everyone would be better off");
        let safe = e.probability("this deadline is killing me lol");
        assert!(risky > 0.9 && safe < 0.1, "risky {risky}, safe {safe}");
    }

    #[test]
    fn long_texts_are_read_in_windows() {
        let e = crisis().expect("encoder loads");
        let day = "Today was long. I dropped the kids at school, then had a meeting that \
            ran over, and lunch was a sandwich at my desk. Sam texted to say he'd be late \
            again because of the train strike, and I felt that old tug of worry, but I \
            reminded myself that late is not the same as gone.";
        let evening = "In the evening we cooked pasta together and watched half a film \
            before we both fell asleep on the sofa. Tomorrow I want to go for a run before \
            work and call my sister about her birthday plans. I also need to book the car \
            in for its service and reply to the landlord about the boiler.";
        let safe = format!("{day} {evening}");
        let risky =
            format!("{day} I have the pills saved and tonight I will take them all. {evening}");
        assert!(e.vocab.pieces(&risky).len() > e.bert.max_len());
        assert!(e.probability(&safe) < 0.5);
        assert!(e.probability(&risky) > 0.5);
    }
}
