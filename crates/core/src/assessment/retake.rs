//! When to offer a re-take. Scores move slowly (test-retest stability is moderate), so
//! a re-take is offered after some weeks, never pushed: no reminders, no nagging.

use chrono::{DateTime, TimeDelta, Utc};

/// A re-take is offered once at least this many days (8 weeks) have passed.
pub const RETAKE_AFTER_DAYS: i64 = 56;

/// The moment from which a re-take is offered.
pub fn retake_available_from(last_taken: DateTime<Utc>) -> DateTime<Utc> {
    last_taken + TimeDelta::days(RETAKE_AFTER_DAYS)
}

/// Whether to offer a re-take now: at least [`RETAKE_AFTER_DAYS`] days after the last
/// time. An offer the person can ignore, not a reminder.
pub fn retake_offered(last_taken: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= retake_available_from(last_taken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        match Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single() {
            Some(t) => t,
            None => panic!("bad test date"),
        }
    }

    #[test]
    fn offered_from_exactly_eight_weeks_on() {
        let taken = at(2026, 1, 10, 9);
        assert!(!retake_offered(taken, taken));
        assert!(!retake_offered(taken, at(2026, 2, 10, 9)));
        assert!(
            !retake_offered(taken, at(2026, 3, 7, 8)),
            "an hour short of 56 days"
        );
        assert_eq!(retake_available_from(taken), at(2026, 3, 7, 9));
        assert!(retake_offered(taken, at(2026, 3, 7, 9)));
        assert!(retake_offered(taken, at(2027, 1, 1, 0)));
    }

    #[test]
    fn a_clock_set_back_never_offers() {
        let taken = at(2026, 5, 1, 12);
        assert!(!retake_offered(taken, at(2025, 1, 1, 0)));
    }
}
