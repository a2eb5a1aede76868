//! The web pages through a real socket: forms, CSRF, sessions, and what every page promises.

use reqwest::header::{CONTENT_SECURITY_POLICY, LOCATION, SET_COOKIE};
use reqwest::{Response, StatusCode};
use serde_json::Value;

use crate::harness::{each_backend, TestServer};

const PASSWORD: &str = "a calm long sentence";

/// The value of the hidden `csrf` field in a page.
fn csrf_in(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = html.find(marker).expect("page has a csrf field") + marker.len();
    let end = html[start..].find('"').expect("closing quote") + start;
    html[start..end].to_owned()
}

/// Checks what every page promises, and returns its HTML.
async fn page(s: &TestServer, response: Response) -> (StatusCode, String) {
    let status = response.status();
    let csp = response
        .headers()
        .get(CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("default-src 'none'"),
        "{}: a strict CSP on every page, got {csp:?}",
        s.backend
    );
    let html = response.text().await.expect("body");
    for scheme in ["http://", "https://"] {
        for (at, _) in html.match_indices(scheme) {
            let rest = &html[at + scheme.len()..];
            assert!(
                rest.starts_with(s.base.trim_start_matches("http://")),
                "{}: a link to another host in the page: {}",
                s.backend,
                &html[at..(at + 60).min(html.len())]
            );
        }
    }
    assert!(!html.contains("<script>"), "no inline script");
    if let Some(start) = html.find("<title>") {
        let title = &html[start + 7
            ..html[start..]
                .find("</title>")
                .map_or(start + 7, |e| start + e)];
        assert!(
            !title.contains('<') && title.ends_with("· Steady"),
            "a plain title: {title:?}"
        );
    }
    assert!(!html.contains("style="), "no inline style");
    assert!(html.contains("Steady is self-help, not therapy and not an emergency service."));
    assert!(html.contains(r#"href="/crisis""#));
    (status, html)
}

async fn get(s: &TestServer, path: &str) -> (StatusCode, String) {
    let response = s.client.get(s.url(path)).send().await.expect("sent");
    page(s, response).await
}

async fn post(s: &TestServer, path: &str, form: &[(&str, &str)]) -> Response {
    s.client
        .post(s.url(path))
        .form(form)
        .send()
        .await
        .expect("sent")
}

fn location(r: &Response) -> String {
    r.headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Signs up through the form and returns the CSRF token of the signed-in pages.
async fn sign_up(s: &TestServer, username: &str) -> String {
    let (status, html) = get(s, "/signup").await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_in(&html);
    let r = post(
        s,
        "/signup",
        &[
            ("csrf", &csrf),
            ("username", username),
            ("password", PASSWORD),
            ("time_zone", "Europe/Berlin"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", s.backend);
    assert_eq!(location(&r), "/urges");
    let cookie = r
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("steady_session="))
        .expect("a session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let (status, html) = get(s, "/urges").await;
    assert_eq!(status, StatusCode::OK);
    csrf_in(&html)
}

fn quick_entry<'a>(csrf: &'a str, note: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("intensity_before", "7"),
        ("trigger", "no_reply"),
        ("form", "repeated_question"),
        ("did", "asked"),
        ("note", note),
    ]
}

/// The id in the first "/urges/ID" edit link of the list.
fn first_entry_id(html: &str) -> String {
    let marker = r#"class="edit" href="/urges/"#;
    let start = html.find(marker).expect("an entry in the list") + marker.len();
    let end = html[start..].find('"').expect("closing quote") + start;
    html[start..end].to_owned()
}

async fn urges_in_store(s: &TestServer, username: &str) -> Value {
    // Read through the API with a token of the same account.
    let (_, body) = s
        .call(
            s.request(reqwest::Method::POST, "/api/v1/tokens", None)
                .json(&serde_json::json!({"username": username, "password": PASSWORD})),
        )
        .await;
    let token = body["token"].as_str().expect("token").to_owned();
    s.call(s.request(reqwest::Method::GET, "/api/v1/urges", Some(&token)))
        .await
        .1
}

#[tokio::test]
async fn welcome_explains_privacy_before_asking_anything() {
    each_backend(|s| async move {
        let (status, html) = get(&s, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("What is encrypted"));
        assert!(html.contains("holds the master key"));
        assert!(html.contains("Nothing leaves the server"));
        assert!(!html.contains("<input"), "nothing personal is asked here");
        assert!(html.contains(r#"href="/signup""#) && html.contains(r#"href="/signin""#));
        assert!(html.contains(r#"rel="manifest""#));

        let r = s.client.get(s.url("/urges")).send().await.expect("sent");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&r), "/signin");
    })
    .await;
}

#[tokio::test]
async fn sign_up_log_edit_and_delete_through_the_forms() {
    each_backend(|s| async move {
        let csrf = sign_up(&s, "ana").await;
        let r = s.client.get(s.url("/")).send().await.expect("sent");
        assert_eq!(
            location(&r),
            "/urges",
            "signed in, the welcome page steps aside"
        );

        let r = post(
            &s,
            "/urges",
            &quick_entry(&csrf, "he has not replied since lunch"),
        )
        .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", s.backend);
        assert_eq!(location(&r), "/urges?saved=1");
        let (_, html) = get(&s, "/urges?saved=1").await;
        assert!(html.contains("Noticing the urge is a skill in itself."));
        assert!(html.contains("Today"));
        assert!(html.contains("Silence or no reply · Asked"));
        assert!(
            !html.contains("he has not replied"),
            "notes stay off the list"
        );
        let id = first_entry_id(&html);

        let (status, edit) = get(&s, &format!("/urges/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            edit.contains("he has not replied since lunch"),
            "the note, decrypted"
        );
        // t0 is 2026-05-28 20:26:40 UTC, 22:26 in Berlin.
        assert!(edit.contains(r#"value="2026-05-28T22:26""#), "local time");

        s.clock.advance(chrono::Duration::minutes(20));
        let mut changed = quick_entry(&csrf, "he has not replied since lunch");
        changed.push(("intensity_after", "3"));
        changed.push(("occurred_at", "2026-05-28T22:26"));
        let r = post(&s, &format!("/urges/{id}"), &changed).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&r), "/urges?updated=1");
        let (_, html) = get(&s, "/urges?updated=1").await;
        assert!(html.contains("→ </span>"), "before and after shown");
        let stored = urges_in_store(&s, "ana").await;
        assert_eq!(stored[0]["intensity_after"], 3);
        assert_eq!(
            stored[0]["occurred_at"],
            serde_json::json!(crate::harness::t0()),
            "an unchanged time keeps its seconds"
        );

        let (status, confirm) = get(&s, &format!("/urges/{id}/delete")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(confirm.contains("This cannot be undone."));
        let r = post(&s, &format!("/urges/{id}/delete"), &[("csrf", &csrf)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, html) = get(&s, "/urges?deleted=1").await;
        assert!(html.contains("Nothing here yet"));
        assert_eq!(urges_in_store(&s, "ana").await, serde_json::json!([]));
    })
    .await;
}

#[tokio::test]
async fn forms_without_the_right_token_are_refused() {
    each_backend(|s| async move {
        // Before sign-in: no pre-auth cookie yet, then a wrong token.
        let r = post(
            &s,
            "/signup",
            &[
                ("username", "ben"),
                ("password", PASSWORD),
                ("time_zone", "UTC"),
            ],
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let _ = get(&s, "/signup").await;
        let r = post(
            &s,
            "/signup",
            &[
                ("csrf", "wrong"),
                ("username", "ben"),
                ("password", PASSWORD),
            ],
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let (_, html) = page(&s, r).await;
        assert!(html.contains("nothing was saved"));

        let csrf = sign_up(&s, "cara").await;
        for token in ["", "wrong"] {
            let r = post(&s, "/urges", &quick_entry(token, "x")).await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{token:?}");
        }
        assert_eq!(urges_in_store(&s, "cara").await, serde_json::json!([]));
        let r = post(
            &s,
            "/settings",
            &[("csrf", "wrong"), ("time_zone", "Asia/Tokyo")],
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = post(&s, "/signout", &[("csrf", "wrong")]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let (status, _) = get(&s, "/urges").await;
        assert_eq!(status, StatusCode::OK, "still signed in");
        drop(csrf);
    })
    .await;
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_everything_kept() {
    each_backend(|s| async move {
        let csrf = sign_up(&s, "dev").await;
        let r = post(
            &s,
            "/urges",
            &[
                ("csrf", &csrf),
                ("intensity_before", "11"),
                ("form", "checking_in"),
                ("did", "delayed"),
                ("note", "kept <safe> & sound"),
            ],
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (_, html) = page(&s, r).await;
        assert!(html.contains("11 is outside the scale"));
        assert!(html.contains("Please choose what set it off."));
        assert!(html.contains(r#"value="checking_in" checked"#));
        assert!(html.contains(r#"value="delayed" checked"#));
        assert!(
            html.contains("kept &#60;safe&#62; &#38; sound")
                || html.contains("kept &lt;safe&gt; &amp; sound")
        );
        assert!(
            html.contains(r#"<details class="more" open>"#),
            "the note's section stays open"
        );
        assert_eq!(urges_in_store(&s, "dev").await, serde_json::json!([]));

        let r = post(
            &s,
            "/signup",
            &[("csrf", "x"), ("username", "dev"), ("password", PASSWORD)],
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);

        let r = post(
            &s,
            "/settings",
            &[("csrf", &csrf), ("time_zone", "Mars/Olympus")],
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (_, html) = page(&s, r).await;
        assert!(html.contains(r#"value="Mars/Olympus""#));
        assert!(html.contains("not a time zone name we know"));
        let r = post(
            &s,
            "/settings",
            &[("csrf", &csrf), ("time_zone", "Asia/Tokyo")],
        )
        .await;
        assert_eq!(location(&r), "/settings?saved=1");
        let (_, html) = get(&s, "/settings?saved=1").await;
        assert!(html.contains(r#"value="Asia/Tokyo""#));
    })
    .await;
}

#[tokio::test]
async fn sign_up_mistakes_and_sign_in_and_out() {
    each_backend(|s| async move {
        let (_, html) = get(&s, "/signup").await;
        let csrf = csrf_in(&html);
        assert!(
            html.contains("data-fill-zone"),
            "the script may fill in the zone"
        );
        assert!(html.contains(r#"<option value="America/New_York">"#));
        let r = post(
            &s,
            "/signup",
            &[
                ("csrf", &csrf),
                ("username", "e"),
                ("password", "short"),
                ("time_zone", "Europe/Paris"),
            ],
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (_, html) = page(&s, r).await;
        assert!(html.contains("3 to 40 characters"));
        assert!(html.contains(r#"value="e""#));
        assert!(html.contains(r#"value="Europe/Paris""#));
        assert!(
            !html.contains("data-fill-zone"),
            "the person's own zone is kept"
        );

        let csrf_after = sign_up(&s, "erin").await;
        let r = post(&s, "/signout", &[("csrf", &csrf_after)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&r), "/");
        let r = s.client.get(s.url("/urges")).send().await.expect("sent");
        assert_eq!(location(&r), "/signin", "signed out");

        let (_, html) = get(&s, "/signup").await;
        let csrf = csrf_in(&html);
        let r = post(
            &s,
            "/signup",
            &[
                ("csrf", &csrf),
                ("username", "Erin"),
                ("password", PASSWORD),
            ],
        )
        .await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        let (_, html) = page(&s, r).await;
        assert!(html.contains("Please choose another one."));

        let (_, html) = get(&s, "/signin").await;
        let csrf = csrf_in(&html);
        let r = post(
            &s,
            "/signin",
            &[
                ("csrf", &csrf),
                ("username", "erin"),
                ("password", "not the password"),
            ],
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let (_, html) = page(&s, r).await;
        assert!(html.contains("do not match an account"));
        assert!(html.contains(r#"value="erin""#));
        let r = post(
            &s,
            "/signin",
            &[
                ("csrf", &csrf),
                ("username", "erin"),
                ("password", PASSWORD),
            ],
        )
        .await;
        assert_eq!(location(&r), "/urges");
        let (status, _) = get(&s, "/settings").await;
        assert_eq!(status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn another_persons_entry_is_not_found() {
    each_backend(|s| async move {
        let csrf = sign_up(&s, "fay").await;
        post(&s, "/urges", &quick_entry(&csrf, "mine")).await;
        let (_, html) = get(&s, "/urges").await;
        let id = first_entry_id(&html);
        let r = post(&s, "/signout", &[("csrf", &csrf)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);

        let other = sign_up(&s, "gus").await;
        let (status, html) = get(&s, &format!("/urges/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!html.contains("mine"));
        let (status, _) = get(&s, &format!("/urges/{id}/delete")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let r = post(&s, &format!("/urges/{id}/delete"), &[("csrf", &other)]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let mut edit = quick_entry(&other, "theirs");
        edit.push(("intensity_after", "1"));
        let r = post(&s, &format!("/urges/{id}"), &edit).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (status, _) = get(&s, "/urges/not-an-id").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(urges_in_store(&s, "fay").await[0]["note"], "mine");
    })
    .await;
}

#[tokio::test]
async fn assets_have_their_types() {
    each_backend(|s| async move {
        for (path, kind) in [
            ("/assets/app.css", "text/css"),
            ("/assets/app.js", "text/javascript"),
            ("/manifest.webmanifest", "application/manifest+json"),
            ("/assets/icon.svg", "image/svg+xml"),
            ("/assets/icon-192.png", "image/png"),
            ("/assets/icon-512.png", "image/png"),
            ("/assets/icon-maskable-512.png", "image/png"),
            ("/assets/apple-touch-icon.png", "image/png"),
            ("/favicon.ico", "image/x-icon"),
        ] {
            let r = s.client.get(s.url(path)).send().await.expect("sent");
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            let ct = r.headers()[reqwest::header::CONTENT_TYPE]
                .to_str()
                .unwrap_or_default()
                .to_owned();
            assert!(ct.starts_with(kind), "{path}: {ct}");
        }
        let r = s
            .client
            .get(s.url("/manifest.webmanifest"))
            .send()
            .await
            .expect("sent");
        let manifest: Value = r.json().await.expect("json");
        assert_eq!(manifest["start_url"], "/urges");
        assert_eq!(manifest["display"], "standalone");
    })
    .await;
}

#[tokio::test]
async fn settings_download_everything_and_delete_everything() {
    each_backend(|s| async move {
        let csrf = sign_up(&s, "wren").await;
        let r = post(&s, "/urges", &quick_entry(&csrf, "a private line")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);

        let r = s
            .client
            .get(s.url("/settings/export"))
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status(), StatusCode::OK, "{}", s.backend);
        let disposition = r
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        let export: Value = r.json().await.expect("json");
        assert_eq!(export["account"]["username"], "wren");
        assert_eq!(export["urges"][0]["note"], "a private line");

        let (_, html) = get(&s, "/settings").await;
        let csrf = csrf_in(&html);
        let r = post(
            &s,
            "/settings/delete",
            &[("csrf", &csrf), ("password", "not my password")],
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let (_, html) = page(&s, r).await;
        assert!(html.contains("nothing was deleted"));
        assert_eq!(
            urges_in_store(&s, "wren").await.as_array().map(Vec::len),
            Some(1)
        );

        let r = post(
            &s,
            "/settings/delete",
            &[("csrf", "forged"), ("password", PASSWORD)],
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);

        let r = post(
            &s,
            "/settings/delete",
            &[("csrf", &csrf), ("password", PASSWORD)],
        )
        .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&r), "/?deleted=1");
        let (_, html) = get(&s, "/?deleted=1").await;
        assert!(html.contains("have been deleted"));
        let r = s.client.get(s.url("/urges")).send().await.expect("sent");
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "signed out once the account is gone"
        );
        let (status, _) = s
            .call(
                s.request(reqwest::Method::POST, "/api/v1/tokens", None)
                    .json(&serde_json::json!({"username": "wren", "password": PASSWORD})),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "the account is gone");
    })
    .await;
}

#[tokio::test]
async fn a_worrying_note_is_saved_and_then_asks_gently_whether_you_are_safe() {
    each_backend(|s| async move {
        let csrf = sign_up(&s, "rae").await;
        let risky = "if he leaves i dont want to be alive anymore";
        let r = post(&s, "/urges", &quick_entry(&csrf, risky)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", s.backend);
        assert_eq!(location(&r), "/safety-check?from=/urges%3Fsaved%3D1");
        let stored = urges_in_store(&s, "rae").await;
        assert_eq!(stored[0]["note"], risky, "what they wrote is kept first");
        let (status, html) = get(&s, &location(&r)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Are you safe right now?"), "{html}");

        // Editing something else does not ask again; changing the text to something calm
        // does not either.
        let id = stored[0]["id"].as_str().expect("id").to_owned();
        let mut same = quick_entry(&csrf, risky);
        same.push(("intensity_after", "4"));
        let r = post(&s, &format!("/urges/{id}"), &same).await;
        assert_eq!(location(&r), "/urges?updated=1");
        let r = post(
            &s,
            &format!("/urges/{id}"),
            &quick_entry(&csrf, "feeling calmer now"),
        )
        .await;
        assert_eq!(location(&r), "/urges?updated=1");

        let r = post(
            &s,
            "/urges",
            &quick_entry(&csrf, "he's late again, I feel uneasy"),
        )
        .await;
        assert_eq!(
            location(&r),
            "/urges?saved=1",
            "ordinary worry is not flagged"
        );
    })
    .await;
}

#[tokio::test]
async fn the_log_suggests_what_the_latest_questionnaire_result_points_to() {
    each_backend(|s| async move {
        sign_up(&s, "juno").await;
        let (_, html) = get(&s, "/urges").await;
        assert!(
            !html.contains("Worth trying"),
            "nothing suggested before any result"
        );

        let (_, body) = s
            .call(
                s.request(reqwest::Method::POST, "/api/v1/tokens", None)
                    .json(&serde_json::json!({"username": "juno", "password": PASSWORD})),
            )
            .await;
        let token = body["token"].as_str().expect("token").to_owned();
        let (status, started) = s
            .call(
                s.request(reqwest::Method::POST, "/api/v1/assessments", Some(&token))
                    .json(&serde_json::json!({"instrument": "ecr-rs"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{}: {started}", s.backend);
        let id = started["id"].as_str().expect("id").to_owned();
        let all_sevens: serde_json::Map<String, Value> = (1..=9)
            .map(|n| (n.to_string(), serde_json::json!(7)))
            .collect();
        let (status, _) = s
            .call(
                s.request(
                    reqwest::Method::PUT,
                    &format!("/api/v1/assessments/{id}/answers"),
                    Some(&token),
                )
                .json(&serde_json::json!({"answers": all_sevens})),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, result) = s
            .call(s.request(
                reqwest::Method::POST,
                &format!("/api/v1/assessments/{id}/submit"),
                Some(&token),
            ))
            .await;
        assert_eq!(status, StatusCode::OK, "{result}");

        // All 7s on the ECR-RS: anxiety 7.0, avoidance 3.0, the anxious region.
        let (_, html) = get(&s, "/urges").await;
        assert!(html.contains("Worth trying"), "{}", s.backend);
        assert!(html.contains("the anxious region of your ECR-RS result"));
        assert!(html.contains("<strong>Delay ladder</strong>"));
        assert!(html.contains(r#"<strong>Thought records</strong>"#));
        assert!(html.contains(r#"href="/thoughts/new""#));
        assert!(
            !html.contains("Reliability ledger"),
            "only the region's own suggestions"
        );
    })
    .await;
}

#[tokio::test]
async fn a_form_that_cannot_be_read_gets_the_calm_page() {
    each_backend(|s| async move {
        let csrf = sign_up(&s, "ode").await;
        for (path, content_type, body) in [
            (
                "/assess/start",
                "application/x-www-form-urlencoded",
                format!("csrf={csrf}&x=1"),
            ),
            ("/urges", "application/json", "{}".to_owned()),
            ("/settings", "text/plain", "hello".to_owned()),
        ] {
            let r = s
                .client
                .post(s.url(path))
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .expect("sent");
            assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{}: {path}", s.backend);
            let (_, html) = page(&s, r).await;
            assert!(
                html.contains("This form could not be read"),
                "{path}: {html}"
            );
        }
    })
    .await;
}
