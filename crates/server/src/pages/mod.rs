//! Server-rendered pages, one module per screen, templates in `crates/server/templates`.

pub mod assess;

use askama::Template;
use axum::http::StatusCode;
use axum::Router;

use crate::AppState;

/// Every page route.
pub fn router() -> Router<AppState> {
    Router::new().merge(assess::router())
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
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
    ErrorPage { title, message }
        .render()
        .unwrap_or_else(|_| message.to_owned())
}
