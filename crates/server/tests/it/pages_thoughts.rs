//! The thought-record pages, the request coach, the safety check and the crisis page.

use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::Value;
use steady_core::crisis::{CrisisLines, STATEMENT};
use steady_core::ids::UserId;
use steady_server::AppState;
use steady_store::testing::TestDb;
use steady_store::SessionKind;

use crate::harness::TestServer;

/// A server, an API token, and a signed-in browser session for the same person.
struct Web {
    s: TestServer,
    api: String,
    session: String,
    csrf: String,
}

impl Web {
    fn get(&self, path: &str) -> RequestBuilder {
        self.s
            .request(Method::GET, path, None)
            .header("cookie", format!("steady_session={}", self.session))
    }

    fn post(&self, path: &str, form: &[(&str, &str)]) -> RequestBuilder {
        let mut body: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        body.extend_from_slice(form);
        self.s
            .request(Method::POST, path, None)
            .header("cookie", format!("steady_session={}", self.session))
            .form(&body)
    }

    async fn send(&self, req: RequestBuilder) -> (StatusCode, String, String) {
        let response = req.send().await.expect("request sent");
        let status = response.status();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, location, response.text().await.expect("body"))
    }

    async fn api_list(&self) -> Value {
        self.s
            .call(
                self.s
                    .request(Method::GET, "/api/v1/thoughts", Some(&self.api)),
            )
            .await
            .1
    }
}

/// Runs `test` on each backend with a signed-in browser.
async fn each_backend_web<F, Fut>(test: F)
where
    F: Fn(Web) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for db in TestDb::all().await {
        let s = TestServer::start(&db).await;
        let api = s.sign_up("ana").await;
        let (_, me) = s
            .call(s.request(Method::GET, "/api/v1/me", Some(&api)))
            .await;
        let id: UserId = me["id"].as_str().expect("id").parse().expect("uuid");
        let store = db.store().await.expect("store");
        let state = AppState::new(store, s.clock.clone(), false);
        let (session, _) =
            steady_server::auth::tokens::issue(&state, id, SessionKind::Web, "browser")
                .await
                .expect("session");
        state.store.close().await;
        let csrf = steady_server::auth::csrf::token_for(&session);
        test(Web {
            s,
            api,
            session,
            csrf,
        })
        .await;
        db.teardown().await;
    }
}

/// Text as askama escapes it in a page.
fn esc(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('\'', "&#39;")
        .replace('"', "&#34;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
}

fn id_from(location: &str) -> String {
    location
        .trim_start_matches("/thoughts/")
        .split('/')
        .next()
        .expect("id")
        .to_owned()
}

#[tokio::test]
async fn the_crisis_page_is_public_and_lists_every_line_with_its_date() {
    for db in TestDb::all().await {
        let s = TestServer::start(&db).await;
        let response = s.client.get(s.url("/crisis")).send().await.expect("sent");
        assert_eq!(response.status(), StatusCode::OK, "{}", s.backend);
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .expect("csp")
            .to_owned();
        assert!(csp.contains("script-src 'self'"));
        let html = response.text().await.expect("body");
        for line in CrisisLines::default_lines().all() {
            assert!(html.contains(&esc(&line.name)), "{} missing", line.name);
            for c in &line.contacts {
                assert!(html.contains(&c.value), "{} missing", c.value);
            }
            assert!(html.contains(&format!(
                "as listed on <time datetime=\"{}\"",
                line.verified
            )));
        }
        assert!(html.contains("findahelpline.com"));
        for asset in ["/assets/thought.css", "/assets/thought.js"] {
            let response = s.client.get(s.url(asset)).send().await.expect("sent");
            assert_eq!(response.status(), StatusCode::OK, "{asset}");
        }
        assert!(html.contains("call your local emergency number"));
        assert!(html.contains("5-4-3-2-1"));
        assert!(
            html.contains(&esc(STATEMENT)),
            "the statement is on the page"
        );
        assert!(
            html.contains("href=\"/crisis\""),
            "the footer links to the crisis page"
        );
        assert_eq!(
            html.matches("<script").count(),
            html.matches("<script src=\"/assets/").count(),
            "no inline script; only the site's own files"
        );
        assert!(
            !html.contains("src=\"http"),
            "nothing loads from another host"
        );
        db.teardown().await;
    }
}

#[tokio::test]
async fn a_thought_record_step_by_step_keeps_the_thought_in_view() {
    each_backend_web(|w| async move {
        let thought = "He hasn't texted back, he must be losing interest";
        let (status, location, _) = w
            .send(w.post(
                "/thoughts/new",
                &[("situation", "Friday night"), ("thought", thought)],
            ))
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", w.s.backend);
        assert!(location.ends_with("/step/2"), "{location}");
        let id = id_from(&location);
        let escaped = &esc(thought);

        for step in 2..=5 {
            let (status, _, html) = w.send(w.get(&format!("/thoughts/{id}/step/{step}"))).await;
            assert_eq!(status, StatusCode::OK);
            assert!(
                html.contains("class=\"thought-pin\""),
                "step {step} pins the thought"
            );
            assert!(html.contains(escaped), "step {step} shows the thought");
        }

        let (_, _, step3) = w.send(w.get(&format!("/thoughts/{id}/step/3"))).await;
        assert!(step3.contains("value=\"mind_reading\""));
        assert!(step3.contains("For example:"), "each trap has an example");
        assert!(!step3.contains(" checked>"), "nothing is pre-checked");
        let first = step3.find("Might fit this thought").expect("suggestions");
        let more = step3.find("Other thinking traps").expect("the rest");
        let mind = step3.find("value=\"mind_reading\"").expect("mind reading");
        assert!(
            first < mind && mind < more,
            "mind reading is among the suggestions"
        );

        let (status, location, _) = w
            .send(w.post(
                &format!("/thoughts/{id}/step/2"),
                &[
                    ("emotion_name", "anxious"),
                    ("emotion_intensity", "80"),
                    ("emotion_name", ""),
                    ("emotion_intensity", "50"),
                    ("go", "next"),
                ],
            ))
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(location.ends_with("/step/3"));
        w.send(w.post(
            &format!("/thoughts/{id}/step/3"),
            &[("trap", "mind_reading"), ("trap", "fortune_telling")],
        ))
        .await;
        w.send(w.post(
            &format!("/thoughts/{id}/step/4"),
            &[
                ("evidence_for", "He was quiet at dinner"),
                ("evidence_against", "He said he is tired"),
            ],
        ))
        .await;
        let (_, _, step5) = w.send(w.get(&format!("/thoughts/{id}/step/5"))).await;
        assert!(
            step5.contains("you rated &quot;anxious&quot; at 80")
                || step5.contains("you rated \"anxious\" at 80"),
            "step 5 recalls the rating"
        );
        let (status, location, _) = w
            .send(w.post(
                &format!("/thoughts/{id}/step/5"),
                &[
                    ("balanced_thought", "He is tired, not gone"),
                    ("intensity_after", "40"),
                ],
            ))
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location, format!("/thoughts/{id}"));

        let list = w.api_list().await;
        let r = &list[0];
        assert_eq!(r["thought"], thought);
        assert_eq!(r["situation"], "Friday night");
        assert_eq!(
            r["emotions"],
            serde_json::json!([{"name": "anxious", "intensity": 80}])
        );
        assert_eq!(
            r["traps"],
            serde_json::json!(["mind_reading", "fortune_telling"])
        );
        assert_eq!(r["evidence_against"], "He said he is tired");
        assert_eq!(r["intensity_after"], 40);

        let (_, _, view) = w.send(w.get(&format!("/thoughts/{id}"))).await;
        assert!(view.contains("Mind reading, Fortune telling"));
        assert!(view.contains("80 before, 40 after"));
        let (_, _, list_page) = w.send(w.get("/thoughts")).await;
        assert!(list_page.contains(escaped.as_str()));

        let (_, _, step3) = w.send(w.get(&format!("/thoughts/{id}/step/3"))).await;
        assert!(
            step3.contains("value=\"mind_reading\" checked"),
            "the person's own choice shows"
        );

        let (status, _, _) = w.send(w.get(&format!("/thoughts/{id}/delete"))).await;
        assert_eq!(status, StatusCode::OK);
        let (status, location, _) = w.send(w.post(&format!("/thoughts/{id}/delete"), &[])).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location, "/thoughts?deleted=1");
        assert_eq!(w.api_list().await, serde_json::json!([]));
    })
    .await;
}

#[tokio::test]
async fn mistakes_come_back_with_what_was_typed_and_forms_need_their_token() {
    each_backend_web(|w| async move {
        let (status, _, html) = w
            .send(w.post(
                "/thoughts/new",
                &[("situation", "At the café, waiting"), ("thought", "  ")],
            ))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", w.s.backend);
        assert!(
            html.contains("At the café, waiting"),
            "the situation is kept"
        );
        assert!(html.contains("role=\"alert\""));

        let (_, location, _) = w
            .send(w.post("/thoughts/new", &[("thought", "I'm too much")]))
            .await;
        let id = id_from(&location);
        let (status, _, html) = w
            .send(w.post(
                &format!("/thoughts/{id}/step/2"),
                &[
                    ("emotion_name", "overwhelmed"),
                    ("emotion_intensity", "101"),
                ],
            ))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("value=\"overwhelmed\""));
        assert!(html.contains("0 (not at all) to 100"));

        let response =
            w.s.request(Method::POST, "/thoughts/new", None)
                .header("cookie", format!("steady_session={}", w.session))
                .form(&[("csrf", "forged"), ("thought", "x")])
                .send()
                .await
                .expect("sent");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(w.api_list().await.as_array().map(Vec::len), Some(1));

        let suggest = |token: &str| {
            w.s.request(Method::POST, "/thoughts/suggest", None)
                .header("cookie", format!("steady_session={}", w.session))
                .header("x-csrf-token", token)
                .json(&serde_json::json!({"text": "She must think I'm boring"}))
        };
        let (status, body) = w.s.call(suggest(&w.csrf)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            body["suggestions"].as_array().is_some_and(|s| s.len() >= 3),
            "{body}"
        );
        let (status, _) = w.s.call(suggest("forged")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        let response =
            w.s.client
                .get(w.s.url("/thoughts/new"))
                .send()
                .await
                .expect("sent");
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "signed out goes to sign in"
        );
    })
    .await;
}

#[tokio::test]
async fn risky_words_are_saved_then_the_person_is_asked_if_they_are_safe() {
    each_backend_web(|w| async move {
        let (status, location, _) = w
            .send(w.post("/thoughts/new", &[("thought", "I want to kill myself")]))
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", w.s.backend);
        assert!(
            location.starts_with("/safety-check?from=/thoughts/"),
            "{location}"
        );
        assert!(location.ends_with("/step/2"), "{location}");
        let list = w.api_list().await;
        assert_eq!(
            list[0]["thought"], "I want to kill myself",
            "what they wrote is saved first"
        );

        let (status, _, html) = w.send(w.get(&location)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Are you safe right now?"));
        for answer in ["I'm safe", "I'm not sure", "I'm not safe"] {
            assert!(html.contains(answer), "{answer}");
        }
        let from = location.trim_start_matches("/safety-check?from=");

        for answer in ["unsure", "unsafe"] {
            let (status, to, _) = w
                .send(w.get(&format!("/safety-check/answer?answer={answer}&from={from}")))
                .await;
            assert_eq!(status, StatusCode::SEE_OTHER);
            assert_eq!(to, "/crisis?from=check");
        }
        let (status, _, html) = w
            .send(w.get(&format!("/safety-check/answer?answer=safe&from={from}")))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains(&format!("href=\"{from}\"")),
            "back to where they were"
        );
        let (_, _, crisis) = w.send(w.get("/crisis?from=check")).await;
        assert!(crisis.contains("Thank you for telling me"));

        let (_, _, html) = w
            .send(w.get("/safety-check/answer?answer=safe&from=https://evil.example"))
            .await;
        assert!(
            !html.contains("evil.example"),
            "never sends anyone off the site"
        );

        let id = id_from(from);
        let (_, location, _) = w
            .send(w.post(
                &format!("/thoughts/{id}/step/4"),
                &[
                    ("evidence_for", "nothing"),
                    ("evidence_against", "she called"),
                ],
            ))
            .await;
        assert_eq!(
            location,
            format!("/thoughts/{id}/step/5"),
            "calm text goes straight on"
        );
    })
    .await;
}

#[tokio::test]
async fn the_third_same_thought_in_a_day_brings_one_gentle_note() {
    each_backend_web(|w| async move {
        for (i, text) in [
            "She will leave me",
            "she'll leave me... she will leave me",
            "SHE WILL LEAVE ME",
        ]
        .iter()
        .enumerate()
        {
            let (_, location, _) = w.send(w.post("/thoughts/new", &[("thought", text)])).await;
            if i < 2 {
                assert!(
                    !location.contains("note=loop"),
                    "{}: {i}: {location}",
                    w.s.backend
                );
            } else {
                assert!(location.ends_with("/step/2?note=loop"), "{location}");
                let (_, _, html) = w.send(w.get(&location)).await;
                assert!(html.contains("checking loop"));
                let (_, _, later) = w.send(w.get(location.trim_end_matches("?note=loop"))).await;
                assert!(
                    !later.contains("checking loop"),
                    "one note, not on every step"
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_coach_names_what_is_missing_and_offers_rewrites() {
    each_backend_web(|w| async move {
        let (status, _, html) = w.send(w.get("/coach")).await;
        assert_eq!(status, StatusCode::OK, "{}", w.s.backend);
        assert!(html.contains("What do you want to ask?"));
        let (status, _, html) = w
            .send(w.post(
                "/coach",
                &[("text", "Do you still love me? You never text me")],
            ))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("looking for reassurance"));
        assert!(html.contains("Ways you could say it"));
        assert!(html.contains("delay ladder"));
        assert!(html.contains("sound like blame"));
        assert!(html.contains("You could try:"));
        let (status, _, _) = w.send(w.post("/coach", &[("text", " ")])).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}
