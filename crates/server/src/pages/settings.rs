//! Settings: the person's time zone, signing out, taking everything out, deleting everything.

use crate::pages::form::PageForm;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use steady_core::account::parse_time_zone;

use super::auth::zone_names;
use super::form::Errors;
use super::{render, Nav};
use crate::auth::WebUser;
use crate::error::PageError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/settings", get(settings_page).post(save))
        .route("/settings/export", get(export))
        .route("/settings/delete", axum::routing::post(delete_account))
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    nav: Option<Nav>,
    csrf: String,
    username: String,
    time_zone: String,
    fill_zone: bool,
    zones: Vec<&'static str>,
    errors: Errors,
    saved: bool,
    delete_error: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SettingsQuery {
    saved: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SettingsForm {
    csrf: String,
    time_zone: String,
}

fn page(user: &WebUser, time_zone: String, errors: Errors, saved: bool) -> SettingsPage {
    SettingsPage {
        nav: Nav::of(user, "settings"),
        csrf: user.csrf.clone(),
        username: user.account.username.clone(),
        time_zone,
        fill_zone: false,
        zones: zone_names(),
        errors,
        saved,
        delete_error: None,
    }
}

async fn settings_page(
    user: WebUser,
    query: Result<Query<SettingsQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let saved = query.is_ok_and(|Query(q)| q.saved.is_some());
    let zone = user.account.time_zone.clone();
    render(
        StatusCode::OK,
        &page(&user, zone, Errors::default(), saved),
        None,
    )
}

async fn save(
    State(state): State<AppState>,
    user: WebUser,
    PageForm(form): PageForm<SettingsForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    match parse_time_zone(&form.time_zone) {
        Ok(tz) => {
            state
                .store
                .set_time_zone(user.account.id, tz.name())
                .await?;
            Ok(Redirect::to("/settings?saved=1").into_response())
        }
        Err(e) => {
            let errors = Errors::from_validation(&e);
            let page = page(&user, form.time_zone, errors, false);
            render(StatusCode::UNPROCESSABLE_ENTITY, &page, None)
        }
    }
}

/// Everything in the account as a JSON file to keep.
async fn export(State(state): State<AppState>, user: WebUser) -> Result<Response, PageError> {
    let date = state.clock.now().format("%Y-%m-%d");
    let export = crate::api::export::build(&state, user.account).await?;
    let body = serde_json::to_vec_pretty(&export).map_err(crate::AppError::internal)?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/json".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"steady-export-{date}.json\""),
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DeleteForm {
    csrf: String,
    password: String,
}

/// Deletes the account and everything in it, after the password confirms it.
async fn delete_account(
    State(state): State<AppState>,
    user: WebUser,
    PageForm(form): PageForm<DeleteForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    let confirmed =
        crate::api::tokens::check_credentials(&state, &user.account.username, form.password).await;
    if confirmed.is_err() {
        let mut page = page(
            &user,
            user.account.time_zone.clone(),
            Errors::default(),
            false,
        );
        page.delete_error = Some("That password is not right, so nothing was deleted.");
        return render(StatusCode::UNAUTHORIZED, &page, None);
    }
    state.store.delete_user(user.account.id).await?;
    let clear = crate::auth::extract::set_cookie(
        crate::auth::extract::SESSION_COOKIE,
        "",
        0,
        state.secure_cookies,
    );
    let mut response = Redirect::to("/?deleted=1").into_response();
    if let Ok(value) = clear.parse() {
        response
            .headers_mut()
            .insert(axum::http::header::SET_COOKIE, value);
    }
    Ok(response)
}
