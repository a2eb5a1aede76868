//! Questionnaires as data: the definition of an instrument, the two built in, and the
//! checks a replacement definition must pass.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::validate::InstrumentError;

/// The two attachment dimensions every instrument here measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Attachment-related anxiety: worry about being loved, left or not cared for enough.
    Anxiety,
    /// Attachment-related avoidance: discomfort with closeness and depending on someone.
    Avoidance,
}

impl Dimension {
    /// Both dimensions, anxiety first.
    pub const ALL: [Dimension; 2] = [Dimension::Anxiety, Dimension::Avoidance];

    /// The plain name, capitalised ("Anxiety", "Avoidance").
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Anxiety => "Anxiety",
            Dimension::Avoidance => "Avoidance",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dimension::Anxiety => "anxiety",
            Dimension::Avoidance => "avoidance",
        })
    }
}

/// The instruments built into Steady. A deployment may replace their definitions
/// (see [`Instrument::from_json`]) but keeps these ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum InstrumentId {
    /// Experiences in Close Relationships-Revised, 36 items.
    #[serde(rename = "ecr-r")]
    EcrR,
    /// Experiences in Close Relationships-Relationship Structures, 9 items about one person.
    #[serde(rename = "ecr-rs")]
    EcrRs,
}

impl InstrumentId {
    /// Both built-in instruments.
    pub const ALL: [InstrumentId; 2] = [InstrumentId::EcrR, InstrumentId::EcrRs];

    /// The id as written in data and URLs: "ecr-r" or "ecr-rs".
    pub fn as_str(self) -> &'static str {
        match self {
            InstrumentId::EcrR => "ecr-r",
            InstrumentId::EcrRs => "ecr-rs",
        }
    }

    /// The built-in definition of this instrument.
    pub fn instrument(self) -> &'static Instrument {
        match self {
            InstrumentId::EcrR => Instrument::ecr_r(),
            InstrumentId::EcrRs => Instrument::ecr_rs(),
        }
    }
}

impl fmt::Display for InstrumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An instrument id that Steady does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "there is no questionnaire called \"{0}\"; the ones available are \"ecr-r\" and \"ecr-rs\""
)]
pub struct UnknownInstrument(pub String);

impl FromStr for InstrumentId {
    type Err = UnknownInstrument;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ecr-r" => Ok(InstrumentId::EcrR),
            "ecr-rs" => Ok(InstrumentId::EcrRs),
            _ => Err(UnknownInstrument(s.to_owned())),
        }
    }
}

/// One point of the answer scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ScalePoint {
    pub value: u8,
    /// The label printed at this point of the original scale, if it has one
    /// (the two ends and the middle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Plain words for this point, shown on every button.
    pub label: String,
}

/// The answer scale, e.g. 1 (strongly disagree) to 7 (strongly agree).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    /// One entry per value from `min` to `max`, in order.
    pub points: Vec<ScalePoint>,
}

impl Scale {
    /// Whether `answer` is a value on this scale.
    pub fn contains(&self, answer: u8) -> bool {
        (self.min..=self.max).contains(&answer)
    }

    /// The value a reverse-keyed answer counts as (8 - answer on a 1..7 scale).
    pub fn reverse(&self, answer: u8) -> u8 {
        (self.min + self.max).saturating_sub(answer)
    }

    /// The middle of the scale (4.0 on a 1..7 scale).
    pub fn midpoint(&self) -> f64 {
        (f64::from(self.min) + f64::from(self.max)) / 2.0
    }
}

/// One statement of a questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Item {
    /// 1-based, as numbered in the published questionnaire.
    pub number: u16,
    pub text: String,
    pub dimension: Dimension,
    /// Reverse-keyed: agreement means *less* of the dimension, so the answer is
    /// counted as `min + max - answer`.
    pub reversed: bool,
}

/// One person a relationship-specific questionnaire (the ECR-RS) can be about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Person {
    /// Stable id, e.g. "partner".
    pub id: String,
    /// How the person is named in a sentence, e.g. "your romantic partner".
    pub label: String,
    /// What to keep in mind while answering about this person.
    pub instructions: String,
}

/// For a questionnaire about one named person: who it can be about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AboutWhom {
    /// The id of the person asked about unless someone else is chosen ("partner").
    pub default: String,
    pub people: Vec<Person>,
}

impl AboutWhom {
    /// The person with this id, if the questionnaire can be about them.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
}

/// A questionnaire definition: everything needed to show it, score it and credit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Instrument {
    /// "ecr-r" or "ecr-rs" for the built-in ones.
    pub id: String,
    pub name: String,
    pub short_name: String,
    /// The reference to cite wherever results are shown.
    pub citation: String,
    /// Who may use the questionnaire and how.
    pub terms_of_use: String,
    /// What the person reads before the first statement.
    pub instructions: String,
    /// Present when the questionnaire is about one named person (ECR-RS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<AboutWhom>,
    pub scale: Scale,
    pub items: Vec<Item>,
}

static ECR_R: LazyLock<Instrument> =
    LazyLock::new(|| builtin(include_str!("../../instruments/ecr-r.json")));
static ECR_RS: LazyLock<Instrument> =
    LazyLock::new(|| builtin(include_str!("../../instruments/ecr-rs.json")));

fn builtin(json: &str) -> Instrument {
    match Instrument::from_json(json) {
        Ok(instrument) => instrument,
        // The embedded files are checked by the tests of this module, so this is a
        // build defect, never a runtime condition.
        Err(e) => panic!("a built-in instrument definition is invalid: {e}"),
    }
}

impl Instrument {
    /// The ECR-R (Fraley, Waller & Brennan, 2000).
    pub fn ecr_r() -> &'static Instrument {
        &ECR_R
    }

    /// The ECR-RS (Fraley, Heffernan, Vicary & Brumbaugh, 2011).
    pub fn ecr_rs() -> &'static Instrument {
        &ECR_RS
    }

    /// A built-in instrument by its id ("ecr-r" or "ecr-rs"; case and surrounding
    /// spaces are ignored).
    pub fn by_id(id: &str) -> Option<&'static Instrument> {
        id.parse::<InstrumentId>()
            .ok()
            .map(InstrumentId::instrument)
    }

    /// Both built-in instruments.
    pub fn builtin() -> [&'static Instrument; 2] {
        [Instrument::ecr_r(), Instrument::ecr_rs()]
    }

    /// Parse a definition (the format of `crates/core/instruments/*.json`) and check it
    /// with [`Instrument::validate`].
    pub fn from_json(json: &str) -> Result<Instrument, InstrumentError> {
        let instrument: Instrument =
            serde_json::from_str(json).map_err(|e| InstrumentError::Parse(e.to_string()))?;
        instrument.validate()?;
        Ok(instrument)
    }

    /// How many statements the questionnaire has.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The statement with this number.
    pub fn item(&self, number: u16) -> Option<&Item> {
        let index = usize::from(number).checked_sub(1)?;
        self.items.get(index).filter(|i| i.number == number)
    }

    /// The numbers of the reverse-keyed statements, in order.
    pub fn reversed_items(&self) -> Vec<u16> {
        self.items
            .iter()
            .filter(|i| i.reversed)
            .map(|i| i.number)
            .collect()
    }

    /// The numbers of the statements that measure `dimension`, in order.
    pub fn items_for(&self, dimension: Dimension) -> Vec<u16> {
        self.items
            .iter()
            .filter(|i| i.dimension == dimension)
            .map(|i| i.number)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load_and_validate() {
        for id in InstrumentId::ALL {
            let instrument = id.instrument();
            assert_eq!(instrument.id, id.as_str());
            assert_eq!(instrument.validate(), Ok(()));
        }
        assert_eq!(Instrument::ecr_r().item_count(), 36);
        assert_eq!(Instrument::ecr_rs().item_count(), 9);
    }

    #[test]
    fn by_id_finds_both_and_nothing_else() {
        assert_eq!(
            Instrument::by_id("ecr-r").map(|i| i.short_name.as_str()),
            Some("ECR-R")
        );
        assert_eq!(
            Instrument::by_id(" ECR-RS ").map(|i| i.short_name.as_str()),
            Some("ECR-RS")
        );
        assert!(Instrument::by_id("ecr").is_none());
        let err = "ecr".parse::<InstrumentId>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("there is no questionnaire called \"ecr\"; the ones available are \"ecr-r\" and \"ecr-rs\"")
        );
    }

    #[test]
    fn ecr_r_dimensions_are_items_1_to_18_and_19_to_36() {
        let ecr_r = Instrument::ecr_r();
        assert_eq!(
            ecr_r.items_for(Dimension::Anxiety),
            (1..=18).collect::<Vec<u16>>()
        );
        assert_eq!(
            ecr_r.items_for(Dimension::Avoidance),
            (19..=36).collect::<Vec<u16>>()
        );
    }

    #[test]
    fn ecr_r_reverse_keyed_items_are_exactly_the_published_list() {
        let ecr_r = Instrument::ecr_r();
        assert_eq!(
            ecr_r.reversed_items(),
            vec![9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36]
        );
        // The authors' 2013 erratum: item 21 is scored as answered.
        let item_21 = ecr_r.item(21).map(|i| (i.reversed, i.dimension));
        assert_eq!(item_21, Some((false, Dimension::Avoidance)));
        assert_eq!(
            ecr_r.item(21).map(|i| i.text.as_str()),
            Some("I find it difficult to allow myself to depend on romantic partners.")
        );
    }

    #[test]
    fn ecr_rs_keys_and_dimensions() {
        let ecr_rs = Instrument::ecr_rs();
        assert_eq!(ecr_rs.reversed_items(), vec![1, 2, 3, 4]);
        assert_eq!(
            ecr_rs.items_for(Dimension::Avoidance),
            vec![1, 2, 3, 4, 5, 6]
        );
        assert_eq!(ecr_rs.items_for(Dimension::Anxiety), vec![7, 8, 9]);
    }

    #[test]
    fn item_texts_match_the_reference_at_the_edges() {
        let ecr_r = Instrument::ecr_r();
        let text = |n| ecr_r.item(n).map(|i| i.text.as_str());
        assert_eq!(
            text(1),
            Some("I'm afraid that I will lose my partner's love.")
        );
        assert_eq!(text(9), Some("I rarely worry about my partner leaving me."));
        assert_eq!(
            text(36),
            Some("My partner really understands me and my needs.")
        );
        let ecr_rs = Instrument::ecr_rs();
        assert_eq!(
            ecr_rs.item(9).map(|i| i.text.as_str()),
            Some(
                "I worry that this person won't care about me as much as I care about him or her."
            )
        );
    }

    #[test]
    fn scales_are_one_to_seven_with_anchors() {
        for instrument in Instrument::builtin() {
            let scale = &instrument.scale;
            assert_eq!((scale.min, scale.max), (1, 7));
            assert_eq!(scale.points.len(), 7);
            assert_eq!(scale.points[0].anchor.as_deref(), Some("Strongly disagree"));
            assert_eq!(scale.points[6].anchor.as_deref(), Some("Strongly agree"));
            assert_eq!(scale.reverse(1), 7);
            assert_eq!(scale.reverse(3), 5);
            assert!((scale.midpoint() - 4.0).abs() < f64::EPSILON);
        }
    }

    #[test]
    fn ecr_rs_is_about_the_partner_by_default() {
        let about = Instrument::ecr_rs().about.as_ref();
        assert_eq!(about.map(|a| a.default.as_str()), Some("partner"));
        assert_eq!(
            about
                .and_then(|a| a.person("partner"))
                .map(|p| p.label.as_str()),
            Some("your romantic partner")
        );
        assert!(Instrument::ecr_r().about.is_none());
    }

    #[test]
    fn citations_and_terms_name_the_sources() {
        assert!(Instrument::ecr_r()
            .citation
            .contains("Fraley, R. C., Waller, N. G., & Brennan, K. A. (2000)"));
        assert!(Instrument::ecr_r().citation.contains("78(2), 350-365"));
        assert!(Instrument::ecr_rs()
            .citation
            .contains("Psychological Assessment, 23(3), 615-625"));
        for instrument in Instrument::builtin() {
            assert!(instrument.terms_of_use.contains("non-commercial"));
            assert!(instrument.terms_of_use.contains("permission"));
        }
    }
}
