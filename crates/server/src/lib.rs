//! Steady's web app and JSON API, as one axum [`Router`](axum::Router).
//!
//! [`app`] builds the router from an [`AppState`]; [`serve`] opens the store, the key and the
//! socket the way `steady serve` needs them.

pub mod api;
mod assets;
pub mod auth;
mod config;
mod error;
mod metrics;
pub mod pages;
mod security;
mod state;

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use config::{Config, ConfigError};
pub use error::AppError;
pub use state::AppState;

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The whole application: API, pages, assets, health and metrics.
pub fn app(state: AppState) -> Router {
    let (api_router, openapi) = api::router().split_for_parts();
    let openapi = std::sync::Arc::new(openapi);
    Router::new()
        .merge(api_router)
        .merge(api::docs_router(openapi))
        .merge(pages::router())
        .merge(assets::router())
        .merge(metrics::router())
        .fallback(error::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(axum::middleware::from_fn(security::headers))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Opens everything `config` names and serves until the process is asked to stop.
pub async fn serve(config: Config) -> Result<(), ConfigError> {
    let state = config.open_state().await?;
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|source| ConfigError::Bind {
            addr: config.bind,
            source,
        })?;
    let local = listener.local_addr().map_err(|source| ConfigError::Bind {
        addr: config.bind,
        source,
    })?;
    tracing::info!("Steady is listening on http://{local}");
    let store = state.store.clone();
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|source| ConfigError::Bind {
            addr: config.bind,
            source,
        })?;
    store.close().await;
    tracing::info!("Steady has stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
