//! The attachment self-assessment: the ECR-R and ECR-RS questionnaires as data,
//! scoring on the two dimensions (anxiety and avoidance), regions drawn on that
//! continuum with words for each, the re-take rule, and a chart of results over time.
//!
//! Sources, cited wherever results are shown:
//! - Fraley, R. C., Waller, N. G., & Brennan, K. A. (2000). An item response theory
//!   analysis of self-report measures of adult attachment. *Journal of Personality and
//!   Social Psychology*, 78(2), 350-365.
//! - Fraley, R. C., Heffernan, M. E., Vicary, A. M., & Brumbaugh, C. C. (2011). The
//!   Experiences in Close Relationships-Relationship Structures questionnaire: A method
//!   for assessing attachment orientations across relationships. *Psychological
//!   Assessment*, 23(3), 615-625.
//!
//! The author permits free non-commercial and research use; commercial use needs his
//! permission. The definitions live in `crates/core/instruments/*.json` so a deployment
//! can replace them ([`Instrument::from_json`] checks a replacement).
//!
//! Regions are a convention (split at the scale's middle), not a validated cut-off or
//! a diagnosis; no percentiles are given because norms were not verified.

pub mod chart;
mod instrument;
mod record;
mod region;
mod retake;
mod scoring;
mod validate;

pub use instrument::{
    AboutWhom, Dimension, Instrument, InstrumentId, Item, Person, Scale, ScalePoint,
    UnknownInstrument,
};
pub use record::{resolve_about, Assessment, AssessmentError, AssessmentStatus};
pub use region::{Closeness, Guidance, Region, Tool, NOT_A_DIAGNOSIS, REGION_BOUNDARY};
pub use retake::{retake_available_from, retake_offered, RETAKE_AFTER_DAYS};
pub use scoring::{PartialAnswers, ScoreError, Scores};
pub use validate::{InstrumentError, InstrumentProblem};
