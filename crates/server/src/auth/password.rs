//! Argon2id password hashes. Hashing is slow on purpose, so it runs off the async threads.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::AppError;

/// Hashes a password with Argon2id and a random salt.
pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::BadRequest(format!("could not hash the password: {e}")))
    })
    .await
    .map_err(AppError::internal)?
}

/// A hash of a random password, checked against when the username is unknown so that the
/// answer takes as long as for a real account.
static DECOY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    let random = crate::auth::tokens::generate();
    Argon2::default()
        .hash_password(random.as_bytes(), &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Checks `password` against `stored`, or against a decoy when there is no account.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let exists = stored.is_some();
        let stored = stored.unwrap_or_else(|| DECOY_HASH.clone());
        let ok = PasswordHash::new(&stored)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        Ok(ok && exists)
    })
    .await
    .map_err(AppError::internal)?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_only_the_same_password() {
        let h = hash("a calm long sentence".to_owned())
            .await
            .expect("hashed");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("a calm long sentence".to_owned(), Some(h.clone()))
            .await
            .expect("ran"));
        assert!(!verify("another sentence".to_owned(), Some(h))
            .await
            .expect("ran"));
        assert!(!verify("anything".to_owned(), None).await.expect("ran"));
    }
}
