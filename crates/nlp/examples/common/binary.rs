//! Shared steps of the one-output models (crisis, tone): reading a labelled corpus,
//! building training units, cross-validation and writing the model file.

use super::crate_dir;
use super::linear::{self, sigmoid, Sample, Settings, Trained};
use steady_nlp::text::{char_slice, sentences, tokenize, Token};

/// Training settings of the one-output models.
pub const SETTINGS: Settings = Settings {
    epochs: 12,
    lr: 0.15,
    l2: 3e-3,
    pos_weight: 1.0,
    smooth: 0.03,
    ensemble: 4,
};
/// Cross-validation folds.
pub const FOLDS: usize = 5;

/// One labelled line.
pub struct Line {
    pub positive: bool,
    pub text: String,
    /// The name of the file it came from (`train_a.tsv`).
    pub file: String,
}

/// Reads every `*.tsv` in `data/<folder>` (`label<TAB>text`, `#` comments), where
/// the label is `positive` or `negative`.
pub fn read_corpus(folder: &str, positive: &str, negative: &str) -> std::io::Result<Vec<Line>> {
    let out: Vec<Line> = read_corpus_files(folder, positive, negative)?
        .into_iter()
        .flatten()
        .collect();
    let pos = out.iter().filter(|l| l.positive).count();
    println!(
        "{} lines ({pos} {positive}, {} {negative})",
        out.len(),
        out.len() - pos
    );
    Ok(out)
}

/// Like [`read_corpus`], one list per file (each file was written separately).
pub fn read_corpus_files(
    folder: &str,
    positive: &str,
    negative: &str,
) -> std::io::Result<Vec<Vec<Line>>> {
    let dir = crate_dir().join("data").join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let raw = std::fs::read_to_string(&f)?;
        let file = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut lines = Vec::new();
        for l in raw
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let Some((label, text)) = l.split_once('\t') else {
                panic!("{}: no TAB in {l:?}", f.display());
            };
            let positive = match label.trim() {
                x if x == positive => true,
                x if x == negative => false,
                other => panic!("{}: unknown label {other:?}", f.display()),
            };
            lines.push(Line {
                positive,
                text: text.trim().to_string(),
                file: file.clone(),
            });
        }
        println!("{}: {} lines", f.display(), lines.len());
        out.push(lines);
    }
    Ok(out)
}

/// Training units: each line, plus each sentence of a negative line (a sentence of
/// a safe text is safe; a sentence of a flagged text may not hold what flagged it).
pub fn samples(lines: &[&Line], features: fn(&[Token], &mut Vec<u32>)) -> Vec<Sample<1>> {
    let mut out = Vec::new();
    let mut push = |text: &str, y: bool| {
        let mut feats = Vec::new();
        features(&tokenize(text), &mut feats);
        feats.sort_unstable();
        out.push(Sample { feats, y: [y] });
    };
    for l in lines {
        push(&l.text, l.positive);
        if !l.positive {
            let toks = tokenize(&l.text);
            let sents = sentences(&toks);
            if sents.len() > 1 {
                for r in sents {
                    let (a, b) = (toks[r.start].start, toks[r.end - 1].end);
                    push(&char_slice(&l.text, a, b), false);
                }
            }
        }
    }
    out
}

/// Turns a text into one logit, given a scorer of feature lists.
pub type Pooling = fn(&str, &dyn Fn(&[u32]) -> f32) -> f32;

/// Out-of-fold probabilities of every line (in order), from `folds`-fold
/// cross-validation; `pooled` turns a text into one logit with a given scorer.
pub fn out_of_fold(
    lines: &[Line],
    folds: usize,
    settings: Settings,
    features: fn(&[Token], &mut Vec<u32>),
    pooled: Pooling,
) -> Vec<f32> {
    let mut oof = vec![0.0; lines.len()];
    for fold in 0..folds {
        let train: Vec<&Line> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, l)| l)
            .collect();
        let m = linear::train(&samples(&train, features), settings, 7 + fold as u64);
        for (i, l) in lines.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            oof[i] = sigmoid(pooled(&l.text, &|f| m.logits(f)[0]));
        }
    }
    oof
}

/// (recall, false-alarm rate) over the lines that `keep` selects, where
/// `flagged(i)` says whether line `i` is flagged. Recall is NaN when the selection
/// holds no positive line.
pub fn rates(
    lines: &[Line],
    flagged: impl Fn(usize) -> bool,
    keep: impl Fn(&Line) -> bool,
) -> (f64, f64) {
    let (mut tp, mut fp, mut pos, mut n) = (0.0, 0.0, 0.0, 0.0);
    for (i, l) in lines.iter().enumerate().filter(|(_, l)| keep(l)) {
        n += 1.0;
        pos += f64::from(u8::from(l.positive));
        match (flagged(i), l.positive) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            _ => {}
        }
    }
    (tp / pos, fp / (n - pos))
}

/// The names of the files the lines came from, in order, each once.
pub fn file_names(lines: &[Line]) -> Vec<&str> {
    let mut files: Vec<&str> = lines.iter().map(|l| l.file.as_str()).collect();
    files.dedup();
    files
}

/// Trains on all lines.
pub fn train_all(
    lines: &[Line],
    settings: Settings,
    features: fn(&[Token], &mut Vec<u32>),
) -> Trained<1> {
    let all: Vec<&Line> = lines.iter().collect();
    linear::train(&samples(&all, features), settings, 7)
}

/// Shifts the bias so that probability `t` becomes 0.5, quantises and writes
/// `model/<file>`.
pub fn write(
    mut m: Trained<1>,
    t: f32,
    (magic, version, file): (&[u8; 4], u32, &str),
) -> std::io::Result<()> {
    m.rescale(1.0, [-(t / (1.0 - t)).ln()]);
    let (scale, entries) = m.quantise(1);
    let bytes = steady_nlp::linear::to_bytes(magic, version, &[], &m.bias, &scale, &entries);
    super::write_model(file, &bytes, entries.len(), m.w.len())
}

/// [`train_all`], then [`write`].
pub fn train_and_write(
    lines: &[Line],
    settings: Settings,
    features: fn(&[Token], &mut Vec<u32>),
    t: f32,
    model_file: (&[u8; 4], u32, &str),
) -> std::io::Result<()> {
    write(train_all(lines, settings, features), t, model_file)
}
