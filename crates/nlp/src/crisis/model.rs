//! The learned crisis model: one logistic regression over hashed features of a
//! sentence (words, word pairs and triples, character 3- and 4-grams, and which
//! rules and look-alikes of [`super::rules`] fired), trained on the project's own
//! labelled crisis corpus by `examples/train_crisis.rs`. Its bias is shifted so
//! that 0.5 is the decision point chosen by cross-validation.

use super::rules;
use crate::hash::{char_ngrams, fnv, key32, pair};
use crate::linear::{Linear, ModelError};
use crate::text::{sentences, tokenize, Token};
use std::sync::OnceLock;

/// Bumped whenever feature extraction or the file layout changes.
pub const FEATURE_VERSION: u32 = 1;
/// The file's magic bytes.
pub const MAGIC: &[u8; 4] = b"STCM";
const BYTES: &[u8] = include_bytes!("../../model/crisis.bin");

const SEED_UNI: u64 = 21;
const SEED_BI: u64 = 22;
const SEED_TRI: u64 = 23;
const SEED_CHAR: u64 = 24;
const SEED_CUE: u64 = 25;
const SEED_LOOK: u64 = 26;
const SEED_FLAG: u64 = 27;

/// Word classes that let a few thousand examples generalise: "pills", "rope" and
/// "bridge" are all means; "die", "dead" and "kms" all speak of death.
const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "DEATH",
        &[
            "die",
            "dying",
            "died",
            "dead",
            "death",
            "deth",
            "dye",
            "suicide",
            "suicidal",
            "suicidel",
            "suicidle",
            "sucidal",
            "suicde",
            "sucide",
            "suiside",
            "kms",
            "ctb",
            "unalive",
            "unaliving",
            "sewerslide",
            "overdose",
            "od",
            "grave",
            "funeral",
            "coffin",
            "rip",
            "statistic",
            "exit",
        ],
    ),
    (
        "KILL",
        &[
            "kill", "killing", "kil", "end", "ending", "ended", "off", "finish", "delete", "take",
            "taking",
        ],
    ),
    ("SELF", &["myself", "meself", "myslf", "mysef", "self"]),
    (
        "LIFE",
        &[
            "life",
            "lfe",
            "living",
            "alive",
            "live",
            "liv",
            "exist",
            "existing",
            "existence",
            "here",
            "around",
            "breathing",
            "awake",
            "wake",
            "waking",
            "world",
            "earth",
            "anymore",
            "tomorrow",
        ],
    ),
    (
        "WANT",
        &[
            "want",
            "wanna",
            "wnat",
            "wish",
            "hope",
            "hoping",
            "ready",
            "plan",
            "planning",
            "planned",
            "going",
            "gonna",
            "gona",
            "thinking",
            "considering",
            "tempted",
            "urge",
            "urges",
            "pray",
            "praying",
            "begging",
            "fantasise",
            "fantasize",
            "imagine",
            "imagining",
            "need",
            "deserve",
        ],
    ),
    (
        "HARM",
        &[
            "cut",
            "cutting",
            "cuts",
            "cuting",
            "burn",
            "burned",
            "burnt",
            "burning",
            "scratch",
            "scratching",
            "bleed",
            "bleeding",
            "bled",
            "blood",
            "harm",
            "harming",
            "hurt",
            "hurting",
            "punch",
            "punched",
            "hit",
            "hitting",
            "bang",
            "banging",
            "carve",
            "sh",
            "relapse",
            "relapsed",
            "scars",
            "scar",
            "bruise",
            "bruises",
            "starve",
            "starving",
            "purge",
        ],
    ),
    (
        "MEANS",
        &[
            "pills",
            "pill",
            "tablets",
            "bottle",
            "rope",
            "noose",
            "bridge",
            "ledge",
            "roof",
            "rooftop",
            "train",
            "tracks",
            "platform",
            "blade",
            "blades",
            "razor",
            "razors",
            "gun",
            "paracetamol",
            "meds",
            "medication",
            "lighter",
            "cliff",
            "balcony",
            "car",
            "traffic",
            "stockpile",
            "stockpiling",
        ],
    ),
    (
        "GONE",
        &[
            "gone",
            "disappear",
            "vanish",
            "over",
            "stop",
            "stopped",
            "sleep",
            "rest",
            "quiet",
            "out",
            "done",
            "escape",
            "leave",
            "leaving",
            "gon",
        ],
    ),
    (
        "FINAL",
        &[
            "goodbye",
            "bye",
            "letters",
            "letter",
            "note",
            "notes",
            "will",
            "last",
            "final",
            "forever",
            "permanently",
            "permanent",
            "tonight",
            "soon",
            "longer",
            "date",
            "giving",
            "gave",
            "away",
        ],
    ),
    (
        "NOBODY",
        &[
            "nobody",
            "noone",
            "anyone",
            "everyone",
            "everybody",
            "burden",
            "better",
            "lighter",
            "miss",
            "notice",
            "care",
            "cares",
        ],
    ),
    ("POINT", &["point", "reason", "purpose", "worth", "meaning"]),
    ("NEG", &["not", "never", "no", "nothing", "cannot"]),
    (
        "PAST",
        &[
            "used",
            "ago",
            "years",
            "clean",
            "recovered",
            "recovery",
            "teen",
            "teenager",
            "school",
            "was",
            "were",
            "had",
            "proud",
            "better",
            "stayed",
            "glad",
            "therapy",
            "helped",
        ],
    ),
    (
        "OTHER",
        &[
            "he",
            "she",
            "they",
            "his",
            "her",
            "their",
            "friend",
            "sister",
            "brother",
            "mom",
            "dad",
            "mother",
            "father",
            "grandma",
            "grandpa",
            "character",
            "movie",
            "film",
            "show",
            "book",
            "news",
            "song",
            "singer",
            "actor",
            "game",
            "episode",
            "article",
            "documentary",
            "dog",
            "cat",
            "plant",
            "phone",
            "battery",
            "someone",
            "him",
            "them",
            "people",
        ],
    ),
    (
        "JOKE",
        &[
            "lol",
            "lmao",
            "haha",
            "hahaha",
            "lmfao",
            "jk",
            "kidding",
            "literally",
            "ded",
        ],
    ),
    (
        "EVERYDAY",
        &[
            "deadline",
            "meeting",
            "meetings",
            "work",
            "shift",
            "laughing",
            "embarrassment",
            "tired",
            "bored",
            "boring",
            "hungry",
            "exam",
            "exams",
            "class",
            "lecture",
            "traffic",
            "heat",
            "hair",
            "shaving",
            "cooking",
            "gym",
            "feet",
            "back",
            "headache",
            "printer",
            "queue",
        ],
    ),
];

fn concept_of(word: &str) -> Option<u64> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, u64>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (name, words) in CONCEPTS {
            for w in *words {
                m.entry(*w).or_insert_with(|| fnv(99, name.as_bytes()));
            }
        }
        m
    });
    map.get(word).copied()
}

/// How far apart (in tokens) two words may be to form a pair feature.
const PAIR_WINDOW: usize = 4;

/// Appends the features of one sentence (or a short text) to `out`.
pub fn features(toks: &[Token], out: &mut Vec<u32>) {
    // Each token as a word hash and as its class (the word itself when it has none).
    let words: Vec<u64> = toks.iter().map(|t| fnv(0, t.word.as_bytes())).collect();
    let classes: Vec<u64> = toks
        .iter()
        .zip(&words)
        .map(|(t, &w)| concept_of(&t.word).unwrap_or(w))
        .collect();
    let mut prev = fnv(0, b"<s>");
    for (i, (t, &w)) in toks.iter().zip(&words).enumerate() {
        out.push(key32(pair(SEED_UNI, w)));
        out.push(key32(pair(SEED_BI, pair(prev, w))));
        prev = w;
        {
            char_ngrams(SEED_CHAR, &t.word, out);
        }
        let c = classes[i];
        out.push(key32(pair(SEED_TRI, c)));
        for (gap, &d) in classes[i + 1..].iter().take(PAIR_WINDOW).enumerate() {
            out.push(key32(pair(SEED_TRI + 10 + (gap == 0) as u64, pair(c, d))));
        }
    }
    out.push(key32(pair(SEED_BI, pair(prev, fnv(0, b"</s>")))));
    let found = rules::find(toks);
    for c in &found.cues {
        out.push(key32(pair(SEED_CUE, c.0 as u64)));
    }
    for l in &found.lookalikes {
        out.push(key32(pair(SEED_LOOK, *l as u64)));
    }
    let flags = [
        found.score() >= 0.5,
        found.score() > 0.0,
        found.loss,
        toks.iter()
            .any(|t| t.word == "i" || t.word == "me" || t.word == "my"),
    ];
    for (i, on) in flags.into_iter().enumerate() {
        if on {
            out.push(key32(pair(SEED_FLAG, i as u64)));
        }
    }
}

/// The highest logit over the text's sentences and the text as a whole, for any
/// per-unit scorer (the library's model or the trainer's float weights): risk in
/// one sentence of a long message counts.
pub fn pooled_logit<F>(text: &str, logit: F) -> f32
where
    F: FnMut(&[u32]) -> f32,
{
    pooled_logit_of(&tokenize(text), logit)
}

/// [`pooled_logit`] of an already tokenized text.
fn pooled_logit_of<F>(toks: &[Token], mut logit: F) -> f32
where
    F: FnMut(&[u32]) -> f32,
{
    let mut feats = Vec::with_capacity(256);
    let mut score = |range: std::ops::Range<usize>| {
        feats.clear();
        features(&toks[range], &mut feats);
        logit(&feats)
    };
    let sents = sentences(toks);
    let mut best = score(0..toks.len());
    if sents.len() > 1 {
        for s in sents {
            best = best.max(score(s));
        }
    }
    best
}

/// The embedded model, or `None` when its file cannot be read (the rules then
/// decide alone).
pub fn model() -> Option<&'static Linear<1>> {
    static M: OnceLock<Result<Linear<1>, ModelError>> = OnceLock::new();
    M.get_or_init(|| Linear::from_bytes(BYTES, MAGIC, FEATURE_VERSION))
        .as_ref()
        .ok()
}

/// The model's probability that a tokenized text is about suicide or self-harm.
pub fn probability(toks: &[Token]) -> Option<f32> {
    let m = model()?;
    let z = pooled_logit_of(toks, |f| m.logits(f)[0]);
    Some(1.0 / (1.0 + (-z).exp()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_is_current() {
        // Fails when features changed without retraining (run examples/train_crisis.rs).
        assert!(model().is_some(), "model/crisis.bin is stale or missing");
    }

    #[test]
    fn features_include_rule_hits() {
        let mut f = Vec::new();
        features(&tokenize("i want to kill myself"), &mut f);
        assert!(f.contains(&key32(pair(SEED_FLAG, 0))));
        let mut g = Vec::new();
        features(&tokenize("this deadline is killing me"), &mut g);
        assert!(!g.contains(&key32(pair(SEED_FLAG, 0))));
    }
}
