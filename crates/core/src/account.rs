//! Accounts: the rules for usernames, passwords and time zones.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::UserId;
use crate::validation::ValidationError;

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 1_024;

/// A person's account, without secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Account {
    pub id: UserId,
    pub username: String,
    /// IANA time zone name, such as `Europe/Berlin`; days and weeks are counted in it.
    pub time_zone: String,
}

/// Checks and normalises a username: 3 to 40 letters, digits, `.`, `_` or `-`, stored lowercase.
pub fn normalize_username(raw: &str) -> Result<String, ValidationError> {
    let name = raw.trim().to_lowercase();
    let len = name.chars().count();
    if !(3..=40).contains(&len) {
        return Err(ValidationError::new(
            "username",
            "should be 3 to 40 characters long",
        ));
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(ValidationError::new(
            "username",
            "may use letters, digits, '.', '_' and '-' only",
        ));
    }
    Ok(name)
}

/// Checks a new password's length; nothing about it is stored but its hash.
pub fn check_password(password: &str) -> Result<(), ValidationError> {
    let len = password.chars().count();
    if len < MIN_PASSWORD_CHARS {
        return Err(ValidationError::new(
            "password",
            format!(
                "should be at least {MIN_PASSWORD_CHARS} characters; a short sentence works well"
            ),
        ));
    }
    if len > MAX_PASSWORD_CHARS {
        return Err(ValidationError::new(
            "password",
            format!("should be at most {MAX_PASSWORD_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Parses an IANA time-zone name.
pub fn parse_time_zone(name: &str) -> Result<Tz, ValidationError> {
    name.trim().parse::<Tz>().map_err(|_| {
        ValidationError::new(
            "time_zone",
            "is not a time zone name we know; use a name such as Europe/London or America/New_York",
        )
    })
}

/// All time-zone names, for a picker.
pub fn time_zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(normalize_username("  Sam.Lee "), Ok("sam.lee".to_owned()));
        assert!(normalize_username("ab").is_err());
        assert!(normalize_username("has space").is_err());
        assert!(normalize_username(&"a".repeat(41)).is_err());
    }

    #[test]
    fn passwords_need_a_reasonable_length() {
        assert!(check_password("short").is_err());
        assert!(check_password("a calm long sentence").is_ok());
    }

    #[test]
    fn time_zones_are_iana_names() {
        assert!(parse_time_zone("Europe/Berlin").is_ok());
        assert_eq!(
            parse_time_zone("Mars/Olympus").expect_err("unknown").field,
            "time_zone"
        );
        assert!(time_zone_names().any(|n| n == "America/New_York"));
    }
}
