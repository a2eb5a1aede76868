//! The fields of an urge entry as a form: reading what was sent, and showing it again.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use steady_core::urge::{Action, Form, Function, Intensity, NewUrge, Trigger, Urge, UrgePatch};
use steady_core::ValidationError;

use crate::pages::form::{sentence, Choice, Errors};
use crate::pages::local_time;

/// An urge form as sent: every field as text, so nothing a person typed is ever lost.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UrgeForm {
    pub csrf: String,
    pub occurred_at: String,
    pub intensity_before: String,
    pub trigger: String,
    pub trigger_detail: String,
    pub form: String,
    pub function: String,
    pub did: String,
    pub partner_response: String,
    pub intensity_after: String,
    pub note: String,
}

/// A form that passed the page's checks; the domain's own rules run when it is saved.
#[derive(Debug)]
pub struct Checked {
    pub occurred_at: Option<DateTime<Utc>>,
    pub trigger: Trigger,
    pub trigger_detail: Option<String>,
    pub form: Form,
    pub function: Option<Function>,
    pub intensity_before: Intensity,
    pub did: Action,
    pub partner_response: Option<String>,
    pub intensity_after: Option<Intensity>,
    pub note: Option<String>,
}

impl UrgeForm {
    /// The form for an existing entry, with its private texts filled in.
    pub fn from_urge(urge: &Urge, tz: Tz) -> Self {
        UrgeForm {
            csrf: String::new(),
            occurred_at: local_time::to_input(urge.occurred_at, tz),
            intensity_before: urge.intensity_before.get().to_string(),
            trigger: urge.trigger.as_str().to_owned(),
            trigger_detail: urge.trigger_detail.clone().unwrap_or_default(),
            form: urge.form.as_str().to_owned(),
            function: urge
                .function
                .map(|f| f.as_str().to_owned())
                .unwrap_or_default(),
            did: urge.did.as_str().to_owned(),
            partner_response: urge.partner_response.clone().unwrap_or_default(),
            intensity_after: urge
                .intensity_after
                .map(|i| i.get().to_string())
                .unwrap_or_default(),
            note: urge.note.clone().unwrap_or_default(),
        }
    }

    /// Reads the form in the person's zone, collecting a message for every field at fault.
    pub fn check(&self, tz: Tz) -> Result<Checked, Errors> {
        let mut errors = Errors::default();
        let occurred_at = if self.occurred_at.trim().is_empty() {
            None
        } else {
            local_time::from_input(&self.occurred_at, tz)
                .map_err(|m| errors.add("occurred_at", m))
                .ok()
        };
        let intensity_before = intensity(&self.intensity_before, "intensity_before", &mut errors)
            .and_then(|i| {
                i.or_else(|| {
                    errors.add(
                        "intensity_before",
                        "Please choose how strong the urge was, from 0 (none) to 10 (the strongest).",
                    );
                    None
                })
            });
        let intensity_after = intensity(&self.intensity_after, "intensity_after", &mut errors);
        let trigger = required::<Trigger>(
            &self.trigger,
            "trigger",
            "Please choose what set it off. \"Something else\" is fine.",
            &mut errors,
        );
        let form = required::<Form>(
            &self.form,
            "form",
            "Please choose what the urge was to do. \"Something else\" is fine.",
            &mut errors,
        );
        let did = required::<Action>(
            &self.did,
            "did",
            "Please choose what you did with the urge.",
            &mut errors,
        );
        let function = optional::<Function>(&self.function, "function", &mut errors);
        match (
            intensity_before,
            trigger,
            form,
            did,
            function,
            intensity_after,
        ) {
            (
                Some(intensity_before),
                Some(trigger),
                Some(form),
                Some(did),
                Some(function),
                Some(intensity_after),
            ) if errors.is_empty() => Ok(Checked {
                occurred_at,
                trigger,
                trigger_detail: text(&self.trigger_detail),
                form,
                function,
                intensity_before,
                did,
                partner_response: text(&self.partner_response),
                intensity_after,
                note: text(&self.note),
            }),
            _ => Err(errors),
        }
    }
}

impl Checked {
    pub fn into_new(self) -> NewUrge {
        NewUrge {
            occurred_at: self.occurred_at,
            trigger: self.trigger,
            trigger_detail: self.trigger_detail,
            form: self.form,
            function: self.function,
            intensity_before: self.intensity_before,
            did: self.did,
            partner_response: self.partner_response,
            intensity_after: self.intensity_after,
            note: self.note,
        }
    }

    /// A change that sets every field to what the form shows. A time left as it was shown
    /// (to the minute) keeps the entry's exact time.
    pub fn into_patch(self, original: &Urge, tz: Tz, shown_time: &str) -> UrgePatch {
        let unchanged = shown_time.trim() == local_time::to_input(original.occurred_at, tz);
        UrgePatch {
            occurred_at: if unchanged { None } else { self.occurred_at },
            trigger: Some(self.trigger),
            trigger_detail: Some(self.trigger_detail),
            form: Some(self.form),
            function: Some(self.function),
            intensity_before: Some(self.intensity_before),
            did: Some(self.did),
            partner_response: Some(self.partner_response),
            intensity_after: Some(self.intensity_after),
            note: Some(self.note),
        }
    }
}

/// A message for a domain rule broken when saving, under the form's own field.
pub fn saving_error(e: &ValidationError) -> Errors {
    let mut errors = Errors::default();
    match e.field {
        "occurred_at" => errors.add(
            "occurred_at",
            "This time is in the future. Please choose when the urge came.",
        ),
        field => errors.add(field, sentence(&e.message)),
    }
    errors
}

/// An optional intensity: empty is `Some(None)`; a bad value adds a message and gives `None`.
fn intensity(raw: &str, field: &'static str, errors: &mut Errors) -> Option<Option<Intensity>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(None);
    }
    let parsed = raw
        .parse::<i64>()
        .map_err(|_| "Please use a whole number from 0 (none) to 10 (the strongest).".to_owned())
        .and_then(|v| Intensity::new(v).map_err(|e| sentence(&e.message)));
    match parsed {
        Ok(i) => Some(Some(i)),
        Err(message) => {
            errors.add(field, message);
            None
        }
    }
}

fn required<T: std::str::FromStr>(
    raw: &str,
    field: &'static str,
    missing: &str,
    errors: &mut Errors,
) -> Option<T> {
    if raw.trim().is_empty() {
        errors.add(field, missing);
        return None;
    }
    optional(raw, field, errors).flatten()
}

/// An optional choice: empty is `Some(None)`; an unknown value adds a message and gives `None`.
fn optional<T: std::str::FromStr>(
    raw: &str,
    field: &'static str,
    errors: &mut Errors,
) -> Option<Option<T>> {
    if raw.trim().is_empty() {
        return Some(None);
    }
    match raw.parse::<T>() {
        Ok(v) => Some(Some(v)),
        Err(_) => {
            errors.add(
                field,
                "That is not one of the choices; please pick one below.",
            );
            None
        }
    }
}

fn text(raw: &str) -> Option<String> {
    let t = raw.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The fields under "More (optional)".
const OPTIONAL_FIELDS: [&str; 6] = [
    "occurred_at",
    "trigger_detail",
    "function",
    "partner_response",
    "intensity_after",
    "note",
];

/// Everything a template needs to show the urge fields.
pub struct FieldsView {
    pub values: UrgeForm,
    pub errors: Errors,
    pub intensity_before: Vec<Choice>,
    pub intensity_after: Vec<Choice>,
    pub triggers: Vec<Choice>,
    pub forms: Vec<Choice>,
    pub functions: Vec<Choice>,
    pub dids: Vec<Choice>,
    /// Whether the optional details start unfolded.
    pub open: bool,
}

impl FieldsView {
    pub fn new(values: UrgeForm, errors: Errors) -> Self {
        let scale: Vec<String> = (0..=Intensity::MAX).map(|i| i.to_string()).collect();
        let scale_pairs = || scale.iter().map(|s| (s.as_str(), s.as_str()));
        let not_noted = std::iter::once(("", "Not noted"));
        // Unfolded when something in it was filled in or needs another look.
        let open = OPTIONAL_FIELDS.iter().any(|f| errors.get(f).is_some())
            || [
                &values.occurred_at,
                &values.trigger_detail,
                &values.function,
                &values.partner_response,
                &values.intensity_after,
                &values.note,
            ]
            .iter()
            .any(|v| !v.trim().is_empty());
        FieldsView {
            open,
            intensity_before: Choice::list(scale_pairs(), &values.intensity_before),
            intensity_after: Choice::list(
                not_noted.clone().chain(scale_pairs()),
                &values.intensity_after,
            ),
            triggers: Choice::list(
                Trigger::ALL.iter().map(|c| (c.as_str(), c.label())),
                &values.trigger,
            ),
            forms: Choice::list(
                Form::ALL.iter().map(|c| (c.as_str(), c.label())),
                &values.form,
            ),
            functions: Choice::list(
                not_noted.chain(Function::ALL.iter().map(|c| (c.as_str(), c.label()))),
                &values.function,
            ),
            dids: Choice::list(
                Action::ALL.iter().map(|c| (c.as_str(), c.label())),
                &values.did,
            ),
            values,
            errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> UrgeForm {
        UrgeForm {
            intensity_before: "7".into(),
            trigger: "no_reply".into(),
            form: "repeated_question".into(),
            did: "asked".into(),
            note: "  a note  ".into(),
            ..UrgeForm::default()
        }
    }

    #[test]
    fn a_quick_entry_needs_four_taps() {
        let checked = filled().check(Tz::UTC).expect("valid");
        let new = checked.into_new();
        assert_eq!(new.intensity_before.get(), 7);
        assert_eq!(new.trigger, Trigger::NoReply);
        assert_eq!(new.occurred_at, None);
        assert_eq!(new.intensity_after, None);
        assert_eq!(new.function, None);
        assert_eq!(new.note.as_deref(), Some("a note"));
    }

    #[test]
    fn every_field_at_fault_gets_a_message() {
        let form = UrgeForm {
            intensity_before: "11".into(),
            trigger: String::new(),
            function: "shouting".into(),
            intensity_after: "x".into(),
            occurred_at: "soon".into(),
            ..filled()
        };
        let errors = form.check(Tz::UTC).expect_err("invalid");
        for field in [
            "intensity_before",
            "trigger",
            "function",
            "intensity_after",
            "occurred_at",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert!(errors.get("form").is_none());
        assert!(errors
            .get("intensity_before")
            .is_some_and(|m| m.contains("11 is outside the scale")));
    }

    #[test]
    fn the_view_checks_what_was_sent() {
        let view = FieldsView::new(filled(), Errors::default());
        assert!(view.intensity_before[7].checked);
        assert_eq!(view.intensity_after.len(), 12);
        assert!(view.intensity_after[0].checked, "not noted");
        assert!(view
            .triggers
            .iter()
            .any(|c| c.checked && c.value == "no_reply"));
    }
}
