//! The store's conformance tests: each runs on SQLite and, where configured, on PostgreSQL.

mod accounts;
mod assessments;
mod encryption;
mod migrations;
mod thoughts;
mod urges;

use std::future::Future;

use chrono::{DateTime, Duration, Utc};
use steady_core::ids::UserId;
use steady_store::testing::TestDb;
use steady_store::{NewUser, SqlStore, Store};

/// Runs `test` once per configured backend, each on an empty database.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(SqlStore, &'static str) -> Fut,
    Fut: Future<Output = ()>,
{
    for db in TestDb::all().await {
        let store = db.store().await.expect("store opens");
        test(store.clone(), db.name).await;
        store.close().await;
        db.teardown().await;
    }
}

pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).expect("valid time")
}

pub fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}

pub async fn new_user(store: &dyn Store, name: &str) -> UserId {
    let id = UserId::new();
    store
        .create_user(NewUser {
            id,
            username: name.to_owned(),
            password_hash: "$argon2id$not-a-real-hash".to_owned(),
            time_zone: "Europe/Berlin".to_owned(),
            now: t0(),
        })
        .await
        .expect("user created");
    id
}
