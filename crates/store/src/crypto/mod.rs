//! Encryption at rest: a master key wraps one random data key per owner; data keys seal fields.
//!
//! Every sealed value starts with a version byte and the id of the key that sealed it, so a key
//! can be rotated by re-wrapping data keys without touching the rows. XChaCha20-Poly1305 with a
//! random 24-byte nonce; the row's identity is bound in as associated data, so a value copied
//! into another row, column or account fails to open.

mod master;
mod sealed;

pub use master::{MasterKey, MasterKeyError};
pub use sealed::{open, seal, Aad, DataKey, WrappedKey};

/// Why a sealed value could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CryptoError {
    #[error("the sealed value is too short or has an unknown format")]
    Malformed,
    #[error("the sealed value was made with a key this server does not hold")]
    UnknownKey,
    #[error("the sealed value failed its integrity check")]
    Integrity,
}
