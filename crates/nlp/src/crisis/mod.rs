//! Crisis language: text that suggests thoughts of suicide or self-harm.
//!
//! This only *flags* text so that the app can ask the person, gently, whether
//! they are safe and show their safety plan and crisis lines. It never contacts
//! anyone and it is not a risk assessment.
//!
//! Two detectors look at every text and the higher score counts: hand-written
//! rules ([`rules`]: weighted cues with look-alike exclusions) and a learned model
//! ([`model`]: logistic regression over words, character n-grams and the rules'
//! findings, trained on the project's own labelled corpus). Recall matters more
//! than precision here: a false alarm costs one gentle question, a miss can cost
//! far more.

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

/// Checks one text for crisis language.
pub fn analyze(text: &str) -> CrisisReport {
    let toks = tokenize(text);
    let rules = rules::find(&toks).score();
    let learned = model::probability(&toks).unwrap_or(0.0);
    let score = (rules.max(learned) * 1000.0).round() / 1000.0;
    CrisisReport {
        risk: score >= THRESHOLD,
        score,
    }
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
}
