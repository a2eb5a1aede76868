use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{each_backend, t0};

fn urge() -> Value {
    json!({
        "trigger": "no_reply",
        "form": "repeated_question",
        "function": "fear_of_loss",
        "intensity_before": 7,
        "did": "delayed",
        "note": "he has not answered since lunch"
    })
}

#[tokio::test]
async fn log_list_edit_and_delete() {
    each_backend(|s| async move {
        let token = s.sign_up("ana").await;
        let (status, created) = s
            .call(
                s.request(Method::POST, "/api/v1/urges", Some(&token))
                    .json(&urge()),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {created}", s.backend);
        let id = created["id"].as_str().expect("id").to_owned();
        assert_eq!(
            created["occurred_at"],
            json!(t0()),
            "time defaults to the server's now"
        );
        assert_eq!(created["note"], "he has not answered since lunch");

        let (status, list) = s
            .call(s.request(Method::GET, "/api/v1/urges", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list.as_array().map(Vec::len), Some(1));
        assert_eq!(list[0], created);

        s.clock.advance(chrono::Duration::minutes(30));
        let (status, edited) = s
            .call(
                s.request(Method::PATCH, &format!("/api/v1/urges/{id}"), Some(&token))
                    .json(&json!({"intensity_after": 3, "note": null})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{edited}");
        assert_eq!(edited["intensity_after"], 3);
        assert_eq!(edited["note"], Value::Null);
        assert_eq!(
            edited["intensity_before"], 7,
            "fields not sent stay as they were"
        );

        let (status, fetched) = s
            .call(s.request(Method::GET, &format!("/api/v1/urges/{id}"), Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(fetched, edited);

        let (status, _) = s
            .call(s.request(Method::DELETE, &format!("/api/v1/urges/{id}"), Some(&token)))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = s
            .call(s.request(Method::GET, &format!("/api/v1/urges/{id}"), Some(&token)))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_4xx_and_stores_nothing() {
    each_backend(|s| async move {
        let token = s.sign_up("lee").await;
        let mut missing = urge();
        missing.as_object_mut().expect("object").remove("did");
        let mut too_strong = urge();
        too_strong["intensity_before"] = json!(11);
        let mut unknown_choice = urge();
        unknown_choice["trigger"] = json!("moon_phase");
        let mut wrong_type = urge();
        wrong_type["intensity_before"] = json!("seven");
        let mut extra = urge();
        extra["mood"] = json!(3);
        let mut future = urge();
        future["occurred_at"] = json!(t0() + chrono::Duration::days(2));
        let mut huge_note = urge();
        huge_note["note"] = json!("x".repeat(5_000));
        let cases: Vec<(Value, &str)> = vec![
            (missing, "did"),
            (too_strong, "0 (none) to 10"),
            (unknown_choice, "moon_phase"),
            (wrong_type, "intensity_before"),
            (extra, "mood"),
            (future, "future"),
            (huge_note, "under 4000"),
        ];
        for (body, words) in cases {
            let (status, answer) = s
                .call(
                    s.request(Method::POST, "/api/v1/urges", Some(&token))
                        .json(&body),
                )
                .await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {body}",
                s.backend
            );
            let message = answer["message"].as_str().unwrap_or_default();
            assert!(
                message.contains(words),
                "message {message:?} should mention {words:?}"
            );
        }

        let raw_cases: Vec<(Vec<u8>, &str, StatusCode)> = vec![
            (
                b"{not json".to_vec(),
                "application/json",
                StatusCode::BAD_REQUEST,
            ),
            (
                b"{\"note\": \"\xff\xfe\"}".to_vec(),
                "application/json",
                StatusCode::BAD_REQUEST,
            ),
            (
                serde_json::to_vec(&urge()).expect("json"),
                "text/plain",
                StatusCode::BAD_REQUEST,
            ),
            (
                vec![b' '; 200_000],
                "application/json",
                StatusCode::PAYLOAD_TOO_LARGE,
            ),
        ];
        for (body, content_type, want) in raw_cases {
            let response = s
                .request(Method::POST, "/api/v1/urges", Some(&token))
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .expect("sent");
            assert_eq!(response.status(), want, "{}", s.backend);
            assert!(want.is_client_error());
        }

        let (_, list) = s
            .call(s.request(Method::GET, "/api/v1/urges", Some(&token)))
            .await;
        assert_eq!(list, json!([]), "no bad request stored anything");

        for (query, words) in [
            ("limit=0", "limit"),
            ("limit=abc", "query"),
            ("colour=red", "query"),
        ] {
            let (status, answer) = s
                .call(s.request(Method::GET, &format!("/api/v1/urges?{query}"), Some(&token)))
                .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
            assert!(
                answer["message"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(words),
                "{query}: {answer}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn another_persons_entries_are_invisible() {
    each_backend(|s| async move {
        let owner = s.sign_up("owner").await;
        let other = s.sign_up("other").await;
        let (_, created) = s
            .call(
                s.request(Method::POST, "/api/v1/urges", Some(&owner))
                    .json(&urge()),
            )
            .await;
        let id = created["id"].as_str().expect("id").to_owned();
        let unknown = steady_core::ids::UrgeId::new().to_string();

        let mut answers = Vec::new();
        for target in [&id, &unknown, &"not-a-uuid".to_owned()] {
            let path = format!("/api/v1/urges/{target}");
            for req in [
                s.request(Method::GET, &path, Some(&other)),
                s.request(Method::PATCH, &path, Some(&other))
                    .json(&json!({"intensity_after": 1})),
                s.request(Method::DELETE, &path, Some(&other)),
            ] {
                let (status, body) = s.call(req).await;
                assert_eq!(status, StatusCode::NOT_FOUND, "{}", s.backend);
                answers.push(body);
            }
        }
        assert!(
            answers.windows(2).all(|w| w[0] == w[1]),
            "answers differ: {answers:?}"
        );
        let (_, list) = s
            .call(s.request(Method::GET, "/api/v1/urges", Some(&other)))
            .await;
        assert_eq!(list, json!([]));
        let (status, mine) = s
            .call(s.request(Method::GET, &format!("/api/v1/urges/{id}"), Some(&owner)))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            mine["intensity_after"],
            Value::Null,
            "the other person's patch changed nothing"
        );
    })
    .await;
}
