//! Thought records on the web: the list, a stepped form, one record, and deleting it.

mod steps;
mod values;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use steady_core::thought::{ThoughtRecord, LOOP_NOTE};
use steady_store::ListQuery;

use crate::api::thoughts as api;
use crate::auth::WebUser;
use crate::error::PageError;
use crate::pages::Nav;
use crate::{AppError, AppState};

/// Added to a page's address when the checking-loop note should show.
const LOOP_QUERY: &str = "?note=loop";
/// How many records the list shows.
const LIST_SIZE: u32 = 100;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/thoughts", get(list))
        .route("/thoughts/new", get(steps::new_page).post(steps::create))
        .route("/thoughts/{id}", get(view))
        .route(
            "/thoughts/{id}/step/{step}",
            get(steps::step_page).post(steps::save_step),
        )
        .route("/thoughts/{id}/delete", get(delete_page).post(delete))
        .route("/thoughts/suggest", axum::routing::post(suggest))
}

/// Live trap suggestions while the person types (for `thought.js`); the form works without.
/// Signed-in browsers only, with the page's CSRF token in `x-csrf-token`. Nothing is stored.
async fn suggest(
    user: WebUser,
    headers: axum::http::HeaderMap,
    crate::api::ApiJson(body): crate::api::ApiJson<crate::api::analyze::AnalyzeText>,
) -> Result<axum::Json<crate::api::analyze::TrapSuggestions>, AppError> {
    let token = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    user.check_csrf(token)?;
    steady_core::validation::check_text(
        "text",
        &body.text,
        steady_core::thought::MAX_THOUGHT_CHARS,
    )?;
    Ok(axum::Json(crate::api::analyze::trap_suggestions(
        &body.text,
    )))
}

/// Renders a page with a status.
fn page(status: StatusCode, p: &impl Template) -> Result<Response, PageError> {
    let html = p.render().map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

fn bad_form(e: FormRejection) -> PageError {
    PageError(AppError::BadRequest(format!(
        "The form could not be read ({}). Please go back and try again.",
        e.body_text()
    )))
}

fn csrf_of(form: &[(String, String)]) -> String {
    form.iter()
        .find(|(k, _)| k == crate::auth::csrf::FIELD)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// A domain message ("is empty; ...") made into a sentence about the field.
fn sentence(message: &str) -> String {
    let mut s = if ["is ", "has ", "should "]
        .iter()
        .any(|w| message.starts_with(w))
    {
        format!("This {message}")
    } else {
        let mut chars = message.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().collect::<String>() + chars.as_str()
        })
    };
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// A time in the person's zone, for people.
fn local(t: DateTime<Utc>, time_zone: &str) -> String {
    let tz: Tz = time_zone.parse().unwrap_or(Tz::UTC);
    t.with_timezone(&tz)
        .format("%a %-d %b %Y, %H:%M")
        .to_string()
}

/// A record as the list and the record page show it.
struct Shown {
    id: String,
    when: String,
    record: ThoughtRecord,
    trap_names: Vec<&'static str>,
    before: Option<u8>,
    after: Option<u8>,
    /// How far through the steps the record is, 1 to 5.
    done: u8,
}

impl Shown {
    fn of(record: ThoughtRecord, time_zone: &str) -> Self {
        let done = if record.balanced_thought.is_some() || record.intensity_after.is_some() {
            5
        } else if record.evidence_for.is_some() || record.evidence_against.is_some() {
            4
        } else if !record.traps.is_empty() {
            3
        } else if !record.emotions.is_empty() {
            2
        } else {
            1
        };
        Shown {
            id: record.id.to_string(),
            when: local(record.occurred_at, time_zone),
            trap_names: record.traps.iter().map(|t| t.name()).collect(),
            before: record.intensity_before().map(|r| r.get()),
            after: record.intensity_after.map(|r| r.get()),
            done,
            record,
        }
    }
}

#[derive(Template)]
#[template(path = "thoughts.html")]
struct ListPage {
    nav: Option<Nav>,
    rows: Vec<Shown>,
    deleted: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageQuery {
    deleted: Option<String>,
    note: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    user: WebUser,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let records = state
        .store
        .list_thoughts(
            user.account.id,
            ListQuery {
                limit: LIST_SIZE,
                ..ListQuery::default()
            },
        )
        .await?;
    let tz = user.account.time_zone.clone();
    page(
        StatusCode::OK,
        &ListPage {
            nav: Nav::of(&user, "thoughts"),
            rows: records.into_iter().map(|r| Shown::of(r, &tz)).collect(),
            deleted: query.is_ok_and(|Query(q)| q.deleted.is_some()),
        },
    )
}

#[derive(Template)]
#[template(path = "thought_view.html")]
struct ViewPage {
    nav: Option<Nav>,
    shown: Shown,
    loop_note: Option<&'static str>,
}

async fn view(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let record = api::load(&state, user.account.id, api::parse_id(&id)?).await?;
    let loop_note = query
        .is_ok_and(|Query(q)| q.note.as_deref() == Some("loop"))
        .then_some(LOOP_NOTE);
    page(
        StatusCode::OK,
        &ViewPage {
            nav: Nav::of(&user, "thoughts"),
            shown: Shown::of(record, &user.account.time_zone),
            loop_note,
        },
    )
}

#[derive(Template)]
#[template(path = "thought_delete.html")]
struct DeletePage {
    nav: Option<Nav>,
    csrf: String,
    shown: Shown,
}

async fn delete_page(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let record = api::load(&state, user.account.id, api::parse_id(&id)?).await?;
    page(
        StatusCode::OK,
        &DeletePage {
            nav: Nav::of(&user, "thoughts"),
            csrf: user.csrf.clone(),
            shown: Shown::of(record, &user.account.time_zone),
        },
    )
}

#[derive(Debug, Deserialize)]
struct CsrfForm {
    csrf: String,
}

async fn delete(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, PageError> {
    let Form(form) = form.map_err(bad_form)?;
    user.check_csrf(&form.csrf)?;
    api::remove(&state, user.account.id, api::parse_id(&id)?).await?;
    Ok(Redirect::to("/thoughts?deleted=1").into_response())
}
