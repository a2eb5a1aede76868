//! Taking everything out, and deleting everything.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use steady_core::account::Account;
use steady_core::ids::UserId;
use steady_core::thought::ThoughtRecord;
use steady_core::urge::Urge;
use steady_store::ListQuery;
use utoipa::ToSchema;

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::ErrorBody;
use crate::{AppError, AppState};

/// Everything an account holds, decrypted, for the person to keep or move.
#[derive(Debug, Serialize, ToSchema)]
pub struct Export {
    /// Always `steady-export`.
    pub format: String,
    /// The export format's version.
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub account: Account,
    /// Every reassurance-log entry, oldest first.
    pub urges: Vec<Urge>,
    /// Every questionnaire, completed (oldest first) then in progress.
    pub assessments: Vec<super::assessments::AssessmentView>,
    /// Every thought record, oldest first.
    #[serde(default)]
    pub thoughts: Vec<ThoughtRecord>,
}

/// Downloads everything in your account as JSON.
#[utoipa::path(get, path = "/api/v1/export", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = Export), (status = 401, body = ErrorBody)))]
pub async fn export(
    State(state): State<AppState>,
    user: ApiUser,
) -> Result<Json<Export>, AppError> {
    Ok(Json(build(&state, user.account).await?))
}

/// Gathers an account's data; shared by the API and the settings page.
pub async fn build(state: &AppState, account: Account) -> Result<Export, AppError> {
    let urges = all_urges(state, account.id).await?;
    let mut assessments = state.store.completed_assessments(account.id, None).await?;
    assessments.extend(state.store.assessments_in_progress(account.id).await?);
    let assessments = assessments
        .iter()
        .map(super::assessments::AssessmentView::of)
        .collect();
    let mut thoughts = state.store.list_thoughts(account.id, EVERYTHING).await?;
    thoughts.reverse();
    Ok(Export {
        format: "steady-export".to_owned(),
        version: 1,
        exported_at: state.clock.now(),
        account,
        urges,
        assessments,
        thoughts,
    })
}

/// No time window and no practical limit: the whole list.
const EVERYTHING: ListQuery = ListQuery {
    before: None,
    since: None,
    limit: u32::MAX,
};

/// Every entry, oldest first. One query: paging by time would skip entries that share the
/// timestamp at a page boundary.
async fn all_urges(state: &AppState, owner: UserId) -> Result<Vec<Urge>, AppError> {
    let mut all = state.store.list_urges(owner, EVERYTHING).await?;
    all.reverse();
    Ok(all)
}

/// Confirms deleting an account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteAccount {
    /// Your password, to confirm.
    pub password: String,
}

/// Deletes your account and everything in it, at once and for good.
#[utoipa::path(delete, path = "/api/v1/me", tag = "accounts", security(("bearer" = [])),
    request_body = DeleteAccount,
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorBody)))]
pub async fn delete_account(
    State(state): State<AppState>,
    user: ApiUser,
    ApiJson(body): ApiJson<DeleteAccount>,
) -> Result<StatusCode, AppError> {
    let account = super::tokens::check_credentials(&state, &user.account.username, body.password)
        .await
        .map_err(|_| {
            AppError::Unauthorized("That password is not right, so nothing was deleted.")
        })?;
    state.store.delete_user(account.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
