//! Checks for an instrument definition, so a deployment that supplies its own file
//! gets every problem listed in plain words instead of a wrong score later.

use std::collections::BTreeSet;

use super::instrument::{Dimension, Instrument};

impl Instrument {
    /// Check that the definition can be shown and scored: every problem found is
    /// listed, not only the first.
    pub fn validate(&self) -> Result<(), InstrumentError> {
        let mut problems = Vec::new();
        for (field, value) in [
            ("id", &self.id),
            ("name", &self.name),
            ("short_name", &self.short_name),
            ("citation", &self.citation),
            ("terms_of_use", &self.terms_of_use),
            ("instructions", &self.instructions),
        ] {
            if value.trim().is_empty() {
                problems.push(InstrumentProblem::Empty(field.to_owned()));
            }
        }
        if !self.id.is_empty()
            && !self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(InstrumentProblem::BadId(self.id.clone()));
        }
        self.validate_scale(&mut problems);
        self.validate_items(&mut problems);
        self.validate_about(&mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(InstrumentError::Invalid {
                id: self.id.clone(),
                problems,
            })
        }
    }

    fn validate_scale(&self, problems: &mut Vec<InstrumentProblem>) {
        let scale = &self.scale;
        if scale.min == 0 || scale.min >= scale.max || scale.max > 11 {
            problems.push(InstrumentProblem::ScaleRange {
                min: scale.min,
                max: scale.max,
            });
            return;
        }
        let values: Vec<u8> = scale.points.iter().map(|p| p.value).collect();
        let expected: Vec<u8> = (scale.min..=scale.max).collect();
        if values != expected {
            problems.push(InstrumentProblem::ScalePoints {
                min: scale.min,
                max: scale.max,
            });
        }
        for point in &scale.points {
            if point.label.trim().is_empty() {
                problems.push(InstrumentProblem::Empty(format!(
                    "label of scale point {}",
                    point.value
                )));
            }
        }
        for end in [scale.min, scale.max] {
            let anchored = scale.points.iter().any(|p| {
                p.value == end && p.anchor.as_deref().is_some_and(|a| !a.trim().is_empty())
            });
            if !anchored {
                problems.push(InstrumentProblem::MissingAnchor(end));
            }
        }
    }

    fn validate_items(&self, problems: &mut Vec<InstrumentProblem>) {
        if self.items.is_empty() {
            problems.push(InstrumentProblem::NoItems);
            return;
        }
        for (index, item) in self.items.iter().enumerate() {
            let expected = u16::try_from(index + 1).unwrap_or(u16::MAX);
            if item.number != expected {
                problems.push(InstrumentProblem::ItemNumber {
                    position: index + 1,
                    expected,
                    found: item.number,
                });
            }
            if item.text.trim().is_empty() {
                problems.push(InstrumentProblem::Empty(format!(
                    "text of item {}",
                    item.number
                )));
            }
        }
        for dimension in Dimension::ALL {
            if !self.items.iter().any(|i| i.dimension == dimension) {
                problems.push(InstrumentProblem::NoItemsFor(dimension));
            }
        }
    }

    fn validate_about(&self, problems: &mut Vec<InstrumentProblem>) {
        let Some(about) = &self.about else { return };
        if about.people.is_empty() {
            problems.push(InstrumentProblem::NoPeople);
            return;
        }
        let mut seen = BTreeSet::new();
        for person in &about.people {
            if person.id.trim().is_empty() || !seen.insert(person.id.as_str()) {
                problems.push(InstrumentProblem::PersonId(person.id.clone()));
            }
            if person.label.trim().is_empty() || person.instructions.trim().is_empty() {
                problems.push(InstrumentProblem::Empty(format!(
                    "label or instructions of person \"{}\"",
                    person.id
                )));
            }
        }
        if about.person(&about.default).is_none() {
            problems.push(InstrumentProblem::DefaultPerson(about.default.clone()));
        }
    }
}

/// Why an instrument definition cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstrumentError {
    #[error("the instrument definition is not valid JSON in the expected shape: {0}")]
    Parse(String),
    #[error("the instrument definition \"{id}\" has {} problem(s): {}", problems.len(), join(problems))]
    Invalid {
        id: String,
        problems: Vec<InstrumentProblem>,
    },
}

fn join(problems: &[InstrumentProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One thing wrong with an instrument definition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstrumentProblem {
    #[error("{0} is empty")]
    Empty(String),
    #[error("id \"{0}\" should use only lowercase letters, digits and hyphens")]
    BadId(String),
    #[error("the scale goes from {min} to {max}; it needs a minimum of at least 1 below a maximum of at most 11")]
    ScaleRange { min: u8, max: u8 },
    #[error("the scale needs exactly one point for each value from {min} to {max}, in order")]
    ScalePoints { min: u8, max: u8 },
    #[error("scale point {0} is an end of the scale and needs an anchor label")]
    MissingAnchor(u8),
    #[error("there are no items")]
    NoItems,
    #[error("item at position {position} is numbered {found}; items must be numbered 1, 2, 3 ... in order, so it should be {expected}")]
    ItemNumber {
        position: usize,
        expected: u16,
        found: u16,
    },
    #[error("no item measures {0}")]
    NoItemsFor(Dimension),
    #[error("\"about\" lists no people")]
    NoPeople,
    #[error("person id \"{0}\" is empty or used twice")]
    PersonId(String),
    #[error("the default person \"{0}\" is not among the people listed")]
    DefaultPerson(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_lists_every_problem() {
        let mut broken = Instrument::ecr_rs().clone();
        broken.items.remove(3); // numbers now jump from 3 to 5
        broken.items.retain(|i| i.dimension == Dimension::Avoidance);
        broken.scale.points.pop();
        broken.citation = " ".into();
        if let Some(about) = broken.about.as_mut() {
            about.default = "sibling".into();
        }
        let Err(InstrumentError::Invalid { problems, .. }) = broken.validate() else {
            panic!("a broken definition must not validate");
        };
        assert!(problems.contains(&InstrumentProblem::Empty("citation".into())));
        assert!(problems.contains(&InstrumentProblem::ScalePoints { min: 1, max: 7 }));
        assert!(problems.contains(&InstrumentProblem::MissingAnchor(7)));
        assert!(problems.contains(&InstrumentProblem::ItemNumber {
            position: 4,
            expected: 4,
            found: 5
        }));
        assert!(problems.contains(&InstrumentProblem::NoItemsFor(Dimension::Anxiety)));
        assert!(problems.contains(&InstrumentProblem::DefaultPerson("sibling".into())));
    }

    #[test]
    fn validation_rejects_an_impossible_scale_and_bad_json() {
        let mut broken = Instrument::ecr_r().clone();
        broken.scale.min = 7;
        broken.scale.max = 7;
        let message = broken
            .validate()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("the scale goes from 7 to 7"), "{message}");

        let err = Instrument::from_json("{\"id\": \"x\"}").err();
        assert!(matches!(err, Some(InstrumentError::Parse(_))));
    }

    #[test]
    fn a_replacement_definition_round_trips_through_json() {
        let json = serde_json::to_string(Instrument::ecr_r()).unwrap_or_default();
        let again = Instrument::from_json(&json);
        assert_eq!(again.as_ref().ok(), Some(Instrument::ecr_r()));
    }
}
