//! Settings: the person's time zone, and signing out.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Form, Query, State};
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
    Router::new().route("/settings", get(settings_page).post(save))
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
    Form(form): Form<SettingsForm>,
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
