//! Creating an account, and asking who you are.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use steady_core::account::{check_password, normalize_username, parse_time_zone, Account};
use steady_core::ids::UserId;
use steady_store::NewUser;
use utoipa::ToSchema;

use super::ApiJson;
use crate::auth::{password, ApiUser};
use crate::error::ErrorBody;
use crate::{AppError, AppState};

/// A new account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// 3 to 40 letters, digits, `.`, `_` or `-`; stored lowercase.
    pub username: String,
    /// At least 10 characters.
    pub password: String,
    /// IANA time-zone name such as `Europe/London`; `UTC` if left out.
    #[serde(default)]
    pub time_zone: Option<String>,
}

/// Creates an account.
#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = NewAccount,
    responses(
        (status = 201, description = "Created", body = Account),
        (status = 400, description = "The body is not valid JSON of this shape", body = ErrorBody),
        (status = 409, description = "The username is taken", body = ErrorBody),
        (status = 422, description = "A field breaks a rule", body = ErrorBody)))]
pub async fn create_account(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<NewAccount>,
) -> Result<(StatusCode, Json<Account>), AppError> {
    let account = create(&state, body.username, body.password, body.time_zone).await?;
    Ok((StatusCode::CREATED, Json(account)))
}

/// Creates an account; shared by the API and the sign-up page.
pub async fn create(
    state: &AppState,
    username: String,
    password: String,
    time_zone: Option<String>,
) -> Result<Account, AppError> {
    let username = normalize_username(&username)?;
    check_password(&password)?;
    let time_zone = match time_zone.as_deref().map(str::trim) {
        None | Some("") => "UTC".to_owned(),
        Some(tz) => parse_time_zone(tz)?.name().to_owned(),
    };
    let password_hash = password::hash(password).await?;
    let account = state
        .store
        .create_user(NewUser {
            id: UserId::new(),
            username,
            password_hash,
            time_zone,
            now: state.clock.now(),
        })
        .await?;
    Ok(account)
}

/// The signed-in account.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = Account), (status = 401, body = ErrorBody)))]
pub async fn me(user: ApiUser) -> Json<Account> {
    Json(user.account)
}
