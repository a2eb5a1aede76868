//! A quantised linear model over hashed features, with `N` outputs (one logit each).
//!
//! The thinking-trap model (13 outputs) and the crisis model (one output) share
//! it. File format (little endian), written by the trainers in `examples/`:
//! 4-byte magic, u32 format version, u32 outputs (`N`), u32 entries, u32 number of
//! parameters, that many f32 parameters (thresholds and the like; their meaning
//! belongs to the model that uses them), `N` x f32 bias, `N` x f32 scale, then for
//! each entry u32 feature key and `N` x i8 weights (weight = i8 * scale).

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    Truncated,
    BadMagic,
    WrongVersion(u32),
    WrongShape,
}

/// A loaded model: an open-addressing table from feature key to `N` weights.
#[derive(Debug, Clone)]
pub struct Linear<const N: usize> {
    pub params: Vec<f32>,
    pub bias: [f32; N],
    pub scale: [f32; N],
    mask: usize,
    keys: Vec<u32>,
    rows: Vec<[i8; N]>,
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take<const K: usize>(&mut self) -> Result<[u8; K], ModelError> {
        let s = self
            .b
            .get(self.pos..self.pos + K)
            .ok_or(ModelError::Truncated)?;
        self.pos += K;
        let mut a = [0u8; K];
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

impl<const N: usize> Linear<N> {
    /// A model with no weights (every logit is 0) and the given parameters.
    pub fn empty(params: Vec<f32>) -> Self {
        Linear {
            params,
            bias: [0.0; N],
            scale: [0.0; N],
            mask: 0,
            keys: vec![0],
            rows: vec![[0; N]],
        }
    }

    /// Parses a model file with the given magic and format version.
    pub fn from_bytes(b: &[u8], magic: &[u8; 4], version: u32) -> Result<Self, ModelError> {
        let mut r = Reader { b, pos: 0 };
        if &r.take::<4>()? != magic {
            return Err(ModelError::BadMagic);
        }
        let v = r.u32()?;
        if v != version {
            return Err(ModelError::WrongVersion(v));
        }
        if r.u32()? as usize != N {
            return Err(ModelError::WrongShape);
        }
        let n = r.u32()? as usize;
        let n_params = r.u32()? as usize;
        if b.len() != 5 * 4 + 4 * n_params + 8 * N + n * (4 + N) {
            return Err(ModelError::WrongShape);
        }
        let params = (0..n_params)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let mut bias = [0.0; N];
        for x in &mut bias {
            *x = r.f32()?;
        }
        let mut scale = [0.0; N];
        for x in &mut scale {
            *x = r.f32()?;
        }
        let size = (n * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut keys = vec![0u32; size];
        let mut rows = vec![[0i8; N]; size];
        for _ in 0..n {
            let key = r.u32()?;
            let w: [u8; N] = r.take()?;
            let mut slot = key as usize & mask;
            while keys[slot] != 0 && keys[slot] != key {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            for (d, s) in rows[slot].iter_mut().zip(w) {
                *d = s as i8;
            }
        }
        Ok(Linear {
            params,
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

    /// Logits for a list of feature keys (a key listed twice counts twice).
    pub fn logits(&self, feats: &[u32]) -> [f32; N] {
        let mut acc = [0i32; N];
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

/// Writes a model file (used by the trainers).
pub fn to_bytes<const N: usize>(
    magic: &[u8; 4],
    version: u32,
    params: &[f32],
    bias: &[f32; N],
    scale: &[f32; N],
    entries: &[(u32, [i8; N])],
) -> Vec<u8> {
    let mut b = Vec::with_capacity(64 + entries.len() * (4 + N));
    b.extend_from_slice(magic);
    for x in [version, N as u32, entries.len() as u32, params.len() as u32] {
        b.extend_from_slice(&x.to_le_bytes());
    }
    for x in params.iter().chain(bias).chain(scale) {
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
        let mut w = [0i8; 3];
        w[1] = 100;
        let bias = [-1.0, 0.0, 0.5];
        let bytes = to_bytes(
            b"TEST",
            7,
            &[0.4, 0.25],
            &bias,
            &[0.01; 3],
            &[(77, w), (78, [1; 3])],
        );
        let m = Linear::<3>::from_bytes(&bytes, b"TEST", 7).expect("valid model");
        assert_eq!(m.len(), 2);
        assert_eq!(m.params, vec![0.4, 0.25]);
        let l = m.logits(&[77, 77, 5]);
        assert!((l[1] - 2.0).abs() < 1e-6);
        assert!((l[0] + 1.0).abs() < 1e-6);
        assert!((l[2] - 0.5).abs() < 1e-6);
    }

    #[test]
    fn rejects_garbage() {
        let bytes = to_bytes::<1>(b"TEST", 1, &[], &[0.0], &[1.0], &[]);
        let read = |b: &[u8]| Linear::<1>::from_bytes(b, b"TEST", 1).err();
        assert_eq!(read(b"nope"), Some(ModelError::BadMagic));
        assert_eq!(read(b"TE"), Some(ModelError::Truncated));
        assert_eq!(
            read(&bytes[..bytes.len() - 1]),
            Some(ModelError::WrongShape)
        );
        assert!(Linear::<2>::from_bytes(&bytes, b"TEST", 1).is_err());
        assert_eq!(
            Linear::<1>::from_bytes(&bytes, b"TEST", 2).err(),
            Some(ModelError::WrongVersion(1))
        );
    }
}
