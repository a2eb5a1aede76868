//! Sessions and API tokens, found by the hash of their token.

use chrono::{DateTime, Utc};

use super::{from_millis, on_db, parse_id, to_millis, SqlStore};
use crate::records::{NewSession, SessionKind, SessionRecord};
use crate::{Result, StoreError};

impl SqlStore {
    pub(super) async fn create_session_impl(&self, s: NewSession) -> Result<()> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO sessions (id, user_id, token_hash, kind, label, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(s.id.to_string())
            .bind(s.user_id.to_string())
            .bind(&s.token_hash)
            .bind(s.kind.as_str())
            .bind(&s.label)
            .bind(to_millis(s.created_at))
            .bind(to_millis(s.expires_at))
            .execute(pool)
            .await
            .map_err(|e| StoreError::from_write(e, "session"))?;
        });
        Ok(())
    }

    pub(super) async fn session_by_token_hash_impl(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<SessionRecord>> {
        let row: Option<(String, String, String, i64, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT id, user_id, kind, created_at, expires_at FROM sessions \
                 WHERE token_hash = $1 AND expires_at > $2",
            )
            .bind(token_hash)
            .bind(to_millis(now))
            .fetch_optional(pool)
            .await?
        });
        row.map(|(id, user_id, kind, created_at, expires_at)| {
            Ok(SessionRecord {
                id: parse_id(&id)?,
                user_id: parse_id(&user_id)?,
                kind: SessionKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt("unknown session kind".to_owned()))?,
                created_at: from_millis(created_at)?,
                expires_at: from_millis(expires_at)?,
            })
        })
        .transpose()
    }

    pub(super) async fn delete_session_impl(&self, token_hash: &[u8]) -> Result<()> {
        on_db!(&self.db, pool => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
