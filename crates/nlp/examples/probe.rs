//! Prints the analysis of each argument, for trying wording by hand:
//! `cargo run -p steady-nlp --example probe -- traps "he must be losing interest"`.

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_default();
    let Ok(kind) = kind.parse::<steady_nlp::batch::Kind>() else {
        eprintln!("usage: probe traps|request|tone|crisis TEXT...");
        std::process::exit(2);
    };
    for text in args {
        println!("{text}\n  {}", steady_nlp::batch::analyze_json(kind, &text));
    }
}
