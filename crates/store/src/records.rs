//! Plain records that cross the store's boundary.

use std::fmt;

use chrono::{DateTime, Utc};
use steady_core::account::Account;
use steady_core::ids::{SessionId, UserId};

/// A new account as the store receives it: the password is already hashed.
#[derive(Clone)]
pub struct NewUser {
    pub id: UserId,
    pub username: String,
    pub password_hash: String,
    pub time_zone: String,
    pub now: DateTime<Utc>,
}

impl fmt::Debug for NewUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewUser")
            .field("id", &self.id)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// An account with its password hash, for signing in.
#[derive(Clone)]
pub struct UserRecord {
    pub account: Account,
    pub password_hash: String,
}

impl fmt::Debug for UserRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserRecord")
            .field("account", &self.account)
            .finish_non_exhaustive()
    }
}

/// A browser session or an API token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    Web,
    Api,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Web => "web",
            SessionKind::Api => "api",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "web" => Some(SessionKind::Web),
            "api" => Some(SessionKind::Api),
            _ => None,
        }
    }
}

/// A session to record; only the token's hash is kept.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub id: SessionId,
    pub user_id: UserId,
    pub token_hash: Vec<u8>,
    pub kind: SessionKind,
    /// Where it was made ("browser", "cli"), for the person's own list of sign-ins.
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A live session.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub id: SessionId,
    pub user_id: UserId,
    pub kind: SessionKind,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Which entries of a time-ordered list (urges, thought records) to return, newest first.
#[derive(Debug, Clone, Copy)]
pub struct ListQuery {
    /// Only entries that happened before this time.
    pub before: Option<DateTime<Utc>>,
    /// Only entries that happened at or after this time.
    pub since: Option<DateTime<Utc>>,
    pub limit: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self {
            before: None,
            since: None,
            limit: 50,
        }
    }
}
