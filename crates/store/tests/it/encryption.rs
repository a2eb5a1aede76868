use steady_store::crypto::MasterKey;
use steady_store::testing::TestDb;
use steady_store::{SqlStore, Store, StoreError};

use crate::{new_user, t0, urges::log};

const SECRET: &str = "I checked her phone again while she slept";

#[tokio::test]
async fn private_text_is_not_in_the_sqlite_file() {
    let db = TestDb::sqlite();
    let store = db.store().await.expect("opens");
    let owner = new_user(&store, "pat").await;
    log(&store, owner, t0(), SECRET).await;
    store.close().await;
    let path = db.sqlite_path().expect("sqlite path");
    let mut bytes = std::fs::read(&path).expect("db file");
    if let Ok(wal) = std::fs::read(path.with_extension("db-wal")) {
        bytes.extend(wal);
    }
    assert!(bytes.len() > 4096, "the database file holds data");
    let needle = b"checked her phone";
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "the note's text appears in the raw database file"
    );
    assert!(
        !bytes
            .windows(b"no reply since".len())
            .any(|w| w == b"no reply since"),
        "the trigger detail appears in the raw database file"
    );
}

#[tokio::test]
async fn private_text_is_sealed_in_postgres_too() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    let store = db.store().await.expect("opens");
    let owner = new_user(&store, "pat").await;
    log(&store, owner, t0(), SECRET).await;
    store.close().await;
    let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
    let raw: Vec<u8> = sqlx::query_scalar("SELECT note FROM urges")
        .fetch_one(&pool)
        .await
        .expect("row");
    assert!(!raw.windows(7).any(|w| w == b"checked"));
    pool.close().await;
    db.teardown().await;
}

#[tokio::test]
async fn a_wrong_master_key_refuses_to_start() {
    for db in TestDb::all().await {
        let store = db.store().await.expect("opens with the right key");
        store.close().await;
        let err = SqlStore::connect(&db.url, MasterKey::from_bytes([8u8; 32]))
            .await
            .expect_err("wrong key");
        assert!(
            matches!(err, StoreError::WrongMasterKey { .. }),
            "{}: {err}",
            db.name
        );
        assert!(err
            .to_string()
            .contains("key file this database was created with"));
        db.teardown().await;
    }
}

#[tokio::test]
async fn thought_records_are_not_in_the_sqlite_file() {
    let db = TestDb::sqlite();
    let store = db.store().await.expect("opens");
    let owner = new_user(&store, "pat").await;
    crate::thoughts::write(&store, owner, t0(), crate::thoughts::SECRET_THOUGHT).await;
    store.close().await;
    let path = db.sqlite_path().expect("sqlite path");
    let mut bytes = std::fs::read(&path).expect("db file");
    if let Ok(wal) = std::fs::read(path.with_extension("db-wal")) {
        bytes.extend(wal);
    }
    for needle in [
        "bored of me",
        "phone on the table",
        "anxious",
        "planned our trip",
        "replied late",
        "has shown she cares",
    ] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "'{needle}' appears in the raw database file"
        );
    }
    assert!(
        bytes.windows(12).any(|w| w == b"mind_reading"),
        "trap labels are stored plainly"
    );
}

#[tokio::test]
async fn a_sealed_thought_cannot_be_moved_to_another_row() {
    for db in TestDb::all().await {
        let store = db.store().await.expect("opens");
        let owner = new_user(&store, "pat").await;
        let a = crate::thoughts::write(&store, owner, t0(), "first").await;
        let b = crate::thoughts::write(&store, owner, t0(), "second").await;
        store.close().await;
        // Copy a's sealed thought into b's row: it must not open there.
        let sql = "UPDATE thoughts SET thought = (SELECT thought FROM thoughts WHERE id = $1) WHERE id = $2";
        if db.name == "sqlite" {
            let pool = sqlx::SqlitePool::connect(&db.url).await.expect("connect");
            sqlx::query(sql)
                .bind(a.id.to_string())
                .bind(b.id.to_string())
                .execute(&pool)
                .await
                .expect("swap");
            pool.close().await;
        } else {
            let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
            sqlx::query(sql)
                .bind(a.id.to_string())
                .bind(b.id.to_string())
                .execute(&pool)
                .await
                .expect("swap");
            pool.close().await;
        }
        let store = db.store().await.expect("reopens");
        assert!(store.thought(owner, b.id).await.is_err(), "{}", db.name);
        assert!(store.thought(owner, a.id).await.expect("a opens").is_some());
        store.close().await;
        db.teardown().await;
    }
}
