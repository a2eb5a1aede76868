//! Steady's storage: one [`Store`] trait, backed by SQLite or PostgreSQL, with private free text
//! sealed before it reaches either.
//!
//! Every row carries its owner. Multi-statement writes run in one transaction.

pub mod crypto;
mod error;
mod records;
mod sql;
pub mod testing;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use steady_core::account::Account;
use steady_core::assessment::{Assessment, InstrumentId};
use steady_core::ids::{AssessmentId, ThoughtId, UrgeId, UserId};
use steady_core::thought::ThoughtRecord;
use steady_core::urge::Urge;

pub use error::StoreError;
pub use records::{ListQuery, NewSession, NewUser, SessionKind, SessionRecord, UserRecord};
pub use sql::{Backend, SqlStore};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Everything Steady keeps. Methods that take an `owner` only ever see that owner's rows.
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug + 'static {
    /// Which database this is, for logs and metrics.
    fn backend(&self) -> Backend;
    /// Succeeds when the database answers.
    async fn ping(&self) -> Result<()>;
    /// Closes every connection, waiting for work in flight.
    async fn close(&self);

    /// Creates an account and its data key; `Conflict` if the username is taken.
    async fn create_user(&self, user: NewUser) -> Result<Account>;
    async fn user(&self, id: UserId) -> Result<Option<Account>>;
    async fn user_by_username(&self, username: &str) -> Result<Option<UserRecord>>;
    async fn set_time_zone(&self, id: UserId, time_zone: &str) -> Result<()>;
    /// Deletes an account and everything it owns, in one transaction.
    async fn delete_user(&self, id: UserId) -> Result<()>;

    async fn create_session(&self, session: NewSession) -> Result<()>;
    /// The live session whose token hashes to `token_hash`, if any.
    async fn session_by_token_hash(
        &self,
        token_hash: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Option<SessionRecord>>;
    async fn delete_session(&self, token_hash: &[u8]) -> Result<()>;

    async fn insert_urge(&self, owner: UserId, urge: &Urge) -> Result<()>;
    async fn urge(&self, owner: UserId, id: UrgeId) -> Result<Option<Urge>>;
    /// Newest first.
    async fn list_urges(&self, owner: UserId, query: ListQuery) -> Result<Vec<Urge>>;
    /// Replaces an entry; `false` if the owner has no such entry.
    async fn update_urge(&self, owner: UserId, urge: &Urge) -> Result<bool>;
    /// `false` if the owner has no such entry.
    async fn delete_urge(&self, owner: UserId, id: UrgeId) -> Result<bool>;

    /// Stores a newly started questionnaire.
    async fn insert_assessment(&self, owner: UserId, assessment: &Assessment) -> Result<()>;
    async fn assessment(&self, owner: UserId, id: AssessmentId) -> Result<Option<Assessment>>;
    /// Saves answers (and, on submission, status, scores and completion time) over one still
    /// in progress; `false` if the owner has no such assessment in progress. A completed
    /// one never changes.
    async fn update_assessment(&self, owner: UserId, assessment: &Assessment) -> Result<bool>;
    /// Completed assessments, of one instrument or all, oldest first.
    async fn completed_assessments(
        &self,
        owner: UserId,
        instrument: Option<InstrumentId>,
    ) -> Result<Vec<Assessment>>;
    /// Assessments started and not yet submitted, most recently touched first.
    async fn assessments_in_progress(&self, owner: UserId) -> Result<Vec<Assessment>>;
    /// `false` if the owner has no such assessment.
    async fn delete_assessment(&self, owner: UserId, id: AssessmentId) -> Result<bool>;

    async fn insert_thought(&self, owner: UserId, record: &ThoughtRecord) -> Result<()>;
    async fn thought(&self, owner: UserId, id: ThoughtId) -> Result<Option<ThoughtRecord>>;
    /// Newest first, by when the situation happened.
    async fn list_thoughts(&self, owner: UserId, query: ListQuery) -> Result<Vec<ThoughtRecord>>;
    /// Replaces a record; `false` if the owner has no such record.
    async fn update_thought(&self, owner: UserId, record: &ThoughtRecord) -> Result<bool>;
    /// `false` if the owner has no such record.
    async fn delete_thought(&self, owner: UserId, id: ThoughtId) -> Result<bool>;
}
