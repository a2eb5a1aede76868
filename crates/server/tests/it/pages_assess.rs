//! The questionnaire pages over HTTP: privacy before statements, saving as you go, the
//! result page. A browser session is made directly in the store, so these tests do not
//! depend on the sign-in pages.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use steady_core::ids::SessionId;
use steady_server::auth::tokens;
use steady_store::testing::TestDb;
use steady_store::{NewSession, SessionKind, Store};

use crate::harness::{t0, TestServer};

/// Signs `username` up through the API and returns a browser session token for them.
pub async fn web_session(s: &TestServer, db: &TestDb, username: &str) -> String {
    s.sign_up(username).await;
    let store = db.store().await.expect("second store on the same database");
    let user = store
        .user_by_username(username)
        .await
        .expect("query")
        .expect("user exists");
    let token = tokens::generate();
    store
        .create_session(NewSession {
            id: SessionId::new(),
            user_id: user.account.id,
            token_hash: tokens::hash(&token),
            kind: SessionKind::Web,
            label: "test browser".to_owned(),
            created_at: t0(),
            expires_at: t0() + Duration::days(365),
        })
        .await
        .expect("session");
    store.close().await;
    token
}

struct Page {
    status: StatusCode,
    location: String,
    body: String,
}

async fn fetch(
    s: &TestServer,
    token: &str,
    method: Method,
    path: &str,
    form: &[(&str, &str)],
) -> Page {
    let mut req = s
        .client
        .request(method.clone(), s.url(path))
        .header("cookie", format!("steady_session={token}"));
    if method == Method::POST {
        req = req.form(form);
    }
    let response = req.send().await.expect("sent");
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.text().await.expect("body");
    Page {
        status,
        location,
        body,
    }
}

fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("a csrf field") + marker.len();
    html[start..].split('"').next().expect("value").to_owned()
}

#[tokio::test]
async fn privacy_first_then_groups_saved_as_you_go_then_the_result() {
    for db in TestDb::all().await {
        let s = TestServer::start(&db).await;
        let token = web_session(&s, &db, "ana").await;
        let backend = s.backend;

        let page = fetch(&s, &token, Method::GET, "/assess", &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}: {}", page.body);
        assert!(page.body.contains("Before you start"));
        assert!(page.body.contains("Encrypted"));
        assert!(page.body.contains("not a diagnosis"));
        assert!(page.body.contains("Brennan, K. A. (2000)"));
        assert!(
            !page.body.contains("that I will lose my partner"),
            "no statement before the explanation"
        );
        let csrf = csrf_of(&page.body);

        // Without the form's token nothing starts.
        let refused = fetch(
            &s,
            &token,
            Method::POST,
            "/assess/start",
            &[("csrf", "x"), ("instrument", "ecr-rs")],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        let started = fetch(
            &s,
            &token,
            Method::POST,
            "/assess/start",
            &[
                ("csrf", &csrf),
                ("instrument", "ecr-rs"),
                ("about", "partner"),
            ],
        )
        .await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
        let path = started.location.clone();
        assert!(path.starts_with("/assess/"));

        let first = fetch(&s, &token, Method::GET, &path, &[]).await;
        assert_eq!(first.status, StatusCode::OK);
        assert!(first.body.contains("0 of 9 answered"));
        assert!(first.body.contains("<progress"));
        assert!(first
            .body
            .contains("It helps to turn to this person in times of need."));
        assert!(first.body.contains("about your romantic partner"));
        assert!(
            !first.body.contains("I prefer not to show this person"),
            "item 6 is on page 2"
        );

        let mut form: Vec<(String, String)> = vec![
            ("csrf".into(), csrf.clone()),
            ("group".into(), "0".into()),
            ("action".into(), "pause".into()),
        ];
        for n in 1..=5 {
            form.push((format!("item_{n}"), "6".into()));
        }
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let paused = fetch(&s, &token, Method::POST, &path, &pairs).await;
        assert_eq!(paused.status, StatusCode::SEE_OTHER);
        assert_eq!(paused.location, "/assess?paused=1");
        let overview = fetch(&s, &token, Method::GET, "/assess?paused=1", &[]).await;
        assert!(overview.body.contains("Your answers are saved"));
        assert!(overview.body.contains("Continue where you left off"));
        assert!(overview.body.contains("5 of 9 answered"));

        // Resuming opens the second page, with the first page's answers kept.
        let second = fetch(&s, &token, Method::GET, &path, &[]).await;
        assert!(second.body.contains("5 of 9 answered"));
        assert!(second.body.contains("page 2 of 2"));
        let back = fetch(&s, &token, Method::GET, &format!("{path}?group=0"), &[]).await;
        assert!(
            back.body.contains("name=\"item_1\" value=\"6\" checked"),
            "{}",
            back.body
        );

        // Finishing with one left open asks for it; then the result.
        let mut form: Vec<(String, String)> = vec![
            ("csrf".into(), csrf.clone()),
            ("group".into(), "1".into()),
            ("action".into(), "next".into()),
        ];
        for n in 6..=8 {
            form.push((format!("item_{n}"), "3".into()));
        }
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let open = fetch(&s, &token, Method::POST, &path, &pairs).await;
        assert!(
            open.location.ends_with("?group=1&missing=1"),
            "{}",
            open.location
        );
        let open_page = fetch(&s, &token, Method::GET, &open.location, &[]).await;
        assert!(open_page.body.contains("A few statements are still open"));
        let done = fetch(
            &s,
            &token,
            Method::POST,
            &path,
            &[
                ("csrf", &csrf),
                ("group", "1"),
                ("action", "next"),
                ("item_9", "7"),
            ],
        )
        .await;
        assert_eq!(done.location, format!("{path}/result"));

        let result = fetch(&s, &token, Method::GET, &done.location, &[]).await;
        assert_eq!(result.status, StatusCode::OK, "{}", result.body);
        let body = &result.body;
        assert!(body.contains("<svg"), "the chart");
        assert!(body.contains("The chart in words"));
        assert!(body.contains("region on a continuum"));
        assert!(body.contains("What it may mean for asking for reassurance"));
        assert!(body.contains("What to try first"));
        assert!(body.contains("not a diagnosis"));
        assert!(body.contains("Psychological Assessment, 23(3), 615-625"));
        assert!(body.contains("non-commercial"));
        assert!(!body.contains("style=\""), "no inline style under the CSP");
        assert!(
            body.match_indices("<script")
                .all(|(at, _)| body[at..].starts_with("<script src=\"/assets/")),
            "no inline script: every script comes from the server's own assets"
        );

        // A re-take is not offered until eight weeks have passed, then offered gently.
        let overview = fetch(&s, &token, Method::GET, "/assess", &[]).await;
        assert!(
            overview.body.contains("It will be here to take again from"),
            "{}",
            overview.body
        );
        assert!(!overview.body.contains("Take it again"));
        s.clock.advance(Duration::weeks(8));
        let overview = fetch(&s, &token, Method::GET, "/assess", &[]).await;
        assert!(overview.body.contains("Take it again"));
        assert!(overview.body.contains("There is no need to."));

        // Another person's questionnaire is not found.
        let other = web_session(&s, &db, "bob").await;
        let theirs = fetch(&s, &other, Method::GET, &format!("{path}/result"), &[]).await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        let theirs = fetch(&s, &other, Method::GET, &path, &[]).await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);

        // Only the owner can delete a result, after a confirm page.
        let their_csrf = csrf_of(&fetch(&s, &other, Method::GET, "/assess", &[]).await.body);
        let theirs = fetch(&s, &other, Method::GET, &format!("{path}/delete"), &[]).await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        let theirs = fetch(
            &s,
            &other,
            Method::POST,
            &format!("{path}/delete"),
            &[("csrf", &their_csrf)],
        )
        .await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        let confirm = fetch(&s, &token, Method::GET, &format!("{path}/delete"), &[]).await;
        assert_eq!(confirm.status, StatusCode::OK);
        assert!(confirm.body.contains("It cannot be undone."));
        let forged = fetch(
            &s,
            &token,
            Method::POST,
            &format!("{path}/delete"),
            &[("csrf", "forged")],
        )
        .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let csrf = csrf_of(&confirm.body);
        let gone = fetch(
            &s,
            &token,
            Method::POST,
            &format!("{path}/delete"),
            &[("csrf", &csrf)],
        )
        .await;
        assert_eq!(gone.location, "/assess?deleted=1");
        let overview = fetch(&s, &token, Method::GET, &gone.location, &[]).await;
        assert!(overview
            .body
            .contains("That result and its answers are deleted."));
        let result = fetch(&s, &token, Method::GET, &format!("{path}/result"), &[]).await;
        assert_eq!(result.status, StatusCode::NOT_FOUND);

        // Signed out: to the sign-in page.
        let response = s.client.get(s.url("/assess")).send().await.expect("sent");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        drop(s);
        db.teardown().await;
    }
}

#[tokio::test]
async fn the_assessment_stylesheet_is_served() {
    let db = TestDb::sqlite();
    let s = TestServer::start(&db).await;
    let response = s
        .client
        .get(s.url("/assets/assess.css"))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    let css = response.text().await.expect("body");
    assert!(css.contains(".steady-chart .region-secure"));
    assert!(css.contains("prefers-color-scheme: dark"));
}

#[tokio::test]
async fn the_ecr_rs_can_be_about_someone_else_and_is_kept_apart() {
    let db = TestDb::sqlite();
    let s = TestServer::start(&db).await;
    let token = web_session(&s, &db, "mae").await;
    let overview = fetch(&s, &token, Method::GET, "/assess", &[]).await;
    assert!(overview.body.contains("About someone else"));
    assert!(overview.body.contains(r#"<option value="mother">"#));
    let csrf = csrf_of(&overview.body);
    let started = fetch(
        &s,
        &token,
        Method::POST,
        "/assess/start",
        &[
            ("csrf", &csrf),
            ("instrument", "ecr-rs"),
            ("about", "mother"),
        ],
    )
    .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let path = started.location.clone();
    let first = fetch(&s, &token, Method::GET, &path, &[]).await;
    assert!(
        first.body.contains("mother"),
        "the statements say whom they are about"
    );

    // Two pages of statements (5, then 4), every answer "4".
    for group in 0..2 {
        let mut form: Vec<(String, String)> = (1..=9)
            .map(|n| (format!("item_{n}"), "4".to_owned()))
            .collect();
        form.push(("csrf".to_owned(), csrf_of(&first.body)));
        form.push(("group".to_owned(), group.to_string()));
        form.push(("action".to_owned(), "next".to_owned()));
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let page = fetch(&s, &token, Method::POST, &path, &form).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        if group == 1 {
            assert_eq!(page.location, format!("{path}/result"));
        }
    }
    let overview = fetch(&s, &token, Method::GET, "/assess", &[]).await;
    assert!(
        overview.body.contains("ECR-RS about your mother"),
        "{}",
        overview.body
    );
    assert!(
        !overview.body.contains("It will be here to take again from"),
        "a result about someone else does not hold back the one about the partner"
    );
    drop(s);
    db.teardown().await;
}
