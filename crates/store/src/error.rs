//! What can go wrong in storage, in kinds a caller can act on.

use crate::crypto::CryptoError;

/// A storage failure. Messages never contain private text.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("already exists: {0}")]
    Conflict(&'static str),
    #[error(
        "the master key does not match this database (fingerprint {expected} expected, {found} given). \
         Start with the key file this database was created with, or restore it from your backup"
    )]
    WrongMasterKey { expected: String, found: String },
    #[error("a stored private value could not be opened: {0}")]
    Crypto(#[from] CryptoError),
    #[error("a stored row is not in the expected form: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("could not bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    pub(crate) fn from_write(e: sqlx::Error, what: &'static str) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(what),
            _ => StoreError::Database(e),
        }
    }
}
