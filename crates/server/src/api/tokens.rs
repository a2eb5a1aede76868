//! API tokens: made with a username and password, revoked with the token itself.

use axum::extract::State;
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use steady_store::SessionKind;
use utoipa::ToSchema;

use super::ApiJson;
use crate::auth::{password, tokens, ApiUser};
use crate::error::ErrorBody;
use crate::{AppError, AppState};

/// Credentials for a new token.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub username: String,
    pub password: String,
    /// A name for this token in your list of sign-ins, such as "laptop cli".
    #[serde(default)]
    pub label: Option<String>,
}

/// A new token. It is shown once and only its hash is kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Signs in and returns an API token.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "accounts", request_body = TokenRequest,
    responses(
        (status = 201, body = TokenResponse),
        (status = 400, body = ErrorBody),
        (status = 401, description = "Wrong username or password", body = ErrorBody),
        (status = 429, description = "Too many failed attempts; wait and retry", body = ErrorBody)))]
pub async fn create_token(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> Result<(StatusCode, Json<TokenResponse>), AppError> {
    let account = check_credentials(&state, &body.username, body.password).await?;
    let label = body.label.unwrap_or_else(|| "api".to_owned());
    let (token, expires_at) = tokens::issue(&state, account.id, SessionKind::Api, &label).await?;
    Ok((
        StatusCode::CREATED,
        Json(TokenResponse { token, expires_at }),
    ))
}

/// Revokes the token that authenticates this request.
#[utoipa::path(delete, path = "/api/v1/tokens/current", tag = "accounts", security(("bearer" = [])),
    responses((status = 204, description = "Revoked"), (status = 401, body = ErrorBody)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    _user: ApiUser,
    headers: HeaderMap,
) -> Result<StatusCode, AppError> {
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default();
    state.store.delete_session(&tokens::hash(token)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The account for a username and password, with one answer for every kind of mismatch.
pub async fn check_credentials(
    state: &AppState,
    username: &str,
    password: String,
) -> Result<steady_core::account::Account, AppError> {
    let name = steady_core::account::normalize_username(username).ok();
    let key = name.clone().unwrap_or_default();
    let now = state.clock.now();
    if let Some(minutes) = state.sign_in_throttle.blocked_for(&key, now) {
        return Err(AppError::TooManyRequests(format!(
            "Too many attempts to sign in to this account. Please wait {minutes} minutes and try again."
        )));
    }
    let record = match &name {
        Some(name) => state.store.user_by_username(name).await?,
        None => None,
    };
    let (account, hash) = match record {
        Some(r) => (Some(r.account), Some(r.password_hash)),
        None => (None, None),
    };
    let ok = password::verify(password, hash).await?;
    match account {
        Some(account) if ok => {
            state.sign_in_throttle.record_success(&key);
            Ok(account)
        }
        _ => {
            state.sign_in_throttle.record_failure(&key, now);
            Err(AppError::Unauthorized(
                "That username and password do not match an account.",
            ))
        }
    }
}
