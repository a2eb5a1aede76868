//! The checking-loop rule for thought records.
//!
//! Challenging a thought helps; challenging the *same* thought again and again in one day can
//! become a new way of seeking reassurance. When the same thought has been written down
//! [`LOOP_AT`] or more times in the person's local day (counting the one just saved), the app
//! shows one gentle note. It never blocks anything.
//!
//! "The same thought" means: equal after folding case, punctuation and spacing, or sharing at
//! least [`SIMILAR_AT`] of their words (Jaccard overlap of the word sets), so "He hasn't texted,
//! he must be losing interest" and "he hasnt texted back... he must be losing interest in me"
//! count as one.
//!
//! Thoughts are encrypted at rest, so the server opens the person's records for the day (a
//! bounded number) and compares them here; nothing about the text is stored in the clear.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// How many times the same thought in one day brings the note.
pub const LOOP_AT: usize = 3;

/// Word overlap from which two thoughts count as the same.
pub const SIMILAR_AT: f64 = 0.6;

/// The note shown when the rule fires: warm, never a block.
pub const LOOP_NOTE: &str = "You have come back to this same thought several times today. \
That makes sense when something hurts. Going over it again and again can also become a way of \
seeking reassurance (the checking loop), and each round tends to soothe for less time. It may \
help to set it down for now: notice the urge, let it be there, and come back to this record \
tomorrow, or try the delay ladder. Nothing is blocked; this is only a note.";

/// Common contractions, written out, so "she's" and "she is" are the same words.
const CONTRACTIONS: &[(&str, &str)] = &[
    ("shes", "she is"),
    ("hes", "he is"),
    ("its", "it is"),
    ("im", "i am"),
    ("ive", "i have"),
    ("youre", "you are"),
    ("theyre", "they are"),
    ("thats", "that is"),
    ("whats", "what is"),
    ("dont", "do not"),
    ("doesnt", "does not"),
    ("didnt", "did not"),
    ("isnt", "is not"),
    ("arent", "are not"),
    ("wasnt", "was not"),
    ("hasnt", "has not"),
    ("havent", "have not"),
    ("wont", "will not"),
    ("cant", "can not"),
    ("cannot", "can not"),
    ("wouldnt", "would not"),
    ("shouldnt", "should not"),
];

/// Folds case, punctuation, spacing and common contractions: "She's  gone!!" and "she is
/// gone" match.
pub fn normalize(text: &str) -> String {
    let folded = fold(text);
    folded
        .split(' ')
        .map(|w| {
            CONTRACTIONS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || !matches!(c, '\'' | '\u{2019}') {
            space = true;
        }
    }
    out
}

fn words(normalized: &str) -> BTreeSet<&str> {
    normalized.split(' ').filter(|w| !w.is_empty()).collect()
}

/// Whether two thoughts are, for this rule, the same thought.
pub fn same_thought(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (wa, wb) = (words(&a), words(&b));
    let shared = wa.intersection(&wb).count();
    let all = wa.union(&wb).count();
    #[allow(clippy::cast_precision_loss)] // word counts are small
    let overlap = shared as f64 / all as f64;
    overlap >= SIMILAR_AT
}

/// The note, when `thought` plus the matching ones among `others_today` (the person's other
/// records from the same local day) reach [`LOOP_AT`].
pub fn loop_note<'a>(
    thought: &str,
    others_today: impl IntoIterator<Item = &'a str>,
) -> Option<&'static str> {
    let repeats = others_today
        .into_iter()
        .filter(|other| same_thought(thought, other))
        .count();
    (repeats + 1 >= LOOP_AT).then_some(LOOP_NOTE)
}

/// The start and end (UTC) of the local day that contains `now` in `time_zone`.
///
/// An unknown zone counts as UTC; a midnight skipped by a clock change falls back to the
/// 24 hours before `now`.
pub fn local_day(now: DateTime<Utc>, time_zone: &str) -> (DateTime<Utc>, DateTime<Utc>) {
    let tz: Tz = time_zone.parse().unwrap_or(Tz::UTC);
    let local = now.with_timezone(&tz).date_naive();
    let start = tz
        .from_local_datetime(&local.and_time(NaiveTime::MIN))
        .earliest()
        .map_or(now - Duration::hours(24), |t| t.with_timezone(&Utc));
    let end = local
        .succ_opt()
        .and_then(|next| {
            tz.from_local_datetime(&next.and_time(NaiveTime::MIN))
                .earliest()
        })
        .map_or(now + Duration::hours(24), |t| t.with_timezone(&Utc));
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_folds_case_punctuation_and_space() {
        assert_eq!(normalize("  He's  GONE!!  Why?"), "he is gone why");
        assert_eq!(normalize("he’s gone—why"), "he is gone why");
        assert_eq!(normalize("Hasnt replied"), "has not replied");
        assert_eq!(normalize("...!"), "");
    }

    #[test]
    fn the_same_thought_in_other_words_still_matches() {
        let a = "He hasn't texted, he must be losing interest";
        assert!(same_thought(
            a,
            "he hasnt texted... HE MUST BE LOSING INTEREST"
        ));
        assert!(same_thought(
            a,
            "He hasn't texted back, he must be losing interest in me"
        ));
        assert!(!same_thought(a, "I am worried about the exam tomorrow"));
        assert!(!same_thought(a, "  "));
        assert!(!same_thought("", ""));
    }

    #[test]
    fn the_note_comes_on_the_third_time_and_not_before() {
        let t = "She is going to leave me";
        assert_eq!(loop_note(t, []), None);
        assert_eq!(loop_note(t, ["she's going to leave me!"]), None);
        assert_eq!(
            loop_note(t, ["she's going to leave me!", "Something else entirely"]),
            None
        );
        assert_eq!(
            loop_note(t, ["she's going to leave me!", "SHE IS GOING TO LEAVE ME"]),
            Some(LOOP_NOTE)
        );
        assert!(!LOOP_NOTE.to_lowercase().contains("must"));
    }

    #[test]
    fn the_local_day_follows_the_time_zone() {
        // 2026-05-28 22:30 UTC is 2026-05-29 00:30 in Berlin (summer time, UTC+2).
        let now = DateTime::parse_from_rfc3339("2026-05-28T22:30:00Z")
            .expect("valid")
            .with_timezone(&Utc);
        let (start, end) = local_day(now, "Europe/Berlin");
        assert_eq!(start.to_rfc3339(), "2026-05-28T22:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2026-05-29T22:00:00+00:00");
        let (start, _) = local_day(now, "Not/AZone");
        assert_eq!(start.to_rfc3339(), "2026-05-28T00:00:00+00:00");
    }
}
