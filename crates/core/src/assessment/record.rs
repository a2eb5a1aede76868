//! One taking of a questionnaire: started, answered bit by bit (saved as the person goes,
//! so it can be paused and resumed), then submitted and scored. A completed one never
//! changes again; it is a dated point on the person's chart.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::instrument::{Instrument, InstrumentId};
use super::scoring::{PartialAnswers, ScoreError, Scores};
use crate::ids::AssessmentId;
use crate::validation::ValidationError;

/// Where a taking of a questionnaire stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    /// Started; answers are saved as they come and can be changed.
    InProgress,
    /// Submitted and scored; no longer changes.
    Completed,
}

impl AssessmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AssessmentStatus::InProgress => "in_progress",
            AssessmentStatus::Completed => "completed",
        }
    }
}

impl fmt::Display for AssessmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AssessmentStatus {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "in_progress" => Ok(AssessmentStatus::InProgress),
            "completed" => Ok(AssessmentStatus::Completed),
            _ => Err(ValidationError::new(
                "status",
                "is neither in_progress nor completed",
            )),
        }
    }
}

/// Why an assessment could not be changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessmentError {
    /// An answer that does not fit the questionnaire, or answers missing at submission.
    #[error(transparent)]
    Answers(#[from] ScoreError),
    /// Submitted already: a result stays as it was taken.
    #[error("this questionnaire was already submitted; its answers no longer change. You can take it again later as a new one")]
    AlreadyCompleted,
    /// The person it is about does not fit the questionnaire.
    #[error("{0}")]
    About(String),
}

/// One taking of a questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub id: AssessmentId,
    pub instrument: InstrumentId,
    /// For a questionnaire about one person (ECR-RS): who, e.g. "partner". `None` for
    /// the ECR-R, which is about close relationships in general.
    pub about: Option<String>,
    /// Item number to answer, for the items answered so far.
    pub answers: BTreeMap<u16, u8>,
    pub status: AssessmentStatus,
    /// Present once completed.
    pub scores: Option<Scores>,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

impl Assessment {
    /// A new, empty taking of `instrument`. `about` is checked against the questionnaire:
    /// the ECR-RS defaults to its default person (the partner) and the ECR-R takes none.
    pub fn start(
        id: AssessmentId,
        instrument: InstrumentId,
        about: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Self, AssessmentError> {
        let about = resolve_about(instrument.instrument(), about)?;
        Ok(Self {
            id,
            instrument,
            about,
            answers: BTreeMap::new(),
            status: AssessmentStatus::InProgress,
            scores: None,
            started_at: now,
            updated_at: now,
            completed_at: None,
        })
    }

    /// The questionnaire's definition.
    pub fn definition(&self) -> &'static Instrument {
        self.instrument.instrument()
    }

    /// The answers so far, checked against the questionnaire.
    pub fn partial(&self) -> Result<PartialAnswers<'static>, ScoreError> {
        PartialAnswers::from_answers(
            self.definition(),
            self.answers.iter().map(|(&k, &v)| (k, v)),
        )
    }

    pub fn is_completed(&self) -> bool {
        self.status == AssessmentStatus::Completed
    }

    /// Gives, changes (`Some`) or takes back (`None`) answers. All are checked first: one
    /// bad answer changes nothing.
    pub fn save_answers(
        &mut self,
        changes: &BTreeMap<u16, Option<u8>>,
        now: DateTime<Utc>,
    ) -> Result<(), AssessmentError> {
        if self.is_completed() {
            return Err(AssessmentError::AlreadyCompleted);
        }
        let mut partial = self.partial()?;
        for (&item, &answer) in changes {
            match answer {
                Some(a) => {
                    partial.insert(item, a)?;
                }
                None => {
                    self.definition()
                        .check_answer(item, self.definition().scale.min)?;
                    partial.remove(item);
                }
            }
        }
        self.answers = partial.answers().clone();
        self.updated_at = now;
        Ok(())
    }

    /// Scores the answers and marks this completed; refused, listing what is missing,
    /// until every item has an answer.
    pub fn complete(&mut self, now: DateTime<Utc>) -> Result<Scores, AssessmentError> {
        if self.is_completed() {
            return Err(AssessmentError::AlreadyCompleted);
        }
        let scores = self.partial()?.score()?;
        self.status = AssessmentStatus::Completed;
        self.scores = Some(scores);
        self.updated_at = now;
        self.completed_at = Some(now);
        Ok(scores)
    }

    /// How many items are answered.
    pub fn answered(&self) -> usize {
        self.answers.len()
    }

    /// How many items the questionnaire has.
    pub fn total(&self) -> usize {
        self.definition().item_count()
    }

    /// The items not answered yet, in order.
    pub fn missing_items(&self) -> Vec<u16> {
        self.definition()
            .items
            .iter()
            .map(|i| i.number)
            .filter(|n| !self.answers.contains_key(n))
            .collect()
    }
}

/// Checks whom a questionnaire is about, filling in the default.
pub fn resolve_about(
    instrument: &Instrument,
    about: Option<&str>,
) -> Result<Option<String>, AssessmentError> {
    let about = about.map(str::trim).filter(|a| !a.is_empty());
    match (&instrument.about, about) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(AssessmentError::About(format!(
            "the {} is about close relationships in general, not about one person; leave \"about\" out",
            instrument.short_name
        ))),
        (Some(whom), None) => Ok(Some(whom.default.clone())),
        (Some(whom), Some(id)) => match whom.person(id) {
            Some(p) => Ok(Some(p.id.clone())),
            None => Err(AssessmentError::About(format!(
                "the {} can be about: {}",
                instrument.short_name,
                whom.people
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + minutes * 60, 0).unwrap_or_default()
    }

    fn started(instrument: InstrumentId) -> Assessment {
        match Assessment::start(AssessmentId::new(), instrument, None, t(0)) {
            Ok(a) => a,
            Err(e) => panic!("{e}"),
        }
    }

    fn answers(pairs: &[(u16, Option<u8>)]) -> BTreeMap<u16, Option<u8>> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn ecr_rs_is_about_the_partner_unless_told_and_ecr_r_about_no_one() {
        assert_eq!(
            started(InstrumentId::EcrRs).about.as_deref(),
            Some("partner")
        );
        assert_eq!(started(InstrumentId::EcrR).about, None);
        let friend = Assessment::start(
            AssessmentId::new(),
            InstrumentId::EcrRs,
            Some("best_friend"),
            t(0),
        );
        assert_eq!(friend.map(|a| a.about), Ok(Some("best_friend".to_owned())));
        let bad = Assessment::start(AssessmentId::new(), InstrumentId::EcrRs, Some("boss"), t(0));
        assert_eq!(
            bad.err().map(|e| e.to_string()).as_deref(),
            Some("the ECR-RS can be about: partner, mother, father, best_friend")
        );
        let bad = Assessment::start(
            AssessmentId::new(),
            InstrumentId::EcrR,
            Some("partner"),
            t(0),
        );
        assert!(matches!(bad, Err(AssessmentError::About(_))));
    }

    #[test]
    fn answers_are_saved_changed_and_taken_back_and_a_bad_one_changes_nothing() {
        let mut a = started(InstrumentId::EcrRs);
        assert_eq!(
            a.save_answers(&answers(&[(1, Some(5)), (2, Some(6))]), t(1)),
            Ok(())
        );
        assert_eq!(a.answered(), 2);
        assert_eq!(a.updated_at, t(1));
        assert_eq!(
            a.save_answers(&answers(&[(1, None), (2, Some(3))]), t(2)),
            Ok(())
        );
        assert_eq!(a.answers, [(2, 3)].into_iter().collect());
        let err = a.save_answers(&answers(&[(3, Some(4)), (4, Some(8))]), t(3));
        assert_eq!(
            err.err().map(|e| e.to_string()).as_deref(),
            Some("answer to item 4 is 8; answers go from 1 to 7")
        );
        let err = a.save_answers(&answers(&[(10, None)]), t(3));
        assert!(err.is_err(), "taking back an item that does not exist");
        assert_eq!(a.answers, [(2, 3)].into_iter().collect(), "unchanged");
        assert_eq!(a.updated_at, t(2));
        assert_eq!(a.missing_items(), vec![1, 3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn completes_only_when_every_item_is_answered_and_then_never_changes() {
        let mut a = started(InstrumentId::EcrRs);
        let first: Vec<(u16, Option<u8>)> = (1..=7).map(|n| (n, Some(4))).collect();
        assert_eq!(a.save_answers(&answers(&first), t(1)), Ok(()));
        assert_eq!(
            a.complete(t(2)).err().map(|e| e.to_string()).as_deref(),
            Some("2 items are not answered yet: 8, 9")
        );
        assert_eq!(a.status, AssessmentStatus::InProgress);
        assert_eq!(
            a.save_answers(&answers(&[(8, Some(4)), (9, Some(7))]), t(3)),
            Ok(())
        );
        let scores = a.complete(t(4));
        assert_eq!(
            scores,
            Ok(Scores {
                anxiety: 5.0,
                avoidance: 4.0
            })
        );
        assert_eq!(a.status, AssessmentStatus::Completed);
        assert_eq!(a.completed_at, Some(t(4)));
        assert_eq!(
            a.scores,
            Some(Scores {
                anxiety: 5.0,
                avoidance: 4.0
            })
        );
        assert_eq!(
            a.save_answers(&answers(&[(1, Some(1))]), t(5)),
            Err(AssessmentError::AlreadyCompleted)
        );
        assert_eq!(a.complete(t(5)), Err(AssessmentError::AlreadyCompleted));
    }

    #[test]
    fn status_round_trips_through_text() {
        for s in [AssessmentStatus::InProgress, AssessmentStatus::Completed] {
            assert_eq!(s.as_str().parse::<AssessmentStatus>(), Ok(s));
        }
        assert!("done".parse::<AssessmentStatus>().is_err());
    }
}
