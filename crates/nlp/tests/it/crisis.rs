use steady_nlp::crisis;

/// (recall, false-alarm rate) on one labelled file, printing the errors.
fn measure(name: &str) -> (f64, f64, usize) {
    let data = crate::load(name);
    let (mut tp, mut pos, mut fp, mut neg) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (label, text) in &data {
        let r = crisis::analyze(text);
        assert!((0.0..=1.0).contains(&r.score));
        if label == "risk" {
            pos += 1;
            if r.risk {
                tp += 1
            } else {
                misses.push(format!("missed: {text}"))
            }
        } else {
            assert_eq!(label, "safe", "label in {name}");
            neg += 1;
            if r.risk {
                fp += 1;
                misses.push(format!("false alarm: {text}"))
            }
        }
    }
    let recall = tp as f64 / pos as f64;
    let fa = fp as f64 / neg as f64;
    println!("crisis {name}: recall {recall:.3} ({tp}/{pos}), false alarms {fa:.3} ({fp}/{neg})");
    for m in &misses {
        println!("  {m}");
    }
    (recall, fa, data.len())
}

#[test]
fn crisis_recall_and_false_alarms_meet_targets() {
    let (recall, fa, n) = measure("crisis.tsv");
    assert!(n >= 300);
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(fa <= 0.05, "false-alarm rate {fa:.3}");
}

/// A second fresh set, written after the rules and never used to change them.
#[test]
fn crisis_blind_set() {
    let (recall, fa, n) = measure("crisis_blind.tsv");
    assert!(n >= 60);
    assert!(recall >= 0.9, "recall {recall:.3}");
    assert!(fa <= 0.1, "false-alarm rate {fa:.3}");
}

/// The fresh set written before the conditional / relationship-framed rules.
#[test]
fn crisis_heldout_set() {
    let (recall, fa, n) = measure("crisis_heldout.tsv");
    assert!(n >= 150);
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(fa <= 0.06, "false-alarm rate {fa:.3}");
}

/// Sets written apart from the rules and the model, by an author who saw neither
/// nor the other sets (docs/nlp.md gives each set's history). The dev set has been
/// used to revise the rules; the others had one first run each, recorded in the
/// docs (`final25` to `final36` then chose the decision point). Earlier "final"
/// sets became training data (`data/crisis/dev_final*.tsv`). These floors guard
/// against regressions; they are not the targets.
#[test]
fn crisis_independent_sets() {
    for (name, min_recall, max_fa) in [
        ("crisis_independent_dev.tsv", 0.93, 0.05),
        ("crisis_independent.tsv", 0.88, 0.05),
        ("crisis_final25.tsv", 0.91, 0.04),
        ("crisis_final26.tsv", 0.91, 0.11),
        ("crisis_final27.tsv", 0.98, 0.04),
        ("crisis_final28.tsv", 0.94, 0.03),
        ("crisis_final29.tsv", 0.91, 0.03),
        ("crisis_final30.tsv", 0.91, 0.07),
        ("crisis_final31.tsv", 0.96, 0.03),
        ("crisis_final32.tsv", 0.95, 0.04),
        ("crisis_final33.tsv", 0.95, 0.07),
        ("crisis_final34.tsv", 0.96, 0.06),
        ("crisis_final35.tsv", 0.97, 0.04),
        ("crisis_final36.tsv", 0.95, 0.08),
        ("crisis_final37.tsv", 0.97, 0.05),
        ("crisis_final38.tsv", 0.93, 0.07),
        ("crisis_final39.tsv", 0.92, 0.05),
        ("crisis_final40.tsv", 0.93, 0.07),
        ("crisis_final41.tsv", 0.97, 0.07),
        ("crisis_final42.tsv", 0.91, 0.05),
        ("crisis_final43.tsv", 0.95, 0.04),
        ("crisis_final44.tsv", 0.97, 0.05),
    ] {
        let (recall, fa, n) = measure(name);
        assert!(n >= 200, "{name}: {n} lines");
        assert!(recall >= min_recall, "{name}: recall {recall:.3}");
        assert!(fa <= max_fa, "{name}: false-alarm rate {fa:.3}");
    }
}

/// Everyday text from the other analyzers' sets (thoughts, requests, messages): none
/// of it is about suicide or self-harm, so every flag there is a false alarm.
#[test]
fn everyday_text_is_rarely_flagged() {
    let mut texts = Vec::new();
    for raw in [
        include_str!("../../data/thoughts/test.tsv"),
        include_str!("../data/request.tsv"),
        include_str!("../data/tone.tsv"),
    ] {
        texts.extend(
            raw.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t').map(|(_, t)| t)),
        );
    }
    let flagged: Vec<&&str> = texts.iter().filter(|t| crisis::analyze(t).risk).collect();
    let rate = flagged.len() as f64 / texts.len() as f64;
    println!(
        "crisis on everyday text: {} of {} flagged ({rate:.3})",
        flagged.len(),
        texts.len()
    );
    for t in &flagged {
        println!("  false alarm: {t}");
    }
    assert!(texts.len() >= 500);
    assert!(rate <= 0.02, "false-alarm rate on everyday text {rate:.3}");
}
