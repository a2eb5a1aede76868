//! One error type for the server, mapped once to status codes and bodies.
//!
//! Responses carry a message a person can act on and nothing internal; the cause of a 500 goes
//! to the log with an error id that the response also shows, and never any private text.

use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use steady_core::ValidationError;
use steady_store::StoreError;

/// What went wrong, in kinds that map to status codes.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(&'static str),
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("{0}")]
    NotFound(&'static str),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    /// A JSON body of the wrong shape: a missing field, a wrong type, an unknown choice.
    #[error("{0}")]
    InvalidBody(String),
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    TooManyRequests(String),
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The JSON body of every API error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code: `bad_request`, `unauthorized`, `forbidden`, `not_found`, `conflict`,
    /// `invalid`, `internal`.
    pub error: &'static str,
    /// What happened and what to do, for a person.
    pub message: String,
    /// The field at fault, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

impl AppError {
    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        AppError::Internal(Box::new(e))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Invalid(_) | AppError::InvalidBody(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The body for this error; logs the cause of an internal error under a fresh id.
    pub fn body(&self) -> ErrorBody {
        let (error, field) = match self {
            AppError::BadRequest(_) => ("bad_request", None),
            AppError::Unauthorized(_) => ("unauthorized", None),
            AppError::Forbidden(_) => ("forbidden", None),
            AppError::NotFound(_) => ("not_found", None),
            AppError::Conflict(_) => ("conflict", None),
            AppError::Invalid(v) => ("invalid", Some(v.field)),
            AppError::InvalidBody(_) => ("invalid", None),
            AppError::TooLarge(_) => ("too_large", None),
            AppError::TooManyRequests(_) => ("too_many_requests", None),
            AppError::Internal(_) => ("internal", None),
        };
        let message = match self {
            AppError::Internal(cause) => {
                let id = uuid::Uuid::new_v4().simple().to_string();
                let id = &id[..12];
                tracing::error!(error_id = id, "internal error: {cause}");
                format!("Something went wrong on the server (error id {id}). Nothing you sent was lost; please try again in a moment.")
            }
            other => other.to_string(),
        };
        ErrorBody {
            error,
            message,
            field,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(what) => AppError::Conflict(capitalise(what)),
            other => AppError::internal(other),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        (self.status(), Json(self.body())).into_response()
    }
}

/// An error on a page: the same kinds, shown as a calm page rather than JSON.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl<E: Into<AppError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let body = self.0.body();
        let page = crate::pages::error_page(status, &body.message);
        (status, Html(page)).into_response()
    }
}

/// The answer for a path that does not exist.
pub async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        AppError::NotFound("There is no such API endpoint; see /api/openapi.json for the list.")
            .into_response()
    } else {
        PageError(AppError::NotFound("This page does not exist.")).into_response()
    }
}
