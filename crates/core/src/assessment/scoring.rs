//! Scoring: from answers to the two dimension scores, and answers saved as you go.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::instrument::{Dimension, Instrument};
use super::region::Region;

/// The two scores of one completed questionnaire: each the mean of that dimension's
/// answers after reverse-keyed ones are turned round, so each lies between the ends of
/// the scale (1 to 7). Lower on both is the secure end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Scores {
    pub anxiety: f64,
    pub avoidance: f64,
}

impl Scores {
    /// The score of one dimension.
    pub fn get(&self, dimension: Dimension) -> f64 {
        match dimension {
            Dimension::Anxiety => self.anxiety,
            Dimension::Avoidance => self.avoidance,
        }
    }

    /// The region these scores fall in (see [`Region::from_scores`]).
    pub fn region(&self) -> Region {
        Region::from_scores(self)
    }
}

/// Why answers could not be scored or saved. The messages are meant for the person
/// answering, so they say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("expected {expected} answers, got {got}")]
    WrongCount { expected: usize, got: usize },
    #[error("answer to item {item} is {answer}; answers go from {min} to {max}")]
    OutOfRange {
        item: u16,
        answer: u8,
        min: u8,
        max: u8,
    },
    #[error("there is no item {item}; items go from 1 to {last}")]
    UnknownItem { item: u16, last: usize },
    #[error("{} not answered yet: {}", plural_items(missing.len()), list(missing))]
    Incomplete { missing: Vec<u16> },
}

fn plural_items(n: usize) -> String {
    if n == 1 {
        "1 item is".to_owned()
    } else {
        format!("{n} items are")
    }
}

fn list(numbers: &[u16]) -> String {
    numbers
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Instrument {
    /// Score a complete set of answers, one per item in item order.
    ///
    /// ```
    /// use steady_core::assessment::Instrument;
    /// let scores = Instrument::ecr_r().score(&[4; 36]).expect("36 answers from 1 to 7");
    /// assert_eq!((scores.anxiety, scores.avoidance), (4.0, 4.0));
    /// ```
    pub fn score(&self, answers: &[u8]) -> Result<Scores, ScoreError> {
        if answers.len() != self.items.len() {
            return Err(ScoreError::WrongCount {
                expected: self.items.len(),
                got: answers.len(),
            });
        }
        let mut sums = [0.0_f64; 2];
        let mut counts = [0_u32; 2];
        for (item, &answer) in self.items.iter().zip(answers) {
            self.check_answer(item.number, answer)?;
            let value = if item.reversed {
                self.scale.reverse(answer)
            } else {
                answer
            };
            let slot = match item.dimension {
                Dimension::Anxiety => 0,
                Dimension::Avoidance => 1,
            };
            sums[slot] += f64::from(value);
            counts[slot] += 1;
        }
        // A validated instrument has items for both dimensions; guard anyway so an
        // unvalidated one cannot divide by zero.
        let mean = |slot: usize| {
            if counts[slot] == 0 {
                self.scale.midpoint()
            } else {
                sums[slot] / f64::from(counts[slot])
            }
        };
        Ok(Scores {
            anxiety: mean(0),
            avoidance: mean(1),
        })
    }

    /// Check one answer to item `number` against this instrument.
    pub fn check_answer(&self, number: u16, answer: u8) -> Result<(), ScoreError> {
        if self.item(number).is_none() {
            return Err(ScoreError::UnknownItem {
                item: number,
                last: self.items.len(),
            });
        }
        if !self.scale.contains(answer) {
            return Err(ScoreError::OutOfRange {
                item: number,
                answer,
                min: self.scale.min,
                max: self.scale.max,
            });
        }
        Ok(())
    }

    /// An empty set of answers to this instrument, to fill in as the person goes.
    pub fn start(&self) -> PartialAnswers<'_> {
        PartialAnswers::new(self)
    }
}

/// Answers saved as the person goes, possibly not all given yet. Every answer is
/// checked when it is put in, so a complete set always scores.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialAnswers<'i> {
    instrument: &'i Instrument,
    answers: BTreeMap<u16, u8>,
}

impl<'i> PartialAnswers<'i> {
    pub fn new(instrument: &'i Instrument) -> Self {
        PartialAnswers {
            instrument,
            answers: BTreeMap::new(),
        }
    }

    /// Rebuild saved answers (e.g. from storage), checking each one.
    pub fn from_answers(
        instrument: &'i Instrument,
        answers: impl IntoIterator<Item = (u16, u8)>,
    ) -> Result<Self, ScoreError> {
        let mut partial = PartialAnswers::new(instrument);
        for (item, answer) in answers {
            partial.insert(item, answer)?;
        }
        Ok(partial)
    }

    /// Give or change the answer to one item; returns the earlier answer, if any.
    /// A wrong item number or an answer off the scale is refused and changes nothing.
    pub fn insert(&mut self, item: u16, answer: u8) -> Result<Option<u8>, ScoreError> {
        self.instrument.check_answer(item, answer)?;
        Ok(self.answers.insert(item, answer))
    }

    /// Take back the answer to one item.
    pub fn remove(&mut self, item: u16) -> Option<u8> {
        self.answers.remove(&item)
    }

    pub fn get(&self, item: u16) -> Option<u8> {
        self.answers.get(&item).copied()
    }

    pub fn instrument(&self) -> &'i Instrument {
        self.instrument
    }

    /// The answers so far, item number to answer (serialises as a JSON object).
    pub fn answers(&self) -> &BTreeMap<u16, u8> {
        &self.answers
    }

    pub fn answered_count(&self) -> usize {
        self.answers.len()
    }

    pub fn is_complete(&self) -> bool {
        self.answers.len() == self.instrument.items.len()
    }

    /// The numbers of the items not answered yet, in order.
    pub fn missing_items(&self) -> Vec<u16> {
        self.instrument
            .items
            .iter()
            .map(|i| i.number)
            .filter(|n| !self.answers.contains_key(n))
            .collect()
    }

    /// The first item not answered yet: where to pick up again.
    pub fn next_unanswered(&self) -> Option<u16> {
        self.missing_items().first().copied()
    }

    /// Score the answers, if every item has one.
    pub fn score(&self) -> Result<Scores, ScoreError> {
        let missing = self.missing_items();
        if !missing.is_empty() {
            return Err(ScoreError::Incomplete { missing });
        }
        let in_order: Vec<u8> = self.answers.values().copied().collect();
        self.instrument.score(&in_order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < EPS
    }

    fn score(instrument: &Instrument, answers: &[u8]) -> Scores {
        match instrument.score(answers) {
            Ok(s) => s,
            Err(e) => panic!("scoring failed: {e}"),
        }
    }

    #[test]
    fn all_fours_score_four_and_four() {
        let s = score(Instrument::ecr_r(), &[4; 36]);
        assert!(close(s.anxiety, 4.0) && close(s.avoidance, 4.0), "{s:?}");
        let s = score(Instrument::ecr_rs(), &[4; 9]);
        assert!(close(s.anxiety, 4.0) && close(s.avoidance, 4.0), "{s:?}");
    }

    #[test]
    fn sevens_on_every_anxiety_item_give_6_333() {
        let mut answers = [4; 36];
        answers[..18].fill(7);
        let s = score(Instrument::ecr_r(), &answers);
        // 16 items count 7; reversed items 9 and 11 count 8 - 7 = 1.
        assert!(close(s.anxiety, (16.0 * 7.0 + 2.0 * 1.0) / 18.0), "{s:?}");
        assert!(close(s.anxiety, 6.333_333_333_333_333), "{s:?}");
        assert!(close(s.avoidance, 4.0), "{s:?}");
    }

    #[test]
    fn sevens_on_every_avoidance_item_give_3() {
        let mut answers = [4; 36];
        answers[18..].fill(7);
        let s = score(Instrument::ecr_r(), &answers);
        // 6 items count 7 (19, 21, 23, 24, 25, 32); 12 reversed ones count 1.
        assert!(close(s.avoidance, 3.0), "{s:?}");
        assert!(close(s.anxiety, 4.0), "{s:?}");
    }

    /// Answering 7 to one item and 4 elsewhere moves that dimension's mean by +3/n for
    /// a forward item and -3/n for a reversed one: this pins the key of every item.
    fn keys_by_probing(instrument: &Instrument) -> Vec<u16> {
        let n = instrument.item_count();
        let mut reversed = Vec::new();
        for index in 0..n {
            let mut answers = vec![4; n];
            answers[index] = 7;
            let s = score(instrument, &answers);
            let item = &instrument.items[index];
            let per_item = 3.0 / instrument.items_for(item.dimension).len() as f64;
            let moved = s.get(item.dimension) - 4.0;
            if close(moved, -per_item) {
                reversed.push(item.number);
            } else {
                assert!(
                    close(moved, per_item),
                    "item {} moved its score by {moved}",
                    item.number
                );
            }
        }
        reversed
    }

    #[test]
    fn every_ecr_r_reverse_key_is_applied_and_item_21_is_not() {
        let reversed = keys_by_probing(Instrument::ecr_r());
        assert_eq!(
            reversed,
            vec![9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36]
        );
        assert!(!reversed.contains(&21));
    }

    #[test]
    fn every_ecr_rs_reverse_key_is_applied() {
        assert_eq!(keys_by_probing(Instrument::ecr_rs()), vec![1, 2, 3, 4]);
    }

    #[test]
    fn ecr_rs_avoidance_is_items_1_to_6_and_anxiety_items_7_to_9() {
        // Items 1-4 reversed: 8-1, 8-2, 8-3, 8-4 = 7, 6, 5, 4; items 5, 6 = 6, 7.
        let s = score(Instrument::ecr_rs(), &[1, 2, 3, 4, 6, 7, 2, 3, 7]);
        assert!(
            close(s.avoidance, (7.0 + 6.0 + 5.0 + 4.0 + 6.0 + 7.0) / 6.0),
            "{s:?}"
        );
        assert!(close(s.anxiety, 4.0), "{s:?}");
        // The most secure answers possible.
        let s = score(Instrument::ecr_rs(), &[7, 7, 7, 7, 1, 1, 1, 1, 1]);
        assert!(close(s.avoidance, 1.0) && close(s.anxiety, 1.0), "{s:?}");
    }

    #[test]
    fn scores_stay_on_the_scale() {
        let s = score(Instrument::ecr_r(), &[7; 36]);
        assert!((1.0..=7.0).contains(&s.anxiety) && (1.0..=7.0).contains(&s.avoidance));
        let s = score(Instrument::ecr_r(), &[1; 36]);
        assert!((1.0..=7.0).contains(&s.anxiety) && (1.0..=7.0).contains(&s.avoidance));
    }

    #[test]
    fn a_wrong_number_of_answers_is_refused_with_a_clear_message() {
        let err = Instrument::ecr_r().score(&[4; 35]).err();
        assert_eq!(
            err,
            Some(ScoreError::WrongCount {
                expected: 36,
                got: 35
            })
        );
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("expected 36 answers, got 35")
        );
        let err = Instrument::ecr_rs()
            .score(&[4; 10])
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("expected 9 answers, got 10"));
    }

    #[test]
    fn an_answer_off_the_scale_is_refused_with_a_clear_message() {
        let mut answers = [4; 36];
        answers[11] = 9;
        let err = Instrument::ecr_r()
            .score(&answers)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("answer to item 12 is 9; answers go from 1 to 7")
        );
        answers[11] = 0;
        let err = Instrument::ecr_r()
            .score(&answers)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("answer to item 12 is 0; answers go from 1 to 7")
        );
    }

    #[test]
    fn partial_answers_check_each_answer_on_insert() {
        let mut partial = Instrument::ecr_rs().start();
        assert_eq!(partial.insert(1, 5), Ok(None));
        assert_eq!(partial.insert(1, 6), Ok(Some(5)));
        let err = partial.insert(2, 8).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("answer to item 2 is 8; answers go from 1 to 7")
        );
        let err = partial.insert(10, 3).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("there is no item 10; items go from 1 to 9")
        );
        let err = partial.insert(0, 3).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("there is no item 0; items go from 1 to 9")
        );
        // Refused answers change nothing.
        assert_eq!(partial.answered_count(), 1);
        assert_eq!(partial.get(1), Some(6));
        assert_eq!(partial.get(2), None);
    }

    #[test]
    fn partial_answers_report_what_is_missing_and_score_when_complete() {
        let mut partial = Instrument::ecr_rs().start();
        for item in [9, 1, 2, 3, 5, 6, 8] {
            assert_eq!(partial.insert(item, 4), Ok(None));
        }
        assert!(!partial.is_complete());
        assert_eq!(partial.missing_items(), vec![4, 7]);
        assert_eq!(partial.next_unanswered(), Some(4));
        let err = partial.score().err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("2 items are not answered yet: 4, 7"));

        assert_eq!(partial.insert(4, 4), Ok(None));
        let err = partial.score().err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("1 item is not answered yet: 7"));

        assert_eq!(partial.insert(7, 7), Ok(None));
        assert!(partial.is_complete());
        assert!(partial.missing_items().is_empty());
        let s = partial.score();
        assert_eq!(s.as_ref().map(|s| close(s.anxiety, 5.0)), Ok(true));
        assert_eq!(s.map(|s| close(s.avoidance, 4.0)), Ok(true));
    }

    #[test]
    fn partial_answers_scored_in_item_order_match_a_full_score() {
        let answers: Vec<u8> = (0..36).map(|i| (i % 7 + 1) as u8).collect();
        let pairs = answers
            .iter()
            .enumerate()
            .rev()
            .map(|(i, &a)| (i as u16 + 1, a));
        let partial = PartialAnswers::from_answers(Instrument::ecr_r(), pairs);
        let from_partial = partial.map(|p| p.score());
        assert_eq!(from_partial, Ok(Instrument::ecr_r().score(&answers)));
    }

    #[test]
    fn rebuilding_saved_answers_refuses_a_bad_one() {
        let saved = [(1, 3), (2, 12)];
        let err = PartialAnswers::from_answers(Instrument::ecr_r(), saved).err();
        assert_eq!(
            err,
            Some(ScoreError::OutOfRange {
                item: 2,
                answer: 12,
                min: 1,
                max: 7
            })
        );
    }
}
