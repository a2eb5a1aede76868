//! The embedded thinking-trap models: one logistic regression per trap over hashed
//! features (a [`Linear`] model with 13 outputs). There are two, of the same form:
//! one for short texts (a thought, a few sentences) and one for long texts (see
//! [`super::is_long`]), trained on long posts, since in a long text the trap sits in
//! one sentence among background and questions.
//!
//! A model's parameters, in order: the `distorted` threshold on the best trap's
//! probability, and the [`Pool`] weights `second` and `whole`.

use super::info::N_TRAPS;
use super::Pool;
use crate::linear::{Linear, ModelError};
use std::sync::OnceLock;

/// Bumped whenever feature extraction or the file layout changes; the model must
/// then be retrained.
pub const FEATURE_VERSION: u32 = 3;

/// The file's magic bytes.
pub const MAGIC: &[u8; 4] = b"STNM";
const BYTES: &[u8] = include_bytes!("../../model/traps.bin");
const BYTES_LONG: &[u8] = include_bytes!("../../model/traps_long.bin");

/// A loaded thinking-trap model.
#[derive(Debug, Clone)]
pub struct Model {
    /// The `distorted` threshold on the best trap's probability.
    pub threshold: f32,
    /// How this model's sentence logits are pooled (chosen by the trainer).
    pub pool: Pool,
    linear: Linear<N_TRAPS>,
}

impl Model {
    /// A model with no weights (every trap scores 0.5).
    pub fn empty() -> Model {
        Model {
            threshold: 0.5,
            pool: Pool::default(),
            linear: Linear::empty(Vec::new()),
        }
    }

    /// Parses a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let linear = Linear::from_bytes(b, MAGIC, FEATURE_VERSION)?;
        let [threshold, second, whole] = linear.params[..] else {
            return Err(ModelError::WrongShape);
        };
        Ok(Model {
            threshold,
            pool: Pool { second, whole },
            linear,
        })
    }

    /// Number of stored feature rows.
    pub fn len(&self) -> usize {
        self.linear.len()
    }

    pub fn is_empty(&self) -> bool {
        self.linear.is_empty()
    }

    /// Raw logits for a list of feature keys.
    pub fn logits(&self, feats: &[u32]) -> [f32; N_TRAPS] {
        self.linear.logits(feats)
    }
}

/// The embedded model for short texts, parsed on first use (an unreadable file gives
/// the empty model).
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(BYTES).unwrap_or_else(|_| Model::empty()))
}

/// The embedded model for long texts, parsed on first use.
pub fn long_model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(BYTES_LONG).unwrap_or_else(|_| Model::empty()))
}

/// The model that scores a text, short or long (see [`super::is_long`]).
pub fn for_length(long: bool) -> &'static Model {
    if long {
        long_model()
    } else {
        model()
    }
}

/// Writes a model file (used by the trainer).
pub fn to_bytes(
    threshold: f32,
    pool: Pool,
    bias: &[f32; N_TRAPS],
    scale: &[f32; N_TRAPS],
    entries: &[(u32, [i8; N_TRAPS])],
) -> Vec<u8> {
    crate::linear::to_bytes(
        MAGIC,
        FEATURE_VERSION,
        &[threshold, pool.second, pool.whole],
        bias,
        scale,
        entries,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_threshold_and_pooling() {
        let pool = Pool {
            second: 0.25,
            whole: 0.5,
        };
        let mut w = [0i8; N_TRAPS];
        w[4] = 100;
        let bytes = to_bytes(0.4, pool, &[0.0; N_TRAPS], &[0.01; N_TRAPS], &[(77, w)]);
        let m = Model::from_bytes(&bytes).expect("valid model");
        assert_eq!(m.threshold, 0.4);
        assert_eq!(m.pool, pool);
        assert!((m.logits(&[77])[4] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn embedded_models_are_current() {
        // Fails when features changed without retraining (run examples/train.rs).
        assert!(
            Model::from_bytes(BYTES).is_ok(),
            "model/traps.bin is stale or missing"
        );
        assert!(
            Model::from_bytes(BYTES_LONG).is_ok(),
            "model/traps_long.bin is stale or missing"
        );
    }
}
