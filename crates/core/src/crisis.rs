//! What the crisis page says: crisis lines from an editable data file, grounding steps for
//! right now, and the plain statement of what Steady is and is not.
//!
//! The default list is `crates/core/data/crisis_lines.json`, compiled in. An operator can
//! replace it with their own file (the server reads it at start-up; this module only parses
//! and checks text, it never touches the disk). Steady never contacts anyone by itself.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The shipped list, as JSON.
pub const DEFAULT_JSON: &str = include_str!("../data/crisis_lines.json");

/// The first, calm line of the crisis page.
pub const URGENT: &str = "If you might act on thoughts of ending your life or hurting yourself, \
or you are in danger now, call your local emergency number.";

/// What Steady is and is not, said plainly.
pub const STATEMENT: &str = "Steady is a self-help tool. It is not therapy and not an emergency \
service, and it never contacts anyone by itself: no one is told about what you write here. \
The people at these lines are there for exactly this, and it is okay to reach out.";

/// Grounding steps for right now: (short title, what to do).
pub const GROUNDING: &[(&str, &str)] = &[
    (
        "Make some distance",
        "If there is anything nearby you could use to hurt yourself, put distance between you \
         and it: give it to someone, lock it away, or go to another room.",
    ),
    (
        "Be near someone",
        "Move to a safer place, and if you can, be near another person: a friend, a neighbour, \
         or somewhere with people around. You don't have to explain everything.",
    ),
    (
        "Breathe out slowly",
        "Breathe in gently for a count of four, then out for a count of six or seven. The longer \
         out-breath helps the body settle. Ten rounds is enough to start.",
    ),
    (
        "5-4-3-2-1",
        "Name five things you can see, four you can touch, three you can hear, two you can \
         smell and one you can taste. It brings your attention back to the room you are in.",
    ),
    (
        "Get through the next few minutes",
        "Strong feelings rise and fall, even when it doesn't feel that way. You only need to \
         get through the next few minutes, then the next few.",
    ),
];

/// How a line can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Phone,
    Text,
    Web,
}

impl ContactKind {
    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            ContactKind::Phone => "Call",
            ContactKind::Text => "Text",
            ContactKind::Web => "Online",
        }
    }
}

/// One way to reach a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub kind: ContactKind,
    /// A number to call or text, or an `https://` address.
    pub value: String,
}

/// One crisis line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    pub country: String,
    pub name: String,
    pub contacts: Vec<Contact>,
    pub hours: String,
    #[serde(default)]
    pub note: Option<String>,
    /// The date someone last checked these details.
    #[schema(value_type = String, format = Date)]
    pub verified: NaiveDate,
}

/// An emergency number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmergencyNumber {
    pub region: String,
    pub number: String,
}

/// The whole list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CrisisLines {
    /// A note for operators about the file; not shown on the page.
    #[serde(default, skip_serializing)]
    pub about: Option<String>,
    pub emergency: Vec<EmergencyNumber>,
    pub lines: Vec<CrisisLine>,
    /// The fallback for everywhere not listed.
    pub international: CrisisLine,
}

/// Why a crisis-lines file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CrisisLinesError(pub String);

impl CrisisLines {
    /// The shipped list.
    pub fn default_lines() -> Self {
        // The shipped file is checked by this module's tests.
        Self::parse(DEFAULT_JSON).unwrap_or_else(|e| panic!("the shipped crisis lines: {e}"))
    }

    /// Parses and checks a list; the error names the entry and field at fault.
    pub fn parse(json: &str) -> Result<Self, CrisisLinesError> {
        let lines: CrisisLines = serde_json::from_str(json)
            .map_err(|e| CrisisLinesError(format!("not a valid crisis-lines file: {e}")))?;
        lines.validate()?;
        Ok(lines)
    }

    /// Every line, the international fallback last.
    pub fn all(&self) -> impl Iterator<Item = &CrisisLine> {
        self.lines
            .iter()
            .chain(std::iter::once(&self.international))
    }

    fn validate(&self) -> Result<(), CrisisLinesError> {
        if self.lines.is_empty() {
            return Err(CrisisLinesError(
                "`lines` is empty: list at least one crisis line".to_owned(),
            ));
        }
        for (i, e) in self.emergency.iter().enumerate() {
            if e.region.trim().is_empty() || e.number.trim().is_empty() {
                return Err(CrisisLinesError(format!(
                    "emergency[{i}] needs both a region and a number"
                )));
            }
        }
        let named = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("lines[{i}]"), l))
            .chain(std::iter::once((
                "international".to_owned(),
                &self.international,
            )));
        for (at, line) in named {
            for (field, value) in [
                ("country", &line.country),
                ("name", &line.name),
                ("hours", &line.hours),
            ] {
                if value.trim().is_empty() {
                    return Err(CrisisLinesError(format!("{at}.{field} is empty")));
                }
            }
            if line.contacts.is_empty() {
                return Err(CrisisLinesError(format!(
                    "{at} ({}) has no contacts: give a phone number, a text number or a web address",
                    line.name
                )));
            }
            for (j, c) in line.contacts.iter().enumerate() {
                check_contact(c).map_err(|why| {
                    CrisisLinesError(format!("{at}.contacts[{j}] ({}): {why}", line.name))
                })?;
            }
        }
        Ok(())
    }
}

fn check_contact(c: &Contact) -> Result<(), String> {
    let v = c.value.trim();
    match c.kind {
        ContactKind::Phone | ContactKind::Text => {
            let ok = !v.is_empty()
                && v.chars().any(|ch| ch.is_ascii_digit())
                && v.chars()
                    .all(|ch| ch.is_ascii_digit() || matches!(ch, ' ' | '+' | '-' | '(' | ')'));
            if ok {
                Ok(())
            } else {
                Err(format!(
                    "'{v}' is not a phone number (digits, spaces, +, - and brackets only)"
                ))
            }
        }
        ContactKind::Web => {
            let rest = v.strip_prefix("https://").unwrap_or("");
            if rest.is_empty()
                || rest.contains(char::is_whitespace)
                || rest.contains(['"', '<', '>'])
            {
                Err(format!("'{v}' should be a plain https:// address"))
            } else {
                Ok(())
            }
        }
    }
}

impl Contact {
    /// A `tel:`/`sms:` link for numbers, the address itself for the web: navigations only.
    pub fn href(&self) -> String {
        let digits: String = self
            .value
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        match self.kind {
            ContactKind::Phone => format!("tel:{digits}"),
            ContactKind::Text => format!("sms:{digits}"),
            ContactKind::Web => self.value.trim().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_parses_and_has_what_the_page_promises() {
        let lines = CrisisLines::parse(DEFAULT_JSON).expect("valid");
        let names: Vec<&str> = lines.all().map(|l| l.name.as_str()).collect();
        for want in [
            "988 Suicide & Crisis Lifeline",
            "Samaritans",
            "Lifeline Australia",
        ] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
        assert!(lines
            .international
            .contacts
            .iter()
            .any(|c| c.value == "https://findahelpline.com"));
        assert!(lines.emergency.iter().any(|e| e.number == "112"));
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        assert!(lines.all().all(|l| l.verified <= today));
        assert!(lines.about.is_some());
        assert_eq!(CrisisLines::default_lines(), lines);
    }

    #[test]
    fn bad_files_are_refused_with_the_place_named() {
        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("json");
        v["lines"][1]["contacts"][0]["value"] = "call us".into();
        let err = CrisisLines::parse(&v.to_string()).expect_err("bad phone");
        assert!(err.0.starts_with("lines[1].contacts[0]"), "{err}");

        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("json");
        v["international"]["contacts"][0]["value"] = "http://example.org".into();
        let err = CrisisLines::parse(&v.to_string()).expect_err("not https");
        assert!(err.0.contains("https://"), "{err}");

        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("json");
        v["lines"][0]["verified"] = "last week".into();
        let err = CrisisLines::parse(&v.to_string()).expect_err("bad date");
        assert!(err.0.contains("not a valid crisis-lines file"), "{err}");

        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_JSON).expect("json");
        v["lines"] = serde_json::json!([]);
        assert!(CrisisLines::parse(&v.to_string()).is_err());
    }

    #[test]
    fn links_are_navigations_only() {
        let c = Contact {
            kind: ContactKind::Phone,
            value: "116 123".to_owned(),
        };
        assert_eq!(c.href(), "tel:116123");
        let c = Contact {
            kind: ContactKind::Text,
            value: "988".to_owned(),
        };
        assert_eq!(c.href(), "sms:988");
    }
}
