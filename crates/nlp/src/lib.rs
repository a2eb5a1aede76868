//! Steady's text analysis: thinking-trap suggestions, request clarity,
//! blaming language and crisis language.
//!
//! Everything runs offline and in memory: no files, no network. The trained
//! thinking-trap weights and the lexicon are embedded in the library.

pub mod batch;
pub mod crisis;
pub mod encoder;
mod hash;
pub mod linear;
mod ngrams;
pub mod pattern;
pub mod request;
pub mod text;
pub mod tone;
pub mod traps;

/// Serializes a score with three decimals (as f64, so JSON shows `0.947`, not `0.9470000267`).
pub(crate) fn round3<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 1000.0).round() / 1000.0)
}
