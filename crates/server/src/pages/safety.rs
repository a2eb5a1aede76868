//! The gentle safety check after saving text that may be about self-harm or suicide, and the
//! public crisis page.
//!
//! A form that saves free text calls [`after_save_redirect`] with the texts it just saved and
//! the page it would go to next. When `steady_nlp::crisis` flags any of them, the person is
//! first asked "Are you safe right now?" (`/safety-check`); what they wrote is already saved.
//! "I'm safe" leads back with a kind note; "I'm not sure" and "I'm not safe" lead to `/crisis`.
//! Nothing is stored about the answer and no one is contacted.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use steady_core::crisis::{self, CrisisLine, EmergencyNumber};

use super::Nav;
use crate::api::thoughts::needs_safety_check;
use crate::auth::extract::MaybeWebUser;
use crate::error::PageError;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/crisis", get(crisis_page))
        .route("/safety-check", get(check_page))
        .route("/safety-check/answer", get(answer))
}

/// Where to go after saving `texts`: `next`, or first the safety check when any text suggests
/// the person may not be safe. Call it only after the text is saved.
///
/// ```ignore
/// let urge = api::urges::log(&state, user.account.id, new).await?;
/// let texts = [urge.trigger_detail.as_deref(), urge.partner_response.as_deref(), urge.note.as_deref()];
/// Ok(pages::safety::after_save_redirect(&texts.into_iter().flatten().collect::<Vec<_>>(), "/urges?saved=1").await)
/// ```
pub async fn after_save_redirect(texts: &[&str], next: &str) -> Redirect {
    let next = local_path(next);
    if needs_safety_check(texts.iter().copied()).await {
        Redirect::to(&format!("/safety-check?from={}", encode(next)))
    } else {
        Redirect::to(next)
    }
}

/// `path` when it is a path on this site, else `/`: the check never sends anyone elsewhere.
pub fn local_path(path: &str) -> &str {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path.len() <= 512;
    if ok {
        path
    } else {
        "/"
    }
}

/// Percent-encodes a path for use as a query value.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn render(page: &impl Template) -> Result<Response, PageError> {
    let html = page.render().map_err(AppError::internal)?;
    Ok(Html(html).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FromQuery {
    from: Option<String>,
}

#[derive(Template)]
#[template(path = "safety_check.html")]
struct CheckPage {
    nav: Option<Nav>,
    from: String,
}

/// "Are you safe right now?"
async fn check_page(
    MaybeWebUser(user): MaybeWebUser,
    query: Result<Query<FromQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let from = query.ok().and_then(|Query(q)| q.from).unwrap_or_default();
    render(&CheckPage {
        nav: user.as_ref().and_then(|u| Nav::of(u, "")),
        from: local_path(&from).to_owned(),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AnswerQuery {
    answer: Option<String>,
    from: Option<String>,
}

#[derive(Template)]
#[template(path = "safety_ok.html")]
struct SafePage {
    nav: Option<Nav>,
    from: String,
}

/// The answer: back with a kind note, or on to the crisis page.
async fn answer(
    MaybeWebUser(user): MaybeWebUser,
    query: Result<Query<AnswerQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let q = query.map(|Query(q)| q).ok().unwrap_or_default();
    let from = local_path(q.from.as_deref().unwrap_or("/")).to_owned();
    match q.answer.as_deref() {
        Some("safe") => render(&SafePage {
            nav: user.as_ref().and_then(|u| Nav::of(u, "")),
            from,
        }),
        _ => Ok(Redirect::to("/crisis?from=check").into_response()),
    }
}

#[derive(Template)]
#[template(path = "crisis.html")]
struct CrisisPage<'a> {
    nav: Option<Nav>,
    after_check: bool,
    urgent: &'static str,
    emergency: &'a [EmergencyNumber],
    lines: Vec<&'a CrisisLine>,
    grounding: &'static [(&'static str, &'static str)],
    statement: &'static str,
}

/// The public crisis page: no sign-in needed, no script, nothing loaded from elsewhere.
async fn crisis_page(
    State(state): State<AppState>,
    MaybeWebUser(user): MaybeWebUser,
    query: Result<Query<FromQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let after_check = query
        .ok()
        .and_then(|Query(q)| q.from)
        .is_some_and(|f| f == "check");
    let lines = &state.crisis_lines;
    render(&CrisisPage {
        nav: user.as_ref().and_then(|u| Nav::of(u, "crisis")),
        after_check,
        urgent: crisis::URGENT,
        emergency: &lines.emergency,
        lines: lines.all().collect(),
        grounding: crisis::GROUNDING,
        statement: crisis::STATEMENT,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/thoughts/1?note=loop"), "/thoughts/1?note=loop");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "",
            "thoughts",
        ] {
            assert_eq!(local_path(bad), "/", "{bad}");
        }
    }

    #[tokio::test]
    async fn the_redirect_goes_through_the_check_only_when_needed() {
        let r = after_save_redirect(&["I want to kill myself"], "/thoughts/1?a=b").await;
        let location = r.into_response().headers()["location"].clone();
        assert_eq!(location, "/safety-check?from=/thoughts/1%3Fa%3Db");
        let r = after_save_redirect(&["he is late again", ""], "/urges").await;
        assert_eq!(r.into_response().headers()["location"], "/urges");
    }
}
