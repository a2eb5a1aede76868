//! `steady thought`: thought records from a terminal.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use steady_core::thought::{Emotion, ThoughtRecord, Trap};

use super::output::{insert, local};
use crate::client::Api;

#[derive(Debug, clap::Args)]
pub struct ThoughtArgs {
    #[command(subcommand)]
    command: ThoughtCommand,
}

#[derive(Debug, clap::Subcommand)]
enum ThoughtCommand {
    /// Write down a thought, and as much of the record as you like. Without --trap, shows
    /// the thinking traps that might fit, for you to choose from.
    Add(AddArgs),
    /// List recent records, newest first.
    List(ListArgs),
    /// Show one record.
    Show(IdArgs),
    /// Add to or change a record, for example the traps you recognise or a balanced thought.
    Edit(EditArgs),
    /// Delete a record.
    Delete(IdArgs),
}

#[derive(Debug, clap::Args)]
struct AddArgs {
    /// The automatic thought, in your own words (private, encrypted).
    #[arg(long)]
    thought: String,
    /// What was happening (private, encrypted).
    #[arg(long)]
    situation: Option<String>,
    /// A feeling and how strong it is, 0 to 100, as name=intensity; repeat for more.
    #[arg(long = "emotion", value_parser = parse_emotion)]
    emotions: Vec<Emotion>,
    /// A thinking trap you recognise, such as mind_reading; repeat for more.
    #[arg(long = "trap", value_parser = parse_trap)]
    traps: Vec<Trap>,
    /// What supports the thought.
    #[arg(long = "for")]
    evidence_for: Option<String>,
    /// What doesn't fit it.
    #[arg(long = "against")]
    evidence_against: Option<String>,
    /// A more balanced way to see it.
    #[arg(long)]
    balanced: Option<String>,
    /// How strong the feeling is now, 0 to 100.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=100))]
    after: Option<u8>,
    /// When it happened (RFC 3339); now if left out.
    #[arg(long)]
    at: Option<DateTime<Utc>>,
    /// Print the saved record as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct EditArgs {
    /// The record's id (from `steady thought list`).
    id: String,
    #[arg(long)]
    situation: Option<String>,
    /// Replaces the feelings: name=intensity, repeat for more.
    #[arg(long = "emotion", value_parser = parse_emotion)]
    emotions: Vec<Emotion>,
    /// Replaces the thinking traps: repeat for more.
    #[arg(long = "trap", value_parser = parse_trap)]
    traps: Vec<Trap>,
    #[arg(long = "for")]
    evidence_for: Option<String>,
    #[arg(long = "against")]
    evidence_against: Option<String>,
    #[arg(long)]
    balanced: Option<String>,
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=100))]
    after: Option<u8>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    /// How many records, newest first.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=500))]
    limit: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct IdArgs {
    /// The record's id (from `steady thought list`).
    id: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn parse_emotion(s: &str) -> Result<Emotion, String> {
    let e = Emotion::parse(s).map_err(|e| e.message)?;
    if e.name.is_empty() {
        return Err("the feeling needs a name, for example anxious=80".to_owned());
    }
    Ok(e)
}

fn parse_trap(s: &str) -> Result<Trap, String> {
    s.parse()
        .map_err(|e: steady_core::ValidationError| e.message)
}

/// What the server answers when a record is saved.
#[derive(Debug, Deserialize)]
struct Saved {
    #[serde(flatten)]
    record: ThoughtRecord,
    note: Option<String>,
    #[serde(default)]
    safety_check: bool,
}

pub fn run(args: ThoughtArgs) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    match args.command {
        ThoughtCommand::Add(a) => add(&api, a),
        ThoughtCommand::List(a) => list(&api, &a),
        ThoughtCommand::Edit(a) => edit(&api, a),
        ThoughtCommand::Show(a) => {
            let r: ThoughtRecord = api.send(api.request(Method::GET, &path(&a.id)))?;
            if a.json {
                println!("{}", serde_json::to_string(&r)?);
            } else {
                print!("{}", full(&r));
            }
            Ok(())
        }
        ThoughtCommand::Delete(a) => {
            api.send_raw(api.request(Method::DELETE, &path(&a.id)))?;
            if a.json {
                println!("{}", json!({"deleted": a.id}));
            } else {
                println!("Deleted.");
            }
            Ok(())
        }
    }
}

fn path(id: &str) -> String {
    format!("/api/v1/thoughts/{}", id.trim())
}

fn add(api: &Api, a: AddArgs) -> anyhow::Result<()> {
    let mut fields = Map::new();
    fields.insert("thought".to_owned(), Value::from(a.thought.clone()));
    fields.insert("emotions".to_owned(), serde_json::to_value(&a.emotions)?);
    fields.insert("traps".to_owned(), serde_json::to_value(&a.traps)?);
    insert(&mut fields, "situation", a.situation.map(Value::from));
    insert(&mut fields, "evidence_for", a.evidence_for.map(Value::from));
    insert(
        &mut fields,
        "evidence_against",
        a.evidence_against.map(Value::from),
    );
    insert(&mut fields, "balanced_thought", a.balanced.map(Value::from));
    insert(&mut fields, "intensity_after", a.after.map(Value::from));
    insert(
        &mut fields,
        "occurred_at",
        a.at.map(|t| Value::from(t.to_rfc3339())),
    );
    let saved: Saved = api.send(
        api.request(Method::POST, "/api/v1/thoughts")
            .json(&Value::Object(fields)),
    )?;
    let suggestions = a
        .traps
        .is_empty()
        .then(|| steady_server::api::analyze::trap_suggestions(&a.thought));
    if a.json {
        let mut out = serde_json::to_value(&saved.record)?;
        if let Some(map) = out.as_object_mut() {
            map.insert("note".to_owned(), json!(saved.note));
            map.insert("safety_check".to_owned(), json!(saved.safety_check));
            if let Some(s) = &suggestions {
                map.insert(
                    "suggested_traps".to_owned(),
                    serde_json::to_value(&s.suggestions)?,
                );
            }
        }
        println!("{}", serde_json::to_string(&out)?);
    } else {
        println!("Saved. Writing a thought down is already a step back from it.");
        println!("id {}", saved.record.id);
        if let Some(s) = &suggestions {
            println!();
            println!("Thinking traps that might fit this thought (you decide which, if any):");
            for t in &s.suggestions {
                println!("  {:<24} {}", t.label, t.name);
                println!("  {:<24} {}", "", t.explanation);
                println!("  {:<24} For example: \"{}\"", "", t.example);
            }
            println!();
            println!(
                "To add the ones that fit: steady thought edit {} --trap LABEL",
                saved.record.id
            );
        }
    }
    after_save(&saved);
    Ok(())
}

fn edit(api: &Api, a: EditArgs) -> anyhow::Result<()> {
    let mut fields = Map::new();
    if !a.emotions.is_empty() {
        fields.insert("emotions".to_owned(), serde_json::to_value(&a.emotions)?);
    }
    if !a.traps.is_empty() {
        fields.insert("traps".to_owned(), serde_json::to_value(&a.traps)?);
    }
    insert(&mut fields, "situation", a.situation.map(Value::from));
    insert(&mut fields, "evidence_for", a.evidence_for.map(Value::from));
    insert(
        &mut fields,
        "evidence_against",
        a.evidence_against.map(Value::from),
    );
    insert(&mut fields, "balanced_thought", a.balanced.map(Value::from));
    insert(&mut fields, "intensity_after", a.after.map(Value::from));
    if fields.is_empty() {
        anyhow::bail!("nothing to change; give at least one option, such as --trap mind_reading or --after 40");
    }
    let saved: Saved = api.send(
        api.request(Method::PATCH, &path(&a.id))
            .json(&Value::Object(fields)),
    )?;
    if a.json {
        println!("{}", serde_json::to_string(&saved.record)?);
    } else {
        print!("{}", full(&saved.record));
    }
    after_save(&saved);
    Ok(())
}

/// The gentle notes that can follow a save, on stderr so `--json` output stays clean.
fn after_save(saved: &Saved) {
    if let Some(note) = &saved.note {
        eprintln!();
        eprintln!("{note}");
    }
    if saved.safety_check {
        eprintln!();
        eprintln!(
            "Some of what you wrote sounded like you might be thinking about hurting yourself."
        );
        eprintln!(
            "Are you safe right now? If you're not sure, or you're not safe, `steady crisis` lists"
        );
        eprintln!("people you can talk to now, and your local emergency number is there for you.");
    }
}

fn list(api: &Api, a: &ListArgs) -> anyhow::Result<()> {
    super::output::print_list::<ThoughtRecord>(
        api,
        "/api/v1/thoughts",
        a.limit,
        a.json,
        "No thought records yet. Start one with `steady thought add --thought \"...\"`.",
        summary,
    )
}

fn summary(r: &ThoughtRecord) -> String {
    let change = match (r.intensity_before(), r.intensity_after) {
        (Some(b), Some(a)) => format!("  {} → {}", b.get(), a.get()),
        (None, Some(a)) => format!("  now {}", a.get()),
        _ => String::new(),
    };
    format!(
        "{}  {}{}\n    id {}",
        local(r.occurred_at),
        r.thought,
        change,
        r.id
    )
}

fn full(r: &ThoughtRecord) -> String {
    let mut out = format!("{}\n", summary(r));
    if let Some(s) = &r.situation {
        out.push_str(&format!("    situation: {s}\n"));
    }
    if !r.emotions.is_empty() {
        let list: Vec<String> = r
            .emotions
            .iter()
            .map(|e| format!("{} {}", e.name, e.intensity.get()))
            .collect();
        out.push_str(&format!("    feelings: {}\n", list.join(", ")));
    }
    if !r.traps.is_empty() {
        let list: Vec<&str> = r.traps.iter().map(|t| t.name()).collect();
        out.push_str(&format!("    thinking traps: {}\n", list.join(", ")));
    }
    for (label, text) in [
        ("supports it", &r.evidence_for),
        ("doesn't fit", &r.evidence_against),
        ("balanced thought", &r.balanced_thought),
    ] {
        if let Some(text) = text {
            out.push_str(&format!("    {label}: {text}\n"));
        }
    }
    out
}
