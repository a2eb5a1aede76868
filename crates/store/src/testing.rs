//! Test databases for this crate's tests and the server's: a SQLite file in a temporary folder
//! always, and a fresh PostgreSQL database when `STEADY_TEST_POSTGRES_URL` is set.

use sqlx::Connection;

use crate::crypto::MasterKey;
use crate::{Result, SqlStore};

/// The variable that names a PostgreSQL server for tests.
pub const POSTGRES_ENV: &str = "STEADY_TEST_POSTGRES_URL";

/// One empty database for one test.
#[derive(Debug)]
pub struct TestDb {
    /// What to pass to [`SqlStore::connect`].
    pub url: String,
    /// A short name for messages: "sqlite" or "postgres".
    pub name: &'static str,
    postgres: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    /// A SQLite database in a new temporary folder.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a temp dir: {e}"));
        let url = format!("sqlite:{}", dir.path().join("steady.db").display());
        Self {
            url,
            name: "sqlite",
            postgres: None,
            _dir: Some(dir),
        }
    }

    /// A new, empty PostgreSQL database, or `None` (with a notice) where none is configured.
    pub async fn postgres() -> Option<Self> {
        let Ok(admin_url) = std::env::var(POSTGRES_ENV) else {
            eprintln!(
                "notice: {POSTGRES_ENV} is not set; skipping the PostgreSQL run of this test"
            );
            return None;
        };
        let name = format!("steady_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {POSTGRES_ENV}: {e}"));
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
        conn.close().await.ok();
        Some(Self {
            url: with_database(&admin_url, &name),
            name: "postgres",
            postgres: Some((admin_url, name)),
            _dir: None,
        })
    }

    /// SQLite, then PostgreSQL where configured.
    pub async fn all() -> Vec<Self> {
        let mut dbs = vec![Self::sqlite()];
        dbs.extend(Self::postgres().await);
        dbs
    }

    /// A store on this database with a fixed test key.
    pub async fn store(&self) -> Result<SqlStore> {
        SqlStore::connect(&self.url, test_master_key()).await
    }

    /// The SQLite file, for tests that read the raw bytes.
    pub fn sqlite_path(&self) -> Option<std::path::PathBuf> {
        self._dir.as_ref().map(|d| d.path().join("steady.db"))
    }

    /// Drops the PostgreSQL database; the SQLite folder goes when this value drops.
    pub async fn teardown(self) {
        if let Some((admin_url, name)) = &self.postgres {
            if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
                conn.close().await.ok();
            }
        }
    }
}

/// The master key tests use.
pub fn test_master_key() -> MasterKey {
    MasterKey::from_bytes([7u8; 32])
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h:1?sslmode=disable", "x"),
            "postgres://u@h:1/x?sslmode=disable"
        );
    }
}
