//! The log: a quick form to note an urge, and the recent entries by local day.

mod edit;
mod fields;

use crate::pages::form::PageForm;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use steady_core::urge::Urge;
use steady_store::ListQuery;

use self::fields::{saving_error, FieldsView, UrgeForm};
use super::form::Errors;
use super::{local_time, render, Nav};
use crate::auth::WebUser;
use crate::error::PageError;
use crate::{api, AppError, AppState};

/// How many entries the list shows at once.
const PAGE_SIZE: u32 = 60;
/// Entries within this window that bring the gentle note about the checking loop.
const LOOP_WINDOW_MINUTES: i64 = 60;
const LOOP_COUNT: usize = 4;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/urges", get(list).post(create))
        .route("/urges/{id}", get(edit::edit_page).post(edit::save))
        .route(
            "/urges/{id}/delete",
            get(edit::delete_page).post(edit::delete),
        )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageQuery {
    saved: Option<String>,
    updated: Option<String>,
    deleted: Option<String>,
    before: Option<String>,
}

/// One entry in the list.
struct Row {
    id: String,
    time: String,
    before: u8,
    after: Option<u8>,
    trigger: &'static str,
    did: &'static str,
}

/// The entries of one local day.
struct Day {
    label: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "urges.html")]
struct LogPage {
    nav: Option<Nav>,
    csrf: String,
    f: FieldsView,
    confirmation: Option<&'static str>,
    loop_note: bool,
    days: Vec<Day>,
    /// The query for the next older page, when there may be one.
    older: Option<String>,
    paging: bool,
    is_edit: bool,
    suggestions: Option<Suggestions>,
}

/// What the latest questionnaire result suggests trying first.
struct Suggestions {
    /// "the anxious region (ECR-R, 3 March 2026)".
    source: String,
    tools: Vec<SuggestedTool>,
}

struct SuggestedTool {
    label: &'static str,
    summary: &'static str,
    /// Where to start it, for the tools the app has a page for.
    href: Option<&'static str>,
}

/// The latest completed questionnaire's suggestions, if there is one.
async fn suggestions(
    state: &AppState,
    user: &WebUser,
    tz: chrono_tz::Tz,
) -> Result<Option<Suggestions>, AppError> {
    use steady_core::assessment::Tool;
    let done = state
        .store
        .completed_assessments(user.account.id, None)
        .await?;
    let Some((latest, scores)) = done.iter().rev().find_map(|a| a.scores.map(|s| (a, s))) else {
        return Ok(None);
    };
    let region = scores.region();
    let taken = latest
        .completed_at
        .unwrap_or(latest.updated_at)
        .with_timezone(&tz)
        .format("%-d %B %Y");
    let tools = region
        .guidance()
        .suggested_tools
        .iter()
        .map(|tool| SuggestedTool {
            label: tool.label(),
            summary: tool.summary(),
            href: match tool {
                Tool::ThoughtRecords => Some("/thoughts/new"),
                _ => None,
            },
        })
        .collect();
    Ok(Some(Suggestions {
        source: format!(
            "the {} region of your {} result ({taken})",
            region.label().to_lowercase(),
            latest.definition().short_name
        ),
        tools,
    }))
}

async fn list(
    State(state): State<AppState>,
    user: WebUser,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let confirmation = if query.saved.is_some() {
        Some("Saved. Noticing the urge is a skill in itself.")
    } else if query.updated.is_some() {
        Some("Your changes are saved.")
    } else if query.deleted.is_some() {
        Some("The entry is deleted.")
    } else {
        None
    };
    let before = query
        .before
        .as_deref()
        .and_then(|b| b.parse::<DateTime<Utc>>().ok());
    let page = log_page(
        &state,
        &user,
        UrgeForm::default(),
        Errors::default(),
        before,
    )
    .await?;
    render(
        StatusCode::OK,
        &LogPage {
            confirmation,
            ..page
        },
        None,
    )
}

async fn log_page(
    state: &AppState,
    user: &WebUser,
    values: UrgeForm,
    errors: Errors,
    before: Option<DateTime<Utc>>,
) -> Result<LogPage, AppError> {
    let tz = local_time::zone(&user.account.time_zone);
    let now = state.clock.now();
    let urges = state
        .store
        .list_urges(
            user.account.id,
            ListQuery {
                before,
                since: None,
                limit: PAGE_SIZE,
            },
        )
        .await?;
    let recent = urges
        .iter()
        .filter(|u| u.occurred_at > now - Duration::minutes(LOOP_WINDOW_MINUTES))
        .count();
    let older = (urges.len() == PAGE_SIZE as usize)
        .then(|| urges.last())
        .flatten()
        .map(|u| format!("before={}", urlencode(&u.occurred_at.to_rfc3339())));
    Ok(LogPage {
        nav: Nav::of(user, "log"),
        csrf: user.csrf.clone(),
        f: FieldsView::new(values, errors),
        confirmation: None,
        loop_note: before.is_none() && recent >= LOOP_COUNT,
        days: group_by_day(&urges, tz, now),
        older,
        paging: before.is_some(),
        is_edit: false,
        suggestions: match before {
            None => suggestions(state, user, tz).await?,
            Some(_) => None,
        },
    })
}

fn group_by_day(urges: &[Urge], tz: Tz, now: DateTime<Utc>) -> Vec<Day> {
    let today = local_time::day(now, tz);
    let mut days: Vec<Day> = Vec::new();
    for u in urges {
        let label = local_time::day_label(local_time::day(u.occurred_at, tz), today);
        let row = Row {
            id: u.id.to_string(),
            time: local_time::clock_time(u.occurred_at, tz),
            before: u.intensity_before.get(),
            after: u.intensity_after.map(|i| i.get()),
            trigger: u.trigger.label(),
            did: u.did.label(),
        };
        match days.last_mut() {
            Some(day) if day.label == label => day.rows.push(row),
            _ => days.push(Day {
                label,
                rows: vec![row],
            }),
        }
    }
    days
}

/// Percent-encodes the few characters of an RFC 3339 time that a query string needs escaped.
fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

/// The free-text fields of an entry, which the safety check reads after saving.
pub(super) fn private_texts(urge: &steady_core::urge::Urge) -> [Option<&str>; 3] {
    [
        urge.trigger_detail.as_deref(),
        urge.partner_response.as_deref(),
        urge.note.as_deref(),
    ]
}

async fn create(
    State(state): State<AppState>,
    user: WebUser,
    PageForm(form): PageForm<UrgeForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    let tz = local_time::zone(&user.account.time_zone);
    let errors = match form.check(tz) {
        Ok(checked) => match api::urges::log(&state, user.account.id, checked.into_new()).await {
            Ok(urge) => {
                let texts: Vec<&str> = private_texts(&urge).into_iter().flatten().collect();
                return Ok(super::safety::after_save_redirect(&texts, "/urges?saved=1")
                    .await
                    .into_response());
            }
            Err(AppError::Invalid(e)) => saving_error(&e),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let page = log_page(&state, &user, form, errors, None).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_survive_the_query_string() {
        assert_eq!(
            urlencode("2026-05-28T14:30:00.123+00:00"),
            "2026-05-28T14%3A30%3A00.123%2B00%3A00"
        );
    }
}
