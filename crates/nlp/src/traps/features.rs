//! Feature extraction for the thinking-trap model.
//!
//! Each feature is a 32-bit hash: word unigrams and bigrams, character 3- and
//! 4-grams inside words (robust to typos), matches of the Bollen et al. lexicon,
//! and the hand-written cue patterns of [`super::cues`].

use super::cues::{cue_set, CUES};
use super::lexicon::{lexicon, seq_hash, word_hash, MAX_LEN};
use crate::hash::{fnv, key32, pair};
use crate::ngrams::{word_ngrams, Seeds};
use crate::text::Token;

const SEED_UNI: u64 = 1;
const SEED_BI: u64 = 2;
const SEED_CHAR: u64 = 3;
const SEED_LEXCLASS: u64 = 4;
const SEED_LEXGRAM: u64 = 5;
const SEED_CUE: u64 = 6;
const SEED_CUELABEL: u64 = 7;
const SEED_TRI: u64 = 8;

/// Appends the features of `toks` (one sentence or a short text) to `out`.
pub fn extract(toks: &[Token], out: &mut Vec<u32>) {
    let seeds = Seeds {
        uni: SEED_UNI,
        bi: SEED_BI,
        tri: SEED_TRI,
        chars: SEED_CHAR,
    };
    word_ngrams(toks, word_hash, seeds, out);
    let hs: Vec<u64> = toks.iter().map(|t| word_hash(&t.word)).collect();

    let lex = lexicon();
    for i in 0..hs.len() {
        let mut h = 0u64;
        for &wh in hs.iter().skip(i).take(MAX_LEN) {
            h = seq_hash(h, wh);
            if let Some(&(class, gram)) = lex.entries.get(&h) {
                out.push(key32(pair(SEED_LEXCLASS, u64::from(class))));
                out.push(key32(pair(SEED_LEXGRAM, u64::from(gram))));
            }
        }
    }

    for hit in cue_set().hits(toks) {
        out.push(key32(pair(SEED_CUE, hit.id as u64)));
        out.push(key32(pair(
            SEED_CUELABEL,
            fnv(0, CUES[hit.id].0.as_bytes()),
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn features_are_deterministic_and_include_cues() {
        let toks = tokenize("he must be losing interest");
        let mut a = Vec::new();
        let mut b = Vec::new();
        extract(&toks, &mut a);
        extract(&toks, &mut b);
        assert_eq!(a, b);
        let cue = key32(pair(SEED_CUELABEL, fnv(0, b"mind_reading")));
        assert!(a.contains(&cue));
    }

    #[test]
    fn lexicon_features_fire() {
        let mut f = Vec::new();
        extract(&tokenize("It will be a disaster"), &mut f);
        let cls = lexicon()
            .classes
            .iter()
            .position(|c| *c == "catastrophizing")
            .map(|i| key32(pair(SEED_LEXCLASS, i as u64)));
        assert!(cls.is_some_and(|k| f.contains(&k)));
    }
}
