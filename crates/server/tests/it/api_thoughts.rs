use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::harness::{each_backend, t0};

fn full() -> Value {
    json!({
        "situation": "Saturday night, he went out with friends",
        "thought": "He hasn't texted, he must be losing interest",
        "emotions": [{"name": "anxious", "intensity": 80}, {"name": "lonely", "intensity": 55}],
        "traps": ["mind_reading", "fortune_telling"],
        "evidence_for": "He replied late last week too",
        "evidence_against": "He said he'd be at a loud bar; he texted this morning",
        "balanced_thought": "He's out with friends; a quiet phone is not a quiet heart",
        "intensity_after": 35
    })
}

#[tokio::test]
async fn create_list_get_patch_and_delete() {
    each_backend(|s| async move {
        let token = s.sign_up("ana").await;
        let (status, created) = s
            .call(
                s.request(Method::POST, "/api/v1/thoughts", Some(&token))
                    .json(&full()),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {created}", s.backend);
        let id = created["id"].as_str().expect("id").to_owned();
        assert_eq!(created["occurred_at"], json!(t0()));
        assert_eq!(created["traps"], json!(["mind_reading", "fortune_telling"]));
        assert_eq!(
            created["emotions"][0],
            json!({"name": "anxious", "intensity": 80})
        );
        assert_eq!(created["note"], Value::Null);
        assert_eq!(created["safety_check"], false);

        let (status, list) = s
            .call(s.request(Method::GET, "/api/v1/thoughts", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(list.as_array().map(Vec::len), Some(1));
        assert_eq!(
            list[0]["thought"],
            "He hasn't texted, he must be losing interest"
        );

        s.clock.advance(chrono::Duration::minutes(10));
        let (status, edited) = s
            .call(
                s.request(
                    Method::PATCH,
                    &format!("/api/v1/thoughts/{id}"),
                    Some(&token),
                )
                .json(&json!({"balanced_thought": null, "intensity_after": 20, "traps": []})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{edited}");
        assert_eq!(edited["balanced_thought"], Value::Null);
        assert_eq!(edited["intensity_after"], 20);
        assert_eq!(edited["traps"], json!([]));
        assert_eq!(
            edited["thought"],
            "He hasn't texted, he must be losing interest"
        );

        let (status, got) = s
            .call(s.request(Method::GET, &format!("/api/v1/thoughts/{id}"), Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(got["intensity_after"], 20);
        assert!(got.get("note").is_none(), "a plain GET has no note");

        let other = s.sign_up("bea").await;
        let (status, _) = s
            .call(s.request(Method::GET, &format!("/api/v1/thoughts/{id}"), Some(&other)))
            .await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "another person's record is not found"
        );

        let (status, export) = s
            .call(s.request(Method::GET, "/api/v1/export", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            export["thoughts"][0]["id"],
            id.as_str(),
            "the export has thought records"
        );
        assert_eq!(
            export["thoughts"][0]["evidence_against"],
            full()["evidence_against"]
        );

        let (status, _) = s
            .call(s.request(
                Method::DELETE,
                &format!("/api/v1/thoughts/{id}"),
                Some(&token),
            ))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, body) = s
            .call(s.request(Method::GET, &format!("/api/v1/thoughts/{id}"), Some(&token)))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        let (status, _) = s
            .call(s.request(Method::GET, "/api/v1/thoughts/not-an-id", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn bad_input_gets_clear_422s() {
    each_backend(|s| async move {
        let token = s.sign_up("cam").await;
        for (body, says) in [
            (
                json!({"thought": "x", "emotions": [{"name": "sad", "intensity": 101}]}),
                "0 (not at all) to 100",
            ),
            (
                json!({"thought": "x", "intensity_after": -1}),
                "0 (not at all) to 100",
            ),
            (json!({"thought": "x", "traps": ["doom"]}), "mind_reading"),
            (json!({"thought": "   "}), "thought"),
            (json!({"situation": "no thought"}), "thought"),
            (json!({"thought": "x".repeat(2_001)}), "under 2000"),
            (json!({"thought": "x", "mood": 3}), "mood"),
        ] {
            let (status, err) = s
                .call(
                    s.request(Method::POST, "/api/v1/thoughts", Some(&token))
                        .json(&body),
                )
                .await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {body} -> {err}",
                s.backend
            );
            assert_eq!(err["error"], "invalid");
            assert!(
                err["message"].as_str().unwrap_or("").contains(says),
                "{err}"
            );
        }
        let (status, _) = s
            .call(
                s.request(Method::POST, "/api/v1/thoughts", None)
                    .json(&full()),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn the_loop_note_comes_on_the_third_time_in_a_day_and_not_before() {
    each_backend(|s| async move {
        let token = s.sign_up("dee").await;
        let post = |thought: &'static str| {
            s.call(
                s.request(Method::POST, "/api/v1/thoughts", Some(&token))
                    .json(&json!({"thought": thought})),
            )
        };
        let (_, first) = post("She is going to leave me").await;
        assert_eq!(first["note"], Value::Null, "{}", s.backend);
        let (_, other) = post("I will fail the exam").await;
        assert_eq!(other["note"], Value::Null);
        s.clock.advance(chrono::Duration::minutes(40));
        let (_, second) = post("she's going to leave me!!").await;
        assert_eq!(
            second["note"],
            Value::Null,
            "the second time brings no note"
        );
        s.clock.advance(chrono::Duration::minutes(40));
        let (status, third) = post("SHE IS GOING TO LEAVE ME").await;
        assert_eq!(status, StatusCode::CREATED);
        let note = third["note"].as_str().expect("a note on the third time");
        assert!(note.contains("checking loop"), "{note}");
        assert!(note.contains("Nothing is blocked"));

        // The next local day starts afresh (Europe/Berlin; t0 is 2026-05-28 20:26 UTC).
        s.clock.advance(chrono::Duration::hours(24));
        let (_, tomorrow) = post("She is going to leave me").await;
        assert_eq!(tomorrow["note"], Value::Null, "a new day, no note");
    })
    .await;
}

#[tokio::test]
async fn risky_text_asks_for_a_safety_check_and_is_still_saved() {
    each_backend(|s| async move {
        let token = s.sign_up("eli").await;
        let (status, saved) = s
            .call(
                s.request(Method::POST, "/api/v1/thoughts", Some(&token))
                    .json(&json!({
                        "thought": "I want to kill myself"
                    })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {saved}", s.backend);
        assert_eq!(saved["safety_check"], true);
        let id = saved["id"].as_str().expect("id");
        let (status, patched) = s
            .call(
                s.request(
                    Method::PATCH,
                    &format!("/api/v1/thoughts/{id}"),
                    Some(&token),
                )
                .json(&json!({"intensity_after": 50})),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            patched["safety_check"], false,
            "only newly sent text is checked"
        );
    })
    .await;
}

#[tokio::test]
async fn the_analyzers_answer_with_ranked_suggestions() {
    each_backend(|s| async move {
        let token = s.sign_up("fay").await;
        let (status, traps) = s
            .call(
                s.request(Method::POST, "/api/v1/analyze/traps", Some(&token))
                    .json(&json!({"text": "He hasn't texted back, he must be losing interest"})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{}: {traps}", s.backend);
        let list = traps["suggestions"].as_array().expect("suggestions");
        assert!(list.len() >= 3);
        for key in ["label", "name", "explanation", "example", "score"] {
            assert!(list[0].get(key).is_some(), "{key} in {}", list[0]);
        }
        let scores: Vec<f64> = list.iter().filter_map(|t| t["score"].as_f64()).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "ranked: {scores:?}"
        );
        let labels: Vec<&str> = list.iter().filter_map(|t| t["label"].as_str()).collect();
        assert!(labels.contains(&"mind_reading"), "{labels:?}");

        let (status, req) = s
            .call(
                s.request(Method::POST, "/api/v1/analyze/request", Some(&token))
                    .json(&json!({"text": "Do you still love me?"})),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(req["kind"], "global_reassurance", "{req}");
        assert!(!req["rewrites"].as_array().expect("rewrites").is_empty());
        assert!(req["triage"].as_str().is_some());

        let (status, tone) = s
            .call(
                s.request(Method::POST, "/api/v1/analyze/tone", Some(&token))
                    .json(&json!({"text": "You never listen to me"})),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(tone["blaming"], true, "{tone}");
        assert!(tone["rewrite"].as_str().is_some());

        let (status, crisis) = s
            .call(
                s.request(Method::POST, "/api/v1/analyze/crisis", Some(&token))
                    .json(&json!({"text": "I don't want to be alive anymore"})),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(crisis["risk"], true, "{crisis}");
        assert_eq!(crisis["crisis_page"], "/crisis");

        let (status, _) = s
            .call(
                s.request(Method::POST, "/api/v1/analyze/traps", Some(&token))
                    .json(&json!({"text": "x".repeat(4_001)})),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = s
            .call(
                s.request(Method::POST, "/api/v1/analyze/traps", None)
                    .json(&json!({"text": "hi"})),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[test]
fn core_and_nlp_agree_on_the_thirteen_traps() {
    let core: Vec<&str> = steady_core::thought::Trap::ALL
        .iter()
        .map(|t| t.as_str())
        .collect();
    let nlp: Vec<&str> = steady_nlp::traps::TRAPS.iter().map(|t| t.label).collect();
    assert_eq!(core, nlp);
}
