//! Throughput of the analyzers and the batch interface.
//!
//! ```text
//! cargo bench -p steady-nlp --bench analyze
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use steady_nlp::batch::{analyze_line, Kind};
use steady_nlp::{crisis, encoder, request, tone, traps};

const THOUGHTS: &[&str] = &[
    "He hasn't texted back, he must be losing interest",
    "she read my msg and didnt reply, shes done w me",
    "I'm looking forward to dinner with her tonight",
    "If we argue tonight it's over and I'll never recover",
    "im so pathetic for needing this much reassurance",
    "Do you still love me?",
    "you never listen to me",
    "this deadline is killing me",
];

fn bench(c: &mut Criterion) {
    let _ = traps::analyze("warm up");
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Elements(THOUGHTS.len() as u64));
    g.bench_function("traps", |b| {
        b.iter(|| {
            THOUGHTS
                .iter()
                .map(|t| traps::analyze(black_box(t)).traps.len())
                .sum::<usize>()
        })
    });
    g.bench_function("request", |b| {
        b.iter(|| {
            THOUGHTS
                .iter()
                .map(|t| request::analyze(black_box(t)).rewrites.len())
                .sum::<usize>()
        })
    });
    g.bench_function("tone", |b| {
        b.iter(|| {
            THOUGHTS
                .iter()
                .filter(|t| tone::analyze(black_box(t)).blaming)
                .count()
        })
    });
    g.bench_function("crisis_words", |b| {
        b.iter(|| {
            THOUGHTS
                .iter()
                .filter(|t| crisis::read_words(black_box(t)).1 >= crisis::THRESHOLD)
                .count()
        })
    });
    let lines: Vec<String> = THOUGHTS
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string())
        .collect();
    g.bench_function("batch_traps_json_lines", |b| {
        let mut out = String::new();
        b.iter(|| {
            out.clear();
            for (i, l) in lines.iter().enumerate() {
                analyze_line(Kind::Traps, black_box(l), i + 1, &mut out);
            }
            out.len()
        })
    });
    g.finish();

    // The crisis check as the app runs it, with the sentence encoder: far slower,
    // so fewer samples.
    let _ = encoder::crisis();
    let mut g = c.benchmark_group("crisis");
    g.sample_size(10);
    g.throughput(Throughput::Elements(THOUGHTS.len() as u64));
    g.bench_function("short_texts", |b| {
        b.iter(|| {
            THOUGHTS
                .iter()
                .filter(|t| crisis::analyze(black_box(t)).risk)
                .count()
        })
    });
    let entry = "Today was long. I dropped the kids at school, then had a meeting that ran \
        over, and lunch was a sandwich at my desk. Sam texted to say he'd be late again \
        because of the train strike, and I felt that old tug of worry, but I reminded \
        myself that late is not the same as gone. In the evening we cooked pasta and \
        watched half a film before we both fell asleep on the sofa. "
        .repeat(3);
    g.throughput(Throughput::Elements(1));
    g.bench_function("journal_entry_300_words", |b| {
        b.iter(|| crisis::analyze(black_box(&entry)).risk)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
