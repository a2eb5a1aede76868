use steady_nlp::traps;

/// Distorted-or-not F1 and top-3 recall of the main trap over a `labels<TAB>text` set.
fn measure(raw: &str) -> (f64, f64) {
    let (mut tp, mut fp, mut fneg, mut top3, mut ndist) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for line in raw
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (labels, text) = line.split_once('\t').expect("labels<TAB>text");
        let gold: Vec<&str> = labels.split(',').filter(|l| *l != "none").collect();
        let r = traps::analyze(text);
        assert!(r.traps.len() >= 3);
        match (r.distorted, !gold.is_empty()) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fneg += 1.0,
            _ => {}
        }
        if !gold.is_empty() {
            ndist += 1.0;
            if r.traps[..3].iter().any(|t| t.label == gold[0]) {
                top3 += 1.0;
            }
        }
    }
    (2.0 * tp / (2.0 * tp + fp + fneg), top3 / ndist)
}

/// The held-out thoughts (never used in training) must keep their quality.
#[test]
fn held_out_thoughts_meet_targets() {
    let (f1, recall3) = measure(include_str!("../../data/thoughts/test.tsv"));
    println!("traps held-out: distorted F1 {f1:.3}, top-3 recall {recall3:.3}");
    assert!(f1 >= 0.85, "F1 {f1:.3}");
    assert!(recall3 >= 0.85, "top-3 recall {recall3:.3}");
}

/// Thoughts written by an author who saw neither the model nor its training data
/// (docs/nlp.md records its first run). The floors guard against regressions.
#[test]
fn independent_thoughts_keep_their_quality() {
    let (f1, recall3) = measure(include_str!("../data/traps_independent.tsv"));
    println!("traps independent: distorted F1 {f1:.3}, top-3 recall {recall3:.3}");
    assert!(f1 >= 0.85, "F1 {f1:.3}");
    assert!(recall3 >= 0.9, "top-3 recall {recall3:.3}");
}

#[test]
fn texting_style_relationship_thoughts_work() {
    for (text, want) in [
        (
            "He hasn't texted back, he must be losing interest",
            "mind_reading",
        ),
        (
            "she read my msg and didnt reply, shes done w me",
            "mind_reading",
        ),
        ("hes gonna leave me i just know it", "fortune_telling"),
        ("im so pathetic for crying over him", "labeling"),
        ("its my fault hes in a bad mood", "personalizing"),
    ] {
        let r = traps::analyze(text);
        assert!(r.distorted, "{text}");
        assert!(
            r.traps[..3].iter().any(|t| t.label == want),
            "{text}: {:?}",
            r.traps
        );
    }
}

/// A silence read as losing interest is jumping to conclusions: the top
/// suggestion must be mind reading or fortune telling, not comparing or
/// disqualifying the positive.
#[test]
fn silence_thought_ranks_jumping_to_conclusions_first() {
    for text in [
        "He hasn't texted back, he must be losing interest",
        "he hasnt texted back he must be losing interest",
    ] {
        let top = traps::analyze(text).traps[0].label;
        assert!(
            matches!(top, "mind_reading" | "fortune_telling"),
            "{text}: {top}"
        );
    }
}

#[test]
fn calm_thoughts_are_not_flagged() {
    for text in [
        "I'm looking forward to dinner with her tonight",
        "he's at work, he'll reply later",
        "she's at her book club till nine, she'll text me on the way home",
        "my boyfriend is at band practice, he'll call when it's over",
    ] {
        assert!(!traps::analyze(text).distorted, "{text}");
    }
}
