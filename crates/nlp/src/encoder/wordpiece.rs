//! The encoder's tokenizer: the uncased WordPiece scheme of BERT (Devlin et al.,
//! 2019). Text is cleaned, lower-cased and stripped of accents, split on white
//! space and punctuation, and each word is cut greedily into the longest pieces
//! the vocabulary holds (`##` marks a piece that continues a word). A word that
//! cannot be cut, or is longer than [`MAX_WORD_CHARS`], becomes the unknown piece.

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// Words longer than this (in characters) are not cut but become the unknown piece.
const MAX_WORD_CHARS: usize = 100;

/// A WordPiece vocabulary: one piece per line, the line number is its id.
pub struct Vocab {
    ids: HashMap<String, u32>,
    /// Ids of `[UNK]`, `[CLS]` and `[SEP]`.
    pub unknown: u32,
    pub start: u32,
    pub end: u32,
}

impl Vocab {
    /// Reads a vocabulary (one piece per line); `None` if a special piece is missing.
    pub fn parse(text: &str) -> Option<Self> {
        let ids: HashMap<String, u32> = text
            .lines()
            .enumerate()
            .map(|(i, piece)| (piece.to_string(), i as u32))
            .collect();
        Some(Self {
            unknown: *ids.get("[UNK]")?,
            start: *ids.get("[CLS]")?,
            end: *ids.get("[SEP]")?,
            ids,
        })
    }

    /// The pieces of a text, without `[CLS]` and `[SEP]`.
    pub fn pieces(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for word in words(text) {
            self.cut(&word, &mut out);
        }
        out
    }

    /// Cuts one word into pieces, longest first.
    fn cut(&self, word: &str, out: &mut Vec<u32>) {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            out.push(self.unknown);
            return;
        }
        let byte_at = |i: usize| chars.get(i).map_or(word.len(), |c| c.0);
        let mark = out.len();
        let mut start = 0;
        let mut candidate = String::new();
        while start < chars.len() {
            let found = (start + 1..=chars.len()).rev().find_map(|end| {
                candidate.clear();
                if start > 0 {
                    candidate.push_str("##");
                }
                candidate.push_str(&word[byte_at(start)..byte_at(end)]);
                self.ids.get(&candidate).map(|&id| (id, end))
            });
            let Some((id, end)) = found else {
                out.truncate(mark);
                out.push(self.unknown);
                return;
            };
            out.push(id);
            start = end;
        }
    }
}

/// Splits cleaned, lower-cased, accent-free text into words and punctuation marks.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    for c in text.chars() {
        if is_control(c) {
            continue;
        }
        if is_space(c) {
            flush(&mut word, &mut out);
            continue;
        }
        if is_chinese(c) {
            flush(&mut word, &mut out);
            out.push(c.to_string());
            continue;
        }
        // Lower-case, then drop the accents that canonical decomposition separates.
        for l in c.to_lowercase().nfd() {
            if l.general_category() == GeneralCategory::NonspacingMark {
                continue;
            }
            if is_punctuation(l) {
                flush(&mut word, &mut out);
                out.push(l.to_string());
            } else {
                word.push(l);
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r') || c.general_category() == GeneralCategory::SpaceSeparator
}

fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    c == '\u{fffd}' || c.general_category_group() == GeneralCategoryGroup::Other
}

/// ASCII symbols count as punctuation too ("$", "^", "`"), as in BERT.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || c.general_category_group() == GeneralCategoryGroup::Punctuation
}

/// CJK ideographs are split into single characters.
fn is_chinese(c: char) -> bool {
    matches!(u32::from(c),
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        Vocab::parse("[PAD]\n[UNK]\n[CLS]\n[SEP]\ni\nca\n##n\n'\nt\nsleep\nun\n##able\ncafe\n!")
            .expect("special pieces")
    }

    #[test]
    fn cuts_words_into_the_longest_pieces() {
        let v = vocab();
        // "can't" -> ca ##n ' t; "Unable" -> un ##able; accents dropped; "!" split off
        assert_eq!(
            v.pieces("I can't  Unable café!"),
            [4, 5, 6, 7, 8, 10, 11, 12, 13]
        );
    }

    #[test]
    fn a_word_that_cannot_be_cut_is_unknown() {
        let v = vocab();
        assert_eq!(v.pieces("i sleepz"), [4, 1]);
        assert_eq!(v.pieces(&"i".repeat(101)), [1]);
        assert!(v.pieces(" \u{200b}\n").is_empty());
    }
}
