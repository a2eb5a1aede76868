//! The request coach: "What do you want to ask?" and a clearer, kinder way to ask it.
//!
//! Nothing typed here is stored; the text goes in a POST body (never the address) and comes
//! back only in the page.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::Nav;
use crate::api::analyze::{self, RequestCoaching, ToneCheck, MAX_CHARS};
use crate::auth::WebUser;
use crate::error::PageError;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/coach", get(show).post(coach))
}

/// What the coach found, ready to show.
struct Reading {
    /// What kind of message this is, in plain words.
    kind: &'static str,
    /// What the request lacks, in plain words, with a tip for each.
    missing: Vec<(&'static str, &'static str)>,
    coaching: RequestCoaching,
    tone: ToneCheck,
    /// The crisis check flagged the text.
    safety: bool,
}

#[derive(Template)]
#[template(path = "coach.html")]
struct CoachPage {
    nav: Option<Nav>,
    csrf: String,
    text: String,
    reading: Option<Reading>,
    error: Option<String>,
}

fn page(status: StatusCode, p: &CoachPage) -> Result<Response, PageError> {
    let html = p.render().map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

async fn show(user: WebUser) -> Result<Response, PageError> {
    page(
        StatusCode::OK,
        &CoachPage {
            nav: Nav::of(&user, "coach"),
            csrf: user.csrf.clone(),
            text: String::new(),
            reading: None,
            error: None,
        },
    )
}

#[derive(Debug, Deserialize)]
struct CoachForm {
    csrf: String,
    #[serde(default)]
    text: String,
}

fn plain_kind(kind: &str) -> &'static str {
    match kind {
        "global_reassurance" => "This reads as a question looking for reassurance: a big, general question that is hard to answer in a way that settles the worry for long.",
        "specific_request" => "This reads as a specific request: something your partner could actually do.",
        _ => "This doesn't read as a request. If there is something you'd like from your partner, try saying what it is.",
    }
}

fn plain_missing(part: &str) -> &'static str {
    match part {
        "need" => "Your need",
        "action" => "Something they could do",
        _ => "A time",
    }
}

async fn coach(
    user: WebUser,
    form: Result<Form<CoachForm>, FormRejection>,
) -> Result<Response, PageError> {
    let Form(form) = form.map_err(|e| {
        PageError(AppError::BadRequest(format!(
            "The form could not be read ({}). Please go back and try again.",
            e.body_text()
        )))
    })?;
    user.check_csrf(&form.csrf)?;
    let text = form.text.trim().to_owned();
    let mut p = CoachPage {
        nav: Nav::of(&user, "coach"),
        csrf: user.csrf.clone(),
        text: form.text.clone(),
        reading: None,
        error: None,
    };
    if text.is_empty() {
        p.error = Some("Write what you'd like to ask, in any words.".to_owned());
        return page(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    if text.chars().count() > MAX_CHARS {
        p.error = Some(format!("Please keep it under {MAX_CHARS} characters."));
        return page(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let coaching = analyze::coach(&text);
    let missing = coaching
        .missing
        .iter()
        .zip(coaching.tips.iter())
        .map(|(m, tip)| (plain_missing(m), *tip))
        .collect();
    p.reading = Some(Reading {
        kind: plain_kind(&coaching.kind),
        missing,
        tone: analyze::tone(&text),
        safety: crate::api::thoughts::needs_safety_check([text.as_str()]).await,
        coaching,
    });
    page(StatusCode::OK, &p)
}
