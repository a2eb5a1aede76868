//! The attachment questionnaires as pages: an overview that explains privacy first and is
//! the only way in, the statements in short groups (saved as you go), and the result with
//! its chart.

use crate::pages::form::PageForm;
use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use steady_core::account::parse_time_zone;
use steady_core::assessment::chart::{self, ChartPoint};
use steady_core::assessment::{
    retake_available_from, retake_offered, Assessment, Instrument, InstrumentId, NOT_A_DIAGNOSIS,
};
use steady_core::ids::AssessmentId;

use super::Nav;
use crate::api::assessments as logic;
use crate::auth::WebUser;
use crate::error::PageError;
use crate::{AppError, AppState};

/// The most statements shown on one page.
pub const MAX_GROUP: usize = 6;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/assess", get(overview))
        .route("/assess/start", post(start))
        .route("/assess/{id}", get(questions).post(save))
        .route("/assess/{id}/result", get(result))
        .route("/assess/{id}/delete", get(confirm_delete).post(delete))
}

/// Groups of at most [`MAX_GROUP`] statements, as even as possible (36 → 6×6, 9 → 5+4).
pub fn groups(instrument: &Instrument) -> Vec<Vec<u16>> {
    let numbers: Vec<u16> = instrument.items.iter().map(|i| i.number).collect();
    let count = numbers.len().div_ceil(MAX_GROUP).max(1);
    let size = numbers.len().div_ceil(count).max(1);
    numbers.chunks(size).map(<[u16]>::to_vec).collect()
}

fn zone(user: &WebUser) -> Tz {
    parse_time_zone(&user.account.time_zone).unwrap_or(chrono_tz::UTC)
}

fn date(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%-d %B %Y").to_string()
}

fn score(v: f64) -> String {
    format!("{v:.1}")
}

fn render(page: &impl Template) -> Result<Response, PageError> {
    let html = page.render().map_err(AppError::internal)?;
    Ok(Html(html).into_response())
}

struct Resume {
    id: AssessmentId,
    answered: usize,
    total: usize,
}

struct Questionnaire {
    id: &'static str,
    title: String,
    blurb: String,
    about: Option<String>,
    resume: Option<Resume>,
    retake_note: Option<String>,
    can_start: bool,
    start_label: &'static str,
    citation: String,
    /// Other people a questionnaire about one person can be about: (id, "your mother").
    others: Vec<(String, String)>,
}

struct HistoryRow {
    id: AssessmentId,
    date: String,
    name: String,
    region: &'static str,
    anxiety: String,
    avoidance: String,
}

#[derive(Template)]
#[template(path = "assess/overview.html")]
struct OverviewPage {
    nav: Option<Nav>,
    csrf: String,
    paused: bool,
    deleted: bool,
    not_a_diagnosis: &'static str,
    questionnaires: Vec<Questionnaire>,
    history: Vec<HistoryRow>,
    terms: String,
}

#[derive(Debug, Deserialize)]
struct OverviewQuery {
    paused: Option<String>,
    deleted: Option<String>,
}

async fn overview(
    State(state): State<AppState>,
    user: WebUser,
    Query(q): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    let tz = zone(&user);
    let (done, open, _) = logic::history(&state, user.account.id).await?;
    let now = state.clock.now();
    let mut questionnaires = Vec::new();
    for id in InstrumentId::ALL {
        let instrument = id.instrument();
        let about = instrument.about.as_ref().map(|a| a.default.clone());
        let (title, blurb) = match id {
            InstrumentId::EcrR => (
                format!("{}: close relationships in general", instrument.short_name),
                format!(
                    "{} statements about how you feel in romantic relationships in general. About 5 to 10 minutes.",
                    instrument.item_count()
                ),
            ),
            InstrumentId::EcrRs => (
                format!("{}: about your partner", instrument.short_name),
                format!(
                    "{} statements about one relationship: your romantic partner (or a past or hoped-for one). About 2 minutes.",
                    instrument.item_count()
                ),
            ),
        };
        let resume = open
            .iter()
            .find(|a| a.instrument == id && a.about == about)
            .map(|a| Resume {
                id: a.id,
                answered: a.answered(),
                total: a.total(),
            });
        let last = done
            .iter()
            .filter(|a| a.instrument == id && a.about == about)
            .filter_map(|a| a.completed_at)
            .max();
        let (retake_note, can_start, start_label) = match last {
            None => (None, true, "Start"),
            Some(at) if retake_offered(at, now) => (
                Some(format!(
                    "You last took this on {}. If you would like to, you can take it again to see whether anything has shifted. There is no need to.",
                    date(at, tz)
                )),
                true,
                "Take it again",
            ),
            Some(at) => (
                Some(format!(
                    "You took this on {}. It will be here to take again from {}: scores move slowly, so a couple of months apart shows change best.",
                    date(at, tz),
                    date(retake_available_from(at), tz)
                )),
                false,
                "Start",
            ),
        };
        questionnaires.push(Questionnaire {
            id: id.as_str(),
            title,
            blurb,
            about,
            resume,
            retake_note,
            can_start,
            start_label,
            citation: instrument.citation.clone(),
            others: instrument
                .about
                .as_ref()
                .map(|a| {
                    a.people
                        .iter()
                        .filter(|p| p.id != a.default)
                        .map(|p| (p.id.clone(), p.label.clone()))
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    let history = done
        .iter()
        .rev()
        .filter_map(|a| {
            let s = a.scores?;
            Some(HistoryRow {
                id: a.id,
                date: date(a.completed_at?, tz),
                name: match logic::about_label(a) {
                    Some(label)
                        if a.about != a.definition().about.as_ref().map(|w| w.default.clone()) =>
                    {
                        format!("{} about {label}", a.definition().short_name)
                    }
                    _ => a.definition().short_name.clone(),
                },
                region: s.region().label(),
                anxiety: score(s.anxiety),
                avoidance: score(s.avoidance),
            })
        })
        .collect();
    render(&OverviewPage {
        nav: Nav::of(&user, "assess"),
        csrf: user.csrf.clone(),
        paused: q.paused.is_some(),
        deleted: q.deleted.is_some(),
        not_a_diagnosis: NOT_A_DIAGNOSIS,
        questionnaires,
        history,
        terms: Instrument::ecr_r().terms_of_use.clone(),
    })
}

#[derive(Debug, Deserialize)]
struct StartForm {
    csrf: String,
    instrument: String,
    about: Option<String>,
}

/// Starts (or resumes) a questionnaire. Only reachable from the overview, which explains
/// privacy first, so no statement is shown before that has been seen.
async fn start(
    State(state): State<AppState>,
    user: WebUser,
    PageForm(form): PageForm<StartForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    let instrument: InstrumentId =
        form.instrument
            .parse()
            .map_err(|e: steady_core::assessment::UnknownInstrument| {
                AppError::BadRequest(e.to_string())
            })?;
    let (a, _) = logic::start(&state, user.account.id, instrument, form.about.as_deref()).await?;
    Ok(Redirect::to(&format!("/assess/{}", a.id)).into_response())
}

struct Choice {
    value: u8,
    label: String,
    checked: bool,
}

struct ItemView {
    number: u16,
    text: String,
    choices: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "assess/questions.html")]
struct QuestionsPage {
    nav: Option<Nav>,
    csrf: String,
    id: AssessmentId,
    name: String,
    short_name: String,
    about_label: Option<String>,
    instructions: String,
    person_instructions: Option<String>,
    group: usize,
    page: usize,
    pages: usize,
    last_page: bool,
    answered: usize,
    total: usize,
    items: Vec<ItemView>,
    low_anchor: String,
    mid_anchor: String,
    high_anchor: String,
    note: Option<&'static str>,
}

#[derive(Debug, Deserialize)]
struct QuestionsQuery {
    group: Option<usize>,
    missing: Option<String>,
}

fn anchor(instrument: &Instrument, value: u8) -> String {
    instrument
        .scale
        .points
        .iter()
        .find(|p| p.value == value)
        .map(|p| p.anchor.clone().unwrap_or_else(|| p.label.clone()))
        .unwrap_or_default()
}

/// The group holding the first unanswered statement, or the last group.
fn resume_group(a: &Assessment, groups: &[Vec<u16>]) -> usize {
    a.missing_items()
        .first()
        .and_then(|n| groups.iter().position(|g| g.contains(n)))
        .unwrap_or(groups.len().saturating_sub(1))
}

async fn questions(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
    Query(q): Query<QuestionsQuery>,
) -> Result<Response, PageError> {
    let a = logic::load(&state, user.account.id, logic::parse_id(&id)?).await?;
    if a.is_completed() {
        return Ok(Redirect::to(&format!("/assess/{}/result", a.id)).into_response());
    }
    let instrument = a.definition();
    let groups = groups(instrument);
    let group = q
        .group
        .filter(|g| *g < groups.len())
        .unwrap_or_else(|| resume_group(&a, &groups));
    let person = instrument
        .about
        .as_ref()
        .zip(a.about.as_deref())
        .and_then(|(whom, id)| whom.person(id));
    let items = groups[group]
        .iter()
        .filter_map(|n| instrument.item(*n))
        .map(|item| ItemView {
            number: item.number,
            text: item.text.clone(),
            choices: instrument
                .scale
                .points
                .iter()
                .map(|p| Choice {
                    value: p.value,
                    label: p.label.clone(),
                    checked: a.answers.get(&item.number) == Some(&p.value),
                })
                .collect(),
        })
        .collect();
    let scale = &instrument.scale;
    render(&QuestionsPage {
        nav: Nav::of(&user, "assess"),
        csrf: user.csrf.clone(),
        id: a.id,
        name: instrument.name.clone(),
        short_name: instrument.short_name.clone(),
        about_label: person.map(|p| p.label.clone()),
        instructions: instrument.instructions.clone(),
        person_instructions: person.map(|p| p.instructions.clone()),
        group,
        page: group + 1,
        pages: groups.len(),
        last_page: group + 1 == groups.len(),
        answered: a.answered(),
        total: a.total(),
        items,
        low_anchor: anchor(instrument, scale.min),
        mid_anchor: anchor(instrument, (scale.min + scale.max) / 2),
        high_anchor: anchor(instrument, scale.max),
        note: q.missing.map(|_| {
            "A few statements are still open. Once each has an answer, you will see your result."
        }),
    })
}

/// Saves one group of answers, then goes back, pauses, or moves on (submitting after the
/// last group once everything is answered).
async fn save(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    user.check_csrf(form.get("csrf").map_or("", String::as_str))?;
    let owner = user.account.id;
    let id = logic::parse_id(&id)?;
    let a = logic::load(&state, owner, id).await?;
    if a.is_completed() {
        return Ok(Redirect::to(&format!("/assess/{id}/result")).into_response());
    }
    let groups = groups(a.definition());
    let group = form
        .get("group")
        .and_then(|g| g.parse::<usize>().ok())
        .filter(|g| *g < groups.len())
        .ok_or_else(|| {
            AppError::BadRequest(
                "This form is missing its page number; please go back and try again.".to_owned(),
            )
        })?;
    let mut changes = BTreeMap::new();
    for n in &groups[group] {
        if let Some(raw) = form.get(&format!("item_{n}")) {
            let answer = raw.parse::<u8>().map_err(|_| {
                AppError::BadRequest(format!(
                    "The answer to statement {n} is not one of the choices; please choose again."
                ))
            })?;
            changes.insert(*n, Some(answer));
        }
    }
    let a = if changes.is_empty() {
        a
    } else {
        logic::save(&state, owner, id, &changes).await?
    };
    let to = match form.get("action").map(String::as_str) {
        Some("back") => format!("/assess/{id}?group={}", group.saturating_sub(1)),
        Some("pause") => "/assess?paused=1".to_owned(),
        _ if group + 1 < groups.len() => format!("/assess/{id}?group={}", group + 1),
        _ if a.missing_items().is_empty() => {
            logic::submit(&state, owner, id).await?;
            format!("/assess/{id}/result")
        }
        _ => format!("/assess/{id}?group={}&missing=1", resume_group(&a, &groups)),
    };
    Ok(Redirect::to(&to).into_response())
}

struct EarlierRow {
    id: AssessmentId,
    date: String,
    anxiety: String,
    avoidance: String,
    region: &'static str,
}

#[derive(Template)]
#[template(path = "assess/result.html")]
struct ResultPage {
    nav: Option<Nav>,
    id: String,
    name: String,
    short_name: String,
    about_label: Option<String>,
    date: String,
    chart_svg: String,
    chart_text: String,
    anxiety: String,
    avoidance: String,
    anxiety_words: &'static str,
    avoidance_words: &'static str,
    near_boundary: bool,
    region_label: &'static str,
    what_it_is: &'static str,
    reassurance: &'static str,
    first_steps: &'static str,
    tools: Vec<(&'static str, &'static str)>,
    earlier: Vec<EarlierRow>,
    retake_note: String,
    not_a_diagnosis: &'static str,
    citation: String,
    terms: String,
}

async fn result(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let owner = user.account.id;
    let a = logic::load(&state, owner, logic::parse_id(&id)?).await?;
    let (Some(scores), Some(taken)) = (a.scores, a.completed_at) else {
        return Ok(Redirect::to(&format!("/assess/{}", a.id)).into_response());
    };
    let tz = zone(&user);
    let instrument = a.definition();
    let all = state
        .store
        .completed_assessments(owner, Some(a.instrument))
        .await?;
    let same: Vec<&Assessment> = all.iter().filter(|b| b.about == a.about).collect();
    let earlier_points: Vec<ChartPoint> = same
        .iter()
        .filter(|b| b.id != a.id && b.completed_at.is_some_and(|t| t < taken))
        .filter_map(|b| {
            Some(ChartPoint {
                taken_at: b.completed_at?,
                scores: b.scores?,
            })
        })
        .collect();
    let chart = chart::render(
        &instrument.short_name,
        &ChartPoint {
            taken_at: taken,
            scores,
        },
        &earlier_points,
    );
    let earlier = same
        .iter()
        .filter(|b| b.id != a.id)
        .filter_map(|b| {
            let s = b.scores?;
            Some(EarlierRow {
                id: b.id,
                date: date(b.completed_at?, tz),
                anxiety: score(s.anxiety),
                avoidance: score(s.avoidance),
                region: s.region().label(),
            })
        })
        .collect();
    let latest = same
        .iter()
        .filter_map(|b| b.completed_at)
        .max()
        .unwrap_or(taken);
    let retake_note = if retake_offered(latest, state.clock.now()) {
        "If you would like to, you can take this questionnaire again from the questionnaires page to see whether anything has shifted.".to_owned()
    } else {
        format!(
            "Scores move slowly, so Steady offers this questionnaire again from {}, if you would like to take it then.",
            date(retake_available_from(latest), tz)
        )
    };
    let region = scores.region();
    let guidance = region.guidance();
    render(&ResultPage {
        nav: Nav::of(&user, "assess"),
        id: a.id.to_string(),
        name: instrument.name.clone(),
        short_name: instrument.short_name.clone(),
        about_label: logic::about_label(&a),
        date: date(taken, tz),
        chart_svg: chart.svg,
        chart_text: chart.text,
        anxiety: score(scores.anxiety),
        avoidance: score(scores.avoidance),
        anxiety_words: scores.anxiety_closeness().describe(),
        avoidance_words: scores.avoidance_closeness().describe(),
        near_boundary: scores.near_boundary(),
        region_label: region.label(),
        what_it_is: guidance.what_it_is,
        reassurance: guidance.reassurance,
        first_steps: guidance.first_steps,
        tools: guidance
            .suggested_tools
            .iter()
            .map(|t| (t.label(), t.summary()))
            .collect(),
        earlier,
        retake_note,
        not_a_diagnosis: NOT_A_DIAGNOSIS,
        citation: instrument.citation.clone(),
        terms: instrument.terms_of_use.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_short_and_even() {
        let sizes = |i: &Instrument| groups(i).iter().map(Vec::len).collect::<Vec<_>>();
        assert_eq!(sizes(Instrument::ecr_r()), vec![6; 6]);
        assert_eq!(sizes(Instrument::ecr_rs()), vec![5, 4]);
        assert_eq!(groups(Instrument::ecr_rs())[1], vec![6, 7, 8, 9]);
    }
}

#[derive(Template)]
#[template(path = "assess/delete.html")]
struct DeletePage {
    nav: Option<Nav>,
    csrf: String,
    id: String,
    what: String,
}

/// Asks before deleting one taking of a questionnaire, answers and result with it.
async fn confirm_delete(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let a = logic::load(&state, user.account.id, logic::parse_id(&id)?).await?;
    let when = a.completed_at.unwrap_or(a.started_at);
    let what = format!(
        "your {} from {}",
        a.definition().short_name,
        date(when, zone(&user))
    );
    render(&DeletePage {
        nav: Nav::of(&user, "assess"),
        csrf: user.csrf.clone(),
        id: a.id.to_string(),
        what,
    })
}

#[derive(Debug, Deserialize)]
struct DeleteForm {
    csrf: String,
}

async fn delete(
    State(state): State<AppState>,
    user: WebUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<DeleteForm>,
) -> Result<Response, PageError> {
    user.check_csrf(&form.csrf)?;
    let id = logic::parse_id(&id)?;
    if !state.store.delete_assessment(user.account.id, id).await? {
        return Err(AppError::NotFound("There is no such questionnaire in your account.").into());
    }
    Ok(Redirect::to("/assess?deleted=1").into_response())
}
