//! One entry: change it (for example to add how strong the urge was afterwards) or delete it.

use crate::pages::form::PageForm;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steady_core::urge::Urge;

use super::fields::{saving_error, FieldsView, UrgeForm};
use crate::auth::WebUser;
use crate::error::PageError;
use crate::pages::form::Errors;
use crate::pages::{local_time, render, Nav};
use crate::{api, AppError, AppState};

#[derive(Template)]
#[template(path = "urge_edit.html")]
struct EditPage {
    nav: Option<Nav>,
    csrf: String,
    id: String,
    when: String,
    f: FieldsView,
    is_edit: bool,
}

#[derive(Template)]
#[template(path = "urge_delete.html")]
struct DeletePage {
    nav: Option<Nav>,
    csrf: String,
    id: String,
    when: String,
    summary: String,
}

/// "Today at 14:05" style words for when an entry happened.
fn when(urge: &Urge, user: &WebUser, state: &AppState) -> String {
    let tz = local_time::zone(&user.account.time_zone);
    let today = local_time::day(state.clock.now(), tz);
    let day = local_time::day_label(local_time::day(urge.occurred_at, tz), today);
    // "today" and "yesterday" sit mid-sentence; weekday names keep their capital.
    let day = match day.as_str() {
        "Today" | "Yesterday" => day.to_lowercase(),
        _ => day,
    };
    format!("{day} at {}", local_time::clock_time(urge.occurred_at, tz))
}

async fn load(state: &AppState, user: &WebUser, id: &str) -> Result<Urge, AppError> {
    api::urges::load(state, user.account.id, api::urges::parse_id(id)?).await
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let urge = load(&state, &user, &id).await?;
    let tz = local_time::zone(&user.account.time_zone);
    let page = EditPage {
        nav: Nav::of(&user, "log"),
        csrf: user.csrf.clone(),
        id: urge.id.to_string(),
        when: when(&urge, &user, &state),
        f: FieldsView {
            open: true,
            ..FieldsView::new(UrgeForm::from_urge(&urge, tz), Errors::default())
        },
        is_edit: true,
    };
    render(StatusCode::OK, &page, None)
}

pub async fn save(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<UrgeForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    let urge = load(&state, &user, &id).await?;
    let tz = local_time::zone(&user.account.time_zone);
    let errors = match form.check(tz) {
        Ok(checked) => {
            let patch = checked.into_patch(&urge, tz, &form.occurred_at);
            match api::urges::update(&state, user.account.id, urge.id, patch).await {
                Ok(saved) => {
                    // Only text that changed is checked: fixing a typo does not ask again.
                    let before = super::private_texts(&urge);
                    let texts: Vec<&str> = super::private_texts(&saved)
                        .into_iter()
                        .zip(before)
                        .filter(|(now, was)| now != was)
                        .filter_map(|(now, _)| now)
                        .collect();
                    let next =
                        super::super::safety::after_save_redirect(&texts, "/urges?updated=1").await;
                    return Ok(next.into_response());
                }
                Err(AppError::Invalid(e)) => saving_error(&e),
                Err(e) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    let page = EditPage {
        nav: Nav::of(&user, "log"),
        csrf: user.csrf.clone(),
        id: urge.id.to_string(),
        when: when(&urge, &user, &state),
        f: FieldsView {
            open: true,
            ..FieldsView::new(form, errors)
        },
        is_edit: true,
    };
    render(StatusCode::UNPROCESSABLE_ENTITY, &page, None)
}

pub async fn delete_page(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let urge = load(&state, &user, &id).await?;
    let page = DeletePage {
        nav: Nav::of(&user, "log"),
        csrf: user.csrf.clone(),
        id: urge.id.to_string(),
        when: when(&urge, &user, &state),
        summary: format!(
            "{}, intensity {}, {}",
            urge.trigger.label(),
            urge.intensity_before.get(),
            urge.did.label().to_lowercase()
        ),
    };
    render(StatusCode::OK, &page, None)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn delete(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<CsrfForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    api::urges::remove(&state, user.account.id, api::urges::parse_id(&id)?).await?;
    Ok(Redirect::to("/urges?deleted=1").into_response())
}
