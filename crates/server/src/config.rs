//! How `steady serve` finds its data folder, database, master key and address.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use steady_core::crisis::CrisisLines;
use steady_core::SystemClock;
use steady_store::crypto::{MasterKey, MasterKeyError};
use steady_store::{SqlStore, StoreError};

use crate::AppState;

/// Where Steady keeps its data and how it listens.
#[derive(Clone)]
pub struct Config {
    pub bind: SocketAddr,
    /// Holds the SQLite database and the master key file unless told otherwise.
    pub data_dir: PathBuf,
    /// `postgres://...` for PostgreSQL; the embedded SQLite file when `None`.
    pub database_url: Option<String>,
    /// The master key file; `DATA_DIR/master.key` when `None`.
    pub key_file: Option<PathBuf>,
    /// Mark cookies `Secure`: set this when the site is reached over HTTPS.
    pub secure_cookies: bool,
    /// A crisis-lines file to use instead of the shipped list; `DATA_DIR/crisis_lines.json`
    /// is used when this is `None` and that file exists.
    pub crisis_lines: Option<PathBuf>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_deref().map(redact_url),
            )
            .field("key_file", &self.key_file)
            .field("secure_cookies", &self.secure_cookies)
            .field("crisis_lines", &self.crisis_lines)
            .finish()
    }
}

/// Why Steady could not start.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not create the data folder {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Key(#[from] MasterKeyError),
    // Not a `source`: the message already carries the cause, so it is printed once.
    #[error("could not open the database: {0}")]
    Store(StoreError),
    #[error("the crisis-lines file {path} could not be used: {message}")]
    CrisisLines { path: PathBuf, message: String },
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

impl From<StoreError> for ConfigError {
    fn from(e: StoreError) -> Self {
        ConfigError::Store(e)
    }
}

impl Config {
    pub fn key_path(&self) -> PathBuf {
        self.key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("master.key"))
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite:{}", self.data_dir.join("steady.db").display()))
    }

    /// Creates the data folder, loads or creates the key, opens and migrates the database.
    pub async fn open_state(&self) -> Result<AppState, ConfigError> {
        create_private_dir(&self.data_dir)?;
        tracing::info!("data folder: {}", self.data_dir.display());
        let key_path = self.key_path();
        let (key, created) = MasterKey::load_or_create(&key_path)?;
        if created {
            tracing::info!(
                "created a new master key at {} (mode 0600): back it up; without it the private text cannot be read",
                key_path.display()
            );
        } else {
            tracing::info!("master key: {}", key_path.display());
        }
        let url = self.database_url();
        let store = SqlStore::connect(&url, key).await?;
        tracing::info!("database: {} (schema up to date)", redact_url(&url));
        let state = AppState::new(store, Arc::new(SystemClock), self.secure_cookies);
        Ok(match self.load_crisis_lines()? {
            Some(lines) => state.with_crisis_lines(lines),
            None => state,
        })
    }

    /// The operator's crisis lines, if a file is named or `DATA_DIR/crisis_lines.json` exists.
    ///
    /// A file that is named but missing, unreadable or invalid stops start-up with a message
    /// that says what to fix: a crisis page with the wrong numbers is worse than none.
    pub fn load_crisis_lines(&self) -> Result<Option<CrisisLines>, ConfigError> {
        let path = match &self.crisis_lines {
            Some(path) => path.clone(),
            None => {
                let path = self.data_dir.join("crisis_lines.json");
                if !path.exists() {
                    tracing::info!("crisis lines: the shipped list");
                    return Ok(None);
                }
                path
            }
        };
        let err = |message: String| ConfigError::CrisisLines {
            path: path.clone(),
            message,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| err(e.to_string()))?;
        let lines = CrisisLines::parse(&text).map_err(|e| err(e.0))?;
        tracing::info!(
            "crisis lines: {} lines from {}",
            lines.lines.len() + 1,
            path.display()
        );
        Ok(Some(lines))
    }
}

fn create_private_dir(path: &Path) -> Result<(), ConfigError> {
    let err = |source| ConfigError::DataDir {
        path: path.to_owned(),
        source,
    };
    if path.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path).map_err(err)
}

/// A database URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let rest = &url[scheme_end + 3..];
    match (rest.find('@'), rest.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:[redacted]{}",
            &url[..scheme_end + 3],
            &rest[..colon],
            &rest[at..]
        ),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{redact_url, Config, ConfigError};

    fn config(dir: &std::path::Path, file: Option<std::path::PathBuf>) -> Config {
        Config {
            bind: "127.0.0.1:0".parse().expect("addr"),
            data_dir: dir.to_owned(),
            database_url: None,
            key_file: None,
            secure_cookies: false,
            crisis_lines: file,
        }
    }

    #[test]
    fn crisis_lines_come_from_the_operator_file_when_there_is_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(config(dir.path(), None)
            .load_crisis_lines()
            .expect("no file is fine")
            .is_none());

        let mut lines: serde_json::Value =
            serde_json::from_str(steady_core::crisis::DEFAULT_JSON).expect("json");
        lines["lines"][0]["name"] = "Local Line".into();
        std::fs::write(dir.path().join("crisis_lines.json"), lines.to_string()).expect("write");
        let loaded = config(dir.path(), None)
            .load_crisis_lines()
            .expect("valid")
            .expect("found in the data folder");
        assert_eq!(loaded.lines[0].name, "Local Line");

        let bad = dir.path().join("bad.json");
        lines["lines"][0]["contacts"][0]["value"] = "call us".into();
        std::fs::write(&bad, lines.to_string()).expect("write");
        let err = config(dir.path(), Some(bad))
            .load_crisis_lines()
            .expect_err("invalid");
        assert!(matches!(err, ConfigError::CrisisLines { .. }));
        assert!(err.to_string().contains("lines[0].contacts[0]"), "{err}");

        let missing = dir.path().join("missing.json");
        assert!(config(dir.path(), Some(missing))
            .load_crisis_lines()
            .is_err());
    }

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(
            redact_url("postgres://steady:s3cret@db:5432/steady"),
            "postgres://steady:[redacted]@db:5432/steady"
        );
        assert_eq!(
            redact_url("sqlite:/var/lib/steady.db"),
            "sqlite:/var/lib/steady.db"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
    }
}
