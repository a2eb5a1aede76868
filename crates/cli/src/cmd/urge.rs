//! `steady urge`: the reassurance log from a terminal.

use anyhow::Context;
use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::{json, Map, Value};
use steady_core::urge::{Action, Form, Function, Trigger, Urge};

use super::output::{insert, local};
use crate::client::Api;

#[derive(Debug, clap::Args)]
pub struct UrgeArgs {
    #[command(subcommand)]
    command: UrgeCommand,
}

#[derive(Debug, clap::Subcommand)]
enum UrgeCommand {
    /// Log an urge to seek reassurance (whether or not you acted on it).
    Log(LogArgs),
    /// List recent entries, newest first.
    List(ListArgs),
    /// Show one entry.
    Show(IdArgs),
    /// Change an entry, for example to add how strong the urge was afterwards.
    Edit(EditArgs),
    /// Delete an entry.
    Delete(IdArgs),
}

#[derive(Debug, clap::Args)]
struct LogArgs {
    /// How strong the urge is, 0 (none) to 10 (strongest).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    intensity: u8,
    /// What set it off: stress, insecurity, conflict, no-reply, custom.
    #[arg(long, value_parser = parse::<Trigger>)]
    trigger: Trigger,
    /// The trigger in your own words (private, encrypted).
    #[arg(long)]
    trigger_detail: Option<String>,
    /// Its shape: question, checking-in, timeline, affirmation, phone, other.
    #[arg(long, value_parser = parse::<Form>)]
    form: Form,
    /// The need under it: loss, intrusion, regulating, not-sure.
    #[arg(long, value_parser = parse::<Function>)]
    function: Option<Function>,
    /// What you did: asked, delayed, self-soothed, let-pass.
    #[arg(long, value_parser = parse::<Action>)]
    did: Action,
    /// What your partner said or did (private, encrypted).
    #[arg(long)]
    partner_response: Option<String>,
    /// How strong the urge is now, afterwards, 0 to 10.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    after: Option<u8>,
    /// A private note (encrypted; never shared).
    #[arg(long)]
    note: Option<String>,
    /// When it happened (RFC 3339, such as 2026-11-25T21:30:00+01:00); now if left out.
    #[arg(long)]
    at: Option<DateTime<Utc>>,
    /// Print the stored entry as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    /// How many entries, newest first.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=500))]
    limit: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct IdArgs {
    /// The entry's id (from `steady urge list`).
    id: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct EditArgs {
    /// The entry's id (from `steady urge list`).
    id: String,
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    intensity: Option<u8>,
    #[arg(long, value_parser = parse::<Trigger>)]
    trigger: Option<Trigger>,
    #[arg(long, value_parser = parse::<Form>)]
    form: Option<Form>,
    #[arg(long, value_parser = parse::<Function>)]
    function: Option<Function>,
    #[arg(long, value_parser = parse::<Action>)]
    did: Option<Action>,
    #[arg(long)]
    partner_response: Option<String>,
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    after: Option<u8>,
    #[arg(long)]
    note: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn parse<T: std::str::FromStr<Err = steady_core::ValidationError>>(s: &str) -> Result<T, String> {
    s.parse()
        .map_err(|e: steady_core::ValidationError| e.message)
}

pub fn run(args: UrgeArgs) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    match args.command {
        UrgeCommand::Log(a) => log(&api, a),
        UrgeCommand::List(a) => list(&api, &a),
        UrgeCommand::Show(a) => {
            let urge: Urge = api.send(api.request(Method::GET, &path(&a.id)))?;
            print_one(&urge, a.json)
        }
        UrgeCommand::Edit(a) => edit(&api, a),
        UrgeCommand::Delete(a) => {
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
    format!("/api/v1/urges/{}", id.trim())
}

fn log(api: &Api, a: LogArgs) -> anyhow::Result<()> {
    let mut body = json!({
        "trigger": a.trigger,
        "form": a.form,
        "intensity_before": a.intensity,
        "did": a.did,
    });
    let fields = body.as_object_mut().context("building the request")?;
    insert(fields, "trigger_detail", a.trigger_detail.map(Value::from));
    insert(
        fields,
        "function",
        a.function.map(|f| Value::from(f.as_str())),
    );
    insert(
        fields,
        "partner_response",
        a.partner_response.map(Value::from),
    );
    insert(fields, "intensity_after", a.after.map(Value::from));
    insert(fields, "note", a.note.map(Value::from));
    insert(
        fields,
        "occurred_at",
        a.at.map(|t| Value::from(t.to_rfc3339())),
    );
    let urge: Urge = api.send(api.request(Method::POST, "/api/v1/urges").json(&body))?;
    if a.json {
        println!("{}", serde_json::to_string(&urge)?);
    } else {
        println!("Logged. Noticing the urge is a skill in itself.");
        println!("id {}", urge.id);
    }
    Ok(())
}

fn edit(api: &Api, a: EditArgs) -> anyhow::Result<()> {
    let mut fields = Map::new();
    insert(
        &mut fields,
        "intensity_before",
        a.intensity.map(Value::from),
    );
    insert(
        &mut fields,
        "trigger",
        a.trigger.map(|v| Value::from(v.as_str())),
    );
    insert(&mut fields, "form", a.form.map(|v| Value::from(v.as_str())));
    insert(
        &mut fields,
        "function",
        a.function.map(|v| Value::from(v.as_str())),
    );
    insert(&mut fields, "did", a.did.map(|v| Value::from(v.as_str())));
    insert(
        &mut fields,
        "partner_response",
        a.partner_response.map(Value::from),
    );
    insert(&mut fields, "intensity_after", a.after.map(Value::from));
    insert(&mut fields, "note", a.note.map(Value::from));
    if fields.is_empty() {
        anyhow::bail!("nothing to change; give at least one option, such as --after 3");
    }
    let urge: Urge = api.send(
        api.request(Method::PATCH, &path(&a.id))
            .json(&Value::Object(fields)),
    )?;
    print_one(&urge, a.json)
}

fn list(api: &Api, a: &ListArgs) -> anyhow::Result<()> {
    super::output::print_list::<Urge>(api, "/api/v1/urges", a.limit, a.json, "No entries yet. Log one with `steady urge log --intensity 6 --trigger no-reply --form question --did delayed`.", summary)
}

fn summary(urge: &Urge) -> String {
    let after = urge
        .intensity_after
        .map_or_else(String::new, |a| format!(" → {}", a.get()));
    format!(
        "{}  {:>2}{}  {:<30} {:<24} {}\n    id {}",
        local(urge.occurred_at),
        urge.intensity_before.get(),
        after,
        urge.trigger.label(),
        urge.did.label(),
        urge.form.label(),
        urge.id
    )
}

fn print_one(urge: &Urge, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string(urge)?);
        return Ok(());
    }
    println!("{}", summary(urge));
    if let Some(f) = urge.function {
        println!("    need: {}", f.label());
    }
    for (label, text) in [
        ("trigger", &urge.trigger_detail),
        ("partner", &urge.partner_response),
        ("note", &urge.note),
    ] {
        if let Some(text) = text {
            println!("    {label}: {text}");
        }
    }
    Ok(())
}
