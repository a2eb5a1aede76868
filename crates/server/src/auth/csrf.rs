//! CSRF protection for every form.
//!
//! A signed-in form carries a token derived from the session token, which only the browser
//! holding the session cookie can know. Forms before sign-in (sign up, sign in) use a
//! double-submit cookie. Both cookies are `SameSite`, which already stops most cross-site posts.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::AppError;

/// The hidden form field that carries the token.
pub const FIELD: &str = "csrf";

/// The token that forms must carry for the given secret (session token or pre-auth cookie).
pub fn token_for(secret: &str) -> String {
    let digest = Sha256::new()
        .chain_update(b"steady csrf v1\0")
        .chain_update(secret.as_bytes())
        .finalize();
    URL_SAFE_NO_PAD.encode(&digest[..24])
}

/// Checks a submitted token against the secret, in constant time.
pub fn check(secret: Option<&str>, submitted: &str) -> Result<(), AppError> {
    let expected = secret.map(token_for);
    let ok = expected
        .as_deref()
        .is_some_and(|e| bool::from(e.as_bytes().ct_eq(submitted.as_bytes())));
    if ok {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "This form has expired or came from another site. Please go back, reload the page and try again; nothing was saved.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_matching_token_passes() {
        let t = token_for("session-secret");
        assert!(check(Some("session-secret"), &t).is_ok());
        assert!(check(Some("another-secret"), &t).is_err());
        assert!(check(None, &t).is_err());
        assert!(check(Some("session-secret"), "").is_err());
    }
}
