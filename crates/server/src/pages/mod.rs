//! Server-rendered pages, one module per screen, templates in `crates/server/templates`.

pub mod assess;
mod auth;
mod coach;
mod form;
mod local_time;
pub mod safety;
mod settings;
mod thoughts;
mod urges;
mod welcome;

use askama::Template;
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Router;

use crate::auth::WebUser;
use crate::error::PageError;
use crate::AppState;

/// Every page route.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(welcome::router())
        .merge(auth::router())
        .merge(urges::router())
        .merge(settings::router())
        .merge(assess::router())
        .merge(safety::router())
        .merge(thoughts::router())
        .merge(coach::router())
}

/// What the layout needs to show the navigation of a signed-in person.
#[derive(Debug, Clone)]
pub struct Nav {
    /// The CSRF token for the sign-out button.
    pub csrf: String,
    /// Which item is the current page: `log` or `settings`.
    pub here: &'static str,
}

impl Nav {
    pub fn of(user: &WebUser, here: &'static str) -> Option<Nav> {
        Some(Nav {
            csrf: user.csrf.clone(),
            here,
        })
    }
}

/// Renders a page with a status, and optionally a cookie to set.
pub fn render(
    status: StatusCode,
    page: &impl Template,
    set_cookie: Option<String>,
) -> Result<Response, PageError> {
    let html = page.render().map_err(crate::AppError::internal)?;
    let mut response = (status, Html(html)).into_response();
    if let Some(value) = set_cookie {
        let value = value.parse().map_err(crate::AppError::internal)?;
        response.headers_mut().insert(SET_COOKIE, value);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
    nav: Option<Nav>,
}

/// A calm page for an error.
pub fn error_page(status: StatusCode, message: &str) -> String {
    let title = match status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::FORBIDDEN => "This form has expired",
        StatusCode::UNAUTHORIZED => "Please sign in",
        s if s.is_server_error() => "Something went wrong",
        _ => "That did not work",
    };
    ErrorPage {
        title,
        message,
        nav: None,
    }
    .render()
    .unwrap_or_else(|_| message.to_owned())
}
