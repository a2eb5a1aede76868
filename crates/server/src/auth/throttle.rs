//! Slows down password guessing: after too many failed sign-ins for one username, further
//! attempts are refused for a while. Kept in memory per instance; a restart forgets it.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// Failed attempts allowed in one window before sign-in pauses.
pub const MAX_FAILURES: u32 = 10;
/// The window, and the pause once it is full.
pub const WINDOW_MINUTES: i64 = 15;

#[derive(Debug, Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, (u32, DateTime<Utc>)>>,
}

impl SignInThrottle {
    /// `Some(minutes)` to wait when this username has failed too often recently.
    pub fn blocked_for(&self, username: &str, now: DateTime<Utc>) -> Option<i64> {
        let failures = self
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (count, since) = failures.get(username)?;
        let until = *since + Duration::minutes(WINDOW_MINUTES);
        (*count >= MAX_FAILURES && now < until).then(|| (until - now).num_minutes().max(1))
    }

    pub fn record_failure(&self, username: &str, now: DateTime<Utc>) {
        let mut failures = self
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if failures.len() > 100_000 {
            failures.retain(|_, (_, since)| now - *since < Duration::minutes(WINDOW_MINUTES));
        }
        let entry = failures.entry(username.to_owned()).or_insert((0, now));
        if now - entry.1 >= Duration::minutes(WINDOW_MINUTES) {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    pub fn record_success(&self, username: &str) {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(username);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_after_too_many_failures_and_recovers() {
        let t = DateTime::from_timestamp(1_780_000_000, 0).expect("time");
        let throttle = SignInThrottle::default();
        for _ in 0..MAX_FAILURES - 1 {
            throttle.record_failure("kim", t);
        }
        assert_eq!(throttle.blocked_for("kim", t), None);
        throttle.record_failure("kim", t);
        assert_eq!(throttle.blocked_for("kim", t), Some(WINDOW_MINUTES));
        assert_eq!(throttle.blocked_for("other", t), None);
        assert_eq!(
            throttle.blocked_for("kim", t + Duration::minutes(WINDOW_MINUTES)),
            None
        );
        throttle.record_failure("kim", t + Duration::minutes(WINDOW_MINUTES));
        assert_eq!(
            throttle.blocked_for("kim", t + Duration::minutes(WINDOW_MINUTES)),
            None
        );
        throttle.record_success("kim");
        assert_eq!(throttle.blocked_for("kim", t), None);
    }
}
