//! Per-owner data keys: made with the owner, wrapped by the master key, unwrapped on use.

use steady_core::ids::UserId;

use super::{on_db, to_millis, SqlStore};
use crate::crypto::{open, seal, Aad, DataKey, WrappedKey};
use crate::Result;

/// The data key version every new owner starts with.
pub(crate) const FIRST_VERSION: u32 = 1;

/// Where a sealed field lives; its identity is bound into the ciphertext.
pub(crate) struct Field<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub row_id: &'a str,
}

impl SqlStore {
    /// A fresh wrapped key for a new owner, to insert in the owner's creating transaction.
    pub(crate) fn new_wrapped_key(&self, owner: &str) -> WrappedKey {
        DataKey::generate(FIRST_VERSION).wrap(&self.master, owner)
    }

    /// Loads and unwraps the owner's current data key.
    pub(crate) async fn data_key(&self, owner: UserId) -> Result<DataKey> {
        let owner_id = owner.to_string();
        let row: Option<(i64, Vec<u8>)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT version, wrapped FROM data_keys WHERE owner_id = $1 \
                 ORDER BY version DESC LIMIT 1",
            )
            .bind(&owner_id)
            .fetch_optional(pool)
            .await?
        });
        let (version, wrapped) =
            row.ok_or_else(|| crate::StoreError::Corrupt("an account has no data key".to_owned()))?;
        let version = u32::try_from(version)
            .map_err(|_| crate::StoreError::Corrupt("bad data key version".to_owned()))?;
        Ok(DataKey::unwrap(
            &WrappedKey(wrapped),
            &self.master,
            &owner_id,
            version,
        )?)
    }

    pub(crate) fn key_row_values(
        owner: &str,
        wrapped: WrappedKey,
        now: chrono::DateTime<chrono::Utc>,
    ) -> (String, i64, Vec<u8>, i64) {
        (
            owner.to_owned(),
            i64::from(FIRST_VERSION),
            wrapped.0,
            to_millis(now),
        )
    }
}

/// Seals an optional text field for `owner`.
pub(crate) fn seal_opt(
    key: &DataKey,
    owner: &str,
    field: Field<'_>,
    text: Option<&str>,
) -> Option<Vec<u8>> {
    text.map(|t| {
        seal(
            key,
            t,
            Aad {
                table: field.table,
                column: field.column,
                row_id: field.row_id,
                owner_id: owner,
            },
        )
    })
}

/// Opens an optional sealed field for `owner`.
pub(crate) fn open_opt(
    key: &DataKey,
    owner: &str,
    field: Field<'_>,
    sealed: Option<&[u8]>,
) -> Result<Option<String>> {
    sealed
        .map(|s| {
            open(
                key,
                s,
                Aad {
                    table: field.table,
                    column: field.column,
                    row_id: field.row_id,
                    owner_id: owner,
                },
            )
            .map_err(Into::into)
        })
        .transpose()
}
