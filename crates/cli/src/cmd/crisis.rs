//! `steady crisis`: crisis lines, grounding steps for right now, and what Steady is and is not.
//! Works offline and without signing in; it never contacts anyone.

use std::path::PathBuf;

use anyhow::Context;
use serde_json::json;
use steady_core::crisis::{self, CrisisLines};

#[derive(Debug, clap::Args)]
pub struct CrisisArgs {
    /// A crisis-lines JSON file to show instead of the built-in list (the same format the
    /// server reads from DATA_DIR/crisis_lines.json).
    #[arg(long, env = "STEADY_CRISIS_LINES")]
    file: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: CrisisArgs) -> anyhow::Result<()> {
    let lines = match &args.file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the crisis-lines file {}", path.display()))?;
            CrisisLines::parse(&text)
                .with_context(|| format!("checking the crisis-lines file {}", path.display()))?
        }
        None => CrisisLines::default_lines(),
    };
    if args.json {
        let grounding: Vec<_> = crisis::GROUNDING
            .iter()
            .map(|(title, text)| json!({"title": title, "text": text}))
            .collect();
        let out = json!({
            "urgent": crisis::URGENT,
            "emergency": lines.emergency,
            "lines": lines.lines,
            "international": lines.international,
            "grounding": grounding,
            "statement": crisis::STATEMENT,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    print!("{}", text(&lines));
    Ok(())
}

/// The crisis page as plain text.
pub fn text(lines: &CrisisLines) -> String {
    let mut out = String::new();
    out.push_str(crisis::URGENT);
    out.push('\n');
    for e in &lines.emergency {
        out.push_str(&format!("  {}: {}\n", e.region, e.number));
    }
    out.push_str("\nTalk to someone (free and confidential):\n");
    for line in lines.all() {
        out.push_str(&format!("\n  {} ({})\n", line.name, line.country));
        for c in &line.contacts {
            out.push_str(&format!("    {}: {}\n", c.kind.label(), c.value));
        }
        out.push_str(&format!("    {}\n", line.hours));
        if let Some(note) = &line.note {
            out.push_str(&format!("    {note}\n"));
        }
        out.push_str(&format!("    (details as listed on {})\n", line.verified));
    }
    out.push_str("\nFor the next few minutes:\n");
    for (i, (title, step)) in crisis::GROUNDING.iter().enumerate() {
        out.push_str(&format!("  {}. {title}. {step}\n", i + 1));
    }
    out.push('\n');
    out.push_str(crisis::STATEMENT);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_has_every_line_its_date_and_the_statement() {
        let lines = CrisisLines::default_lines();
        let t = text(&lines);
        for line in lines.all() {
            assert!(t.contains(&line.name));
            assert!(t.contains(&format!("as listed on {}", line.verified)));
        }
        assert!(t.contains("116 123"));
        assert!(t.contains("findahelpline.com"));
        assert!(t.contains("not an emergency service"));
        assert!(t.starts_with(crisis::URGENT));
    }
}
