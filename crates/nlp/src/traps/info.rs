//! The thinking traps Steady can suggest, in plain words.
//!
//! Names and explanations follow the cognitive-therapy tradition of "cognitive
//! distortions" (Beck 1963; Burns, *Feeling Good*, 1980), written here for people
//! rather than clinicians.

use serde::Serialize;

/// One thinking trap as shown to people.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TrapInfo {
    /// Stable machine label, e.g. `mind_reading`.
    pub label: &'static str,
    /// Plain name, e.g. "Mind reading".
    pub name: &'static str,
    /// One warm, plain line about what the trap is.
    pub explanation: &'static str,
    /// A relationship example of the trap.
    pub example: &'static str,
}

/// All traps, in a fixed order (the order of the model's outputs).
pub const TRAPS: &[TrapInfo] = &[
    TrapInfo {
        label: "all_or_nothing",
        name: "All-or-nothing thinking",
        explanation: "Seeing things in only two boxes, perfect or ruined, with nothing in between.",
        example: "We had one bad evening, so the whole relationship is a failure.",
    },
    TrapInfo {
        label: "overgeneralizing",
        name: "Overgeneralizing",
        explanation: "Taking one event and treating it as a rule that always happens.",
        example: "He forgot to call once; this always happens to me.",
    },
    TrapInfo {
        label: "mental_filter",
        name: "Mental filter",
        explanation:
            "Holding on to the one painful detail while the rest of the picture fades out.",
        example:
            "The date was lovely, but all I can think about is the moment she checked her phone.",
    },
    TrapInfo {
        label: "disqualifying_positive",
        name: "Discounting the good",
        explanation: "Explaining away kind or good things so they don't seem to count.",
        example: "He said he loves me, but he only said it because I asked.",
    },
    TrapInfo {
        label: "mind_reading",
        name: "Mind reading",
        explanation: "Feeling sure you know what someone else is thinking, without having asked.",
        example: "She hasn't replied, so she must be annoyed with me.",
    },
    TrapInfo {
        label: "fortune_telling",
        name: "Fortune telling",
        explanation: "Predicting how things will turn out, as if the future were already certain.",
        example: "He's going to leave me eventually, I just know it.",
    },
    TrapInfo {
        label: "catastrophizing",
        name: "Catastrophizing",
        explanation: "Jumping to the worst possible outcome and feeling it is unbearable.",
        example: "If we argue tonight, it's over and I'll never recover.",
    },
    TrapInfo {
        label: "emotional_reasoning",
        name: "Emotional reasoning",
        explanation: "Taking a feeling as proof of a fact: I feel it, so it must be true.",
        example: "I feel insecure, so something must be wrong between us.",
    },
    TrapInfo {
        label: "should_statements",
        name: "\"Should\" rules",
        explanation:
            "Strict rules about how you or others must act, which bring guilt or resentment.",
        example: "If he really loved me he should know what I need without me saying it.",
    },
    TrapInfo {
        label: "labeling",
        name: "Labeling",
        explanation: "Summing up a whole person, often yourself, with one harsh word.",
        example: "I got jealous again. I'm so pathetic.",
    },
    TrapInfo {
        label: "personalizing",
        name: "Personalizing",
        explanation:
            "Taking the blame for things that have many causes, most outside your control.",
        example: "She's quiet tonight; it must be something I did.",
    },
    TrapInfo {
        label: "blaming",
        name: "Blaming",
        explanation: "Putting all of a problem on someone else, which can leave you feeling stuck.",
        example: "I'm only anxious because he never makes me feel secure.",
    },
    TrapInfo {
        label: "comparing",
        name: "Unfair comparing",
        explanation:
            "Measuring yourself or your relationship against others in a way that leaves you short.",
        example: "Everyone else's boyfriend posts about them; mine must not care.",
    },
];

/// Index of a label in [`TRAPS`].
pub fn index_of(label: &str) -> Option<usize> {
    TRAPS.iter().position(|t| t.label == label)
}

/// Number of traps (the model's output size).
pub const N_TRAPS: usize = 13;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_plain() {
        assert_eq!(TRAPS.len(), N_TRAPS);
        for t in TRAPS {
            assert!(!t.name.is_empty() && t.explanation.ends_with('.'));
            assert!(t.example.len() > 20, "{}", t.label);
        }
        assert_eq!(index_of("comparing"), Some(12));
    }
}
