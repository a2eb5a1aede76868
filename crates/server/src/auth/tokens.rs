//! Session and API tokens: random, shown once, stored only as a SHA-256 hash.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Duration;
use rand::RngCore;
use sha2::{Digest, Sha256};
use steady_core::ids::{SessionId, UserId};
use steady_store::{NewSession, SessionKind};

use crate::{AppError, AppState};

/// How long a browser stays signed in.
pub const WEB_SESSION_DAYS: i64 = 30;
/// How long an API token lasts.
pub const API_TOKEN_DAYS: i64 = 365;

const PREFIX: &str = "stdy_";

/// A new random token.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database keeps of a token.
pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Starts a session of `kind` for `user` and returns its token, which is never stored.
pub async fn issue(
    state: &AppState,
    user: UserId,
    kind: SessionKind,
    label: &str,
) -> Result<(String, chrono::DateTime<chrono::Utc>), AppError> {
    let token = generate();
    let now = state.clock.now();
    let days = match kind {
        SessionKind::Web => WEB_SESSION_DAYS,
        SessionKind::Api => API_TOKEN_DAYS,
    };
    let expires_at = now + Duration::days(days);
    state
        .store
        .create_session(NewSession {
            id: SessionId::new(),
            user_id: user,
            token_hash: hash(&token),
            kind,
            label: label.chars().take(60).collect(),
            created_at: now,
            expires_at,
        })
        .await?;
    Ok((token, expires_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hash_stably() {
        let a = generate();
        let b = generate();
        assert_ne!(a, b);
        assert!(a.starts_with(PREFIX));
        assert_eq!(hash(&a), hash(&a));
        assert_ne!(hash(&a), hash(&b));
        assert_eq!(hash(&a).len(), 32);
    }
}
