//! The stepped thought-record form. Each step saves, so nothing written is lost, and the
//! original thought stays pinned at the top of every step.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use steady_core::thought::{NewThought, LOOP_NOTE};

use super::values::Values;
use super::{bad_form, csrf_of, page, LOOP_QUERY};
use crate::api::thoughts as api;
use crate::auth::WebUser;
use crate::error::PageError;
use crate::pages::safety::after_save_redirect;
use crate::pages::Nav;
use crate::{AppError, AppState};

/// The number of steps.
pub const STEPS: u8 = 5;

const TITLES: [&str; STEPS as usize] = [
    "The situation and the thought",
    "Feelings",
    "Thinking traps",
    "Evidence",
    "A balanced thought",
];

/// One trap as a checkbox.
pub struct TrapRow {
    pub label: &'static str,
    pub name: &'static str,
    pub explanation: &'static str,
    pub example: &'static str,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "thought_step.html")]
pub struct StepPage {
    pub nav: Option<Nav>,
    pub csrf: String,
    /// `None` before the first save.
    pub id: Option<String>,
    pub step: u8,
    pub title: &'static str,
    pub titles: &'static [&'static str],
    /// The thought as saved, pinned on steps 2 to 5.
    pub pinned: String,
    pub values: Values,
    pub emotion_rows: Vec<(String, String)>,
    pub suggested: Vec<TrapRow>,
    /// Whether the model found a likely trap in the thought (step 3 says so gently
    /// when it did not).
    pub distorted: bool,
    pub other_traps: Vec<TrapRow>,
    /// The strongest feeling rated in step 2, to compare with on step 5.
    pub strongest: Option<(String, u8)>,
    pub loop_note: Option<&'static str>,
    pub error: Option<String>,
}

impl StepPage {
    fn new(user: &WebUser, id: Option<String>, step: u8, pinned: String, values: Values) -> Self {
        let step = step.clamp(1, STEPS);
        let (suggested, distorted, other_traps) = if step == 3 {
            trap_rows(&pinned, &values.traps)
        } else {
            (Vec::new(), false, Vec::new())
        };
        let strongest = values
            .emotions
            .iter()
            .filter_map(|(n, i)| Some((n.clone(), i.parse::<u8>().ok()?)))
            .max_by_key(|(_, i)| *i);
        StepPage {
            nav: Nav::of(user, "thoughts"),
            csrf: user.csrf.clone(),
            id,
            step,
            title: TITLES[usize::from(step - 1)],
            titles: &TITLES,
            pinned,
            emotion_rows: values.emotion_rows(),
            values,
            suggested,
            distorted,
            other_traps,
            strongest,
            loop_note: None,
            error: None,
        }
    }
}

/// Suggested traps first (ranked by the model, none pre-checked), whether the model
/// found a likely trap, then the rest; a trap is checked only when the person chose
/// it before.
fn trap_rows(thought: &str, chosen: &[String]) -> (Vec<TrapRow>, bool, Vec<TrapRow>) {
    let found = crate::api::analyze::trap_suggestions(thought);
    let suggestions = found.suggestions;
    let row = |info: &steady_nlp::traps::TrapInfo| TrapRow {
        label: info.label,
        name: info.name,
        explanation: info.explanation,
        example: info.example,
        checked: chosen.iter().any(|c| c == info.label),
    };
    let suggested: Vec<TrapRow> = suggestions
        .iter()
        .filter_map(|s| steady_nlp::traps::TRAPS.iter().find(|t| t.label == s.label))
        .map(row)
        .collect();
    let others = steady_nlp::traps::TRAPS
        .iter()
        .filter(|t| !suggested.iter().any(|s| s.label == t.label))
        .map(row)
        .collect();
    (suggested, found.distorted, others)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepQuery {
    note: Option<String>,
}

/// Step 1 of a new record.
pub async fn new_page(user: WebUser) -> Result<Response, PageError> {
    page(
        StatusCode::OK,
        &StepPage::new(&user, None, 1, String::new(), Values::default()),
    )
}

/// Saves step 1 of a new record: the record now exists.
pub async fn create(
    State(state): State<AppState>,
    user: WebUser,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let Form(form) = form.map_err(bad_form)?;
    user.check_csrf(&csrf_of(&form))?;
    let mut values = Values::default();
    values.overlay(1, &form);
    let mut new = NewThought::just(values.thought.clone());
    new.situation = Some(values.situation.clone());
    match api::create(&state, &user.account, new).await {
        Ok(saved) => {
            let id = saved.record.id;
            let note = if saved.note.is_some() { LOOP_QUERY } else { "" };
            Ok(
                after_save_redirect(&values.texts(1), &format!("/thoughts/{id}/step/2{note}"))
                    .await
                    .into_response(),
            )
        }
        Err(AppError::Invalid(e)) => {
            let mut p = StepPage::new(&user, None, 1, String::new(), values);
            p.error = Some(super::sentence(&e.message));
            page(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
        Err(e) => Err(e.into()),
    }
}

fn parse_step(raw: &str) -> Result<u8, AppError> {
    raw.parse::<u8>()
        .ok()
        .filter(|s| (1..=STEPS).contains(s))
        .ok_or(AppError::NotFound("There is no such step."))
}

/// A step of a saved record, filled in with what is saved.
pub async fn step_page(
    State(state): State<AppState>,
    user: WebUser,
    Path((id, step)): Path<(String, String)>,
    query: Result<Query<StepQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let step = parse_step(&step)?;
    let record = api::load(&state, user.account.id, api::parse_id(&id)?).await?;
    let mut p = StepPage::new(
        &user,
        Some(record.id.to_string()),
        step,
        record.thought.clone(),
        Values::of(&record),
    );
    if query.is_ok_and(|Query(q)| q.note.as_deref() == Some("loop")) {
        p.loop_note = Some(LOOP_NOTE);
    }
    page(StatusCode::OK, &p)
}

/// Saves a step, then goes on (or back to the record, with "Save and stop here").
pub async fn save_step(
    State(state): State<AppState>,
    user: WebUser,
    Path((id, step)): Path<(String, String)>,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let Form(form) = form.map_err(bad_form)?;
    user.check_csrf(&csrf_of(&form))?;
    let step = parse_step(&step)?;
    let id = api::parse_id(&id)?;
    let record = api::load(&state, user.account.id, id).await?;
    let mut values = Values::of(&record);
    values.overlay(step, &form);
    let result = match values.patch(step) {
        Ok(patch) => api::update(&state, &user.account, id, patch).await,
        Err(e) => Err(AppError::Invalid(e)),
    };
    match result {
        Ok(saved) => {
            let stop = form.iter().any(|(k, v)| k == "go" && v == "stop");
            let mut next = if stop || step == STEPS {
                format!("/thoughts/{id}")
            } else {
                format!("/thoughts/{id}/step/{}", step + 1)
            };
            // The loop note belongs to (re)writing the thought, so only step 1 brings it.
            if step == 1 && saved.note.is_some() {
                next.push_str(LOOP_QUERY);
            }
            Ok(after_save_redirect(&values.texts(step), &next)
                .await
                .into_response())
        }
        Err(AppError::Invalid(e)) => {
            let mut p = StepPage::new(&user, Some(id.to_string()), step, record.thought, values);
            p.error = Some(super::sentence(&e.message));
            page(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
        Err(e) => Err(e.into()),
    }
}
