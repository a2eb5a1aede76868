//! Extractors that say who is asking: [`ApiUser`] from a bearer token, [`WebUser`] from the
//! session cookie.

use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use steady_core::account::Account;
use steady_store::SessionKind;
use subtle::ConstantTimeEq;

use super::{csrf, tokens};
use crate::{AppError, AppState};

/// The cookie that holds a browser's session token.
pub const SESSION_COOKIE: &str = "steady_session";
/// The cookie that protects forms shown before sign-in.
pub const PREAUTH_COOKIE: &str = "steady_preauth";

/// The value of cookie `name`, if the request has it.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with the attributes every Steady cookie has.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

/// A caller of the JSON API, known by a bearer token.
#[derive(Debug, Clone)]
pub struct ApiUser {
    pub account: Account,
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(AppError::Unauthorized(
                "Sign in first: send `Authorization: Bearer TOKEN` with a token from POST /api/v1/tokens.",
            ))?;
        let token = header
            .strip_prefix("Bearer ")
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(AppError::Unauthorized(
                "The Authorization header should read `Bearer TOKEN`.",
            ))?;
        let account = account_for(state, token, SessionKind::Api).await?.ok_or(
            AppError::Unauthorized(
                "This token is not valid (it may have expired or been revoked). Sign in again to get a new one.",
            ),
        )?;
        Ok(ApiUser { account })
    }
}

/// A signed-in browser.
#[derive(Debug, Clone)]
pub struct WebUser {
    pub account: Account,
    /// The token this session's forms carry.
    pub csrf: String,
    token_hash: Vec<u8>,
}

impl WebUser {
    /// Checks a form's CSRF token.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), AppError> {
        if bool::from(self.csrf.as_bytes().ct_eq(submitted.as_bytes())) {
            Ok(())
        } else {
            csrf::check(None, submitted)
        }
    }

    pub fn token_hash(&self) -> &[u8] {
        &self.token_hash
    }
}

/// Sends a browser without a session to the sign-in page.
#[derive(Debug)]
pub enum WebRejection {
    SignIn,
    Error(AppError),
}

impl IntoResponse for WebRejection {
    fn into_response(self) -> Response {
        match self {
            WebRejection::SignIn => Redirect::to("/signin").into_response(),
            WebRejection::Error(e) => crate::error::PageError(e).into_response(),
        }
    }
}

impl FromRequestParts<AppState> for WebUser {
    type Rejection = WebRejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebRejection> {
        let token = cookie(&parts.headers, SESSION_COOKIE).ok_or(WebRejection::SignIn)?;
        let account = account_for(state, token, SessionKind::Web)
            .await
            .map_err(WebRejection::Error)?
            .ok_or(WebRejection::SignIn)?;
        Ok(WebUser {
            account,
            csrf: csrf::token_for(token),
            token_hash: tokens::hash(token),
        })
    }
}

/// Optionally signed in: for pages that anyone may see.
#[derive(Debug, Clone)]
pub struct MaybeWebUser(pub Option<WebUser>);

impl FromRequestParts<AppState> for MaybeWebUser {
    type Rejection = WebRejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebRejection> {
        match WebUser::from_request_parts(parts, state).await {
            Ok(user) => Ok(MaybeWebUser(Some(user))),
            Err(WebRejection::SignIn) => Ok(MaybeWebUser(None)),
            Err(e) => Err(e),
        }
    }
}

async fn account_for(
    state: &AppState,
    token: &str,
    kind: SessionKind,
) -> Result<Option<Account>, AppError> {
    let now = state.clock.now();
    let Some(session) = state
        .store
        .session_by_token_hash(&tokens::hash(token), now)
        .await?
    else {
        return Ok(None);
    };
    if session.kind != kind {
        return Ok(None);
    }
    Ok(state.store.user(session.user_id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            "a=1; steady_session=abc; b=2".parse().expect("header"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, PREAUTH_COOKIE), None);
    }
}
