//! The embedded linear model: per-trap logistic regression over hashed features.
//!
//! File format (little endian), written by `examples/train.rs`:
//! `b"STNM"`, u32 feature version, u32 number of traps (13), u32 entries,
//! f32 distorted threshold, 13 x f32 bias, 13 x f32 scale, then for each entry
//! u32 feature key and 13 x i8 weights (weight = i8 * scale).

use super::info::N_TRAPS;
use std::sync::OnceLock;

/// Bumped whenever feature extraction changes; the model must then be retrained.
pub const FEATURE_VERSION: u32 = 1;

const MAGIC: &[u8; 4] = b"STNM";
const BYTES: &[u8] = include_bytes!("../../model/traps.bin");
const ROW: usize = 4 + N_TRAPS;

/// A loaded model.
#[derive(Debug, Clone)]
pub struct Model {
    pub threshold: f32,
    pub bias: [f32; N_TRAPS],
    pub scale: [f32; N_TRAPS],
    mask: usize,
    keys: Vec<u32>,
    rows: Vec<[i8; N_TRAPS]>,
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    Truncated,
    BadMagic,
    WrongVersion(u32),
    WrongShape,
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let s = self
            .b
            .get(self.pos..self.pos + N)
            .ok_or(ModelError::Truncated)?;
        self.pos += N;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take()?))
    }
}

impl Model {
    /// A model with no weights (every trap scores 0.5).
    pub fn empty() -> Model {
        Model {
            threshold: 0.5,
            bias: [0.0; N_TRAPS],
            scale: [0.0; N_TRAPS],
            mask: 0,
            keys: vec![0],
            rows: vec![[0; N_TRAPS]],
        }
    }

    /// Parses a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, pos: 0 };
        if &r.take::<4>()? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(ModelError::WrongVersion(version));
        }
        if r.u32()? as usize != N_TRAPS {
            return Err(ModelError::WrongShape);
        }
        let n = r.u32()? as usize;
        if b.len() != 4 * 4 + 4 + 8 * N_TRAPS + n * ROW {
            return Err(ModelError::WrongShape);
        }
        let threshold = r.f32()?;
        let mut bias = [0.0; N_TRAPS];
        for x in &mut bias {
            *x = r.f32()?;
        }
        let mut scale = [0.0; N_TRAPS];
        for x in &mut scale {
            *x = r.f32()?;
        }
        let size = (n * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut keys = vec![0u32; size];
        let mut rows = vec![[0i8; N_TRAPS]; size];
        for _ in 0..n {
            let key = r.u32()?;
            let w: [u8; N_TRAPS] = r.take()?;
            let mut slot = key as usize & mask;
            while keys[slot] != 0 && keys[slot] != key {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            for (d, s) in rows[slot].iter_mut().zip(w) {
                *d = s as i8;
            }
        }
        Ok(Model {
            threshold,
            bias,
            scale,
            mask,
            keys,
            rows,
        })
    }

    /// Number of stored feature rows.
    pub fn len(&self) -> usize {
        self.keys.iter().filter(|k| **k != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Raw logits for a list of feature keys (duplicates count once each time they appear).
    pub fn logits(&self, feats: &[u32]) -> [f32; N_TRAPS] {
        let mut acc = [0i32; N_TRAPS];
        for &key in feats {
            let mut slot = key as usize & self.mask;
            loop {
                let k = self.keys[slot];
                if k == key {
                    for (a, w) in acc.iter_mut().zip(self.rows[slot]) {
                        *a += i32::from(w);
                    }
                    break;
                }
                if k == 0 {
                    break;
                }
                slot = (slot + 1) & self.mask;
            }
        }
        let mut out = self.bias;
        for ((o, a), s) in out.iter_mut().zip(acc).zip(self.scale) {
            *o += a as f32 * s;
        }
        out
    }
}

/// The embedded model, parsed on first use (an unreadable file gives the empty model).
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(BYTES).unwrap_or_else(|_| Model::empty()))
}

/// Writes a model file (used by the trainer).
pub fn to_bytes(
    threshold: f32,
    bias: &[f32; N_TRAPS],
    scale: &[f32; N_TRAPS],
    entries: &[(u32, [i8; N_TRAPS])],
) -> Vec<u8> {
    let mut b = Vec::with_capacity(64 + entries.len() * ROW);
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    b.extend_from_slice(&(N_TRAPS as u32).to_le_bytes());
    b.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    b.extend_from_slice(&threshold.to_le_bytes());
    for x in bias.iter().chain(scale) {
        b.extend_from_slice(&x.to_le_bytes());
    }
    for (k, w) in entries {
        b.extend_from_slice(&k.to_le_bytes());
        b.extend(w.iter().map(|x| *x as u8));
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut w = [0i8; N_TRAPS];
        w[4] = 100;
        let mut bias = [0.0; N_TRAPS];
        bias[0] = -1.0;
        let bytes = to_bytes(0.4, &bias, &[0.01; N_TRAPS], &[(77, w), (78, [1; N_TRAPS])]);
        let m = Model::from_bytes(&bytes).expect("valid model");
        assert_eq!(m.len(), 2);
        let l = m.logits(&[77, 77, 5]);
        assert!((l[4] - 2.0).abs() < 1e-6);
        assert!((l[0] + 1.0).abs() < 1e-6);
        assert_eq!(m.threshold, 0.4);
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(Model::from_bytes(b"nope").err(), Some(ModelError::BadMagic));
        assert_eq!(Model::from_bytes(b"ST").err(), Some(ModelError::Truncated));
    }

    #[test]
    fn embedded_model_is_current() {
        // Fails when features changed without retraining (run examples/train.rs).
        assert!(
            Model::from_bytes(BYTES).is_ok(),
            "model/traps.bin is stale or missing"
        );
    }
}
