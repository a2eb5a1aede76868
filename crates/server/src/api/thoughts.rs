//! Thought records over the API; the same checks serve the pages.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use steady_core::account::Account;
use steady_core::ids::{ThoughtId, UserId};
use steady_core::thought::{self, NewThought, ThoughtPatch, ThoughtRecord};
use steady_store::ListQuery;
use utoipa::ToSchema;

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::ErrorBody;
use crate::{AppError, AppState};

/// How many of a day's records the checking-loop rule opens at most.
const LOOP_SCAN: u32 = 200;

const NOT_FOUND: &str = "There is no thought record with that id.";

/// A record just saved, with what the app would like to say about it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SavedThought {
    #[serde(flatten)]
    pub record: ThoughtRecord,
    /// A gentle note when the same thought has been written down several times today (the
    /// checking loop); `null` otherwise. It never blocks anything.
    pub note: Option<&'static str>,
    /// True when the text just sent may be about self-harm or suicide: ask the person,
    /// gently, whether they are safe, and offer the crisis page (`/crisis`). Nothing is sent
    /// to anyone.
    pub safety_check: bool,
}

/// Whether any of `texts` suggests the person may not be safe.
///
/// The crisis check runs a small neural encoder (milliseconds per text, more for long ones),
/// so it runs on the blocking pool, off the threads that serve requests. Should the check ever
/// fail, the person is asked: a needless gentle question costs less than silence.
pub async fn needs_safety_check<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let texts: Vec<String> = texts
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned)
        .collect();
    if texts.is_empty() {
        return false;
    }
    tokio::task::spawn_blocking(move || texts.iter().any(|t| steady_nlp::crisis::analyze(t).risk))
        .await
        .unwrap_or(true)
}

/// The checking-loop note for `record`, from the person's other records of the same local day.
///
/// The thoughts are sealed, so they are opened here (at most [`LOOP_SCAN`] of one day) and
/// compared in memory by [`thought::loop_note`]; nothing about them is stored in the clear.
pub async fn loop_note(
    state: &AppState,
    account: &Account,
    record: &ThoughtRecord,
) -> Result<Option<&'static str>, AppError> {
    let (start, end) = thought::local_day(state.clock.now(), &account.time_zone);
    let today = state
        .store
        .list_thoughts(
            account.id,
            ListQuery {
                since: Some(start),
                before: Some(end),
                limit: LOOP_SCAN,
            },
        )
        .await?;
    Ok(thought::loop_note(
        &record.thought,
        today
            .iter()
            .filter(|r| r.id != record.id)
            .map(|r| r.thought.as_str()),
    ))
}

/// Checks and stores a new record; shared by the API and the pages.
pub async fn create(
    state: &AppState,
    account: &Account,
    new: NewThought,
) -> Result<SavedThought, AppError> {
    let record = new.into_record(ThoughtId::new(), state.clock.now())?;
    state.store.insert_thought(account.id, &record).await?;
    let note = loop_note(state, account, &record).await?;
    let safety_check = needs_safety_check(record.texts()).await;
    Ok(SavedThought {
        record,
        note,
        safety_check,
    })
}

/// The free text a patch sends.
fn patch_texts(patch: &ThoughtPatch) -> Vec<String> {
    let mut out: Vec<String> = [
        patch.situation.clone().flatten(),
        patch.thought.clone(),
        patch.evidence_for.clone().flatten(),
        patch.evidence_against.clone().flatten(),
        patch.balanced_thought.clone().flatten(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(emotions) = &patch.emotions {
        out.extend(emotions.iter().map(|e| e.name.clone()));
    }
    out
}

/// Applies a change to one of the owner's records; shared by the API and the pages.
pub async fn update(
    state: &AppState,
    account: &Account,
    id: ThoughtId,
    patch: ThoughtPatch,
) -> Result<SavedThought, AppError> {
    let sent = patch_texts(&patch);
    let mut record = load(state, account.id, id).await?;
    patch.apply(&mut record, state.clock.now())?;
    if !state.store.update_thought(account.id, &record).await? {
        return Err(AppError::NotFound(NOT_FOUND));
    }
    let note = loop_note(state, account, &record).await?;
    Ok(SavedThought {
        record,
        note,
        safety_check: needs_safety_check(sent.iter().map(String::as_str)).await,
    })
}

/// Parses a record id; a malformed id is simply not found.
pub fn parse_id(raw: &str) -> Result<ThoughtId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound(NOT_FOUND))
}

/// Loads one of the owner's records, or a 404 that never says whether it exists for another.
pub async fn load(
    state: &AppState,
    owner: UserId,
    id: ThoughtId,
) -> Result<ThoughtRecord, AppError> {
    state
        .store
        .thought(owner, id)
        .await?
        .ok_or(AppError::NotFound(NOT_FOUND))
}

/// Deletes one of the owner's records; shared by the API and the pages.
pub async fn remove(state: &AppState, owner: UserId, id: ThoughtId) -> Result<(), AppError> {
    if state.store.delete_thought(owner, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound(NOT_FOUND))
    }
}

/// Starts a thought record. Only `thought` is required; the rest can follow with PATCH.
#[utoipa::path(post, path = "/api/v1/thoughts", tag = "thoughts", security(("bearer" = [])),
    request_body = NewThought,
    responses(
        (status = 201, description = "Saved", body = SavedThought),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_thought(
    State(state): State<AppState>,
    user: ApiUser,
    ApiJson(body): ApiJson<NewThought>,
) -> Result<(StatusCode, Json<SavedThought>), AppError> {
    let saved = create(&state, &user.account, body).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

/// Lists records, newest first.
#[utoipa::path(get, path = "/api/v1/thoughts", tag = "thoughts", security(("bearer" = [])),
    params(super::list::ListParams),
    responses((status = 200, body = Vec<ThoughtRecord>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn list_thoughts(
    State(state): State<AppState>,
    user: ApiUser,
    params: Result<Query<super::list::ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<ThoughtRecord>>, AppError> {
    let window = super::list::window(params)?;
    let records = state.store.list_thoughts(user.account.id, window).await?;
    Ok(Json(records))
}

/// One record.
#[utoipa::path(get, path = "/api/v1/thoughts/{id}", tag = "thoughts", security(("bearer" = [])),
    params(("id" = String, Path, description = "The record's id")),
    responses((status = 200, body = ThoughtRecord), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_thought(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ThoughtRecord>, AppError> {
    Ok(Json(load(&state, user.account.id, parse_id(&id)?).await?))
}

/// Changes a record: only the fields sent change; `null` clears an optional field.
#[utoipa::path(patch, path = "/api/v1/thoughts/{id}", tag = "thoughts", security(("bearer" = [])),
    params(("id" = String, Path, description = "The record's id")),
    request_body = ThoughtPatch,
    responses(
        (status = 200, body = SavedThought), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_thought(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<ThoughtPatch>,
) -> Result<Json<SavedThought>, AppError> {
    Ok(Json(
        update(&state, &user.account, parse_id(&id)?, patch).await?,
    ))
}

/// Deletes a record.
#[utoipa::path(delete, path = "/api/v1/thoughts/{id}", tag = "thoughts", security(("bearer" = [])),
    params(("id" = String, Path, description = "The record's id")),
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_thought(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    remove(&state, user.account.id, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
