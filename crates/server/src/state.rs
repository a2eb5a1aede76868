//! What every handler can reach.

use std::sync::Arc;

use steady_core::crisis::CrisisLines;
use steady_core::Clock;
use steady_store::{SqlStore, Store};

use crate::auth::throttle::SignInThrottle;
use crate::metrics::Metrics;

/// Shared, cheap to clone. Holds no per-person state: instances behind a load balancer agree.
#[derive(Clone, Debug)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub metrics: Arc<Metrics>,
    pub sign_in_throttle: Arc<SignInThrottle>,
    /// Whether cookies are marked `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// The crisis lines the crisis page lists: the shipped list or the operator's file.
    pub crisis_lines: Arc<CrisisLines>,
}

impl AppState {
    pub fn new(store: SqlStore, clock: Arc<dyn Clock>, secure_cookies: bool) -> Self {
        Self {
            store: Arc::new(store),
            clock,
            metrics: Arc::new(Metrics::new()),
            sign_in_throttle: Arc::new(SignInThrottle::default()),
            secure_cookies,
            crisis_lines: Arc::new(CrisisLines::default_lines()),
        }
    }

    /// Uses the operator's crisis lines instead of the shipped list.
    #[must_use]
    pub fn with_crisis_lines(mut self, lines: CrisisLines) -> Self {
        self.crisis_lines = Arc::new(lines);
        self
    }
}
