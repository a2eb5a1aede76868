//! The JSON API under `/api/v1`, with its OpenAPI document generated from these handlers.

pub mod accounts;
pub mod analyze;
pub mod assessments;
pub mod export;
mod json;
pub mod list;
pub mod thoughts;
pub mod tokens;
pub mod urges;

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use json::ApiJson;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Steady API",
        description = "Steady's JSON API. Authenticate with `Authorization: Bearer TOKEN`, \
            where TOKEN comes from `POST /api/v1/tokens`. Errors are JSON \
            `{\"error\": code, \"message\": text, \"field\": name}`."
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "accounts", description = "Accounts and tokens"),
        (name = "urges", description = "The reassurance log"),
        (name = "assessments", description = "The attachment questionnaires (ECR-R, ECR-RS) and their results"),
        (name = "thoughts", description = "Thought records (cognitive reframing)"),
        (name = "analyze", description = "Text analysis: thinking traps, requests, tone, crisis language. Nothing sent is stored"),
        (name = "health", description = "Liveness")
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The API routes, collected with their OpenAPI descriptions.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(healthz))
        .routes(routes!(accounts::create_account))
        .routes(routes!(accounts::me, export::delete_account))
        .routes(routes!(export::export))
        .routes(routes!(tokens::create_token, tokens::revoke_token))
        .routes(routes!(urges::create_urge, urges::list_urges))
        .routes(routes!(
            urges::get_urge,
            urges::update_urge,
            urges::delete_urge
        ))
        .routes(routes!(assessments::list_instruments))
        .routes(routes!(assessments::get_instrument))
        .routes(routes!(
            assessments::start_assessment,
            assessments::list_assessments
        ))
        .routes(routes!(
            assessments::get_assessment,
            assessments::delete_assessment
        ))
        .routes(routes!(
            assessments::save_answers,
            assessments::patch_answers
        ))
        .routes(routes!(assessments::submit_assessment))
        .routes(routes!(thoughts::create_thought, thoughts::list_thoughts))
        .routes(routes!(
            thoughts::get_thought,
            thoughts::update_thought,
            thoughts::delete_thought
        ))
        .routes(routes!(analyze::analyze_traps))
        .routes(routes!(analyze::analyze_request))
        .routes(routes!(analyze::analyze_tone))
        .routes(routes!(analyze::analyze_crisis))
}

/// The full OpenAPI document, as served.
pub fn openapi() -> utoipa::openapi::OpenApi {
    router().into_openapi()
}

/// Serves the OpenAPI document.
pub fn docs_router(doc: Arc<utoipa::openapi::OpenApi>) -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(move || {
            let doc = doc.clone();
            async move { Json(doc.as_ref().clone()) }
        }),
    )
}

/// Answers 200 when the server and its database are up.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, description = "Up"), (status = 503, description = "The database does not answer")))]
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::warn!("health check: database does not answer: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}
