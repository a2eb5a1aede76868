//! The SQL store: the same statements on SQLite and PostgreSQL wherever their dialects agree.
//!
//! Each method's body is written once and expanded for both pools by [`on_db!`], so both
//! backends run the same, tested code; a backend-specific statement goes in its own arm.

mod accounts;
mod assessments;
mod keys;
mod owned;
mod sessions;
mod thoughts;
mod urges;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use steady_core::account::Account;
use steady_core::assessment::{Assessment, InstrumentId};
use steady_core::ids::{AssessmentId, ThoughtId, UrgeId, UserId};
use steady_core::thought::ThoughtRecord;
use steady_core::urge::Urge;

use crate::crypto::MasterKey;
use crate::records::{ListQuery, NewSession, NewUser, SessionRecord, UserRecord};
use crate::{Result, Store, StoreError};

/// Runs `$body` with `$pool` bound to whichever pool this store has.
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::sql::Db::Sqlite($pool) => $body,
            $crate::sql::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_db;

/// Which database a store uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The store over a SQL database.
#[derive(Debug, Clone)]
pub struct SqlStore {
    pub(crate) db: Db,
    pub(crate) master: Arc<MasterKey>,
}

impl SqlStore {
    /// Connects to `url` (`sqlite:PATH` or `postgres://...`), brings the schema up to date and
    /// checks that `master` is the key this database was created with.
    pub async fn connect(url: &str, master: MasterKey) -> Result<Self> {
        let db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            sqlx::migrate!("./migrations/postgres").run(&pool).await?;
            Db::Postgres(pool)
        } else {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL syncs the log on every commit: an acknowledged write survives a crash.
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true);
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .connect_with(options)
                .await?;
            sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
            Db::Sqlite(pool)
        };
        let store = Self {
            db,
            master: Arc::new(master),
        };
        store.check_master_key().await?;
        Ok(store)
    }

    async fn check_master_key(&self) -> Result<()> {
        let found = self.master.fingerprint();
        let expected: Option<String> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT value FROM meta WHERE key = 'master_key_fingerprint'")
                .fetch_optional(pool)
                .await?
        });
        match expected {
            Some(expected) if expected == found => Ok(()),
            Some(expected) => Err(StoreError::WrongMasterKey { expected, found }),
            None => {
                on_db!(&self.db, pool => {
                    sqlx::query(
                        "INSERT INTO meta (key, value) VALUES ('master_key_fingerprint', $1) \
                         ON CONFLICT (key) DO NOTHING",
                    )
                    .bind(&found)
                    .execute(pool)
                    .await?;
                });
                // Another instance may have written first: check again.
                Box::pin(self.check_master_key()).await
            }
        }
    }
}

pub(crate) fn to_millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn from_millis(ms: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp {ms} out of range")))
}

pub(crate) fn parse_id<T: FromStr>(text: &str) -> Result<T> {
    text.parse()
        .map_err(|_| StoreError::Corrupt("an id is not a UUID".to_owned()))
}

#[async_trait]
impl Store for SqlStore {
    fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    async fn ping(&self) -> Result<()> {
        on_db!(&self.db, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    async fn close(&self) {
        on_db!(&self.db, pool => pool.close().await);
    }

    async fn create_user(&self, user: NewUser) -> Result<Account> {
        self.create_user_impl(user).await
    }

    async fn user(&self, id: UserId) -> Result<Option<Account>> {
        self.user_impl(id).await
    }

    async fn user_by_username(&self, username: &str) -> Result<Option<UserRecord>> {
        self.user_by_username_impl(username).await
    }

    async fn set_time_zone(&self, id: UserId, time_zone: &str) -> Result<()> {
        self.set_time_zone_impl(id, time_zone).await
    }

    async fn delete_user(&self, id: UserId) -> Result<()> {
        self.delete_user_impl(id).await
    }

    async fn create_session(&self, session: NewSession) -> Result<()> {
        self.create_session_impl(session).await
    }

    async fn session_by_token_hash(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<SessionRecord>> {
        self.session_by_token_hash_impl(token_hash, now).await
    }

    async fn delete_session(&self, token_hash: &[u8]) -> Result<()> {
        self.delete_session_impl(token_hash).await
    }

    async fn insert_urge(&self, owner: UserId, urge: &Urge) -> Result<()> {
        self.insert_urge_impl(owner, urge).await
    }

    async fn urge(&self, owner: UserId, id: UrgeId) -> Result<Option<Urge>> {
        self.urge_impl(owner, id).await
    }

    async fn list_urges(&self, owner: UserId, query: ListQuery) -> Result<Vec<Urge>> {
        self.list_urges_impl(owner, query).await
    }

    async fn update_urge(&self, owner: UserId, urge: &Urge) -> Result<bool> {
        self.update_urge_impl(owner, urge).await
    }

    async fn delete_urge(&self, owner: UserId, id: UrgeId) -> Result<bool> {
        self.delete_urge_impl(owner, id).await
    }

    async fn insert_assessment(&self, owner: UserId, assessment: &Assessment) -> Result<()> {
        self.insert_assessment_impl(owner, assessment).await
    }

    async fn assessment(&self, owner: UserId, id: AssessmentId) -> Result<Option<Assessment>> {
        self.assessment_impl(owner, id).await
    }

    async fn update_assessment(&self, owner: UserId, assessment: &Assessment) -> Result<bool> {
        self.update_assessment_impl(owner, assessment).await
    }

    async fn completed_assessments(
        &self,
        owner: UserId,
        instrument: Option<InstrumentId>,
    ) -> Result<Vec<Assessment>> {
        self.completed_assessments_impl(owner, instrument).await
    }

    async fn assessments_in_progress(&self, owner: UserId) -> Result<Vec<Assessment>> {
        self.assessments_in_progress_impl(owner).await
    }

    async fn delete_assessment(&self, owner: UserId, id: AssessmentId) -> Result<bool> {
        self.delete_assessment_impl(owner, id).await
    }

    async fn insert_thought(&self, owner: UserId, record: &ThoughtRecord) -> Result<()> {
        self.insert_thought_impl(owner, record).await
    }

    async fn thought(&self, owner: UserId, id: ThoughtId) -> Result<Option<ThoughtRecord>> {
        self.thought_impl(owner, id).await
    }

    async fn list_thoughts(&self, owner: UserId, query: ListQuery) -> Result<Vec<ThoughtRecord>> {
        self.list_thoughts_impl(owner, query).await
    }

    async fn update_thought(&self, owner: UserId, record: &ThoughtRecord) -> Result<bool> {
        self.update_thought_impl(owner, record).await
    }

    async fn delete_thought(&self, owner: UserId, id: ThoughtId) -> Result<bool> {
        self.delete_thought_impl(owner, id).await
    }
}
