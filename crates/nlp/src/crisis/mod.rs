//! Crisis language: text that suggests thoughts of suicide or self-harm.
//!
//! This only *flags* text so that the app can ask the person, gently, whether
//! they are safe and show their safety plan and crisis lines. It never contacts
//! anyone and it is not a risk assessment.
//!
//! Two detectors read the words and the higher score counts ([`combine`]):
//! hand-written rules ([`rules`]: weighted cues with look-alike exclusions) and a
//! word model ([`model`]: logistic regression over words, character n-grams and the
//! rules' findings, trained on the project's own labelled corpus). Rules below
//! [`RULES_ALONE`] need the model's agreement of at least [`MODEL_VETO`]: hyperbole
//! and chores in words the look-alikes do not know ("i'm so done with this course.
//! done done.") trip a weaker rule, and the model, which has read many such lines,
//! is then sure it is safe. That score is then blended with the probability of a
//! small fine-tuned sentence encoder ([`crate::encoder`]), which reads meaning
//! where the others read words: half the log-odds each, with the decision point at
//! [`BLEND_POINT`]; the strongest rules still count alone. Recall matters more than
//! precision here: a false alarm costs one gentle question, a miss can cost far
//! more.

pub mod model;
pub mod rules;

pub use rules::evidence;

use crate::text::tokenize;
use serde::Serialize;

/// The result of checking one text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CrisisReport {
    /// True when the text may be about wanting to die or to self-harm.
    pub risk: bool,
    /// 0..1, higher means more of the text's wording suggests risk.
    #[serde(serialize_with = "crate::round3")]
    pub score: f32,
}

/// Scores at or above this are flagged.
pub const THRESHOLD: f32 = 0.5;

/// A rules score at or above this counts whatever the model says ("I want to kill
/// myself" and the other explicit cues).
pub const RULES_ALONE: f32 = 0.95;

/// Below [`RULES_ALONE`], the rules count only when the model gives at least this.
/// Chosen on unread validation sets as the largest value that cost no recall there
/// (docs/nlp.md).
pub const MODEL_VETO: f32 = 0.15;

/// The encoder's share of the blended log-odds (the rest is the words' score).
/// Of 0.3, 0.5 and 0.7, 0.5 ranked the validation sets best (docs/nlp.md).
pub const ENCODER_WEIGHT: f32 = 0.5;

/// The blended score at which text is flagged, chosen on the validation sets
/// (`data/crisis_validation`) as the point that leaves the most room on both sides
/// of the aim (`examples/blend_crisis.rs`: recall 0.973 with 2.4% false alarms
/// there); the blend is shifted so that this point is 0.5.
pub const BLEND_POINT: f32 = 0.4;

/// Checks one text for crisis language.
pub fn analyze(text: &str) -> CrisisReport {
    let (rules, words) = read_words(text);
    let meaning = crate::encoder::crisis().map(|e| e.probability(text));
    let score = blend(rules, words, meaning, BLEND_POINT);
    CrisisReport {
        risk: score >= THRESHOLD,
        score,
    }
}

/// What the words say: the rules' score, and the score of the rules and the word
/// model together ([`combine`]).
pub fn read_words(text: &str) -> (f32, f32) {
    let toks = tokenize(text);
    let rules = rules::find(&toks).score();
    (rules, combine(rules, model::probability(&toks)))
}

/// The decision score from the rules' score, the words' score ([`combine`]) and
/// the encoder's probability (`None` when no encoder is embedded, and then the
/// words' score counts alone), with `point` moved to 0.5; rounded to three
/// decimals. A rules score of [`RULES_ALONE`] or more counts whatever the others say.
pub fn blend(rules: f32, words: f32, meaning: Option<f32>, point: f32) -> f32 {
    let Some(meaning) = meaning else {
        return words;
    };
    let logit = |p: f32| {
        let p = p.clamp(1e-4, 1.0 - 1e-4);
        (p / (1.0 - p)).ln()
    };
    let z = (1.0 - ENCODER_WEIGHT) * logit(words) + ENCODER_WEIGHT * logit(meaning) - logit(point);
    let mut score = 1.0 / (1.0 + (-z).exp());
    if rules >= RULES_ALONE {
        score = score.max(rules);
    }
    (score * 1000.0).round() / 1000.0
}

/// The decision score from the rules' score and the model's probability (`None`
/// when no model is embedded, and then the rules count alone), rounded to three
/// decimals.
pub fn combine(rules: f32, learned: Option<f32>) -> f32 {
    let score = match learned {
        Some(p) if rules < RULES_ALONE && p < MODEL_VETO => p,
        Some(p) => rules.max(p),
        None => rules,
    };
    (score * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_risk_and_spares_look_alikes() {
        for t in [
            "I want to kill myself",
            "everyone would be better off without me",
            "if she leaves I want to kill myself",
        ] {
            assert!(analyze(t).risk, "{t}");
        }
        for t in [
            "this deadline is killing me",
            "I'm dying to see you",
            "I'm scared he will leave me",
        ] {
            assert!(!analyze(t).risk, "{t}: {:?}", analyze(t));
        }
    }

    #[test]
    fn the_blend_weighs_words_and_meaning_and_lets_strong_rules_stand() {
        // without an encoder the words decide
        assert_eq!(blend(0.3, 0.62, None, BLEND_POINT), 0.62);
        // both at the decision point: exactly at the threshold
        assert_eq!(
            blend(0.0, BLEND_POINT, Some(BLEND_POINT), BLEND_POINT),
            THRESHOLD
        );
        // one sure of risk, the other unsure: the blend leans to risk, less sure
        let leaning = blend(0.0, 0.9, Some(0.5), 0.5);
        assert!(leaning > 0.5 && leaning < 0.9, "{leaning}");
        // the encoder can outvote weaker words, in either direction
        assert!(blend(0.0, 0.3, Some(0.99), BLEND_POINT) >= THRESHOLD);
        assert!(blend(0.6, 0.6, Some(0.01), BLEND_POINT) < THRESHOLD);
        // an explicit cue counts whatever the encoder says
        assert_eq!(blend(0.97, 0.97, Some(0.0), BLEND_POINT), 0.97);
    }

    #[test]
    fn strong_rules_count_alone_and_weaker_ones_need_the_model() {
        // explicit: counts even if the model were sure it is safe
        assert_eq!(combine(0.97, Some(0.01)), 0.97);
        // a weaker cue the model is sure is safe does not count
        assert_eq!(combine(0.9, Some(0.05)), 0.05);
        // a weaker cue with some support from the model counts
        assert_eq!(combine(0.9, Some(0.2)), 0.9);
        // without a model the rules decide
        assert_eq!(combine(0.9, None), 0.9);
        // a rule trips on an ordinary "done", the model knows better
        let t = "i'm so done with this course. done done. switching next term";
        assert!(
            rules::score(t) >= THRESHOLD,
            "the rule no longer fires: {t}"
        );
        assert!(!analyze(t).risk, "{t}: {:?}", analyze(t));
    }
}
