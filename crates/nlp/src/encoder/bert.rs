//! A BERT encoder (Devlin et al., 2019) with a one-output head over the mean of
//! its last layer: the shape of MiniLM-L6 (Wang et al., 2020; six layers, 384
//! wide, twelve heads), read from the file that `scripts/train_crisis_encoder.py`
//! writes.
//!
//! File layout (little-endian): the magic `STEN`, a `u32` version, then tensors in
//! a fixed order. A matrix is `rows: u32, cols: u32`, one `f32` scale per row and
//! `rows * cols` signed bytes (each row's values divided by its scale); a vector
//! is `len: u32` and `len` `f32`s. Order: word embeddings, position embeddings,
//! the token-type-0 embedding, the embedding norm (gain, bias); per layer query,
//! key, value and attention output (matrix, bias each), the attention norm, the
//! feed-forward up and down projections (matrix, bias each), the output norm; the
//! head's weights and bias.

use ndarray::{Array1, Array2, Axis, Slice, Zip};

/// The file's first four bytes.
pub const MAGIC: &[u8; 4] = b"STEN";
/// The layout version this code reads.
pub const VERSION: u32 = 1;
/// Width of one attention head.
const HEAD_WIDTH: usize = 32;
/// Layer-norm epsilon of the original model.
const NORM_EPS: f32 = 1e-12;

/// A quantised matrix kept as the file's bytes (the word embeddings: only the
/// rows of the pieces in a text are ever read).
struct Rows {
    cols: usize,
    scales: Vec<f32>,
    values: &'static [u8],
}

impl Rows {
    fn rows(&self) -> usize {
        self.scales.len()
    }

    /// Row `i`, restored to floats.
    fn row(&self, i: usize) -> impl Iterator<Item = f32> + '_ {
        let scale = self.scales[i];
        self.values[i * self.cols..(i + 1) * self.cols]
            .iter()
            .map(move |&b| f32::from(b as i8) * scale)
    }

    fn to_dense(&self) -> Array2<f32> {
        let mut m = Array2::zeros((self.rows(), self.cols));
        for (i, mut r) in m.rows_mut().into_iter().enumerate() {
            r.iter_mut().zip(self.row(i)).for_each(|(d, v)| *d = v);
        }
        m
    }
}

/// Reads the file's tensors in order.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u32(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn floats(&mut self, n: usize) -> Option<Vec<f32>> {
        let b = self.take(n.checked_mul(4)?)?;
        Some(
            b.chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }

    fn rows(&mut self) -> Option<Rows> {
        let (rows, cols) = (self.u32()?, self.u32()?);
        let scales = self.floats(rows)?;
        let values = self.take(rows.checked_mul(cols)?)?;
        Some(Rows {
            cols,
            scales,
            values,
        })
    }

    fn vector(&mut self) -> Option<Array1<f32>> {
        let n = self.u32()?;
        self.floats(n).map(Array1::from)
    }

    fn dense(&mut self) -> Option<Dense> {
        let w = self.rows()?.to_dense();
        let b = self.vector()?;
        (b.len() == w.nrows()).then_some(Dense { w, b })
    }

    fn norm(&mut self) -> Option<Norm> {
        let gain = self.vector()?;
        let bias = self.vector()?;
        (gain.len() == bias.len()).then_some(Norm { gain, bias })
    }
}

/// `x W^T + b`, with `W` as stored (output rows by input columns).
struct Dense {
    w: Array2<f32>,
    b: Array1<f32>,
}

impl Dense {
    fn apply(&self, x: &Array2<f32>) -> Array2<f32> {
        x.dot(&self.w.t()) + &self.b
    }
}

/// Layer normalisation of each row.
struct Norm {
    gain: Array1<f32>,
    bias: Array1<f32>,
}

impl Norm {
    fn apply(&self, mut x: Array2<f32>) -> Array2<f32> {
        for mut row in x.rows_mut() {
            let n = row.len() as f32;
            let mean = row.sum() / n;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
            let inv = 1.0 / (var + NORM_EPS).sqrt();
            Zip::from(&mut row)
                .and(&self.gain)
                .and(&self.bias)
                .for_each(|v, g, b| *v = (*v - mean) * inv * g + b);
        }
        x
    }
}

struct Layer {
    query: Dense,
    key: Dense,
    value: Dense,
    output: Dense,
    attention_norm: Norm,
    up: Dense,
    down: Dense,
    output_norm: Norm,
}

impl Layer {
    fn apply(&self, x: Array2<f32>) -> Array2<f32> {
        let (q, k, v) = (
            self.query.apply(&x),
            self.key.apply(&x),
            self.value.apply(&x),
        );
        let mut context = Array2::zeros(x.raw_dim());
        let scale = 1.0 / (HEAD_WIDTH as f32).sqrt();
        for h in 0..x.ncols() / HEAD_WIDTH {
            let cols = Slice::from(h * HEAD_WIDTH..(h + 1) * HEAD_WIDTH);
            let mut weights = q
                .slice_axis(Axis(1), cols)
                .dot(&k.slice_axis(Axis(1), cols).t())
                * scale;
            for mut row in weights.rows_mut() {
                let max = row.fold(f32::NEG_INFINITY, |m, &v| m.max(v));
                row.mapv_inplace(|v| (v - max).exp());
                let sum = row.sum();
                row /= sum;
            }
            context
                .slice_axis_mut(Axis(1), cols)
                .assign(&weights.dot(&v.slice_axis(Axis(1), cols)));
        }
        let x = self.attention_norm.apply(self.output.apply(&context) + x);
        let hidden = self
            .up
            .apply(&x)
            .mapv(|v| 0.5 * v * (1.0 + libm::erff(v * std::f32::consts::FRAC_1_SQRT_2)));
        self.output_norm.apply(self.down.apply(&hidden) + x)
    }
}

/// The encoder and its head.
pub struct Bert {
    words: Rows,
    positions: Array2<f32>,
    token_type: Array1<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    head: Array1<f32>,
    head_bias: f32,
}

impl Bert {
    /// Reads a model file; `None` if it is not one this code can read.
    pub fn from_bytes(bytes: &'static [u8], layers: usize) -> Option<Self> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC || r.u32()? != VERSION as usize {
            return None;
        }
        let words = r.rows()?;
        let positions = r.rows()?.to_dense();
        let token_type = r.vector()?;
        let embedding_norm = r.norm()?;
        let width = words.cols;
        let layers = (0..layers)
            .map(|_| {
                Some(Layer {
                    query: r.dense()?,
                    key: r.dense()?,
                    value: r.dense()?,
                    output: r.dense()?,
                    attention_norm: r.norm()?,
                    up: r.dense()?,
                    down: r.dense()?,
                    output_norm: r.norm()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let head = r.vector()?;
        let head_bias = *r.vector()?.first()?;
        let fits = positions.ncols() == width
            && token_type.len() == width
            && head.len() == width
            && width % HEAD_WIDTH == 0
            && r.at == bytes.len()
            && layers.iter().all(|l| {
                l.query.w.dim() == (width, width)
                    && l.down.w.nrows() == width
                    && l.up.w.ncols() == width
            });
        fits.then_some(Self {
            words,
            positions,
            token_type,
            embedding_norm,
            layers,
            head,
            head_bias,
        })
    }

    /// The most pieces one pass can read, `[CLS]` and `[SEP]` included.
    pub fn max_len(&self) -> usize {
        self.positions.nrows()
    }

    /// The head's logit for one sequence of piece ids (at most [`Self::max_len`],
    /// `[CLS]` and `[SEP]` included; ids past the vocabulary read as its last piece).
    pub fn logit(&self, ids: &[u32]) -> f32 {
        let n = ids.len().min(self.max_len());
        let mut x = Array2::zeros((n, self.words.cols));
        for (i, mut row) in x.rows_mut().into_iter().enumerate() {
            let id = (ids[i] as usize).min(self.words.rows() - 1);
            Zip::from(&mut row)
                .and(&self.positions.row(i))
                .and(&self.token_type)
                .for_each(|v, p, t| *v = p + t);
            row.iter_mut()
                .zip(self.words.row(id))
                .for_each(|(v, w)| *v += w);
        }
        let mut x = self.embedding_norm.apply(x);
        for layer in &self.layers {
            x = layer.apply(x);
        }
        x.mean_axis(Axis(0))
            .map_or(self.head_bias, |mean| mean.dot(&self.head) + self.head_bias)
    }
}
