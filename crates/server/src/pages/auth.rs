//! Creating an account, signing in and signing out in the browser.
//!
//! Forms shown before sign-in carry a double-submit CSRF token: a random cookie, and a token
//! derived from it in the form.

use crate::pages::form::PageForm;
use askama::Template;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use steady_core::account::time_zone_names;
use steady_core::ids::UserId;
use steady_store::SessionKind;

use super::form::{sentence, Errors};
use super::{render, Nav};
use crate::api;
use crate::auth::extract::{cookie, set_cookie, MaybeWebUser, PREAUTH_COOKIE, SESSION_COOKIE};
use crate::auth::{csrf, tokens, WebUser};
use crate::error::PageError;
use crate::{AppError, AppState};

/// How long the cookie behind the sign-in forms lasts.
const PREAUTH_MAX_AGE_SECS: i64 = 7 * 24 * 60 * 60;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signup", get(signup_page).post(signup))
        .route("/signin", get(signin_page).post(signin))
        .route("/signout", post(signout))
}

/// Every time-zone name, for the `<datalist>` of a time-zone field.
pub fn zone_names() -> Vec<&'static str> {
    time_zone_names().collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SignupForm {
    csrf: String,
    username: String,
    password: String,
    time_zone: String,
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage {
    nav: Option<Nav>,
    csrf: String,
    username: String,
    password: String,
    time_zone: String,
    /// Whether the script may fill in the browser's zone (a fresh form, not the person's input).
    fill_zone: bool,
    zones: Vec<&'static str>,
    errors: Errors,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SigninForm {
    csrf: String,
    username: String,
    password: String,
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SigninPage {
    nav: Option<Nav>,
    csrf: String,
    username: String,
    errors: Errors,
}

/// The pre-sign-in secret from the cookie, or a new one with the `Set-Cookie` value to send.
fn preauth(headers: &HeaderMap, secure: bool) -> (String, Option<String>) {
    match cookie(headers, PREAUTH_COOKIE) {
        Some(secret) if !secret.is_empty() => (secret.to_owned(), None),
        _ => {
            let secret = tokens::generate();
            let set = set_cookie(PREAUTH_COOKIE, &secret, PREAUTH_MAX_AGE_SECS, secure);
            (secret, Some(set))
        }
    }
}

async fn signup_page(
    State(state): State<AppState>,
    MaybeWebUser(user): MaybeWebUser,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    if user.is_some() {
        return Ok(Redirect::to("/urges").into_response());
    }
    let (secret, set) = preauth(&headers, state.secure_cookies);
    let page = SignupPage {
        nav: None,
        csrf: csrf::token_for(&secret),
        username: String::new(),
        password: String::new(),
        time_zone: "UTC".to_owned(),
        fill_zone: true,
        zones: zone_names(),
        errors: Errors::default(),
    };
    render(StatusCode::OK, &page, set)
}

async fn signup(
    State(state): State<AppState>,
    headers: HeaderMap,
    PageForm(form): PageForm<SignupForm>,
) -> Result<Response, PageError> {
    csrf::check(cookie(&headers, PREAUTH_COOKIE), &form.csrf)?;
    let result = api::accounts::create(
        &state,
        form.username.clone(),
        form.password.clone(),
        Some(form.time_zone.clone()),
    )
    .await;
    let (status, errors) = match result {
        Ok(account) => return start_session(&state, account.id).await,
        Err(AppError::Invalid(e)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Errors::from_validation(&e),
        ),
        Err(AppError::Conflict(_)) => {
            let mut errors = Errors::default();
            errors.add(
                "username",
                "Someone already uses this name here. Please choose another one.",
            );
            (StatusCode::CONFLICT, errors)
        }
        Err(e) => return Err(e.into()),
    };
    // A password that broke a rule is not sent back; one that was fine is kept.
    let password = if errors.get("password").is_some() {
        String::new()
    } else {
        form.password
    };
    let page = SignupPage {
        nav: None,
        csrf: form.csrf,
        username: form.username,
        password,
        time_zone: form.time_zone,
        fill_zone: false,
        zones: zone_names(),
        errors,
    };
    render(status, &page, None)
}

async fn signin_page(
    State(state): State<AppState>,
    MaybeWebUser(user): MaybeWebUser,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    if user.is_some() {
        return Ok(Redirect::to("/urges").into_response());
    }
    let (secret, set) = preauth(&headers, state.secure_cookies);
    let page = SigninPage {
        nav: None,
        csrf: csrf::token_for(&secret),
        username: String::new(),
        errors: Errors::default(),
    };
    render(StatusCode::OK, &page, set)
}

async fn signin(
    State(state): State<AppState>,
    headers: HeaderMap,
    PageForm(form): PageForm<SigninForm>,
) -> Result<Response, PageError> {
    csrf::check(cookie(&headers, PREAUTH_COOKIE), &form.csrf)?;
    match api::tokens::check_credentials(&state, &form.username, form.password).await {
        Ok(account) => start_session(&state, account.id).await,
        Err(AppError::Unauthorized(message)) => {
            let mut errors = Errors::default();
            errors.add("password", sentence(message));
            let page = SigninPage {
                nav: None,
                csrf: form.csrf,
                username: form.username,
                errors,
            };
            render(StatusCode::UNAUTHORIZED, &page, None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Starts a browser session and goes to the log.
async fn start_session(state: &AppState, user: UserId) -> Result<Response, PageError> {
    let (token, _) = tokens::issue(state, user, SessionKind::Web, "browser").await?;
    let max_age = tokens::WEB_SESSION_DAYS * 24 * 60 * 60;
    let cookie = set_cookie(SESSION_COOKIE, &token, max_age, state.secure_cookies);
    Ok((
        AppendHeaders([(SET_COOKIE, cookie)]),
        Redirect::to("/urges"),
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CsrfForm {
    csrf: String,
}

async fn signout(
    State(state): State<AppState>,
    user: WebUser,
    PageForm(form): PageForm<CsrfForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    state.store.delete_session(user.token_hash()).await?;
    let cleared = set_cookie(SESSION_COOKIE, "", 0, state.secure_cookies);
    Ok((AppendHeaders([(SET_COOKIE, cleared)]), Redirect::to("/")).into_response())
}
