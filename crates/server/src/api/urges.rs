//! The reassurance log over the API.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use steady_core::ids::{UrgeId, UserId};
use steady_core::urge::{NewUrge, Urge, UrgePatch};

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::ErrorBody;
use crate::{AppError, AppState};

const NOT_FOUND: &str = "There is no entry with that id in your log.";

/// Logs an urge.
#[utoipa::path(post, path = "/api/v1/urges", tag = "urges", security(("bearer" = [])),
    request_body = NewUrge,
    responses(
        (status = 201, description = "Logged", body = Urge),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create_urge(
    State(state): State<AppState>,
    user: ApiUser,
    ApiJson(body): ApiJson<NewUrge>,
) -> Result<(StatusCode, Json<Urge>), AppError> {
    let urge = log(&state, user.account.id, body).await?;
    Ok((StatusCode::CREATED, Json(urge)))
}

/// Checks and stores a new entry; shared by the API and the pages.
pub async fn log(state: &AppState, owner: UserId, new: NewUrge) -> Result<Urge, AppError> {
    let urge = new.into_urge(UrgeId::new(), state.clock.now())?;
    state.store.insert_urge(owner, &urge).await?;
    Ok(urge)
}

/// Lists entries, newest first.
#[utoipa::path(get, path = "/api/v1/urges", tag = "urges", security(("bearer" = [])),
    params(super::list::ListParams),
    responses((status = 200, body = Vec<Urge>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn list_urges(
    State(state): State<AppState>,
    user: ApiUser,
    params: Result<Query<super::list::ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<Urge>>, AppError> {
    let window = super::list::window(params)?;
    let urges = state.store.list_urges(user.account.id, window).await?;
    Ok(Json(urges))
}

/// Parses an entry id; a malformed id is simply not found.
pub fn parse_id(raw: &str) -> Result<UrgeId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound(NOT_FOUND))
}

/// Loads one of the owner's entries, or a 404 that never says whether it exists for another.
pub async fn load(state: &AppState, owner: UserId, id: UrgeId) -> Result<Urge, AppError> {
    state
        .store
        .urge(owner, id)
        .await?
        .ok_or(AppError::NotFound(NOT_FOUND))
}

/// One entry.
#[utoipa::path(get, path = "/api/v1/urges/{id}", tag = "urges", security(("bearer" = [])),
    params(("id" = String, Path, description = "The entry's id")),
    responses((status = 200, body = Urge), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_urge(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Urge>, AppError> {
    let urge = load(&state, user.account.id, parse_id(&id)?).await?;
    Ok(Json(urge))
}

/// Changes an entry: only the fields sent change; `null` clears an optional field.
#[utoipa::path(patch, path = "/api/v1/urges/{id}", tag = "urges", security(("bearer" = [])),
    params(("id" = String, Path, description = "The entry's id")),
    request_body = UrgePatch,
    responses(
        (status = 200, body = Urge), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_urge(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
    ApiJson(patch): ApiJson<UrgePatch>,
) -> Result<Json<Urge>, AppError> {
    let urge = update(&state, user.account.id, parse_id(&id)?, patch).await?;
    Ok(Json(urge))
}

/// Applies a change to one of the owner's entries; shared by the API and the pages.
pub async fn update(
    state: &AppState,
    owner: UserId,
    id: UrgeId,
    patch: UrgePatch,
) -> Result<Urge, AppError> {
    let mut urge = load(state, owner, id).await?;
    patch.apply(&mut urge, state.clock.now())?;
    if !state.store.update_urge(owner, &urge).await? {
        return Err(AppError::NotFound(NOT_FOUND));
    }
    Ok(urge)
}

/// Deletes an entry.
#[utoipa::path(delete, path = "/api/v1/urges/{id}", tag = "urges", security(("bearer" = [])),
    params(("id" = String, Path, description = "The entry's id")),
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_urge(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    remove(&state, user.account.id, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes one of the owner's entries; shared by the API and the pages.
pub async fn remove(state: &AppState, owner: UserId, id: UrgeId) -> Result<(), AppError> {
    if state.store.delete_urge(owner, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound(NOT_FOUND))
    }
}
