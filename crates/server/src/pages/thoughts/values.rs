//! The thought-record form's values as typed, and turning one step's values into a change.
//!
//! Values stay strings until saved, so a form with a mistake comes back exactly as written.

use steady_core::thought::{Emotion, Rating, ThoughtPatch, ThoughtRecord, Trap};
use steady_core::ValidationError;

/// How many empty emotion rows the feelings step offers.
const BLANK_EMOTION_ROWS: usize = 2;
/// The feelings step shows at least this many rows.
const MIN_EMOTION_ROWS: usize = 3;

/// The record's fields as the form shows them.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub situation: String,
    pub thought: String,
    /// (name, intensity) rows.
    pub emotions: Vec<(String, String)>,
    pub traps: Vec<String>,
    pub evidence_for: String,
    pub evidence_against: String,
    pub balanced_thought: String,
    pub intensity_after: String,
}

impl Values {
    pub fn of(r: &ThoughtRecord) -> Self {
        Values {
            situation: r.situation.clone().unwrap_or_default(),
            thought: r.thought.clone(),
            emotions: r
                .emotions
                .iter()
                .map(|e| (e.name.clone(), e.intensity.get().to_string()))
                .collect(),
            traps: r.traps.iter().map(|t| t.as_str().to_owned()).collect(),
            evidence_for: r.evidence_for.clone().unwrap_or_default(),
            evidence_against: r.evidence_against.clone().unwrap_or_default(),
            balanced_thought: r.balanced_thought.clone().unwrap_or_default(),
            intensity_after: r
                .intensity_after
                .map(|i| i.get().to_string())
                .unwrap_or_default(),
        }
    }

    /// Takes the fields of `step` from a submitted form, leaving the others as they are.
    pub fn overlay(&mut self, step: u8, form: &[(String, String)]) {
        let get = |key: &str| {
            form.iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        match step {
            1 => {
                self.situation = get("situation");
                self.thought = get("thought");
            }
            2 => {
                let mut rows: Vec<(String, String)> = Vec::new();
                for (k, v) in form {
                    match k.as_str() {
                        "emotion_name" => rows.push((v.clone(), String::new())),
                        "emotion_intensity" => {
                            if let Some(last) = rows.last_mut() {
                                last.1.clone_from(v);
                            }
                        }
                        _ => {}
                    }
                }
                self.emotions = rows;
            }
            3 => {
                self.traps = form
                    .iter()
                    .filter(|(k, _)| k == "trap")
                    .map(|(_, v)| v.clone())
                    .collect();
            }
            4 => {
                self.evidence_for = get("evidence_for");
                self.evidence_against = get("evidence_against");
            }
            _ => {
                self.balanced_thought = get("balanced_thought");
                self.intensity_after = get("intensity_after");
            }
        }
    }

    /// The change that saves `step`'s fields.
    pub fn patch(&self, step: u8) -> Result<ThoughtPatch, ValidationError> {
        let text = |s: &str| Some(Some(s.to_owned()));
        let mut patch = ThoughtPatch::default();
        match step {
            1 => {
                patch.situation = text(&self.situation);
                patch.thought = Some(self.thought.clone());
            }
            2 => {
                let mut emotions = Vec::new();
                for (name, intensity) in &self.emotions {
                    if name.trim().is_empty() {
                        continue;
                    }
                    let value: i64 = intensity.trim().parse().map_err(|_| {
                        ValidationError::new(
                            "emotions",
                            format!(
                                "please rate how strong '{}' is, from 0 to 100",
                                name.trim().chars().take(40).collect::<String>()
                            ),
                        )
                    })?;
                    emotions.push(Emotion {
                        name: name.trim().to_owned(),
                        intensity: Rating::new(value)
                            .map_err(|e| ValidationError::new("emotions", e.message))?,
                    });
                }
                patch.emotions = Some(emotions);
            }
            3 => {
                patch.traps = Some(
                    self.traps
                        .iter()
                        .map(|t| t.parse::<Trap>())
                        .collect::<Result<_, _>>()?,
                );
            }
            4 => {
                patch.evidence_for = text(&self.evidence_for);
                patch.evidence_against = text(&self.evidence_against);
            }
            _ => {
                patch.balanced_thought = text(&self.balanced_thought);
                let after = self.intensity_after.trim();
                patch.intensity_after = Some(if after.is_empty() {
                    None
                } else {
                    let value: i64 = after.parse().map_err(|_| {
                        ValidationError::new(
                            "intensity_after",
                            "should be a whole number from 0 to 100, or left empty",
                        )
                    })?;
                    Some(
                        Rating::new(value)
                            .map_err(|e| ValidationError::new("intensity_after", e.message))?,
                    )
                });
            }
        }
        Ok(patch)
    }

    /// The free text `step` saves, for the safety check.
    pub fn texts(&self, step: u8) -> Vec<&str> {
        match step {
            1 => vec![&self.situation, &self.thought],
            2 => self.emotions.iter().map(|(n, _)| n).collect(),
            4 => vec![&self.evidence_for, &self.evidence_against],
            5 => vec![&self.balanced_thought],
            _ => Vec::new(),
        }
        .into_iter()
        .map(String::as_str)
        .collect()
    }

    /// The rows the feelings step shows: the saved ones and a few empty ones.
    pub fn emotion_rows(&self) -> Vec<(String, String)> {
        let mut rows: Vec<(String, String)> = self
            .emotions
            .iter()
            .filter(|(n, i)| !n.trim().is_empty() || !i.trim().is_empty())
            .cloned()
            .collect();
        let want = (rows.len() + BLANK_EMOTION_ROWS).max(MIN_EMOTION_ROWS);
        while rows.len() < want {
            rows.push((String::new(), "50".to_owned()));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn emotion_rows_pair_up_and_blank_names_are_skipped() {
        let mut v = Values::default();
        v.overlay(
            2,
            &form(&[
                ("csrf", "x"),
                ("emotion_name", "anxious"),
                ("emotion_intensity", "80"),
                ("emotion_name", ""),
                ("emotion_intensity", "50"),
                ("emotion_name", "sad"),
                ("emotion_intensity", "30"),
            ]),
        );
        let patch = v.patch(2).expect("valid");
        let emotions = patch.emotions.expect("emotions");
        assert_eq!(emotions.len(), 2);
        assert_eq!(
            (emotions[1].name.as_str(), emotions[1].intensity.get()),
            ("sad", 30)
        );

        v.overlay(
            2,
            &form(&[("emotion_name", "scared"), ("emotion_intensity", "120")]),
        );
        assert_eq!(v.patch(2).expect_err("out of range").field, "emotions");
        assert_eq!(
            v.emotion_rows().len(),
            3,
            "the typed row stays, with blanks to add more"
        );
    }

    #[test]
    fn traps_and_the_re_rating_parse() {
        let mut v = Values::default();
        v.overlay(3, &form(&[("trap", "mind_reading"), ("trap", "labeling")]));
        assert_eq!(
            v.patch(3).expect("valid").traps,
            Some(vec![Trap::MindReading, Trap::Labeling])
        );
        v.overlay(
            5,
            &form(&[("balanced_thought", "b"), ("intensity_after", "")]),
        );
        assert_eq!(v.patch(5).expect("valid").intensity_after, Some(None));
        v.overlay(5, &form(&[("intensity_after", "lots")]));
        assert_eq!(v.patch(5).expect_err("nan").field, "intensity_after");
    }
}
