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
