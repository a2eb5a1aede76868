//! The query every list endpoint takes: how many, and which stretch of time.

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use steady_store::ListQuery;

use crate::AppError;

/// The most items one list returns.
pub const MAX_LIMIT: u32 = 500;

/// Which items to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    /// How many, newest first (1 to 500, default 50).
    pub limit: Option<u32>,
    /// Only items before this time (RFC 3339), for paging back.
    pub before: Option<DateTime<Utc>>,
    /// Only items at or after this time (RFC 3339).
    pub since: Option<DateTime<Utc>>,
}

/// Checks a list query, with a message a person can act on.
pub fn window(params: Result<Query<ListParams>, QueryRejection>) -> Result<ListQuery, AppError> {
    let Query(params) = params.map_err(|e| {
        AppError::BadRequest(format!(
            "The query string is not understood: {}",
            e.body_text()
        ))
    })?;
    let limit = params.limit.unwrap_or(50);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "limit should be between 1 and {MAX_LIMIT}"
        )));
    }
    Ok(ListQuery {
        limit,
        before: params.before,
        since: params.since,
    })
}
