//! The batch interface behind `steady analyze`: one JSON line in, one JSON line out.
//!
//! Input lines are `{"id": ..., "text": ...}`; the `id` (any JSON value) is
//! echoed back unchanged. A line that cannot be read gets an error line with its
//! `id` when one can be found, otherwise its line number.

use crate::{crisis, request, tone, traps};
use serde::Deserialize;
use serde_json::{json, Value};
use std::fmt;
use std::str::FromStr;

/// Which analyzer to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Traps,
    Request,
    Tone,
    Crisis,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Traps, Kind::Request, Kind::Tone, Kind::Crisis];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Traps => "traps",
            Kind::Request => "request",
            Kind::Tone => "tone",
            Kind::Crisis => "crisis",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown analyzer name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown analysis kind \"{}\" (expected traps, request, tone or crisis)",
            self.0
        )
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Kind, UnknownKind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

/// Runs one analyzer and returns its report as JSON.
pub fn analyze_json(kind: Kind, text: &str) -> Value {
    let v = match kind {
        Kind::Traps => serde_json::to_value(traps::analyze(text)),
        Kind::Request => serde_json::to_value(request::analyze(text)),
        Kind::Tone => serde_json::to_value(tone::analyze(text)),
        Kind::Crisis => serde_json::to_value(crisis::analyze(text)),
    };
    v.unwrap_or_else(|e| json!({ "error": e.to_string() }))
}

#[derive(Deserialize)]
struct Input<'a> {
    #[serde(default)]
    id: Option<Box<serde_json::value::RawValue>>,
    #[serde(borrow)]
    text: Option<std::borrow::Cow<'a, str>>,
}

/// Analyzes one input line and appends one JSON output line (with `\n`) to `out`.
/// Empty (whitespace-only) lines append nothing.
pub fn analyze_line(kind: Kind, line: &str, line_no: usize, out: &mut String) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let parsed: Result<Input, _> = serde_json::from_str(line);
    match parsed {
        Ok(Input {
            id,
            text: Some(text),
        }) => {
            let report = analyze_json(kind, &text);
            out.push('{');
            match id {
                Some(id) => {
                    out.push_str("\"id\":");
                    out.push_str(id.get());
                }
                None => {
                    out.push_str("\"line\":");
                    out.push_str(&line_no.to_string());
                }
            }
            if let Value::Object(map) = report {
                for (k, v) in map {
                    out.push(',');
                    out.push_str(&Value::String(k).to_string());
                    out.push(':');
                    out.push_str(&v.to_string());
                }
            }
            out.push_str("}\n");
        }
        Ok(Input { id, text: None }) => error_line(id, line_no, "missing \"text\" (a string)", out),
        Err(e) => {
            let id = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .and_then(|v| serde_json::value::to_raw_value(&v).ok());
            let msg = if e.is_syntax() || e.is_eof() {
                "not a JSON object line".to_string()
            } else {
                format!("bad input: {e}")
            };
            error_line(id, line_no, &msg, out)
        }
    }
}

fn error_line(
    id: Option<Box<serde_json::value::RawValue>>,
    line_no: usize,
    msg: &str,
    out: &mut String,
) {
    out.push('{');
    match id {
        Some(id) => {
            out.push_str("\"id\":");
            out.push_str(id.get());
        }
        None => {
            out.push_str("\"line\":");
            out.push_str(&line_no.to_string());
        }
    }
    out.push_str(",\"error\":");
    out.push_str(&Value::String(msg.to_string()).to_string());
    out.push_str("}\n");
}

/// A plain-language rendering of one analysis, for people.
pub fn render_human(kind: Kind, text: &str) -> String {
    let mut s = String::new();
    match kind {
        Kind::Traps => {
            let r = traps::analyze(text);
            if r.distorted {
                s.push_str(
                    "This thought may hold a thinking trap or two. You decide whether any fit:\n",
                );
            } else {
                s.push_str("No strong thinking trap stands out here. If you still want to look, these are the closest:\n");
            }
            for t in &r.traps {
                if let Some(info) = traps::TRAPS.iter().find(|i| i.label == t.label) {
                    s.push_str(&format!(
                        "\n  {} ({:.0}%)\n    {}\n    For example: \"{}\"\n",
                        info.name,
                        t.score * 100.0,
                        info.explanation,
                        info.example
                    ));
                }
            }
        }
        Kind::Request => {
            let r = request::analyze(text);
            let what = match r.kind {
                request::RequestKind::GlobalReassurance => {
                    "This reads as a general question looking for reassurance."
                }
                request::RequestKind::SpecificRequest => "This reads as a specific request.",
                request::RequestKind::Other => {
                    "This doesn't read as a request, so there is nothing to coach here."
                }
            };
            s.push_str(what);
            s.push('\n');
            if r.kind != request::RequestKind::Other {
                s.push_str(&format!("\n{}\n", r.explanation));
                if r.missing.is_empty() {
                    s.push_str("It already has all three. Nicely put.\n");
                } else {
                    s.push_str("What could make it clearer:\n");
                    for tip in &r.tips {
                        s.push_str(&format!("  - {tip}\n"));
                    }
                }
                if !r.rewrites.is_empty() {
                    s.push_str("\nYou could try:\n");
                    for w in &r.rewrites {
                        s.push_str(&format!("  - {w}\n"));
                    }
                }
                s.push_str(&format!("\n{}\n", r.triage));
            }
        }
        Kind::Tone => {
            let r = tone::analyze(text);
            if r.blaming {
                let phrases: Vec<String> = r
                    .spans
                    .iter()
                    .map(|sp| format!("\"{}\"", sp.text))
                    .collect();
                s.push_str(&format!(
                    "Some words may land as blame: {}. Blame tends to make the other person defend themselves instead of listening.\n",
                    phrases.join(", ")
                ));
                if let Some(rw) = &r.rewrite {
                    s.push_str(&format!(
                        "\nAn I-statement keeps the focus on how you feel:\n  {rw}\n"
                    ));
                }
            } else {
                s.push_str("No blaming wording found. This sounds like it can be heard.\n");
            }
        }
        Kind::Crisis => {
            let r = crisis::analyze(text);
            if r.risk {
                s.push_str("It sounds like you might be going through something very painful, maybe thoughts of not wanting to be here or of hurting yourself. You deserve support right now. If you are in danger, please contact your local emergency number or a crisis line. Steady is a self-help tool, not an emergency service.\n");
            } else {
                s.push_str("No crisis language found.\n");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(kind: Kind, input: &str) -> Vec<Value> {
        let mut out = String::new();
        for (i, line) in input.lines().enumerate() {
            analyze_line(kind, line, i + 1, &mut out);
        }
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
            .collect()
    }

    #[test]
    fn echoes_ids_and_keeps_order() {
        let v = run(
            Kind::Crisis,
            "{\"id\": 7, \"text\": \"i want to die\"}\n\n{\"id\": {\"a\": [1]}, \"text\": \"nice day\"}\n",
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[0]["id"], 7);
        assert_eq!(v[0]["risk"], true);
        assert_eq!(v[1]["id"], json!({"a": [1]}));
        assert_eq!(v[1]["risk"], false);
    }

    #[test]
    fn bad_lines_get_error_lines_and_batch_goes_on() {
        let v = run(
            Kind::Tone,
            "not json\n{\"id\": \"x\", \"text\": 3}\n{\"id\": \"y\"}\n{\"id\": 1, \"text\": \"you never listen\"}",
        );
        assert_eq!(v.len(), 4);
        assert_eq!(v[0]["line"], 1);
        assert!(v[0]["error"].is_string());
        assert_eq!(v[1]["id"], "x");
        assert!(v[1]["error"].is_string());
        assert_eq!(v[2]["id"], "y");
        assert_eq!(v[3]["blaming"], true);
    }

    #[test]
    fn kinds_parse() {
        assert_eq!("Traps".parse::<Kind>(), Ok(Kind::Traps));
        assert!("nope".parse::<Kind>().is_err());
        for k in Kind::ALL {
            assert!(!render_human(k, "Do you still love me?").is_empty());
        }
    }

    #[test]
    fn every_kind_has_its_contract_fields() {
        let t = analyze_json(Kind::Traps, "he must hate me");
        assert!(t["distorted"].is_boolean() && t["traps"].as_array().is_some_and(|a| a.len() >= 3));
        let r = analyze_json(Kind::Request, "are we okay");
        assert!(r["kind"].is_string() && r["missing"].is_array() && r["rewrites"].is_array());
        let o = analyze_json(Kind::Tone, "you always forget");
        assert!(o["blaming"].is_boolean() && o["spans"][0]["start"].is_number());
        assert!(o["rewrite"].is_string());
        let c = analyze_json(Kind::Crisis, "hello");
        assert!(c["risk"].is_boolean() && c["score"].is_number());
    }
}
