//! Reads shared by the per-person tables whose rows carry sealed fields (urges,
//! thoughts): one row by id, or a time-ordered page, opened with the owner's data key.

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use steady_core::ids::UserId;

use super::{on_db, to_millis, SqlStore};
use crate::crypto::DataKey;
use crate::records::ListQuery;
use crate::Result;

/// One table's name, its column list and how to open one of its rows.
pub(super) struct Table<R, T> {
    pub name: &'static str,
    pub columns: &'static str,
    pub open: fn(&DataKey, &str, R) -> Result<T>,
}

impl SqlStore {
    /// The row `id` of `owner` in `table`, opened.
    pub(super) async fn owned_row<R, T>(
        &self,
        table: &Table<R, T>,
        owner: UserId,
        id: String,
    ) -> Result<Option<T>>
    where
        R: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin,
    {
        let owner_id = owner.to_string();
        let sql = format!(
            "SELECT {} FROM {} WHERE user_id = $1 AND id = $2",
            table.columns, table.name
        );
        let row: Option<R> = on_db!(&self.db, pool => {
            sqlx::query_as(&sql)
                .bind(&owner_id)
                .bind(&id)
                .fetch_optional(pool)
                .await?
        });
        match row {
            None => Ok(None),
            Some(row) => {
                let key = self.data_key(owner).await?;
                (table.open)(&key, &owner_id, row).map(Some)
            }
        }
    }

    /// A page of `owner`'s rows in `table`, newest first, opened.
    pub(super) async fn owned_rows<R, T>(
        &self,
        table: &Table<R, T>,
        owner: UserId,
        query: ListQuery,
    ) -> Result<Vec<T>>
    where
        R: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin,
    {
        let owner_id = owner.to_string();
        let before = query.before.map_or(i64::MAX, to_millis);
        let since = query.since.map_or(i64::MIN, to_millis);
        let sql = format!(
            "SELECT {} FROM {} \
             WHERE user_id = $1 AND occurred_at < $2 AND occurred_at >= $3 \
             ORDER BY occurred_at DESC, id DESC LIMIT $4",
            table.columns, table.name
        );
        let rows: Vec<R> = on_db!(&self.db, pool => {
            sqlx::query_as(&sql)
                .bind(&owner_id)
                .bind(before)
                .bind(since)
                .bind(i64::from(query.limit))
                .fetch_all(pool)
                .await?
        });
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let key = self.data_key(owner).await?;
        rows.into_iter()
            .map(|row| (table.open)(&key, &owner_id, row))
            .collect()
    }
}
