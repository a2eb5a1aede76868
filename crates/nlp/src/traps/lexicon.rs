//! The cognitive-distortion schemata of Bollen et al. (2021).
//!
//! Source: J. Bollen, M. ten Thij, F. Breithaupt, A. T. J. Barron, L. A. Rutter,
//! L. Lorenzo-Luaces and M. Scheffer, "Historical language records reveal a
//! surge of cognitive distortions in recent decades", PNAS 118(30) e2102061118
//! (2021). 241 short n-grams in 12 classes; here each class is mapped to the
//! nearest Steady trap and used as a model feature.

use crate::hash::{fnv, pair};
use std::collections::HashMap;
use std::sync::OnceLock;

const RAW: &str = include_str!("../../data/cds_lexicon.json");

/// Longest n-gram in the lexicon, in words.
pub const MAX_LEN: usize = 5;

/// Maps the paper's class names to Steady trap labels.
pub fn class_to_label(class: &str) -> Option<&'static str> {
    Some(match class {
        "Catastrophizing" | "Magnification and Minimization" => "catastrophizing",
        "Dichotomous Reasoning" => "all_or_nothing",
        "Disqualifying the Positive" => "disqualifying_positive",
        "Emotional Reasoning" => "emotional_reasoning",
        "Fortune-telling" => "fortune_telling",
        "Labeling and mislabeling" => "labeling",
        "Mental Filtering" => "mental_filter",
        "Mindreading" => "mind_reading",
        "Overgeneralizing" => "overgeneralizing",
        "Personalizing" => "personalizing",
        "Should statements" => "should_statements",
        _ => return None,
    })
}

/// Hash of a word, shared with the feature extractor.
#[inline]
pub fn word_hash(w: &str) -> u64 {
    fnv(0x5eed, w.as_bytes())
}

/// Hash of a word sequence: folds word hashes left to right.
#[inline]
pub fn seq_hash(prev: u64, word: u64) -> u64 {
    pair(prev, word)
}

/// The lexicon: hashed n-gram -> (class index into [`classes`], n-gram number).
pub struct Lexicon {
    pub entries: HashMap<u64, (u8, u16)>,
    pub classes: Vec<&'static str>,
}

/// The parsed lexicon (empty if the embedded file were unreadable, which a unit test rules out).
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = Lexicon {
            entries: HashMap::new(),
            classes: Vec::new(),
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(RAW) else {
            return lex;
        };
        let Some(classes) = v.get("classes").and_then(|c| c.as_object()) else {
            return lex;
        };
        let mut n = 0u16;
        for (class, grams) in classes {
            let Some(label) = class_to_label(class) else {
                continue;
            };
            let ci = match lex.classes.iter().position(|c| *c == label) {
                Some(i) => i,
                None => {
                    lex.classes.push(label);
                    lex.classes.len() - 1
                }
            };
            for g in grams
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|g| g.as_str())
            {
                let mut h = 0u64;
                for w in g.split_whitespace() {
                    h = seq_hash(h, word_hash(&w.to_lowercase()));
                }
                lex.entries.insert(h, (ci as u8, n));
                n += 1;
            }
        }
        lex
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_all_ngrams() {
        let lex = lexicon();
        assert!(lex.entries.len() >= 230, "{}", lex.entries.len());
        assert_eq!(lex.classes.len(), 11);
    }
}
