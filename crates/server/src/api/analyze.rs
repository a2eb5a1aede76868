//! Text analysis over the API: thin wrappers over `steady_nlp`. Nothing sent here is stored or
//! logged; the answers are suggestions for the person to weigh, never verdicts.

use axum::Json;
use serde::{Deserialize, Serialize};
use steady_core::validation::check_text;
use utoipa::ToSchema;

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::ErrorBody;
use crate::AppError;

/// Longest text the analyzers take, in characters.
pub const MAX_CHARS: usize = 4_000;

/// A text to analyze.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalyzeText {
    pub text: String,
}

impl AnalyzeText {
    fn checked(&self) -> Result<&str, AppError> {
        check_text("text", &self.text, MAX_CHARS)?;
        Ok(&self.text)
    }
}

/// One thinking trap that may fit the thought.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrapSuggestion {
    /// The label to send back in a thought record's `traps`.
    pub label: &'static str,
    pub name: &'static str,
    /// What the trap is, in one line.
    pub explanation: &'static str,
    /// The trap in a relationship.
    pub example: &'static str,
    /// How likely it fits, 0 to 1.
    pub score: f32,
}

/// Suggested traps, most likely first. The person decides which, if any, fit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrapSuggestions {
    /// Whether the thought likely holds at least one thinking trap.
    pub distorted: bool,
    pub suggestions: Vec<TrapSuggestion>,
}

/// Ranked trap suggestions for a thought; shared with the pages and `steady thought add`.
pub fn trap_suggestions(text: &str) -> TrapSuggestions {
    let report = steady_nlp::traps::analyze(text);
    let suggestions = report
        .traps
        .iter()
        .filter_map(|t| {
            let info = steady_nlp::traps::TRAPS.get(steady_nlp::traps::index_of(t.label)?)?;
            Some(TrapSuggestion {
                label: info.label,
                name: info.name,
                explanation: info.explanation,
                example: info.example,
                score: t.score,
            })
        })
        .collect();
    TrapSuggestions {
        distorted: report.distorted,
        suggestions,
    }
}

/// The request coach's reading of a message.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RequestCoaching {
    /// `global_reassurance`, `specific_request` or `other`.
    pub kind: String,
    /// What a clear request has and this one lacks: `need`, `action`, `time`.
    pub missing: Vec<String>,
    /// Two or three clearer versions in the person's own words.
    pub rewrites: Vec<String>,
    pub explanation: &'static str,
    /// One plain tip per missing part.
    pub tips: Vec<&'static str>,
    /// The triage reminder: a repeat of an answered question may be a moment to wait.
    pub triage: &'static str,
}

fn snake<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The request coach, shared with the coach page.
pub fn coach(text: &str) -> RequestCoaching {
    let r = steady_nlp::request::analyze(text);
    RequestCoaching {
        kind: snake(&r.kind),
        missing: r.missing.iter().map(snake).collect(),
        rewrites: r.rewrites,
        explanation: r.explanation,
        tips: r.tips,
        triage: r.triage,
    }
}

/// A blaming phrase, by character offsets.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ToneSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Whether a message reads as blaming, and an I-statement to try instead.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ToneCheck {
    pub blaming: bool,
    pub spans: Vec<ToneSpan>,
    pub rewrite: Option<String>,
}

/// The tone check, shared with the coach page.
pub fn tone(text: &str) -> ToneCheck {
    let r = steady_nlp::tone::analyze(text);
    ToneCheck {
        blaming: r.blaming,
        spans: r
            .spans
            .into_iter()
            .map(|s| ToneSpan {
                start: s.start,
                end: s.end,
                text: s.text,
            })
            .collect(),
        rewrite: r.rewrite,
    }
}

/// Whether a text may be about self-harm or suicide.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CrisisCheck {
    /// True: ask the person, gently, whether they are safe right now.
    pub risk: bool,
    /// 0 to 1; higher means more of the wording suggests risk. Not a risk assessment.
    pub score: f32,
    /// Where the crisis lines and grounding steps are (public, no sign-in).
    pub crisis_page: &'static str,
}

/// Suggests thinking traps for a thought, ranked, each with an explanation and an example.
#[utoipa::path(post, path = "/api/v1/analyze/traps", tag = "analyze", security(("bearer" = [])),
    request_body = AnalyzeText,
    responses((status = 200, body = TrapSuggestions), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn analyze_traps(
    _user: ApiUser,
    ApiJson(body): ApiJson<AnalyzeText>,
) -> Result<Json<TrapSuggestions>, AppError> {
    Ok(Json(trap_suggestions(body.checked()?)))
}

/// The request coach: what a request lacks (need, action, time) and clearer rewrites.
#[utoipa::path(post, path = "/api/v1/analyze/request", tag = "analyze", security(("bearer" = [])),
    request_body = AnalyzeText,
    responses((status = 200, body = RequestCoaching), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn analyze_request(
    _user: ApiUser,
    ApiJson(body): ApiJson<AnalyzeText>,
) -> Result<Json<RequestCoaching>, AppError> {
    Ok(Json(coach(body.checked()?)))
}

/// Blaming wording ("you always ...") and an I-statement rewrite.
#[utoipa::path(post, path = "/api/v1/analyze/tone", tag = "analyze", security(("bearer" = [])),
    request_body = AnalyzeText,
    responses((status = 200, body = ToneCheck), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn analyze_tone(
    _user: ApiUser,
    ApiJson(body): ApiJson<AnalyzeText>,
) -> Result<Json<ToneCheck>, AppError> {
    Ok(Json(tone(body.checked()?)))
}

/// Crisis language: flags text that may be about self-harm or suicide, so an app can ask the
/// person whether they are safe. It never contacts anyone.
#[utoipa::path(post, path = "/api/v1/analyze/crisis", tag = "analyze", security(("bearer" = [])),
    request_body = AnalyzeText,
    responses((status = 200, body = CrisisCheck), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn analyze_crisis(
    _user: ApiUser,
    ApiJson(body): ApiJson<AnalyzeText>,
) -> Result<Json<CrisisCheck>, AppError> {
    let text = body.checked()?.to_owned();
    // The crisis check runs a small neural encoder: off the threads that serve requests.
    let r = tokio::task::spawn_blocking(move || steady_nlp::crisis::analyze(&text))
        .await
        .map_err(AppError::internal)?;
    Ok(Json(CrisisCheck {
        risk: r.risk,
        score: r.score,
        crisis_page: "/crisis",
    }))
}
