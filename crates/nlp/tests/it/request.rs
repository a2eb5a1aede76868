use steady_nlp::request::{self, Missing, RequestKind};

fn kind_name(k: RequestKind) -> &'static str {
    match k {
        RequestKind::GlobalReassurance => "global_reassurance",
        RequestKind::SpecificRequest => "specific_request",
        RequestKind::Other => "other",
    }
}

#[test]
fn request_accuracy_meets_target() {
    let data = crate::load("request.tsv");
    assert!(data.len() >= 300);
    let mut right = 0;
    let mut bad_missing = 0;
    for (label, text) in &data {
        let r = request::analyze(text);
        if kind_name(r.kind) == label {
            right += 1;
        } else {
            println!("  wrong ({label} -> {}): {text}", kind_name(r.kind));
        }
        match r.kind {
            RequestKind::Other => assert!(r.rewrites.is_empty() && r.missing.is_empty()),
            _ => assert!((2..=3).contains(&r.rewrites.len()), "{text}"),
        }
        if r.kind == RequestKind::GlobalReassurance && !r.missing.contains(&Missing::Action) {
            println!("  global without a missing action: {text}");
            bad_missing += 1;
        }
    }
    let acc = right as f64 / data.len() as f64;
    println!("request: accuracy {acc:.3} ({right}/{})", data.len());
    assert!(acc >= 0.9, "accuracy {acc:.3}");
    assert!(
        bad_missing <= 3,
        "{bad_missing} global questions not missing an action"
    );
}
