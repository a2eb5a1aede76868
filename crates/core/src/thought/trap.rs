//! The thirteen thinking traps a thought record can name.
//!
//! The labels are the same as `steady_nlp::traps::TRAPS`, which holds the longer explanations
//! and examples; the server's tests check that the two lists agree.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validation::ValidationError;

/// A thinking trap: a habit of thought that makes things look worse than the evidence shows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Trap {
    AllOrNothing,
    Overgeneralizing,
    MentalFilter,
    DisqualifyingPositive,
    MindReading,
    FortuneTelling,
    Catastrophizing,
    EmotionalReasoning,
    ShouldStatements,
    Labeling,
    Personalizing,
    Blaming,
    Comparing,
}

impl Trap {
    pub const ALL: &'static [Trap] = &[
        Trap::AllOrNothing,
        Trap::Overgeneralizing,
        Trap::MentalFilter,
        Trap::DisqualifyingPositive,
        Trap::MindReading,
        Trap::FortuneTelling,
        Trap::Catastrophizing,
        Trap::EmotionalReasoning,
        Trap::ShouldStatements,
        Trap::Labeling,
        Trap::Personalizing,
        Trap::Blaming,
        Trap::Comparing,
    ];

    /// The label used in the API, the CLI and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Trap::AllOrNothing => "all_or_nothing",
            Trap::Overgeneralizing => "overgeneralizing",
            Trap::MentalFilter => "mental_filter",
            Trap::DisqualifyingPositive => "disqualifying_positive",
            Trap::MindReading => "mind_reading",
            Trap::FortuneTelling => "fortune_telling",
            Trap::Catastrophizing => "catastrophizing",
            Trap::EmotionalReasoning => "emotional_reasoning",
            Trap::ShouldStatements => "should_statements",
            Trap::Labeling => "labeling",
            Trap::Personalizing => "personalizing",
            Trap::Blaming => "blaming",
            Trap::Comparing => "comparing",
        }
    }

    /// A short name for people.
    pub fn name(self) -> &'static str {
        match self {
            Trap::AllOrNothing => "All-or-nothing thinking",
            Trap::Overgeneralizing => "Overgeneralizing",
            Trap::MentalFilter => "Mental filter",
            Trap::DisqualifyingPositive => "Discounting the good",
            Trap::MindReading => "Mind reading",
            Trap::FortuneTelling => "Fortune telling",
            Trap::Catastrophizing => "Catastrophizing",
            Trap::EmotionalReasoning => "Emotional reasoning",
            Trap::ShouldStatements => "Should statements",
            Trap::Labeling => "Labeling",
            Trap::Personalizing => "Personalizing",
            Trap::Blaming => "Blaming",
            Trap::Comparing => "Comparing",
        }
    }
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Trap {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Trap::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == wanted)
            .ok_or_else(|| {
                ValidationError::new(
                    "traps",
                    format!(
                        "'{}' is not one of the thinking traps: {}",
                        s.chars().take(40).collect::<String>(),
                        Trap::ALL
                            .iter()
                            .map(|t| t.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_text_and_json() {
        assert_eq!(Trap::ALL.len(), 13);
        for t in Trap::ALL {
            assert_eq!(t.as_str().parse::<Trap>(), Ok(*t));
            let json = serde_json::to_string(t).expect("serializes");
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert_eq!("Mind-Reading".parse::<Trap>(), Ok(Trap::MindReading));
        let err = "doom".parse::<Trap>().expect_err("unknown");
        assert!(err.message.contains("catastrophizing"));
    }
}
