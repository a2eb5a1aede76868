use steady_nlp::crisis;

#[test]
fn crisis_recall_and_false_alarms_meet_targets() {
    let data = crate::load("crisis.tsv");
    assert!(data.len() >= 300);
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
            neg += 1;
            if r.risk {
                fp += 1;
                misses.push(format!("false alarm: {text}"))
            }
        }
    }
    let recall = tp as f64 / pos as f64;
    let fa = fp as f64 / neg as f64;
    println!("crisis: recall {recall:.3} ({tp}/{pos}), false alarms {fa:.3} ({fp}/{neg})");
    for m in &misses {
        println!("  {m}");
    }
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(fa <= 0.05, "false-alarm rate {fa:.3}");
}
