//! The first screen: what Steady is and what happens to your data, before anything is asked.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

use super::{render, Nav};
use crate::auth::extract::MaybeWebUser;
use crate::error::PageError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(welcome))
}

#[derive(Template)]
#[template(path = "welcome.html")]
struct WelcomePage {
    nav: Option<Nav>,
    deleted: bool,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct WelcomeQuery {
    deleted: Option<String>,
}

async fn welcome(
    MaybeWebUser(user): MaybeWebUser,
    query: Result<axum::extract::Query<WelcomeQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    if user.is_some() {
        return Ok(Redirect::to("/urges").into_response());
    }
    let deleted = query.is_ok_and(|q| q.deleted.is_some());
    render(StatusCode::OK, &WelcomePage { nav: None, deleted }, None)
}
