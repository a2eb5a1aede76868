use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::harness::each_backend;

#[tokio::test]
async fn health_and_openapi_are_public() {
    each_backend(|s| async move {
        let (status, _) = s.call(s.request(Method::GET, "/healthz", None)).await;
        assert_eq!(status, StatusCode::OK);
        let (status, doc) = s
            .call(s.request(Method::GET, "/api/openapi.json", None))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with('3')));
        for path in [
            "/api/v1/accounts",
            "/api/v1/tokens",
            "/api/v1/urges",
            "/api/v1/urges/{id}",
        ] {
            assert!(
                doc["paths"][path].is_object(),
                "{path} missing from the OpenAPI document"
            );
        }
        assert!(doc["components"]["schemas"]["NewUrge"].is_object());
    })
    .await;
}

#[tokio::test]
async fn sign_up_then_get_a_token_and_use_it() {
    each_backend(|s| async move {
        let token = s.sign_up("Robin").await;
        let (status, me) = s
            .call(s.request(Method::GET, "/api/v1/me", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK, "{}", s.backend);
        assert_eq!(me["username"], "robin");
        assert_eq!(me["time_zone"], "Europe/Berlin");

        let (status, _) = s
            .call(s.request(Method::DELETE, "/api/v1/tokens/current", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, body) = s
            .call(s.request(Method::GET, "/api/v1/me", Some(&token)))
            .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "a revoked token still works"
        );
        assert!(body["message"]
            .as_str()
            .is_some_and(|m| m.contains("not valid")));
    })
    .await;
}

#[tokio::test]
async fn account_rules_give_clear_messages() {
    each_backend(|s| async move {
        s.sign_up("taken").await;
        let cases = [
            (json!({"username": "taken", "password": "a calm long sentence"}), StatusCode::CONFLICT, "taken"),
            (json!({"username": "ok-name", "password": "short"}), StatusCode::UNPROCESSABLE_ENTITY, "at least 10"),
            (json!({"username": "a b", "password": "a calm long sentence"}), StatusCode::UNPROCESSABLE_ENTITY, "letters, digits"),
            (json!({"username": "zed", "password": "a calm long sentence", "time_zone": "Mars/Base"}), StatusCode::UNPROCESSABLE_ENTITY, "time zone"),
            (json!({"username": "zed"}), StatusCode::UNPROCESSABLE_ENTITY, "password"),
            (json!({"username": 5, "password": "a calm long sentence"}), StatusCode::UNPROCESSABLE_ENTITY, "username"),
        ];
        for (body, want, words) in cases {
            let (status, answer) = s.call(s.request(Method::POST, "/api/v1/accounts", None).json(&body)).await;
            assert_eq!(status, want, "{}: {body} -> {answer}", s.backend);
            let message = answer["message"].as_str().unwrap_or_default();
            assert!(message.contains(words), "{body}: message {message:?} should mention {words:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn wrong_credentials_and_tokens_are_refused_alike() {
    each_backend(|s| async move {
        s.sign_up("kim").await;
        let (wrong_password, a) = s
            .call(
                s.request(Method::POST, "/api/v1/tokens", None)
                    .json(&json!({"username": "kim", "password": "not the password"})),
            )
            .await;
        let (no_user, b) = s
            .call(
                s.request(Method::POST, "/api/v1/tokens", None)
                    .json(&json!({"username": "nobody", "password": "not the password"})),
            )
            .await;
        assert_eq!(wrong_password, StatusCode::UNAUTHORIZED);
        assert_eq!(no_user, StatusCode::UNAUTHORIZED);
        assert_eq!(a, b, "the answer must not reveal whether an account exists");

        for header in ["Bearer nonsense", "Basic abc", "Bearer "] {
            let (status, _) = s
                .call(
                    s.client
                        .get(s.url("/api/v1/urges"))
                        .header("authorization", header),
                )
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{header}");
        }
        let (status, _) = s.call(s.request(Method::GET, "/api/v1/urges", None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn repeated_wrong_passwords_pause_sign_in_for_a_while() {
    each_backend(|s| async move {
        s.sign_up("ivy").await;
        let attempt = |password: &'static str| {
            s.request(Method::POST, "/api/v1/tokens", None)
                .json(&json!({"username": "ivy", "password": password}))
        };
        for _ in 0..10 {
            let (status, _) = s.call(attempt("a wrong guess here")).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        let (status, body) = s.call(attempt("a calm long sentence")).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{}", s.backend);
        assert!(body["message"].as_str().is_some_and(|m| m.contains("wait")));
        s.clock.advance(chrono::Duration::minutes(16));
        let (status, _) = s.call(attempt("a calm long sentence")).await;
        assert_eq!(status, StatusCode::CREATED);
    })
    .await;
}

#[tokio::test]
async fn export_everything_then_delete_everything() {
    each_backend(|s| async move {
        let token = s.sign_up("noor").await;
        let stays = s.sign_up("stays").await;
        for i in 0..3 {
            let (status, _) = s
                .call(s.request(Method::POST, "/api/v1/urges", Some(&token)).json(&json!({
                    "trigger": "stress", "form": "checking_in", "intensity_before": i, "did": "asked",
                    "note": format!("private {i}")
                })))
                .await;
            assert_eq!(status, StatusCode::CREATED);
            s.clock.advance(chrono::Duration::minutes(1));
        }
        let (status, export) = s.call(s.request(Method::GET, "/api/v1/export", Some(&token))).await;
        assert_eq!(status, StatusCode::OK, "{}", s.backend);
        assert_eq!(export["format"], "steady-export");
        assert_eq!(export["account"]["username"], "noor");
        let notes: Vec<_> = export["urges"].as_array().expect("urges").iter().map(|u| u["note"].clone()).collect();
        assert_eq!(notes, vec![json!("private 0"), json!("private 1"), json!("private 2")], "oldest first, decrypted");

        let (status, _) = s
            .call(s.request(Method::DELETE, "/api/v1/me", Some(&token)).json(&json!({"password": "not it at all"})))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "a wrong password deletes nothing");
        let (status, _) = s
            .call(s.request(Method::DELETE, "/api/v1/me", Some(&token)).json(&json!({"password": "a calm long sentence"})))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = s.call(s.request(Method::GET, "/api/v1/urges", Some(&token))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "the account and its tokens are gone");
        let (status, _) = s
            .call(s.request(Method::POST, "/api/v1/tokens", None).json(&json!({"username": "noor", "password": "a calm long sentence"})))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, _) = s.call(s.request(Method::GET, "/api/v1/me", Some(&stays))).await;
        assert_eq!(status, StatusCode::OK, "other accounts are untouched");
    })
    .await;
}

#[tokio::test]
async fn export_keeps_entries_that_share_a_timestamp() {
    each_backend(|s| async move {
        let token = s.sign_up("tam").await;
        let at = crate::harness::t0() - chrono::Duration::hours(1);
        for i in 0..3 {
            let (status, _) = s
                .call(s.request(Method::POST, "/api/v1/urges", Some(&token)).json(&json!({
                    "trigger": "stress", "form": "other", "intensity_before": i, "did": "asked",
                    "occurred_at": at
                })))
                .await;
            assert_eq!(status, StatusCode::CREATED);
        }
        let (_, export) = s
            .call(s.request(Method::GET, "/api/v1/export", Some(&token)))
            .await;
        assert_eq!(
            export["urges"].as_array().map(Vec::len),
            Some(3),
            "{}",
            s.backend
        );
    })
    .await;
}
