//! Thought records: writing down an automatic thought and looking at it again, step by step.
//!
//! A record holds the situation, the automatic thought, the emotions with their intensity
//! (0-100), the thinking traps the person recognises, the evidence for and against, a balanced
//! thought, and how strong the feeling is afterwards. Only the thought is required, so a
//! record can be saved after the first step and finished later.

mod repeat;
mod trap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

pub use repeat::{local_day, loop_note, normalize, same_thought, LOOP_AT, LOOP_NOTE, SIMILAR_AT};
pub use trap::Trap;

use crate::ids::ThoughtId;
use crate::urge::to_millis;
use crate::validation::{check_text, ValidationError};

/// Longest automatic thought, in characters.
pub const MAX_THOUGHT_CHARS: usize = 2_000;
/// Longest other free-text field, in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// Most emotions on one record.
pub const MAX_EMOTIONS: usize = 12;
/// Longest emotion name, in characters.
pub const MAX_EMOTION_CHARS: usize = 60;

/// How strong a feeling is, from 0 (not at all) to 100 (the strongest imaginable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = u8, description = "0 (not at all) to 100 (the strongest imaginable)")]
pub struct Rating(u8);

impl Rating {
    pub const MAX: u8 = 100;

    pub fn new(value: i64) -> Result<Self, ValidationError> {
        match u8::try_from(value) {
            Ok(v) if v <= Self::MAX => Ok(Self(v)),
            _ => Err(ValidationError::new(
                "intensity",
                format!(
                    "{value} is outside the scale; use a whole number from 0 (not at all) to 100 (strongest)"
                ),
            )),
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(d)?;
        Rating::new(value).map_err(|e| serde::de::Error::custom(e.message))
    }
}

/// One emotion and how strong it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Emotion {
    /// In the person's own word: "anxious", "sad", "ashamed".
    pub name: String,
    pub intensity: Rating,
}

impl Emotion {
    /// Parses `name=intensity`, as the CLI and the web form take it ("anxious=80").
    pub fn parse(text: &str) -> Result<Self, ValidationError> {
        let (name, value) = text.rsplit_once('=').ok_or_else(|| {
            ValidationError::new(
                "emotions",
                "write an emotion as name=intensity, for example anxious=80",
            )
        })?;
        let value: i64 = value.trim().parse().map_err(|_| {
            ValidationError::new(
                "emotions",
                "the intensity after '=' should be a whole number from 0 to 100",
            )
        })?;
        Ok(Emotion {
            name: name.trim().to_owned(),
            intensity: Rating::new(value)?,
        })
    }
}

/// A thought record as stored and returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThoughtRecord {
    pub id: ThoughtId,
    /// When the situation happened (UTC).
    pub occurred_at: DateTime<Utc>,
    /// What was happening: where, when, with whom.
    pub situation: Option<String>,
    /// The automatic thought, in the person's words.
    pub thought: String,
    /// The emotions it brought, with their intensity (0-100).
    pub emotions: Vec<Emotion>,
    /// The thinking traps the person recognised in the thought.
    pub traps: Vec<Trap>,
    /// What supports the thought.
    pub evidence_for: Option<String>,
    /// What does not fit it.
    pub evidence_against: Option<String>,
    /// A kinder, more balanced way to see it.
    pub balanced_thought: Option<String>,
    /// How strong the feeling is after working through the record (0-100).
    pub intensity_after: Option<Rating>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a person sends to start a record. Only `thought` is required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewThought {
    /// When it happened; now if left out.
    #[serde(default)]
    pub occurred_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub situation: Option<String>,
    pub thought: String,
    #[serde(default)]
    pub emotions: Vec<Emotion>,
    #[serde(default)]
    pub traps: Vec<Trap>,
    #[serde(default)]
    pub evidence_for: Option<String>,
    #[serde(default)]
    pub evidence_against: Option<String>,
    #[serde(default)]
    pub balanced_thought: Option<String>,
    #[serde(default)]
    pub intensity_after: Option<Rating>,
}

impl NewThought {
    /// A record with only the thought filled in.
    pub fn just(thought: impl Into<String>) -> Self {
        Self {
            occurred_at: None,
            situation: None,
            thought: thought.into(),
            emotions: Vec::new(),
            traps: Vec::new(),
            evidence_for: None,
            evidence_against: None,
            balanced_thought: None,
            intensity_after: None,
        }
    }

    /// Checks and tidies the input; `now` stands in for a missing time.
    pub fn into_record(
        self,
        id: ThoughtId,
        now: DateTime<Utc>,
    ) -> Result<ThoughtRecord, ValidationError> {
        let now = to_millis(now);
        let record = ThoughtRecord {
            id,
            occurred_at: to_millis(self.occurred_at.unwrap_or(now)),
            situation: non_empty(self.situation),
            thought: self.thought.trim().to_owned(),
            emotions: tidy_emotions(self.emotions),
            traps: dedup(self.traps),
            evidence_for: non_empty(self.evidence_for),
            evidence_against: non_empty(self.evidence_against),
            balanced_thought: non_empty(self.balanced_thought),
            intensity_after: self.intensity_after,
            created_at: now,
            updated_at: now,
        };
        record.validate(now)?;
        Ok(record)
    }
}

/// A change to a record: only the fields present change; `null` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThoughtPatch {
    #[serde(default)]
    pub occurred_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub situation: Option<Option<String>>,
    #[serde(default)]
    pub thought: Option<String>,
    #[serde(default)]
    pub emotions: Option<Vec<Emotion>>,
    #[serde(default)]
    pub traps: Option<Vec<Trap>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub evidence_for: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub evidence_against: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub balanced_thought: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Rating>)]
    pub intensity_after: Option<Option<Rating>>,
}

/// Tells "absent" (outer `None`) from "null" (`Some(None)`).
fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

impl ThoughtPatch {
    /// Applies the change, checking the result as a whole; on error nothing changes.
    pub fn apply(
        self,
        record: &mut ThoughtRecord,
        now: DateTime<Utc>,
    ) -> Result<(), ValidationError> {
        let now = to_millis(now);
        let mut next = record.clone();
        if let Some(v) = self.occurred_at {
            next.occurred_at = to_millis(v);
        }
        if let Some(v) = self.situation {
            next.situation = non_empty(v);
        }
        if let Some(v) = self.thought {
            next.thought = v.trim().to_owned();
        }
        if let Some(v) = self.emotions {
            next.emotions = tidy_emotions(v);
        }
        if let Some(v) = self.traps {
            next.traps = dedup(v);
        }
        if let Some(v) = self.evidence_for {
            next.evidence_for = non_empty(v);
        }
        if let Some(v) = self.evidence_against {
            next.evidence_against = non_empty(v);
        }
        if let Some(v) = self.balanced_thought {
            next.balanced_thought = non_empty(v);
        }
        if let Some(v) = self.intensity_after {
            next.intensity_after = v;
        }
        next.updated_at = now;
        next.validate(now)?;
        *record = next;
        Ok(())
    }
}

impl ThoughtRecord {
    /// The rules every stored record keeps.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), ValidationError> {
        if self.occurred_at > now + chrono::Duration::minutes(5) {
            return Err(ValidationError::new(
                "occurred_at",
                "is in the future; write a thought record for something that has happened",
            ));
        }
        if self.thought.is_empty() {
            return Err(ValidationError::new(
                "thought",
                "is empty; write the thought in your own words, even a few words is enough",
            ));
        }
        check_text("thought", &self.thought, MAX_THOUGHT_CHARS)?;
        for (field, text) in [
            ("situation", &self.situation),
            ("evidence_for", &self.evidence_for),
            ("evidence_against", &self.evidence_against),
            ("balanced_thought", &self.balanced_thought),
        ] {
            if let Some(text) = text {
                check_text(field, text, MAX_TEXT_CHARS)?;
            }
        }
        if self.emotions.len() > MAX_EMOTIONS {
            return Err(ValidationError::new(
                "emotions",
                format!(
                    "has {} entries; please keep it to {MAX_EMOTIONS}",
                    self.emotions.len()
                ),
            ));
        }
        for e in &self.emotions {
            if e.name.is_empty() {
                return Err(ValidationError::new(
                    "emotions",
                    "an emotion has no name; write a word such as anxious or sad",
                ));
            }
            check_text("emotions", &e.name, MAX_EMOTION_CHARS)?;
        }
        Ok(())
    }

    /// Every free-text field, for checks that look at all of them (crisis language).
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.thought.as_str()];
        out.extend(
            [
                &self.situation,
                &self.evidence_for,
                &self.evidence_against,
                &self.balanced_thought,
            ]
            .into_iter()
            .filter_map(|t| t.as_deref()),
        );
        out.extend(self.emotions.iter().map(|e| e.name.as_str()));
        out
    }

    /// The strongest emotion's intensity before, if any was rated.
    pub fn intensity_before(&self) -> Option<Rating> {
        self.emotions.iter().map(|e| e.intensity).max()
    }
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

fn tidy_emotions(emotions: Vec<Emotion>) -> Vec<Emotion> {
    emotions
        .into_iter()
        .map(|e| Emotion {
            name: e.name.trim().to_owned(),
            intensity: e.intensity,
        })
        .collect()
}

fn dedup(traps: Vec<Trap>) -> Vec<Trap> {
    let mut out = Vec::with_capacity(traps.len());
    for t in traps {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000, 0).expect("valid timestamp")
    }

    #[test]
    fn only_the_thought_is_required() {
        let new: NewThought =
            serde_json::from_value(serde_json::json!({"thought": "  He is pulling away  "}))
                .expect("valid");
        let r = new.into_record(ThoughtId::new(), now()).expect("valid");
        assert_eq!(r.thought, "He is pulling away");
        assert_eq!(r.occurred_at, now());
        assert!(r.emotions.is_empty() && r.traps.is_empty() && r.situation.is_none());

        let err = NewThought::just("   ")
            .into_record(ThoughtId::new(), now())
            .expect_err("empty");
        assert_eq!(err.field, "thought");
    }

    #[test]
    fn intensities_are_0_to_100_and_traps_are_the_thirteen() {
        let err = serde_json::from_value::<NewThought>(serde_json::json!({
            "thought": "t", "emotions": [{"name": "anxious", "intensity": 101}]
        }))
        .expect_err("101");
        assert!(err.to_string().contains("0 (not at all) to 100"), "{err}");
        let err = serde_json::from_value::<NewThought>(serde_json::json!({
            "thought": "t", "traps": ["doom_spiral"]
        }))
        .expect_err("unknown trap");
        assert!(err.to_string().contains("mind_reading"), "{err}");
        let ok: NewThought = serde_json::from_value(serde_json::json!({
            "thought": "t", "traps": ["mind_reading", "mind_reading", "labeling"],
            "emotions": [{"name": " sad ", "intensity": 0}], "intensity_after": 100
        }))
        .expect("valid");
        let r = ok.into_record(ThoughtId::new(), now()).expect("valid");
        assert_eq!(r.traps, vec![Trap::MindReading, Trap::Labeling]);
        assert_eq!(r.emotions[0].name, "sad");
    }

    #[test]
    fn emotions_parse_from_name_equals_intensity() {
        let e = Emotion::parse("anxious = 80").expect("valid");
        assert_eq!((e.name.as_str(), e.intensity.get()), ("anxious", 80));
        assert!(Emotion::parse("anxious").is_err());
        assert!(Emotion::parse("anxious=101").is_err());
        assert!(Emotion::parse("anxious=a lot").is_err());
    }

    #[test]
    fn long_text_and_nameless_emotions_are_refused() {
        let mut n = NewThought::just("x".repeat(MAX_THOUGHT_CHARS + 1));
        assert_eq!(
            n.clone()
                .into_record(ThoughtId::new(), now())
                .expect_err("long")
                .field,
            "thought"
        );
        n.thought = "ok".to_owned();
        n.evidence_against = Some("y".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(
            n.clone()
                .into_record(ThoughtId::new(), now())
                .expect_err("long")
                .field,
            "evidence_against"
        );
        n.evidence_against = None;
        n.emotions = vec![Emotion {
            name: " ".to_owned(),
            intensity: Rating(5),
        }];
        assert_eq!(
            n.into_record(ThoughtId::new(), now())
                .expect_err("nameless")
                .field,
            "emotions"
        );
    }

    #[test]
    fn a_patch_changes_only_what_it_names_and_nothing_when_bad() {
        let mut r = NewThought::just("She is bored of me")
            .into_record(ThoughtId::new(), now())
            .expect("valid");
        let later = now() + chrono::Duration::minutes(10);
        let patch: ThoughtPatch = serde_json::from_value(serde_json::json!({
            "balanced_thought": "She was tired; she said she enjoyed the evening",
            "intensity_after": 30
        }))
        .expect("valid");
        patch.apply(&mut r, later).expect("applies");
        assert_eq!(r.thought, "She is bored of me", "the thought stays");
        assert_eq!(r.intensity_after.map(Rating::get), Some(30));
        assert_eq!(r.updated_at, later);

        let before = r.clone();
        let bad = ThoughtPatch {
            thought: Some(String::new()),
            balanced_thought: Some(None),
            ..ThoughtPatch::default()
        };
        assert!(bad.apply(&mut r, later).is_err());
        assert_eq!(r, before);

        let clear: ThoughtPatch =
            serde_json::from_value(serde_json::json!({"balanced_thought": null})).expect("valid");
        clear.apply(&mut r, later).expect("applies");
        assert_eq!(r.balanced_thought, None);
    }
}
