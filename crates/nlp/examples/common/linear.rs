//! Training of the quantised linear models ([`steady_nlp::linear`]): logistic
//! regression with `N` outputs (one-vs-rest), plain SGD with L2 and label smoothing,
//! averaged over a few differently shuffled runs, then quantised to i8 per output.

use super::Rng;
use std::collections::HashMap;

/// Float weights per feature key.
pub type Weights<const N: usize> = HashMap<u32, [f32; N]>;

/// One training unit: its feature keys and which outputs are positive.
pub struct Sample<const N: usize> {
    pub feats: Vec<u32>,
    pub y: [bool; N],
}

/// Training settings.
#[derive(Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    pub lr: f32,
    pub l2: f32,
    /// Weight of a positive target relative to a negative one.
    pub pos_weight: f32,
    /// Targets are `smooth` and `1 - smooth` instead of 0 and 1.
    pub smooth: f32,
    /// Models trained on differently shuffled data and averaged (plain SGD on a few
    /// thousand examples varies with the order; averaging steadies it).
    pub ensemble: usize,
}

/// Bias and weights of a trained model, in floats.
pub struct Trained<const N: usize> {
    pub bias: [f32; N],
    pub w: Weights<N>,
}

impl<const N: usize> Trained<N> {
    pub fn logits(&self, feats: &[u32]) -> [f32; N] {
        let mut z = self.bias;
        for f in feats {
            if let Some(row) = self.w.get(f) {
                for (zz, ww) in z.iter_mut().zip(row) {
                    *zz += ww;
                }
            }
        }
        z
    }

    /// Divides every logit by `t` (a fitted temperature) and adds `shift` to each bias.
    pub fn rescale(&mut self, t: f32, shift: [f32; N]) {
        for (b, s) in self.bias.iter_mut().zip(shift) {
            *b = *b / t + s;
        }
        for row in self.w.values_mut() {
            for x in row.iter_mut() {
                *x /= t;
            }
        }
    }

    /// Quantises to one signed byte per output and feature, dropping features whose
    /// largest quantised weight is below `prune`: (scale, sorted entries).
    #[allow(clippy::type_complexity)]
    pub fn quantise(&self, prune: i8) -> ([f32; N], Vec<(u32, [i8; N])>) {
        let mut scale = [0.0f32; N];
        for row in self.w.values() {
            for k in 0..N {
                scale[k] = scale[k].max(row[k].abs());
            }
        }
        for s in &mut scale {
            *s = if *s > 0.0 { *s / 127.0 } else { 1.0 };
        }
        let mut entries: Vec<(u32, [i8; N])> = self
            .w
            .iter()
            .map(|(k, row)| {
                let mut q = [0i8; N];
                for i in 0..N {
                    q[i] = (row[i] / scale[i]).round().clamp(-127.0, 127.0) as i8;
                }
                (*k, q)
            })
            .filter(|(_, q)| q.iter().any(|x| x.abs() >= prune))
            .collect();
        entries.sort_by_key(|e| e.0);
        (scale, entries)
    }
}

fn train_once<const N: usize>(samples: &[Sample<N>], s: Settings, seed: u64) -> Trained<N> {
    let mut w: Weights<N> = HashMap::new();
    let mut bias = [0.0f32; N];
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let mut rng = Rng(seed);
    for epoch in 0..s.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let lr = s.lr / (1.0 + epoch as f32 * 0.5);
        for &i in &order {
            let x = &samples[i];
            let mut z = bias;
            for f in &x.feats {
                if let Some(row) = w.get(f) {
                    for (zz, ww) in z.iter_mut().zip(row) {
                        *zz += ww;
                    }
                }
            }
            let mut g = [0.0f32; N];
            for k in 0..N {
                let p = 1.0 / (1.0 + (-z[k]).exp());
                let (t, wt) = if x.y[k] {
                    (1.0 - s.smooth, s.pos_weight)
                } else {
                    (s.smooth, 1.0)
                };
                g[k] = (p - t) * wt;
                bias[k] -= lr * g[k];
            }
            for f in &x.feats {
                let row = w.entry(*f).or_insert([0.0; N]);
                for k in 0..N {
                    row[k] -= lr * (g[k] + s.l2 * row[k]);
                }
            }
        }
    }
    Trained { bias, w }
}

/// The average of `s.ensemble` models trained with different shuffles.
pub fn train<const N: usize>(samples: &[Sample<N>], s: Settings, seed: u64) -> Trained<N> {
    let mut out = Trained {
        bias: [0.0f32; N],
        w: HashMap::new(),
    };
    let share = 1.0 / s.ensemble as f32;
    for j in 0..s.ensemble {
        let m = train_once(samples, s, seed.wrapping_add(1000 * j as u64));
        for k in 0..N {
            out.bias[k] += share * m.bias[k];
        }
        for (f, row) in m.w {
            let acc = out.w.entry(f).or_insert([0.0; N]);
            for k in 0..N {
                acc[k] += share * row[k];
            }
        }
    }
    out
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}
