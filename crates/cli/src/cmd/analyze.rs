//! `steady analyze`: the offline interface to the text analyzers.
//!
//! `steady analyze KIND TEXT` prints one analysis for people (`--json` for one
//! JSON object). `steady analyze KIND` without TEXT reads JSON lines
//! `{"id": ..., "text": ...}` on standard input and writes one JSON line per
//! input, in order, with the same `id`. Nothing leaves the machine.

use anyhow::Context;
use std::io::{BufRead, BufWriter, Write};
use steady_nlp::batch::{analyze_json, analyze_line, render_human, Kind};

/// Arguments of `steady analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// What to look for: traps (thinking traps), request (request coach),
    /// tone (blaming wording), crisis (crisis language).
    #[arg(value_parser = parse_kind)]
    pub kind: Kind,
    /// The text to analyze. Without it, JSON lines {"id": ..., "text": ...} are read from standard input.
    pub text: Option<String>,
    /// Print one JSON object instead of plain words (for TEXT; batch mode always prints JSON lines).
    #[arg(long)]
    pub json: bool,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse::<Kind>().map_err(|e| e.to_string())
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<()> {
    match args.text {
        Some(text) => {
            let out = if args.json {
                format!("{}\n", analyze_json(args.kind, &text))
            } else {
                render_human(args.kind, &text)
            };
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(out.as_bytes())
                .context("writing to standard output")?;
            Ok(())
        }
        None => batch(args.kind),
    }
}

/// Reads JSON lines from stdin and writes one JSON line per input line.
fn batch(kind: Kind) -> anyhow::Result<()> {
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut buf = String::with_capacity(1 << 16);
    for (i, line) in stdin.lines().enumerate() {
        let line_no = i + 1;
        match line {
            Ok(line) => analyze_line(kind, &line, line_no, &mut buf),
            // Not UTF-8: report it and go on with the next line.
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                buf.push_str(&format!(
                    "{{\"line\":{line_no},\"error\":\"line is not valid UTF-8\"}}\n"
                ));
            }
            Err(e) => return Err(e).context("reading standard input"),
        }
        if buf.len() >= 1 << 15 {
            out.write_all(buf.as_bytes())
                .context("writing to standard output")?;
            buf.clear();
        }
    }
    out.write_all(buf.as_bytes())
        .context("writing to standard output")?;
    out.flush().context("writing to standard output")?;
    Ok(())
}
