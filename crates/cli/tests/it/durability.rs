//! An entry acknowledged with 2xx survives `kill -9` of the server.

use reqwest::blocking::Client;
use serde_json::{json, Value};

use crate::server::Server;

fn acknowledged_writes_survive_a_hard_kill(mut server: Server) {
    let http = Client::new();
    let base = server.base.clone();
    let created = http
        .post(format!("{base}/api/v1/accounts"))
        .json(&json!({"username": "dee", "password": "a calm long sentence"}))
        .send()
        .expect("request");
    assert_eq!(created.status().as_u16(), 201);
    let token: Value = http
        .post(format!("{base}/api/v1/tokens"))
        .json(&json!({"username": "dee", "password": "a calm long sentence"}))
        .send()
        .expect("request")
        .json()
        .expect("json");
    let token = token["token"].as_str().expect("token").to_owned();

    let mut ids = Vec::new();
    for i in 0..20 {
        let response = http
            .post(format!("{base}/api/v1/urges"))
            .bearer_auth(&token)
            .json(&json!({"trigger": "stress", "form": "checking_in", "intensity_before": i % 11, "did": "delayed", "note": format!("entry {i}")}))
            .send()
            .expect("request");
        assert_eq!(response.status().as_u16(), 201);
        let urge: Value = response.json().expect("json");
        ids.push(urge["id"].as_str().expect("id").to_owned());
    }
    // No pause, no shutdown: the last acknowledged write goes straight into SIGKILL.
    server.restart();
    let base = server.base.clone();
    for (i, id) in ids.iter().enumerate() {
        let urge: Value = http
            .get(format!("{base}/api/v1/urges/{id}"))
            .bearer_auth(&token)
            .send()
            .expect("request")
            .json()
            .expect("json");
        assert_eq!(urge["note"], format!("entry {i}"), "entry {i} was lost");
    }
}

#[test]
fn on_sqlite() {
    let data = tempfile::tempdir().expect("temp dir");
    acknowledged_writes_survive_a_hard_kill(Server::start(data.path(), None));
}

#[test]
fn on_postgres() {
    let Ok(admin) = std::env::var(steady_store::testing::POSTGRES_ENV) else {
        eprintln!(
            "notice: {} is not set; skipping the PostgreSQL durability test",
            steady_store::testing::POSTGRES_ENV
        );
        return;
    };
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let db = runtime
        .block_on(steady_store::testing::TestDb::postgres())
        .expect("a test database");
    assert!(admin.starts_with("postgres"));
    let data = tempfile::tempdir().expect("temp dir");
    acknowledged_writes_survive_a_hard_kill(Server::start(data.path(), Some(&db.url)));
    runtime.block_on(db.teardown());
}
