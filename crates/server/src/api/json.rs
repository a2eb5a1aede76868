//! A JSON body extractor whose rejections are clear 4xx answers in the API's error format.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::AppError;

/// Like `axum::Json`, but a bad body becomes an [`AppError`] a person can act on.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(explain(&rejection)),
        }
    }
}

fn explain(rejection: &JsonRejection) -> AppError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => AppError::BadRequest(
            "Send the body as JSON with the header `Content-Type: application/json`.".to_owned(),
        ),
        JsonRejection::JsonSyntaxError(e) => AppError::BadRequest(format!(
            "The body is not valid JSON ({}).",
            source_message(e)
        )),
        JsonRejection::JsonDataError(e) => AppError::InvalidBody(format!(
            "The body has the wrong shape: {}.",
            source_message(e)
        )),
        JsonRejection::BytesRejection(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            AppError::TooLarge(format!(
                "The body is larger than the {} KiB this server accepts.",
                crate::MAX_BODY_BYTES / 1024
            ))
        }
        JsonRejection::BytesRejection(_) => {
            AppError::BadRequest("The body could not be read.".to_owned())
        }
        _ => AppError::BadRequest("The body could not be read as JSON.".to_owned()),
    }
}

/// The innermost cause: serde's message, which names the field and what it expected.
fn source_message(e: &dyn std::error::Error) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
