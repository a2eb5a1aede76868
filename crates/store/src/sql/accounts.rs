//! Accounts: created with their data key in one transaction; deleted with everything they own.

use steady_core::account::Account;
use steady_core::ids::UserId;

use super::{on_db, parse_id, to_millis, SqlStore};
use crate::records::{NewUser, UserRecord};
use crate::{Result, StoreError};

/// Tables holding an owner's rows, deleted children first.
const OWNED_TABLES: &[&str] = &["urges", "thoughts", "assessments", "sessions"];

impl SqlStore {
    pub(super) async fn create_user_impl(&self, user: NewUser) -> Result<Account> {
        let id = user.id.to_string();
        let (owner, version, wrapped, created) =
            Self::key_row_values(&id, self.new_wrapped_key(&id), user.now);
        let now = to_millis(user.now);
        on_db!(&self.db, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO users (id, username, password_hash, time_zone, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $5)",
            )
            .bind(&id)
            .bind(&user.username)
            .bind(&user.password_hash)
            .bind(&user.time_zone)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::from_write(e, "that username is taken"))?;
            sqlx::query(
                "INSERT INTO data_keys (owner_id, version, wrapped, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(&owner)
            .bind(version)
            .bind(&wrapped)
            .bind(created)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(Account {
            id: user.id,
            username: user.username,
            time_zone: user.time_zone,
        })
    }

    pub(super) async fn user_impl(&self, id: UserId) -> Result<Option<Account>> {
        let row: Option<(String, String, String)> = on_db!(&self.db, pool => {
            sqlx::query_as("SELECT id, username, time_zone FROM users WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(pool)
                .await?
        });
        row.map(|(id, username, time_zone)| {
            Ok(Account {
                id: parse_id(&id)?,
                username,
                time_zone,
            })
        })
        .transpose()
    }

    pub(super) async fn user_by_username_impl(&self, username: &str) -> Result<Option<UserRecord>> {
        let row: Option<(String, String, String, String)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT id, username, time_zone, password_hash FROM users WHERE username = $1",
            )
            .bind(username)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(id, username, time_zone, password_hash)| {
            Ok(UserRecord {
                account: Account {
                    id: parse_id(&id)?,
                    username,
                    time_zone,
                },
                password_hash,
            })
        })
        .transpose()
    }

    pub(super) async fn set_time_zone_impl(&self, id: UserId, time_zone: &str) -> Result<()> {
        on_db!(&self.db, pool => {
            sqlx::query("UPDATE users SET time_zone = $1 WHERE id = $2")
                .bind(time_zone)
                .bind(id.to_string())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub(super) async fn delete_user_impl(&self, id: UserId) -> Result<()> {
        let id = id.to_string();
        on_db!(&self.db, pool => {
            let mut tx = pool.begin().await?;
            for table in OWNED_TABLES {
                sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("DELETE FROM data_keys WHERE owner_id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM users WHERE id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }
}
