//! Times as the person lives them: their own time zone, their own days.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone an account counts its days in; UTC if the stored name is somehow unknown.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// The value of a `datetime-local` input for `t`.
pub fn to_input(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

/// Reads a `datetime-local` value in `tz`.
pub fn from_input(raw: &str, tz: Tz) -> Result<DateTime<Utc>, &'static str> {
    let raw = raw.trim();
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| "Please give a date and time, such as 2026-05-28 14:30.")?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or("That time was skipped when the clocks changed; please pick a time a little later.")
}

/// The clock time of `t` in `tz`, such as `14:05`.
pub fn clock_time(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%H:%M").to_string()
}

/// The local day of `t`.
pub fn day(t: DateTime<Utc>, tz: Tz) -> NaiveDate {
    t.with_timezone(&tz).date_naive()
}

/// "Today", "Yesterday", "Mon 23 Nov", or with the year when it is not this year.
pub fn day_label(day: NaiveDate, today: NaiveDate) -> String {
    if day == today {
        "Today".to_owned()
    } else if today.pred_opt() == Some(day) {
        "Yesterday".to_owned()
    } else if day.year() == today.year() {
        day.format("%a %-d %b").to_string()
    } else {
        day.format("%a %-d %b %Y").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().expect("valid time")
    }

    #[test]
    fn days_are_local() {
        let tz = zone("America/New_York");
        // 02:30 UTC is still the evening before in New York.
        let t = utc("2026-11-24T02:30:00Z");
        assert_eq!(
            day(t, tz),
            NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
        );
        assert_eq!(clock_time(t, tz), "21:30");
    }

    #[test]
    fn labels_read_naturally() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        assert_eq!(day_label(today, today), "Today");
        assert_eq!(
            day_label(today.pred_opt().expect("date"), today),
            "Yesterday"
        );
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(day_label(monday, today), "Mon 23 Nov");
        let last_year = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
        assert_eq!(day_label(last_year, today), "Wed 31 Dec 2025");
    }

    #[test]
    fn input_values_round_trip_in_the_zone() {
        let tz = zone("Europe/Berlin");
        let t = utc("2026-05-28T12:30:00Z");
        assert_eq!(to_input(t, tz), "2026-05-28T14:30");
        assert_eq!(from_input("2026-05-28T14:30", tz), Ok(t));
        assert!(from_input("yesterday", tz).is_err());
        // 02:30 on the last Sunday of March does not exist in Berlin.
        assert!(from_input("2026-03-29T02:30", tz).is_err());
    }

    #[test]
    fn unknown_zones_fall_back_to_utc() {
        assert_eq!(zone("Mars/Olympus"), Tz::UTC);
    }
}
