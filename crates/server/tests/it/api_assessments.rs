use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Map, Value};

use crate::harness::{each_backend, t0, TestServer};

/// Answers for items `from..=to`, all `answer`.
fn answers(from: u16, to: u16, answer: u8) -> Value {
    let map: Map<String, Value> = (from..=to)
        .map(|n| (n.to_string(), json!(answer)))
        .collect();
    json!({ "answers": map })
}

async fn start(s: &TestServer, token: &str, body: Value) -> (StatusCode, Value) {
    s.call(
        s.request(Method::POST, "/api/v1/assessments", Some(token))
            .json(&body),
    )
    .await
}

async fn put_answers(s: &TestServer, token: &str, id: &str, body: &Value) -> (StatusCode, Value) {
    s.call(
        s.request(
            Method::PUT,
            &format!("/api/v1/assessments/{id}/answers"),
            Some(token),
        )
        .json(body),
    )
    .await
}

async fn submit(s: &TestServer, token: &str, id: &str) -> (StatusCode, Value) {
    s.call(s.request(
        Method::POST,
        &format!("/api/v1/assessments/{id}/submit"),
        Some(token),
    ))
    .await
}

/// Takes a whole ECR-RS with every answer `answer` and returns the submitted result.
async fn take_ecr_rs(s: &TestServer, token: &str, answer: u8) -> Value {
    let (status, a) = start(s, token, json!({"instrument": "ecr-rs"})).await;
    assert_eq!(status, StatusCode::CREATED, "{}: {a}", s.backend);
    let id = a["id"].as_str().expect("id").to_owned();
    let (status, body) = put_answers(s, token, &id, &answers(1, 9, answer)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, done) = submit(s, token, &id).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    done
}

#[tokio::test]
async fn instruments_are_listed_with_items_scale_and_citation() {
    each_backend(|s| async move {
        let token = s.sign_up("ana").await;
        let (status, list) = s
            .call(s.request(Method::GET, "/api/v1/instruments", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK, "{}: {list}", s.backend);
        assert_eq!(list[0]["id"], "ecr-r");
        assert_eq!(list[0]["item_count"], 36);
        assert_eq!(list[1]["id"], "ecr-rs");
        assert_eq!(list[1]["about"]["default"], "partner");
        let (status, ecr) = s
            .call(s.request(Method::GET, "/api/v1/instruments/ecr-r", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(ecr["items"].as_array().map(Vec::len), Some(36));
        assert_eq!(ecr["items"][8]["reversed"], true);
        assert_eq!(ecr["scale"]["points"][0]["label"], "Strongly disagree");
        assert!(ecr["citation"]
            .as_str()
            .is_some_and(|c| c.contains("Fraley, R. C., Waller, N. G., & Brennan, K. A. (2000)")));
        assert!(ecr["terms_of_use"]
            .as_str()
            .is_some_and(|t| t.contains("non-commercial")));
        let (status, body) = s
            .call(s.request(Method::GET, "/api/v1/instruments/ecr", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        let (status, _) = s
            .call(s.request(Method::GET, "/api/v1/instruments", None))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn take_pause_resume_and_submit() {
    each_backend(|s| async move {
        let token = s.sign_up("ana").await;
        let (status, a) = start(&s, &token, json!({"instrument": "ecr-r"})).await;
        assert_eq!(status, StatusCode::CREATED, "{}: {a}", s.backend);
        assert_eq!(a["status"], "in_progress");
        assert_eq!(a["progress"]["answered"], 0);
        assert_eq!(a["progress"]["total"], 36);
        assert_eq!(a["progress"]["next_item"], 1);
        let id = a["id"].as_str().expect("id").to_owned();

        // Answer the anxiety half with 7, then pause.
        s.clock.advance(Duration::minutes(5));
        let (status, saved) = put_answers(&s, &token, &id, &answers(1, 18, 7)).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["progress"]["answered"], 18);
        assert_eq!(saved["progress"]["next_item"], 19);
        assert_eq!(saved["answers"]["12"], 7);

        // Starting again resumes the same one.
        let (status, resumed) = start(&s, &token, json!({"instrument": "ecr-r"})).await;
        assert_eq!(status, StatusCode::OK, "{resumed}");
        assert_eq!(resumed["id"], id.as_str());
        assert_eq!(resumed["progress"]["answered"], 18);

        // Submitting too early names what is missing and keeps everything.
        let (status, err) = submit(&s, &token, &id).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(err["field"], "answers");
        let message = err["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with("answers: 18 items are not answered yet: 19, 20, 21"),
            "{message}"
        );

        // PATCH works the same; null takes an answer back.
        let (status, patched) = s
            .call(
                s.request(
                    Method::PATCH,
                    &format!("/api/v1/assessments/{id}/answers"),
                    Some(&token),
                )
                .json(&json!({"answers": {"19": 4, "18": null}})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{patched}");
        assert_eq!(patched["progress"]["answered"], 18);
        assert_eq!(patched["progress"]["next_item"], 18);

        let mut rest = answers(19, 36, 4);
        rest["answers"]["18"] = json!(7);
        let (status, _) = put_answers(&s, &token, &id, &rest).await;
        assert_eq!(status, StatusCode::OK);
        s.clock.advance(Duration::minutes(5));
        let (status, done) = submit(&s, &token, &id).await;
        assert_eq!(status, StatusCode::OK, "{done}");
        assert_eq!(done["status"], "completed");
        assert_eq!(done["completed_at"], json!(t0() + Duration::minutes(10)));
        let result = &done["result"];
        let anxiety = result["scores"]["anxiety"].as_f64().unwrap_or_default();
        assert!((anxiety - 6.333_333).abs() < 1e-4, "{result}");
        assert_eq!(result["scores"]["avoidance"], 4.0);
        assert_eq!(result["region"], "anxious");
        assert_eq!(result["region_label"], "Anxious");
        assert_eq!(result["guidance"]["suggested_tools"][0], "delay_ladder");
        assert!(result["not_a_diagnosis"]
            .as_str()
            .is_some_and(|t| t.contains("not a diagnosis")));
        assert!(result["citation"]
            .as_str()
            .is_some_and(|c| c.contains("Fraley")));

        // A submitted one no longer changes.
        let (status, err) = put_answers(&s, &token, &id, &answers(1, 1, 1)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{err}");
        let (status, _) = submit(&s, &token, &id).await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (status, fetched) = s
            .call(s.request(
                Method::GET,
                &format!("/api/v1/assessments/{id}"),
                Some(&token),
            ))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(fetched, done);

        // Starting after a completed one begins a new one.
        let (status, fresh) = start(&s, &token, json!({"instrument": "ecr-r"})).await;
        assert_eq!(status, StatusCode::CREATED, "{fresh}");
        assert_ne!(fresh["id"], id.as_str());
    })
    .await;
}

#[tokio::test]
async fn bad_answers_and_bad_starts_are_refused_clearly() {
    each_backend(|s| async move {
        let token = s.sign_up("ana").await;
        let (status, err) = start(&s, &token, json!({"instrument": "ecr"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        let (status, err) = start(
            &s,
            &token,
            json!({"instrument": "ecr-r", "about": "partner"}),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(err["field"], "about");
        let (status, err) =
            start(&s, &token, json!({"instrument": "ecr-rs", "about": "boss"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        let (status, a) = start(
            &s,
            &token,
            json!({"instrument": "ecr-rs", "about": "best_friend"}),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{a}");
        assert_eq!(a["about"], "best_friend");
        assert_eq!(a["about_label"], "your best friend");
        let id = a["id"].as_str().expect("id").to_owned();

        let (status, err) = put_answers(&s, &token, &id, &json!({"answers": {"3": 8}})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(
            err["message"],
            "answers: answer to item 3 is 8; answers go from 1 to 7"
        );
        let (status, err) =
            put_answers(&s, &token, &id, &json!({"answers": {"1": 2, "10": 4}})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        assert_eq!(
            err["message"],
            "answers: there is no item 10; items go from 1 to 9"
        );
        let (status, err) = put_answers(&s, &token, &id, &json!({"answers": {"x": 2}})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");
        let (status, err) = put_answers(&s, &token, &id, &json!({"answers": {"1": 900}})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{err}");
        let (status, a) = s
            .call(s.request(
                Method::GET,
                &format!("/api/v1/assessments/{id}"),
                Some(&token),
            ))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            a["progress"]["answered"], 0,
            "a refused save changes nothing"
        );
    })
    .await;
}

#[tokio::test]
async fn another_persons_assessment_is_not_found() {
    each_backend(|s| async move {
        let ana = s.sign_up("ana").await;
        let bo = s.sign_up("bob").await;
        let (_, a) = start(&s, &ana, json!({"instrument": "ecr-rs"})).await;
        let id = a["id"].as_str().expect("id").to_owned();
        let unknown = "0190f000-0000-7000-8000-000000000000";
        for target in [id.as_str(), unknown, "not-an-id"] {
            let (status, theirs) = s
                .call(s.request(
                    Method::GET,
                    &format!("/api/v1/assessments/{target}"),
                    Some(&bo),
                ))
                .await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{}: {theirs}", s.backend);
            assert_eq!(
                theirs["message"],
                "There is no questionnaire with that id among yours."
            );
            let (status, _) = put_answers(&s, &bo, target, &answers(1, 9, 4)).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (status, _) = submit(&s, &bo, target).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (status, _) = s
                .call(s.request(
                    Method::DELETE,
                    &format!("/api/v1/assessments/{target}"),
                    Some(&bo),
                ))
                .await;
            assert_eq!(status, StatusCode::NOT_FOUND);
        }
        let (_, list) = s
            .call(s.request(Method::GET, "/api/v1/assessments", Some(&bo)))
            .await;
        assert_eq!(list["in_progress"].as_array().map(Vec::len), Some(0));
        let (status, _) = s
            .call(s.request(
                Method::DELETE,
                &format!("/api/v1/assessments/{id}"),
                Some(&ana),
            ))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    })
    .await;
}

#[tokio::test]
async fn results_are_listed_with_dates_and_a_retake_after_eight_weeks() {
    each_backend(|s| async move {
        let token = s.sign_up("ana").await;
        take_ecr_rs(&s, &token, 6).await;
        s.clock.advance(Duration::weeks(8) - Duration::minutes(1));
        let (status, list) = s
            .call(s.request(Method::GET, "/api/v1/assessments", Some(&token)))
            .await;
        assert_eq!(status, StatusCode::OK, "{}: {list}", s.backend);
        assert_eq!(list["results"].as_array().map(Vec::len), Some(1));
        assert_eq!(list["results"][0]["completed_at"], json!(t0()));
        assert_eq!(list["retake"][0]["instrument"], "ecr-rs");
        assert_eq!(list["retake"][0]["about"], "partner");
        assert_eq!(list["retake"][0]["retake_offered"], false);
        assert_eq!(
            list["retake"][0]["retake_available_from"],
            json!(t0() + Duration::weeks(8))
        );
        s.clock.advance(Duration::minutes(1));
        let (_, list) = s
            .call(s.request(Method::GET, "/api/v1/assessments", Some(&token)))
            .await;
        assert_eq!(list["retake"][0]["retake_offered"], true);

        take_ecr_rs(&s, &token, 3).await;
        let (_, list) = s
            .call(s.request(Method::GET, "/api/v1/assessments", Some(&token)))
            .await;
        let results = list["results"].as_array().cloned().unwrap_or_default();
        assert_eq!(results.len(), 2, "{list}");
        assert_eq!(results[0]["completed_at"], json!(t0()), "oldest first");
        assert_eq!(results[1]["completed_at"], json!(t0() + Duration::weeks(8)));
        assert_eq!(list["retake"].as_array().map(Vec::len), Some(1));
        assert_eq!(list["retake"][0]["retake_offered"], false);
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_has_every_assessment_route() {
    each_backend(|s| async move {
        let (status, doc) = s
            .call(s.request(Method::GET, "/api/openapi.json", None))
            .await;
        assert_eq!(status, StatusCode::OK);
        let paths = &doc["paths"];
        assert!(paths["/api/v1/instruments"]["get"].is_object());
        assert!(paths["/api/v1/instruments/{id}"]["get"].is_object());
        assert!(paths["/api/v1/assessments"]["post"].is_object());
        assert!(paths["/api/v1/assessments"]["get"].is_object());
        assert!(paths["/api/v1/assessments/{id}"]["get"].is_object());
        assert!(paths["/api/v1/assessments/{id}"]["delete"].is_object());
        assert!(paths["/api/v1/assessments/{id}/answers"]["put"].is_object());
        assert!(paths["/api/v1/assessments/{id}/answers"]["patch"].is_object());
        assert!(paths["/api/v1/assessments/{id}/submit"]["post"].is_object());
        assert_eq!(
            paths["/api/v1/assessments/{id}/submit"]["post"]["tags"][0],
            "assessments"
        );
    })
    .await;
}
