//! The reassurance log: one entry for each urge to seek reassurance, acted on or not.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use crate::ids::UrgeId;
use crate::validation::{check_text, ValidationError};

/// Longest free-text field, in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;

/// How strong an urge feels, from 0 (none) to 10 (the strongest imaginable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = u8, description = "0 (none) to 10 (the strongest imaginable)")]
pub struct Intensity(u8);

impl Intensity {
    pub const MAX: u8 = 10;

    pub fn new(value: i64) -> Result<Self, ValidationError> {
        match u8::try_from(value) {
            Ok(v) if v <= Self::MAX => Ok(Self(v)),
            _ => Err(ValidationError::new(
                "intensity",
                format!("{value} is outside the scale; use a whole number from 0 (none) to 10 (strongest)"),
            )),
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Intensity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(d)?;
        Intensity::new(value).map_err(|e| serde::de::Error::custom(e.message))
    }
}

/// Declares a closed set of choices with API names, people's labels and accepted spellings.
macro_rules! choice {
    (
        $(#[$doc:meta])* $name:ident, $what:literal {
            $($(#[$vdoc:meta])* $variant:ident = $api:literal, $label:literal $(, $alias:literal)*;)+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $api $(, alias = $alias)*)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in the API, the CLI and the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $api,)+ }
            }

            /// Words for people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace('-', "_");
                $(
                    if wanted == $api $(|| wanted == $alias.replace('-', "_"))* {
                        return Ok($name::$variant);
                    }
                )+
                Err(ValidationError::new(
                    $what,
                    format!(
                        "'{}' is not one of the choices: {}",
                        s.chars().take(40).collect::<String>(),
                        [$($api),+].join(", ")
                    ),
                ))
            }
        }
    };
}

choice!(
    /// What set the urge off.
    Trigger, "trigger" {
        Stress = "stress", "Stress";
        Insecurity = "insecurity", "Feeling insecure";
        Conflict = "conflict", "A recent conflict", "recent_conflict";
        NoReply = "no_reply", "Silence or no reply", "silence", "no-reply";
        Custom = "custom", "Something else", "other";
    }
);

choice!(
    /// The shape the request takes (or would take).
    Form, "form" {
        RepeatedQuestion = "repeated_question", "The same question again", "question", "repeat";
        CheckingIn = "checking_in", "Checking in", "check_in", "checkin";
        CommitmentTimeline = "commitment_timeline", "Commitment or timelines", "timeline", "commitment";
        VerbalAffirmation = "verbal_affirmation", "Hearing it said", "affirmation";
        CheckingPhone = "checking_phone", "Checking phone or socials", "phone", "social_media", "checking";
        Other = "other", "Something else";
    }
);

choice!(
    /// The need underneath the urge.
    Function, "function" {
        FearOfLoss = "fear_of_loss", "Fear of losing them", "loss";
        FearOfIntrusion = "fear_of_intrusion", "Fear of being crowded or intruded on", "intrusion";
        Regulating = "regulating_arousal", "Needing to calm a racing body and mind", "regulating", "arousal", "calm_down";
        NotSure = "not_sure", "Not sure yet", "unsure", "unknown";
    }
);

choice!(
    /// What the person did with the urge.
    Action, "did" {
        Asked = "asked", "Asked", "ask";
        Delayed = "delayed", "Waited first", "delay", "waited";
        SelfSoothed = "self_soothed", "Calmed myself", "soothed", "self_soothe";
        LetPass = "let_pass", "Let it pass", "let_it_pass", "passed";
    }
);

/// A reassurance-log entry as stored and returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Urge {
    pub id: UrgeId,
    /// When the urge came (UTC).
    pub occurred_at: DateTime<Utc>,
    pub trigger: Trigger,
    /// The person's own words for the trigger, for `custom` or any other.
    pub trigger_detail: Option<String>,
    pub form: Form,
    pub function: Option<Function>,
    pub intensity_before: Intensity,
    pub did: Action,
    /// What the partner said or did, in the person's words.
    pub partner_response: Option<String>,
    pub intensity_after: Option<Intensity>,
    /// A private note, never shared.
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a person sends to log an urge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUrge {
    /// When the urge came; now if left out.
    #[serde(default)]
    pub occurred_at: Option<DateTime<Utc>>,
    pub trigger: Trigger,
    #[serde(default)]
    pub trigger_detail: Option<String>,
    pub form: Form,
    #[serde(default)]
    pub function: Option<Function>,
    pub intensity_before: Intensity,
    pub did: Action,
    #[serde(default)]
    pub partner_response: Option<String>,
    #[serde(default)]
    pub intensity_after: Option<Intensity>,
    #[serde(default)]
    pub note: Option<String>,
}

impl NewUrge {
    /// Checks the free text and fills in defaults; `now` stands in for a missing time.
    pub fn into_urge(self, id: UrgeId, now: DateTime<Utc>) -> Result<Urge, ValidationError> {
        let urge = Urge {
            id,
            occurred_at: self.occurred_at.unwrap_or(now),
            trigger: self.trigger,
            trigger_detail: non_empty(self.trigger_detail),
            form: self.form,
            function: self.function,
            intensity_before: self.intensity_before,
            did: self.did,
            partner_response: non_empty(self.partner_response),
            intensity_after: self.intensity_after,
            note: non_empty(self.note),
            created_at: now,
            updated_at: now,
        };
        urge.validate(now)?;
        Ok(urge)
    }
}

/// A change to an entry: only the fields present change; `null` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UrgePatch {
    #[serde(default)]
    pub occurred_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub trigger: Option<Trigger>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub trigger_detail: Option<Option<String>>,
    #[serde(default)]
    pub form: Option<Form>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Function>)]
    pub function: Option<Option<Function>>,
    #[serde(default)]
    pub intensity_before: Option<Intensity>,
    #[serde(default)]
    pub did: Option<Action>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub partner_response: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Intensity>)]
    pub intensity_after: Option<Option<Intensity>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub note: Option<Option<String>>,
}

/// Tells "absent" (outer `None`) from "null" (`Some(None)`).
fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

impl UrgePatch {
    /// Applies the change to `urge`, checking the result as a whole.
    pub fn apply(self, urge: &mut Urge, now: DateTime<Utc>) -> Result<(), ValidationError> {
        let now = to_millis(now);
        let mut next = urge.clone();
        if let Some(v) = self.occurred_at {
            next.occurred_at = to_millis(v);
        }
        if let Some(v) = self.trigger {
            next.trigger = v;
        }
        if let Some(v) = self.trigger_detail {
            next.trigger_detail = non_empty(v);
        }
        if let Some(v) = self.form {
            next.form = v;
        }
        if let Some(v) = self.function {
            next.function = v;
        }
        if let Some(v) = self.intensity_before {
            next.intensity_before = v;
        }
        if let Some(v) = self.did {
            next.did = v;
        }
        if let Some(v) = self.partner_response {
            next.partner_response = non_empty(v);
        }
        if let Some(v) = self.intensity_after {
            next.intensity_after = v;
        }
        if let Some(v) = self.note {
            next.note = non_empty(v);
        }
        next.updated_at = now;
        next.validate(now)?;
        *urge = next;
        Ok(())
    }
}

impl Urge {
    /// The rules every stored entry keeps.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), ValidationError> {
        if self.occurred_at > now + chrono::Duration::minutes(5) {
            return Err(ValidationError::new(
                "occurred_at",
                "is in the future; log an urge when it has happened",
            ));
        }
        for (field, text) in [
            ("trigger_detail", &self.trigger_detail),
            ("partner_response", &self.partner_response),
            ("note", &self.note),
        ] {
            if let Some(text) = text {
                check_text(field, text, MAX_TEXT_CHARS)?;
            }
        }
        Ok(())
    }
}

/// Times are kept to the millisecond, as stored.
pub fn to_millis(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000, 0).expect("valid timestamp")
    }

    fn new_urge() -> NewUrge {
        serde_json::from_value(serde_json::json!({
            "trigger": "no_reply",
            "form": "repeated_question",
            "intensity_before": 7,
            "did": "asked",
            "note": "  he has not replied since lunch  "
        }))
        .expect("valid urge")
    }

    #[test]
    fn intensity_accepts_the_scale_and_nothing_else() {
        assert_eq!(Intensity::new(0).map(Intensity::get), Ok(0));
        assert_eq!(Intensity::new(10).map(Intensity::get), Ok(10));
        for bad in [-1, 11, 300] {
            let err = Intensity::new(bad).expect_err("out of range");
            assert!(err.message.contains("0 (none) to 10"), "{}", err.message);
        }
        let err = serde_json::from_str::<Intensity>("11").expect_err("11 is too high");
        assert!(err.to_string().contains("11 is outside the scale"));
    }

    #[test]
    fn choices_accept_api_names_and_friendly_spellings() {
        assert_eq!("no-reply".parse::<Trigger>(), Ok(Trigger::NoReply));
        assert_eq!("question".parse::<Form>(), Ok(Form::RepeatedQuestion));
        assert_eq!("Let-Pass".parse::<Action>(), Ok(Action::LetPass));
        let err = "shouting".parse::<Action>().expect_err("not a choice");
        assert_eq!(err.field, "did");
        assert!(err
            .message
            .contains("asked, delayed, self_soothed, let_pass"));
        for t in Trigger::ALL {
            assert_eq!(t.as_str().parse::<Trigger>(), Ok(*t));
        }
    }

    #[test]
    fn new_urge_trims_text_and_defaults_the_time() {
        let urge = new_urge().into_urge(UrgeId::new(), now()).expect("valid");
        assert_eq!(urge.occurred_at, now());
        assert_eq!(urge.note.as_deref(), Some("he has not replied since lunch"));
        assert_eq!(urge.partner_response, None);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let err = serde_json::from_value::<NewUrge>(serde_json::json!({
            "trigger": "stress", "form": "other", "intensity_before": 3, "did": "asked", "mood": 2
        }))
        .expect_err("unknown field");
        assert!(err.to_string().contains("mood"));
    }

    #[test]
    fn future_times_and_huge_notes_are_refused() {
        let mut n = new_urge();
        n.occurred_at = Some(now() + chrono::Duration::hours(2));
        assert_eq!(
            n.into_urge(UrgeId::new(), now()).expect_err("future").field,
            "occurred_at"
        );
        let mut n = new_urge();
        n.note = Some("x".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(
            n.into_urge(UrgeId::new(), now()).expect_err("long").field,
            "note"
        );
    }

    #[test]
    fn patch_distinguishes_absent_from_null() {
        let mut urge = new_urge().into_urge(UrgeId::new(), now()).expect("valid");
        let later = now() + chrono::Duration::minutes(30);
        let patch: UrgePatch =
            serde_json::from_str(r#"{"intensity_after": 3}"#).expect("valid patch");
        patch.apply(&mut urge, later).expect("applies");
        assert_eq!(urge.intensity_after.map(Intensity::get), Some(3));
        assert!(urge.note.is_some(), "absent note stays");
        assert_eq!(urge.updated_at, later);

        let patch: UrgePatch = serde_json::from_str(r#"{"note": null}"#).expect("valid patch");
        patch.apply(&mut urge, later).expect("applies");
        assert_eq!(urge.note, None, "null clears the note");
    }

    #[test]
    fn a_bad_patch_changes_nothing() {
        let mut urge = new_urge().into_urge(UrgeId::new(), now()).expect("valid");
        let before = urge.clone();
        let patch = UrgePatch {
            note: Some(Some("y".repeat(MAX_TEXT_CHARS + 1))),
            did: Some(Action::Delayed),
            ..UrgePatch::default()
        };
        assert!(patch.apply(&mut urge, now()).is_err());
        assert_eq!(urge, before);
    }
}
