//! Word and character n-gram features, shared by the learned models.

use crate::hash::{char_ngrams, key32, pair};
use crate::text::Token;

/// Seeds that keep each kind of n-gram apart in the hashed feature space.
#[derive(Debug, Clone, Copy)]
pub struct Seeds {
    pub uni: u64,
    pub bi: u64,
    pub tri: u64,
    pub chars: u64,
}

/// Appends word unigrams, bigrams and trigrams (with `<s>` and `</s>` as
/// boundaries, hashed by `word`) and the character 3- and 4-grams of each word.
pub fn word_ngrams(toks: &[Token], word: fn(&str) -> u64, seeds: Seeds, out: &mut Vec<u32>) {
    let mut prev = word("<s>");
    let mut prev2 = prev;
    for t in toks {
        let h = word(&t.word);
        out.push(key32(pair(seeds.uni, h)));
        out.push(key32(pair(seeds.bi, pair(prev, h))));
        out.push(key32(pair(seeds.tri, pair(prev2, pair(prev, h)))));
        prev2 = prev;
        prev = h;
        char_ngrams(seeds.chars, &t.word, out);
    }
    out.push(key32(pair(seeds.bi, pair(prev, word("</s>")))));
}
