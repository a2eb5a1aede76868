//! Regions of the two-dimensional space, how far a score sits from the middle, and
//! what each region may mean for reassurance-seeking.
//!
//! Attachment anxiety and avoidance are continuous. Splitting each at the middle of
//! the answer scale (4.0 on 1 to 7) is a convention for drawing four regions on a
//! continuum so a result is easier to talk about. It is not a validated cut-off, a
//! type or a diagnosis, and no percentiles are given because population norms were not
//! verified for this product.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::scoring::Scores;

/// Where the boundary between "lower" and "higher" is drawn on both dimensions: the
/// middle of the 1 to 7 scale. A convention, not a validated cut-off.
pub const REGION_BOUNDARY: f64 = 4.0;

/// One of four regions of the anxiety-avoidance space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// Anxiety and avoidance both at or below the middle.
    Secure,
    /// Anxiety above the middle, avoidance at or below it.
    Anxious,
    /// Avoidance above the middle, anxiety at or below it.
    Avoidant,
    /// Both above the middle (fearful-avoidant).
    Fearful,
}

impl Region {
    pub const ALL: [Region; 4] = [
        Region::Secure,
        Region::Anxious,
        Region::Avoidant,
        Region::Fearful,
    ];

    /// The region of a pair of scores. A score counts as higher only when it is above
    /// [`REGION_BOUNDARY`]; exactly 4.0 sits on the lower side. Near the boundary the
    /// region says little (see [`Scores::near_boundary`]).
    pub fn from_scores(scores: &Scores) -> Region {
        let anxious = scores.anxiety > REGION_BOUNDARY;
        let avoidant = scores.avoidance > REGION_BOUNDARY;
        match (anxious, avoidant) {
            (false, false) => Region::Secure,
            (true, false) => Region::Anxious,
            (false, true) => Region::Avoidant,
            (true, true) => Region::Fearful,
        }
    }

    /// The plain name: "Secure", "Anxious", "Avoidant" or "Fearful-avoidant".
    pub fn label(self) -> &'static str {
        match self {
            Region::Secure => "Secure",
            Region::Anxious => "Anxious",
            Region::Avoidant => "Avoidant",
            Region::Fearful => "Fearful-avoidant",
        }
    }

    /// The id used in data: "secure", "anxious", "avoidant" or "fearful".
    pub fn as_str(self) -> &'static str {
        match self {
            Region::Secure => "secure",
            Region::Anxious => "anxious",
            Region::Avoidant => "avoidant",
            Region::Fearful => "fearful",
        }
    }

    /// Words for the person: what the region is, what it may mean for asking for
    /// reassurance, and where Steady suggests starting.
    pub fn guidance(self) -> Guidance {
        match self {
            Region::Secure => Guidance {
                what_it_is: "Your answers place you in the secure region: lower on worry about the \
                    relationship and lower on discomfort with closeness. This is a region on a \
                    continuum, not a type or a diagnosis. It describes how things feel for you now, \
                    and it can shift with time, stress and the relationship you are in.",
                reassurance: "People here tend to ask for reassurance calmly and in proportion, and \
                    can usually sit with not knowing for a while. Hard days still happen: a worry \
                    that gets loud now and then is part of caring about someone.",
                first_steps: "Keep the habits that already work for you. The reliability ledger is a \
                    good place to start: noting the small things you and your partner can count on \
                    makes that steadiness easier to see on the days doubt does show up.",
                suggested_tools: &[Tool::ReliabilityLedger],
            },
            Region::Anxious => Guidance {
                what_it_is: "Your answers place you in the anxious region: more worry about being \
                    loved or left, while closeness itself feels welcome. This is a region on a \
                    continuum, not a type or a diagnosis. It describes how things feel for you \
                    now, and it can change; many people move over time.",
                reassurance: "When worry rises, you may find yourself asking many questions in a row \
                    (\"Do you still love me?\", \"Are we okay?\") and reading a quiet moment as pulling \
                    away. Reassurance brings real relief, but it often fades quickly and the next \
                    question comes sooner. That is a loop, not a flaw in you, and it can loosen.",
                first_steps: "Start with the delay ladder: when the urge to ask comes, wait a few \
                    minutes first and notice what the feeling does. Thought records help you set the \
                    worried thought beside the evidence and find a kinder, more balanced one.",
                suggested_tools: &[Tool::DelayLadder, Tool::ThoughtRecords],
            },
            Region::Avoidant => Guidance {
                what_it_is: "Your answers place you in the avoidant region: less worry about being \
                    left, and more discomfort with closeness and with leaning on someone. This is a \
                    region on a continuum, not a type or a diagnosis. It describes how things feel \
                    for you now, and it can change.",
                reassurance: "You may rarely ask for reassurance yourself, and frequent checking in \
                    or comforting can feel like pressure. What tends to help is space together with \
                    steady, predictable availability: knowing you can step back, and that you and \
                    your partner can count on each other to come back.",
                first_steps: "Start with agreements: settle together when check-ins happen and how \
                    you handle moments of doubt, so closeness comes at a pace that feels safe. Small, \
                    reliable acts of availability, noted in the reliability ledger, help you both.",
                suggested_tools: &[Tool::Agreements, Tool::ReliabilityLedger],
            },
            Region::Fearful => Guidance {
                what_it_is: "Your answers place you in the fearful-avoidant region: more worry about \
                    being loved or left, and more discomfort with closeness, both at once. This is a \
                    region on a continuum, not a type or a diagnosis. It describes how things feel \
                    for you now, and it can change.",
                reassurance: "You may long for reassurance and also feel uneasy when it comes, or \
                    swing between asking a lot and pulling away. Both pulls make sense, and both can \
                    keep the worry going.",
                first_steps: "Start with thought records, to slow down and look at the thoughts \
                    behind the pull to ask or to withdraw. Then try the delay ladder gently, with \
                    short waits, alongside agreements with your partner about when check-ins happen.",
                suggested_tools: &[Tool::ThoughtRecords, Tool::DelayLadder, Tool::Agreements],
            },
        }
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A Steady tool suggested as a first step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    DelayLadder,
    ThoughtRecords,
    Agreements,
    ReliabilityLedger,
}

impl Tool {
    pub fn label(self) -> &'static str {
        match self {
            Tool::DelayLadder => "Delay ladder",
            Tool::ThoughtRecords => "Thought records",
            Tool::Agreements => "Agreements",
            Tool::ReliabilityLedger => "Reliability ledger",
        }
    }

    /// One sentence on what the tool is, for a person who has not used it yet.
    pub fn summary(self) -> &'static str {
        match self {
            Tool::DelayLadder => "when the urge to ask comes, wait a little first (5 minutes, then 10, then 20...) and notice what the feeling does while you wait",
            Tool::ThoughtRecords => "write down the worried thought, look at what supports it and what does not, and find a more balanced one",
            Tool::Agreements => "settle together, while things are calm, when check-ins happen and how you handle moments of doubt",
            Tool::ReliabilityLedger => "note the small things you and your partner reliably do for each other, so that steadiness is easy to see",
        }
    }
}

/// What a region may mean, in words for the person who took the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Guidance {
    /// What the region is: a region on a continuum, where you are now, can change.
    pub what_it_is: &'static str,
    /// What it may mean for asking for reassurance.
    pub reassurance: &'static str,
    /// Where Steady suggests starting.
    pub first_steps: &'static str,
    pub suggested_tools: &'static [Tool],
}

/// Said with every result.
pub const NOT_A_DIAGNOSIS: &str = "This questionnaire is a way to reflect, not a test you pass or \
    fail, and not a diagnosis. Steady is self-help: it is not therapy and not an emergency service.";

/// How far one score sits from the middle of the scale, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Closeness {
    /// More than 1.5 below the middle.
    ClearlyLower,
    /// Between 0.5 and 1.5 below the middle.
    SomewhatLower,
    /// Within 0.5 of the middle.
    NearMiddle,
    /// Between 0.5 and 1.5 above the middle.
    SomewhatHigher,
    /// More than 1.5 above the middle.
    ClearlyHigher,
}

impl Closeness {
    /// Within this distance of [`REGION_BOUNDARY`] a score is "near the middle".
    pub const NEAR: f64 = 0.5;
    /// Beyond this distance a score is "clearly" higher or lower.
    pub const CLEAR: f64 = 1.5;

    pub fn of(score: f64) -> Closeness {
        let d = score - REGION_BOUNDARY;
        if d.abs() <= Self::NEAR {
            Closeness::NearMiddle
        } else if d > Self::CLEAR {
            Closeness::ClearlyHigher
        } else if d > 0.0 {
            Closeness::SomewhatHigher
        } else if d < -Self::CLEAR {
            Closeness::ClearlyLower
        } else {
            Closeness::SomewhatLower
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Closeness::ClearlyLower => "clearly lower than the middle",
            Closeness::SomewhatLower => "a little lower than the middle",
            Closeness::NearMiddle => "near the middle",
            Closeness::SomewhatHigher => "a little higher than the middle",
            Closeness::ClearlyHigher => "clearly higher than the middle",
        }
    }
}

impl Scores {
    /// How far the anxiety score sits from the middle.
    pub fn anxiety_closeness(&self) -> Closeness {
        Closeness::of(self.anxiety)
    }

    /// How far the avoidance score sits from the middle.
    pub fn avoidance_closeness(&self) -> Closeness {
        Closeness::of(self.avoidance)
    }

    /// Whether either score is near the middle, so the region is only a rough guide.
    pub fn near_boundary(&self) -> bool {
        self.anxiety_closeness() == Closeness::NearMiddle
            || self.avoidance_closeness() == Closeness::NearMiddle
    }

    /// One or two sentences describing the scores in words, e.g. "Your anxiety score,
    /// 4.2, is near the middle of the scale. Your avoidance score, 2.1, is clearly lower
    /// than the middle."
    pub fn describe(&self) -> String {
        let mut text = format!(
            "Your anxiety score, {:.1}, is {} of the 1 to 7 scale. Your avoidance score, {:.1}, is {}.",
            self.anxiety,
            self.anxiety_closeness().describe(),
            self.avoidance,
            self.avoidance_closeness().describe(),
        );
        if self.near_boundary() {
            text.push_str(
                " Because a score sits near the middle, the region is only a rough guide: \
                 you are close to the line between two regions.",
            );
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(anxiety: f64, avoidance: f64) -> Region {
        Scores { anxiety, avoidance }.region()
    }

    #[test]
    fn regions_split_at_the_midpoint() {
        assert_eq!(region(1.0, 1.0), Region::Secure);
        assert_eq!(region(6.3, 2.0), Region::Anxious);
        assert_eq!(region(2.0, 6.3), Region::Avoidant);
        assert_eq!(region(5.0, 5.0), Region::Fearful);
    }

    #[test]
    fn exactly_four_is_on_the_lower_side_and_just_above_is_higher() {
        assert_eq!(region(4.0, 4.0), Region::Secure);
        assert_eq!(region(4.0 + 1.0 / 18.0, 4.0), Region::Anxious);
        assert_eq!(region(4.0, 4.0 + 1.0 / 18.0), Region::Avoidant);
        assert_eq!(region(4.0 + 1.0 / 3.0, 4.0 + 1.0 / 6.0), Region::Fearful);
        assert_eq!(region(3.999, 4.001), Region::Avoidant);
    }

    #[test]
    fn regions_serialise_snake_case_and_have_plain_labels() {
        let json: Vec<String> = Region::ALL
            .iter()
            .map(|r| serde_json::to_string(r).unwrap_or_default())
            .collect();
        assert_eq!(
            json,
            ["\"secure\"", "\"anxious\"", "\"avoidant\"", "\"fearful\""]
        );
        let labels: Vec<&str> = Region::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(
            labels,
            ["Secure", "Anxious", "Avoidant", "Fearful-avoidant"]
        );
        for r in Region::ALL {
            assert_eq!(
                format!("\"{}\"", r.as_str()),
                serde_json::to_string(&r).unwrap_or_default()
            );
        }
    }

    #[test]
    fn guidance_is_about_a_continuum_and_suggests_the_right_first_tools() {
        for r in Region::ALL {
            let g = r.guidance();
            assert!(g.what_it_is.contains("region on a continuum"), "{r:?}");
            assert!(g.what_it_is.contains("not a type or a diagnosis"), "{r:?}");
            let can_move =
                g.what_it_is.contains("can change") || g.what_it_is.contains("can shift");
            assert!(can_move, "{r:?}: says it can change");
            for text in [g.what_it_is, g.reassurance, g.first_steps] {
                assert!(
                    !text.contains("disorder") && !text.contains("symptom"),
                    "{r:?}: {text}"
                );
                assert!(!text.contains("  "), "{r:?}: stray spaces in {text}");
            }
        }
        assert_eq!(
            Region::Anxious.guidance().suggested_tools,
            [Tool::DelayLadder, Tool::ThoughtRecords]
        );
        assert_eq!(
            Region::Avoidant.guidance().suggested_tools[0],
            Tool::Agreements
        );
        assert_eq!(
            Region::Fearful.guidance().suggested_tools[0],
            Tool::ThoughtRecords
        );
        assert!(Region::Fearful
            .guidance()
            .suggested_tools
            .contains(&Tool::DelayLadder));
        assert_eq!(
            Region::Secure.guidance().suggested_tools,
            [Tool::ReliabilityLedger]
        );
        assert!(Region::Anxious.guidance().reassurance.contains("loop"));
        assert!(Region::Avoidant.guidance().reassurance.contains("pressure"));
    }

    #[test]
    fn closeness_bands() {
        assert_eq!(Closeness::of(1.0), Closeness::ClearlyLower);
        assert_eq!(Closeness::of(2.4), Closeness::ClearlyLower);
        assert_eq!(Closeness::of(2.5), Closeness::SomewhatLower);
        assert_eq!(Closeness::of(3.4), Closeness::SomewhatLower);
        assert_eq!(Closeness::of(3.5), Closeness::NearMiddle);
        assert_eq!(Closeness::of(4.0), Closeness::NearMiddle);
        assert_eq!(Closeness::of(4.5), Closeness::NearMiddle);
        assert_eq!(Closeness::of(4.6), Closeness::SomewhatHigher);
        assert_eq!(Closeness::of(5.5), Closeness::SomewhatHigher);
        assert_eq!(Closeness::of(5.6), Closeness::ClearlyHigher);
        assert_eq!(
            Closeness::of(6.3).describe(),
            "clearly higher than the middle"
        );
    }

    #[test]
    fn description_names_both_scores_and_flags_the_boundary() {
        let s = Scores {
            anxiety: 4.2,
            avoidance: 2.1,
        };
        let text = s.describe();
        assert!(
            text.contains("anxiety score, 4.2, is near the middle"),
            "{text}"
        );
        assert!(
            text.contains("avoidance score, 2.1, is clearly lower than the middle"),
            "{text}"
        );
        assert!(text.contains("only a rough guide"), "{text}");
        let s = Scores {
            anxiety: 6.0,
            avoidance: 2.0,
        };
        assert!(!s.near_boundary());
        assert!(!s.describe().contains("rough guide"));
    }
}
