//! A real server on a free loopback port, over a fresh test database.

use std::future::Future;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use reqwest::{Client, Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};
use steady_core::ManualClock;
use steady_server::AppState;
use steady_store::testing::TestDb;

/// A running server and a client for it.
pub struct TestServer {
    pub base: String,
    pub client: Client,
    pub clock: Arc<ManualClock>,
    pub backend: &'static str,
    task: tokio::task::JoinHandle<()>,
}

pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).expect("valid time")
}

impl TestServer {
    /// Starts the app on `db` with a manual clock at [`t0`].
    pub async fn start(db: &TestDb) -> Self {
        let store = db.store().await.expect("store opens");
        let clock = Arc::new(ManualClock::new(t0()));
        let state = AppState::new(store, clock.clone(), false);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a free port");
        let addr = listener.local_addr().expect("local addr");
        let task = tokio::spawn(async move {
            axum::serve(listener, steady_server::app(state))
                .await
                .expect("server runs");
        });
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("client");
        Self {
            base: format!("http://{addr}"),
            client,
            clock,
            backend: db.name,
            task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let req = self.client.request(method, self.url(path));
        match token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
    }

    /// Sends and returns the status and JSON body (`Null` when the body is empty or not JSON).
    pub async fn call(&self, req: RequestBuilder) -> (StatusCode, Value) {
        let response = req.send().await.expect("request sent");
        let status = response.status();
        let text = response.text().await.expect("body read");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Creates an account and returns an API token for it.
    pub async fn sign_up(&self, username: &str) -> String {
        let password = "a calm long sentence";
        let (status, body) = self
            .call(self.request(Method::POST, "/api/v1/accounts", None).json(
                &json!({"username": username, "password": password, "time_zone": "Europe/Berlin"}),
            ))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {body}", self.backend);
        let (status, body) = self
            .call(
                self.request(Method::POST, "/api/v1/tokens", None)
                    .json(&json!({"username": username, "password": password})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {body}", self.backend);
        body["token"].as_str().expect("token").to_owned()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Runs `test` against a fresh server on each configured backend.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(TestServer) -> Fut,
    Fut: Future<Output = ()>,
{
    for db in TestDb::all().await {
        let server = TestServer::start(&db).await;
        test(server).await;
        db.teardown().await;
    }
}
