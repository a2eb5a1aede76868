//! The attachment questionnaires over the API: the instruments, taking one (start or
//! resume, save answers as you go, submit), and the results over time. The pages use the
//! same functions, so both behave alike.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use steady_core::assessment::{
    retake_available_from, retake_offered, AboutWhom, Assessment, AssessmentError,
    AssessmentStatus, Closeness, Guidance, Instrument, InstrumentId, Region, Scores,
    NOT_A_DIAGNOSIS,
};
use steady_core::ids::{AssessmentId, UserId};
use steady_core::ValidationError;
use utoipa::ToSchema;

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::ErrorBody;
use crate::{AppError, AppState};

const NOT_FOUND: &str = "There is no questionnaire with that id among yours.";
const NO_INSTRUMENT: &str =
    "There is no questionnaire with that id; the ones available are \"ecr-r\" and \"ecr-rs\".";

/// A questionnaire, in brief.
#[derive(Debug, Serialize, ToSchema)]
pub struct InstrumentSummary {
    /// "ecr-r" or "ecr-rs".
    pub id: InstrumentId,
    pub name: String,
    pub short_name: String,
    pub item_count: usize,
    /// Who it can be about, for a questionnaire about one person (ECR-RS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<AboutWhom>,
    pub citation: String,
    pub terms_of_use: String,
}

impl InstrumentSummary {
    fn of(id: InstrumentId) -> Self {
        let i = id.instrument();
        Self {
            id,
            name: i.name.clone(),
            short_name: i.short_name.clone(),
            item_count: i.item_count(),
            about: i.about.clone(),
            citation: i.citation.clone(),
            terms_of_use: i.terms_of_use.clone(),
        }
    }
}

/// How far along a questionnaire is.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    /// The items without an answer yet, in order.
    pub missing: Vec<u16>,
    /// Where to pick up again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_item: Option<u16>,
}

/// A scored result, in words for the person who took the questionnaire.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentResult {
    /// Both from 1 to 7; lower on both is the secure end.
    pub scores: Scores,
    pub anxiety_closeness: Closeness,
    pub avoidance_closeness: Closeness,
    /// Whether a score sits near the middle, so the region is only a rough guide.
    pub near_boundary: bool,
    /// The two scores described in words.
    pub description: String,
    pub region: Region,
    pub region_label: &'static str,
    pub guidance: Guidance,
    pub not_a_diagnosis: &'static str,
    pub citation: String,
    pub terms_of_use: String,
}

impl AssessmentResult {
    pub fn of(instrument: &Instrument, scores: Scores) -> Self {
        let region = scores.region();
        Self {
            scores,
            anxiety_closeness: scores.anxiety_closeness(),
            avoidance_closeness: scores.avoidance_closeness(),
            near_boundary: scores.near_boundary(),
            description: scores.describe(),
            region,
            region_label: region.label(),
            guidance: region.guidance(),
            not_a_diagnosis: NOT_A_DIAGNOSIS,
            citation: instrument.citation.clone(),
            terms_of_use: instrument.terms_of_use.clone(),
        }
    }
}

/// One taking of a questionnaire.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentView {
    pub id: AssessmentId,
    pub instrument: InstrumentId,
    /// "ECR-R" or "ECR-RS".
    pub instrument_name: String,
    /// Whom an ECR-RS is about ("partner", ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// The same in words ("your romantic partner").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about_label: Option<String>,
    pub status: AssessmentStatus,
    /// Item number to answer (1 to 7), for the items answered so far.
    #[schema(value_type = BTreeMap<String, u8>)]
    pub answers: BTreeMap<u16, u8>,
    pub progress: Progress,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<DateTime<Utc>>,
    /// Present once submitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<AssessmentResult>,
}

impl AssessmentView {
    pub fn of(a: &Assessment) -> Self {
        let instrument = a.definition();
        let missing = a.missing_items();
        Self {
            id: a.id,
            instrument: a.instrument,
            instrument_name: instrument.short_name.clone(),
            about: a.about.clone(),
            about_label: about_label(a),
            status: a.status,
            answers: a.answers.clone(),
            progress: Progress {
                answered: a.answered(),
                total: a.total(),
                next_item: missing.first().copied(),
                missing,
            },
            started_at: a.started_at,
            updated_at: a.updated_at,
            completed_at: a.completed_at,
            result: a.scores.map(|s| AssessmentResult::of(instrument, s)),
        }
    }
}

/// Whom an assessment is about, in words ("your romantic partner").
pub fn about_label(a: &Assessment) -> Option<String> {
    let whom = a.definition().about.as_ref()?;
    let id = a.about.as_deref()?;
    whom.person(id).map(|p| p.label.clone())
}

/// When a questionnaire (about one person) can be taken again.
#[derive(Debug, Serialize, ToSchema)]
pub struct Retake {
    pub instrument: InstrumentId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    pub last_completed_at: DateTime<Utc>,
    /// Whether at least 8 weeks have passed, so taking it again is offered. An offer,
    /// never a reminder.
    pub retake_offered: bool,
    pub retake_available_from: DateTime<Utc>,
}

/// Everything about the person's questionnaires.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentList {
    /// Completed ones, oldest first.
    pub results: Vec<AssessmentView>,
    /// Started and not submitted yet, most recently touched first.
    pub in_progress: Vec<AssessmentView>,
    /// For each questionnaire (and person) taken before: when it can be taken again.
    pub retake: Vec<Retake>,
}

/// Which questionnaire to start.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartAssessment {
    pub instrument: InstrumentId,
    /// For the ECR-RS: whom it is about ("partner", the default; "mother", "father",
    /// "best_friend"). Leave out for the ECR-R.
    #[serde(default)]
    pub about: Option<String>,
}

/// Answers to save: item number to answer from 1 to 7, or `null` to take an answer back.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveAnswers {
    #[schema(value_type = BTreeMap<String, Option<u8>>, example = json!({"1": 5, "2": 3}))]
    pub answers: BTreeMap<u16, Option<u8>>,
}

impl From<AssessmentError> for AppError {
    fn from(e: AssessmentError) -> Self {
        match e {
            AssessmentError::AlreadyCompleted => AppError::Conflict(capitalise(&e.to_string())),
            AssessmentError::Answers(e) => {
                AppError::Invalid(ValidationError::new("answers", e.to_string()))
            }
            AssessmentError::About(m) => AppError::Invalid(ValidationError::new("about", m)),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// Starts a questionnaire, or finds the one of the same kind already in progress so it
/// can be resumed. Returns it and whether it is new.
pub async fn start(
    state: &AppState,
    owner: UserId,
    instrument: InstrumentId,
    about: Option<&str>,
) -> Result<(Assessment, bool), AppError> {
    let fresh = Assessment::start(AssessmentId::new(), instrument, about, state.clock.now())?;
    let open = state.store.assessments_in_progress(owner).await?;
    if let Some(existing) = open
        .into_iter()
        .find(|a| a.instrument == fresh.instrument && a.about == fresh.about)
    {
        return Ok((existing, false));
    }
    state.store.insert_assessment(owner, &fresh).await?;
    Ok((fresh, true))
}

/// Parses an assessment id; a malformed id is simply not found.
pub fn parse_id(raw: &str) -> Result<AssessmentId, AppError> {
    raw.parse().map_err(|_| AppError::NotFound(NOT_FOUND))
}

/// One of the owner's assessments, or a 404 that never says whether it exists for another.
pub async fn load(
    state: &AppState,
    owner: UserId,
    id: AssessmentId,
) -> Result<Assessment, AppError> {
    state
        .store
        .assessment(owner, id)
        .await?
        .ok_or(AppError::NotFound(NOT_FOUND))
}

async fn store_change(state: &AppState, owner: UserId, a: &Assessment) -> Result<(), AppError> {
    if state.store.update_assessment(owner, a).await? {
        Ok(())
    } else {
        // Submitted (or deleted) in another tab meanwhile.
        Err(AssessmentError::AlreadyCompleted.into())
    }
}

/// Saves answers to one in progress.
pub async fn save(
    state: &AppState,
    owner: UserId,
    id: AssessmentId,
    changes: &BTreeMap<u16, Option<u8>>,
) -> Result<Assessment, AppError> {
    let mut a = load(state, owner, id).await?;
    a.save_answers(changes, state.clock.now())?;
    store_change(state, owner, &a).await?;
    Ok(a)
}

/// Scores and completes one whose every item is answered.
pub async fn submit(
    state: &AppState,
    owner: UserId,
    id: AssessmentId,
) -> Result<Assessment, AppError> {
    let mut a = load(state, owner, id).await?;
    a.complete(state.clock.now())?;
    store_change(state, owner, &a).await?;
    Ok(a)
}

/// Completed ones (oldest first), those in progress, and when each can be taken again.
pub async fn history(
    state: &AppState,
    owner: UserId,
) -> Result<(Vec<Assessment>, Vec<Assessment>, Vec<Retake>), AppError> {
    let done = state.store.completed_assessments(owner, None).await?;
    let open = state.store.assessments_in_progress(owner).await?;
    let now = state.clock.now();
    let mut last: Vec<(InstrumentId, Option<String>, DateTime<Utc>)> = Vec::new();
    for a in &done {
        let Some(at) = a.completed_at else { continue };
        match last
            .iter_mut()
            .find(|(i, about, _)| *i == a.instrument && *about == a.about)
        {
            Some(entry) => entry.2 = entry.2.max(at),
            None => last.push((a.instrument, a.about.clone(), at)),
        }
    }
    let retake = last
        .into_iter()
        .map(|(instrument, about, at)| Retake {
            instrument,
            about,
            last_completed_at: at,
            retake_offered: retake_offered(at, now),
            retake_available_from: retake_available_from(at),
        })
        .collect();
    Ok((done, open, retake))
}

/// Lists the questionnaires Steady has.
#[utoipa::path(get, path = "/api/v1/instruments", tag = "assessments", security(("bearer" = [])),
    responses((status = 200, body = Vec<InstrumentSummary>), (status = 401, body = ErrorBody)))]
pub async fn list_instruments(_user: ApiUser) -> Json<Vec<InstrumentSummary>> {
    Json(
        InstrumentId::ALL
            .into_iter()
            .map(InstrumentSummary::of)
            .collect(),
    )
}

/// One questionnaire in full: instructions, answer scale, statements, citation and terms.
#[utoipa::path(get, path = "/api/v1/instruments/{id}", tag = "assessments", security(("bearer" = [])),
    params(("id" = String, Path, description = "\"ecr-r\" or \"ecr-rs\"")),
    responses((status = 200, body = Instrument), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_instrument(
    _user: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Instrument>, AppError> {
    let instrument = Instrument::by_id(&id).ok_or(AppError::NotFound(NO_INSTRUMENT))?;
    Ok(Json(instrument.clone()))
}

/// Starts a questionnaire. If one of the same kind (and about the same person) is already
/// in progress, answers 200 with it instead, so it can be resumed.
#[utoipa::path(post, path = "/api/v1/assessments", tag = "assessments", security(("bearer" = [])),
    request_body = StartAssessment,
    responses(
        (status = 201, description = "Started", body = AssessmentView),
        (status = 200, description = "One was already in progress: resume it", body = AssessmentView),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn start_assessment(
    State(state): State<AppState>,
    user: ApiUser,
    ApiJson(body): ApiJson<StartAssessment>,
) -> Result<(StatusCode, Json<AssessmentView>), AppError> {
    let (a, created) = start(
        &state,
        user.account.id,
        body.instrument,
        body.about.as_deref(),
    )
    .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(AssessmentView::of(&a))))
}

/// Lists completed results (oldest first, with dates), those in progress, and when each
/// questionnaire may be taken again.
#[utoipa::path(get, path = "/api/v1/assessments", tag = "assessments", security(("bearer" = [])),
    responses((status = 200, body = AssessmentList), (status = 401, body = ErrorBody)))]
pub async fn list_assessments(
    State(state): State<AppState>,
    user: ApiUser,
) -> Result<Json<AssessmentList>, AppError> {
    let (done, open, retake) = history(&state, user.account.id).await?;
    Ok(Json(AssessmentList {
        results: done.iter().map(AssessmentView::of).collect(),
        in_progress: open.iter().map(AssessmentView::of).collect(),
        retake,
    }))
}

/// One questionnaire, with its answers so far, and its result once submitted.
#[utoipa::path(get, path = "/api/v1/assessments/{id}", tag = "assessments", security(("bearer" = [])),
    params(("id" = String, Path, description = "The assessment's id")),
    responses((status = 200, body = AssessmentView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_assessment(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<AssessmentView>, AppError> {
    let a = load(&state, user.account.id, parse_id(&id)?).await?;
    Ok(Json(AssessmentView::of(&a)))
}

/// Deletes a questionnaire, in progress or completed.
#[utoipa::path(delete, path = "/api/v1/assessments/{id}", tag = "assessments", security(("bearer" = [])),
    params(("id" = String, Path, description = "The assessment's id")),
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_assessment(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    if state
        .store
        .delete_assessment(user.account.id, parse_id(&id)?)
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound(NOT_FOUND))
    }
}

/// Saves answers as you go (item number to answer from 1 to 7; `null` takes one back).
/// Every answer is checked first; one that does not fit changes nothing.
#[utoipa::path(put, path = "/api/v1/assessments/{id}/answers", tag = "assessments", security(("bearer" = [])),
    params(("id" = String, Path, description = "The assessment's id")),
    request_body = SaveAnswers,
    responses(
        (status = 200, description = "Saved; the progress so far", body = AssessmentView),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Already submitted", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_answers(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SaveAnswers>,
) -> Result<Json<AssessmentView>, AppError> {
    let a = save(&state, user.account.id, parse_id(&id)?, &body.answers).await?;
    Ok(Json(AssessmentView::of(&a)))
}

/// The same as `PUT`: saves the answers sent and keeps the others.
#[utoipa::path(patch, path = "/api/v1/assessments/{id}/answers", tag = "assessments", security(("bearer" = [])),
    params(("id" = String, Path, description = "The assessment's id")),
    request_body = SaveAnswers,
    responses(
        (status = 200, description = "Saved; the progress so far", body = AssessmentView),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Already submitted", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch_answers(
    state: State<AppState>,
    user: ApiUser,
    id: Path<String>,
    body: ApiJson<SaveAnswers>,
) -> Result<Json<AssessmentView>, AppError> {
    save_answers(state, user, id, body).await
}

/// Submits a questionnaire whose every item is answered, and returns the result. Until
/// then, answers 422 naming the items still open.
#[utoipa::path(post, path = "/api/v1/assessments/{id}/submit", tag = "assessments", security(("bearer" = [])),
    params(("id" = String, Path, description = "The assessment's id")),
    responses(
        (status = 200, description = "Scored", body = AssessmentView),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Already submitted", body = ErrorBody),
        (status = 422, description = "Some items are not answered yet", body = ErrorBody)))]
pub async fn submit_assessment(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> Result<Json<AssessmentView>, AppError> {
    let a = submit(&state, user.account.id, parse_id(&id)?).await?;
    Ok(Json(AssessmentView::of(&a)))
}
