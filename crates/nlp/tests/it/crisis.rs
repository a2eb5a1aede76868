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

/// The fresh set written before the conditional / relationship-framed rules, which
/// were then fitted to it. The sentence encoder, fitted to nothing here, reads 8 of
/// its 104 relationship look-alikes ("i'll end it if he lies to me again") as risk
/// where the rules had learnt them as safe; the floor is at the measured rate.
#[test]
fn crisis_heldout_set() {
    let (recall, fa, n) = measure("crisis_heldout.tsv");
    assert!(n >= 150);
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(fa <= 0.09, "false-alarm rate {fa:.3}");
}

/// Checks each set against its floors: (file under `tests/data`, least recall, most
/// false alarms). The floors sit just below the measured rates, so that a change
/// that makes a set worse fails; they guard against regressions and are not the
/// targets (docs/nlp.md gives each set's history and first run).
fn check_sets(sets: &[(&str, f64, f64)]) {
    for &(name, min_recall, max_fa) in sets {
        let (recall, fa, n) = measure(name);
        assert!(n >= 200, "{name}: {n} lines");
        assert!(recall >= min_recall, "{name}: recall {recall:.3}");
        assert!(fa <= max_fa, "{name}: false-alarm rate {fa:.3}");
    }
}

/// The first independent author's sets: the dev set revised the rules; the other's
/// misses were read but never used for a rule.
#[test]
fn crisis_independent_sets() {
    check_sets(&[
        ("crisis_independent_dev.tsv", 0.97, 0.04),
        ("crisis_independent.tsv", 0.97, 0.05),
    ]);
}

/// The validation sets (`data/crisis_validation`), each by its own author, run once
/// as blind test sets and then used to choose where the word model and the blend
/// flag.
#[test]
fn crisis_validation_sets() {
    check_sets(&[
        ("../../data/crisis_validation/final45.tsv", 0.97, 0.05),
        ("../../data/crisis_validation/final46.tsv", 0.95, 0.05),
        ("../../data/crisis_validation/final47.tsv", 0.96, 0.03),
        ("../../data/crisis_validation/final48.tsv", 0.95, 0.07),
        ("../../data/crisis_validation/final49.tsv", 0.96, 0.03),
        ("../../data/crisis_validation/final50.tsv", 0.94, 0.04),
        ("../../data/crisis_validation/final51.tsv", 0.95, 0.03),
        ("../../data/crisis_validation/final52.tsv", 0.93, 0.05),
    ]);
}

/// Test sets, each by an author who saw neither the rules, the models nor the
/// other sets, each run once on the detector of its day. Earlier "final" sets
/// became training data (`data/crisis/dev_final*.tsv`).
#[test]
fn crisis_test_sets_53_to_62() {
    check_sets(&[
        ("crisis_final53.tsv", 0.95, 0.05),
        ("crisis_final54.tsv", 0.95, 0.11),
        ("crisis_final55.tsv", 0.95, 0.11),
        ("crisis_final56.tsv", 0.94, 0.04),
        ("crisis_final57.tsv", 0.92, 0.07),
        ("crisis_final58.tsv", 0.91, 0.07),
        ("crisis_final59.tsv", 0.92, 0.04),
        ("crisis_final60.tsv", 0.95, 0.09),
        ("crisis_final61.tsv", 0.91, 0.03),
        ("crisis_final62.tsv", 0.93, 0.05),
    ]);
}

#[test]
fn crisis_test_sets_63_to_74() {
    check_sets(&[
        ("crisis_final63.tsv", 0.97, 0.10),
        ("crisis_final64.tsv", 0.94, 0.04),
        ("crisis_final65.tsv", 0.93, 0.07),
        ("crisis_final66.tsv", 0.96, 0.13),
        ("crisis_final67.tsv", 0.93, 0.04),
        ("crisis_final68.tsv", 0.94, 0.05),
        ("crisis_final69.tsv", 0.93, 0.07),
        ("crisis_final70.tsv", 0.94, 0.07),
        ("crisis_final71.tsv", 0.95, 0.11),
        ("crisis_final72.tsv", 0.95, 0.10),
        ("crisis_final73.tsv", 0.97, 0.05),
        ("crisis_final74.tsv", 0.97, 0.05),
    ]);
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
    assert!(rate <= 0.01, "false-alarm rate on everyday text {rate:.3}");
}
