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
/// docs. `data/crisis_validation` (`final45` to `final52`) then chose the decision
/// point; `final53` to `final60` are test sets. Earlier "final" sets became training
/// data (`data/crisis/dev_final*.tsv`). These floors guard against regressions; they
/// are not the targets.
#[test]
fn crisis_independent_sets() {
    for (name, min_recall, max_fa) in [
        ("crisis_independent_dev.tsv", 0.93, 0.05),
        ("crisis_independent.tsv", 0.88, 0.05),
        ("../../data/crisis_validation/final45.tsv", 0.97, 0.04),
        ("../../data/crisis_validation/final46.tsv", 0.95, 0.09),
        ("../../data/crisis_validation/final47.tsv", 0.93, 0.03),
        ("../../data/crisis_validation/final48.tsv", 0.91, 0.04),
        ("../../data/crisis_validation/final49.tsv", 0.95, 0.05),
        ("../../data/crisis_validation/final50.tsv", 0.88, 0.09),
        ("../../data/crisis_validation/final51.tsv", 0.94, 0.05),
        ("../../data/crisis_validation/final52.tsv", 0.93, 0.05),
        ("crisis_final53.tsv", 0.96, 0.05),
        ("crisis_final54.tsv", 0.96, 0.11),
        ("crisis_final55.tsv", 0.95, 0.17),
        ("crisis_final56.tsv", 0.87, 0.07),
        ("crisis_final57.tsv", 0.91, 0.05),
        ("crisis_final58.tsv", 0.85, 0.06),
        ("crisis_final59.tsv", 0.94, 0.06),
        ("crisis_final60.tsv", 0.95, 0.08),
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
