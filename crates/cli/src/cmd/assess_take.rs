//! `steady assess take` and `steady assess list`: the questionnaires against a server.
//!
//! `take` starts (or resumes) a questionnaire, asks each statement in the terminal with
//! the scale shown, saves the answers to the server every few statements, and submits
//! at the end. `b` goes back, `q` pauses (everything answered is saved first).

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use anyhow::Context as _;
use chrono::{DateTime, Local, Utc};
use reqwest::Method;
use serde::Deserialize;
use serde_json::{json, Value};
use steady_core::assessment::{Instrument, Scores, NOT_A_DIAGNOSIS};

use super::assess::{InstrumentArg, Scored};
use crate::client::Api;

/// Answers are sent to the server after this many new ones (and on pause and at the end).
pub const SAVE_EVERY: usize = 3;

/// Arguments of `steady assess take`.
#[derive(Debug, clap::Args)]
pub struct TakeArgs {
    /// Which questionnaire to take.
    #[arg(value_enum)]
    pub instrument: InstrumentArg,
    /// For the ECR-RS: whom it is about (partner, mother, father, best_friend).
    #[arg(long)]
    pub about: Option<String>,
}

/// Arguments of `steady assess list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print the server's JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// What the person typed at one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Answer(u8),
    /// Enter on a statement already answered: keep that answer.
    Keep,
    Back,
    Pause,
    Help,
    Unclear,
}

/// Reads one reply against a scale from `min` to `max`.
pub fn parse_reply(line: &str, min: u8, max: u8) -> Reply {
    match line.trim().to_ascii_lowercase().as_str() {
        "" => Reply::Keep,
        "b" | "back" => Reply::Back,
        "q" | "quit" | "pause" => Reply::Pause,
        "?" | "h" | "help" => Reply::Help,
        other => match other.parse::<u8>() {
            Ok(v) if (min..=max).contains(&v) => Reply::Answer(v),
            _ => Reply::Unclear,
        },
    }
}

/// How a round of asking ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every statement has an answer.
    Complete,
    /// The person paused (or the input ended); answers so far are saved.
    Paused,
}

/// The scale, one point per line.
pub fn scale_text(instrument: &Instrument) -> String {
    instrument
        .scale
        .points
        .iter()
        .map(|p| format!("  {}  {}\n", p.value, p.label))
        .collect()
}

/// Asks the statements of `instrument` one by one, from the first unanswered, reading
/// replies from `input`. New answers go into `answers` and are handed to `save` every
/// [`SAVE_EVERY`] answers and before returning.
pub fn ask(
    instrument: &Instrument,
    answers: &mut BTreeMap<u16, u8>,
    input: &mut impl BufRead,
    out: &mut impl Write,
    save: &mut dyn FnMut(&BTreeMap<u16, u8>) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let items = &instrument.items;
    let total = items.len();
    let (min, max) = (instrument.scale.min, instrument.scale.max);
    let mut pending: BTreeMap<u16, u8> = BTreeMap::new();
    let mut flush = |pending: &mut BTreeMap<u16, u8>| -> anyhow::Result<()> {
        if !pending.is_empty() {
            save(pending)?;
            pending.clear();
        }
        Ok(())
    };
    let mut index = items
        .iter()
        .position(|i| !answers.contains_key(&i.number))
        .unwrap_or(total);
    while index < total {
        let item = &items[index];
        let current = answers.get(&item.number).copied();
        writeln!(out, "\n{}/{total}  {}", index + 1, item.text)?;
        match current {
            Some(a) => write!(
                out,
                "  {min}-{max}, Enter keeps {a} (b back, q pause, ? scale) > "
            )?,
            None => write!(out, "  {min}-{max} (b back, q pause, ? scale) > ")?,
        }
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            flush(&mut pending)?;
            return Ok(Outcome::Paused);
        }
        match parse_reply(&line, min, max) {
            Reply::Answer(v) => {
                answers.insert(item.number, v);
                pending.insert(item.number, v);
                if pending.len() >= SAVE_EVERY {
                    flush(&mut pending)?;
                }
                index += 1;
            }
            Reply::Keep if current.is_some() => index += 1,
            Reply::Back if index > 0 => index -= 1,
            Reply::Back => writeln!(out, "  This is the first statement.")?,
            Reply::Pause => {
                flush(&mut pending)?;
                return Ok(Outcome::Paused);
            }
            Reply::Help => write!(out, "{}", scale_text(instrument))?,
            Reply::Keep | Reply::Unclear => {
                writeln!(
                out,
                "  Please type a number from {min} ({}) to {max} ({}), b to go back or q to pause.",
                instrument.scale.points.first().map_or("", |p| p.label.as_str()),
                instrument.scale.points.last().map_or("", |p| p.label.as_str()),
            )?
            }
        }
    }
    flush(&mut pending)?;
    Ok(Outcome::Complete)
}

/// The parts of the server's assessment this command uses.
#[derive(Debug, Deserialize)]
struct View {
    id: String,
    instrument_name: String,
    #[serde(default)]
    about_label: Option<String>,
    #[serde(default)]
    answers: BTreeMap<u16, u8>,
    #[serde(default)]
    completed_at: Option<DateTime<Utc>>,
    #[serde(default)]
    result: Option<ResultView>,
}

#[derive(Debug, Deserialize)]
struct ResultView {
    scores: Scores,
    region_label: String,
}

#[derive(Debug, Deserialize)]
struct Retake {
    instrument: String,
    #[serde(default)]
    about: Option<String>,
    last_completed_at: DateTime<Utc>,
    retake_offered: bool,
    retake_available_from: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
struct List {
    results: Vec<View>,
    in_progress: Vec<View>,
    retake: Vec<Retake>,
}

fn day(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%-d %B %Y").to_string()
}

/// `steady assess take`.
pub fn take(args: TakeArgs) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    let id = args.instrument.id();
    let instrument = id.instrument();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stdout();

    let list: List = api.send(api.request(Method::GET, "/api/v1/assessments"))?;
    let about = steady_core::assessment::resolve_about(instrument, args.about.as_deref())?;
    let resuming = list
        .in_progress
        .iter()
        .any(|v| v.instrument_name == instrument.short_name);
    if let Some(r) = list
        .retake
        .iter()
        .find(|r| r.instrument == id.as_str() && r.about == about)
        .filter(|r| !r.retake_offered && !resuming)
    {
        writeln!(
            out,
            "You took the {} on {}. Scores move slowly, so Steady offers it again from {}.",
            instrument.short_name,
            day(r.last_completed_at),
            day(r.retake_available_from)
        )?;
        write!(out, "Take it now anyway? [y/N] ")?;
        out.flush()?;
        let mut line = String::new();
        input.read_line(&mut line)?;
        if !line.trim().eq_ignore_ascii_case("y") {
            writeln!(out, "Alright. Nothing was started.")?;
            return Ok(());
        }
    }

    let view: View = api.send(
        api.request(Method::POST, "/api/v1/assessments")
            .json(&json!({"instrument": id.as_str(), "about": about})),
    )?;
    write!(out, "{}", intro(instrument, &view))?;
    let mut answers = view.answers.clone();
    let path = format!("/api/v1/assessments/{}", view.id);
    let mut save = |changes: &BTreeMap<u16, u8>| -> anyhow::Result<()> {
        let _: Value = api
            .send(
                api.request(Method::PUT, &format!("{path}/answers"))
                    .json(&json!({ "answers": changes })),
            )
            .context("saving your answers")?;
        Ok(())
    };
    match ask(instrument, &mut answers, &mut input, &mut out, &mut save)? {
        Outcome::Paused => {
            writeln!(
                out,
                "\nPaused: {} of {} answered and saved. Run `steady assess take {}` again to carry on.",
                answers.len(),
                instrument.item_count(),
                id.as_str()
            )?;
        }
        Outcome::Complete => {
            let done: View = api.send(api.request(Method::POST, &format!("{path}/submit")))?;
            let scores = done
                .result
                .map(|r| r.scores)
                .context("the server did not send a result")?;
            let scored = Scored {
                instrument,
                scores,
                region: scores.region(),
            };
            writeln!(out, "\nThank you. Your answers are saved.\n")?;
            write!(out, "{}", scored.to_text())?;
        }
    }
    Ok(())
}

/// What is shown before the first statement: privacy, then the instructions.
fn intro(instrument: &Instrument, view: &View) -> String {
    let mut text = format!("{} ({})\n", instrument.short_name, instrument.name);
    if let Some(about) = &view.about_label {
        text.push_str(&format!("About {about}\n"));
    }
    text.push_str(
        "\nYour answers and scores are stored encrypted on your Steady server, for you only; \
         no one else sees them, not even a linked partner. Answers are saved as you go, so you \
         can pause at any time. ",
    );
    text.push_str(NOT_A_DIAGNOSIS);
    text.push_str("\n\n");
    text.push_str(&instrument.instructions);
    text.push('\n');
    if let Some(person) = instrument
        .about
        .as_ref()
        .zip(view.about_label.as_ref())
        .and_then(|(whom, label)| whom.people.iter().find(|p| &p.label == label))
    {
        text.push_str(&person.instructions);
        text.push('\n');
    }
    text.push_str("\nThe scale:\n");
    text.push_str(&scale_text(instrument));
    if !view.answers.is_empty() {
        text.push_str(&format!(
            "\nPicking up where you left off: {} of {} answered.\n",
            view.answers.len(),
            instrument.item_count()
        ));
    }
    text
}

/// `steady assess list`.
pub fn list(args: ListArgs) -> anyhow::Result<()> {
    let (api, _) = Api::signed_in()?;
    if args.json {
        let value: Value = api.send(api.request(Method::GET, "/api/v1/assessments"))?;
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    let list: List = api.send(api.request(Method::GET, "/api/v1/assessments"))?;
    print!("{}", list_text(&list));
    Ok(())
}

fn list_text(list: &List) -> String {
    let mut out = String::new();
    if list.results.is_empty() && list.in_progress.is_empty() {
        out.push_str("No questionnaires yet. Take one with `steady assess take ecr-r` (36 statements) or `steady assess take ecr-rs` (9, about your partner).\n");
        return out;
    }
    for v in &list.results {
        if let (Some(at), Some(r)) = (v.completed_at, &v.result) {
            out.push_str(&format!(
                "{}  {:<7} anxiety {:.1}  avoidance {:.1}  {} region{}\n",
                day(at),
                v.instrument_name,
                r.scores.anxiety,
                r.scores.avoidance,
                r.region_label,
                v.about_label
                    .as_ref()
                    .map(|a| format!("  (about {a})"))
                    .unwrap_or_default()
            ));
        }
    }
    for v in &list.in_progress {
        out.push_str(&format!(
            "In progress: {} ({} answered)\n",
            v.instrument_name,
            v.answers.len()
        ));
    }
    for r in &list.retake {
        if r.retake_offered {
            out.push_str(&format!(
                "The {} can be taken again whenever you like.\n",
                r.instrument.to_uppercase()
            ));
        } else {
            out.push_str(&format!(
                "The {} is offered again from {}.\n",
                r.instrument.to_uppercase(),
                day(r.retake_available_from)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn run(
        instrument: &Instrument,
        answers: &mut BTreeMap<u16, u8>,
        typed: &str,
    ) -> (Outcome, Vec<BTreeMap<u16, u8>>, String) {
        let mut saves = Vec::new();
        let mut out = Vec::new();
        let outcome = ask(
            instrument,
            answers,
            &mut Cursor::new(typed.as_bytes().to_vec()),
            &mut out,
            &mut |changes| {
                saves.push(changes.clone());
                Ok(())
            },
        );
        let outcome = outcome.unwrap_or_else(|e| panic!("{e}"));
        (outcome, saves, String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn replies_are_read_plainly() {
        assert_eq!(parse_reply("5\n", 1, 7), Reply::Answer(5));
        assert_eq!(parse_reply(" 7 ", 1, 7), Reply::Answer(7));
        assert_eq!(parse_reply("8", 1, 7), Reply::Unclear);
        assert_eq!(parse_reply("0", 1, 7), Reply::Unclear);
        assert_eq!(parse_reply("yes", 1, 7), Reply::Unclear);
        assert_eq!(parse_reply("B", 1, 7), Reply::Back);
        assert_eq!(parse_reply("q", 1, 7), Reply::Pause);
        assert_eq!(parse_reply("?", 1, 7), Reply::Help);
        assert_eq!(parse_reply("\n", 1, 7), Reply::Keep);
    }

    #[test]
    fn answers_every_statement_and_saves_every_few() {
        let mut answers = BTreeMap::new();
        let typed = "4\n4\n4\n4\n4\n4\n4\n4\n4\n";
        let (outcome, saves, out) = run(Instrument::ecr_rs(), &mut answers, typed);
        assert_eq!(outcome, Outcome::Complete);
        assert_eq!(answers.len(), 9);
        assert_eq!(saves.len(), 3, "saved after 3, 6 and 9");
        assert_eq!(saves[0].keys().copied().collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(out.contains("1/9  It helps to turn to this person in times of need."));
        assert!(out.contains("9/9  I worry that this person won't care"));
    }

    #[test]
    fn back_changes_an_earlier_answer_and_enter_keeps_one() {
        let mut answers = BTreeMap::new();
        // 1 -> 2, back, change item 1 to 6, Enter keeps item 2's 2 ... wait, item 2 is
        // unanswered when we go back from it, so: answer 1 and 2, back twice, change 1,
        // keep 2 with Enter, then the rest.
        let typed = "2\n3\nb\nb\n6\n\n5\n5\n5\n5\n5\n5\n5\n";
        let (outcome, saves, out) = run(Instrument::ecr_rs(), &mut answers, typed);
        assert_eq!(outcome, Outcome::Complete, "{out}");
        assert_eq!(answers.get(&1), Some(&6));
        assert_eq!(answers.get(&2), Some(&3));
        assert!(out.contains("Enter keeps 2"), "{out}");
        let all: BTreeMap<u16, u8> = saves.into_iter().flatten().collect();
        assert_eq!(all, answers, "every answer reached the server");
    }

    #[test]
    fn pausing_saves_what_was_answered_and_resuming_starts_at_the_first_open_one() {
        let mut answers = BTreeMap::new();
        let (outcome, saves, _) = run(Instrument::ecr_r(), &mut answers, "7\n6\nq\n");
        assert_eq!(outcome, Outcome::Paused);
        assert_eq!(saves, vec![[(1, 7), (2, 6)].into_iter().collect()]);
        let (outcome, _, out) = run(Instrument::ecr_r(), &mut answers, "5\n");
        assert_eq!(outcome, Outcome::Paused, "the input ended");
        assert!(
            out.contains("3/36  I often worry that my partner doesn't really love me."),
            "{out}"
        );
        assert_eq!(answers.get(&3), Some(&5));
    }

    #[test]
    fn unclear_replies_are_asked_again_without_blame() {
        let mut answers = BTreeMap::new();
        let (_, _, out) = run(Instrument::ecr_rs(), &mut answers, "9\nmaybe\nb\n?\n3\nq\n");
        assert!(
            out.contains("Please type a number from 1 (Strongly disagree) to 7 (Strongly agree)"),
            "{out}"
        );
        assert!(out.contains("This is the first statement."));
        assert!(out.contains("  4  Neither agree nor disagree"));
        assert_eq!(answers.get(&1), Some(&3));
        assert_eq!(answers.len(), 1);
    }

    #[test]
    fn the_intro_explains_privacy_before_anything_else() {
        let view = View {
            id: "x".into(),
            instrument_name: "ECR-RS".into(),
            about_label: Some("your romantic partner".into()),
            answers: BTreeMap::new(),
            completed_at: None,
            result: None,
        };
        let text = intro(Instrument::ecr_rs(), &view);
        assert!(text.contains("encrypted"));
        assert!(text.contains("not a diagnosis"));
        assert!(text.contains("Answer these statements about your romantic partner"));
        assert!(text.find("encrypted") < text.find("The scale:"));
    }
}
