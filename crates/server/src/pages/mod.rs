//! Server-rendered pages, one module per screen, templates in `crates/server/templates`.

mod coach;
pub mod safety;
mod thoughts;

use askama::Template;
use axum::http::StatusCode;
use axum::Router;

use crate::auth::WebUser;
use crate::AppState;

/// Every page route.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(safety::router())
        .merge(thoughts::router())
        .merge(coach::router())
}

/// What the layout needs to show the navigation of a signed-in person.
#[derive(Debug, Clone)]
pub struct Nav {
    /// The CSRF token for the sign-out button.
    pub csrf: String,
    /// Which item is the current page.
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
