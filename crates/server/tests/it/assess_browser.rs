//! The questionnaire in a real browser: Debian's Chromium at phone width (390px), light and
//! dark. Skipped, with a notice, where Chromium or chromedriver is not installed.
//!
//! Signs up through `/signup` when the sign-up page exists (form fields `username`,
//! `password`, `time_zone`, a submit button); otherwise gives the browser a session made
//! directly in the store. Screenshots go to `$CARGO_TARGET_TMPDIR/assess-*.png`.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use steady_store::testing::TestDb;

use crate::harness::TestServer;
use crate::pages_assess::web_session;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start_driver() -> Option<Driver> {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        eprintln!("notice: {CHROMIUM} or {CHROMEDRIVER} is missing; skipping the browser test");
        return None;
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver { child, port };
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(driver);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not start listening");
}

async fn open_browser(driver: &Driver, profile: &Path, dark: bool) -> Client {
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--window-size=390,844".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--no-first-run".to_owned(),
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1".to_owned(),
        format!("--user-data-dir={}", profile.display()),
    ];
    if dark {
        args.push("--force-dark-mode".to_owned());
    }
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": CHROMIUM, "args": args }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!("an object")
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session")
}

async fn js(b: &Client, script: &str) -> Value {
    b.execute(script, vec![]).await.expect("script runs")
}

async fn screenshot(b: &Client, name: &str) -> PathBuf {
    // The whole page, not just the first screen: grow the window to the page's height.
    js(b, "window.scrollTo(0, 0); return true").await;
    let height = js(b, "return document.documentElement.scrollHeight").await;
    let height = height.as_u64().unwrap_or(844).clamp(844, 6000) as u32;
    b.set_window_size(390, height).await.ok();
    let png = b.screenshot().await.expect("screenshot");
    b.set_window_size(390, 844).await.ok();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("assess-{name}.png"));
    std::fs::write(&path, png).expect("screenshot written");
    eprintln!("screenshot: {}", path.display());
    path
}

async fn click(b: &Client, css: &str) {
    b.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

async fn body_text(b: &Client) -> String {
    js(b, "return document.body.innerText")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The page's text once it contains `needle` (pages load after a click asynchronously).
async fn wait_for(b: &Client, needle: &str) -> String {
    let mut text = String::new();
    for _ in 0..50 {
        text = body_text(b).await;
        if text.contains(needle) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the page never showed {needle:?}; it shows:\n{text}");
}

/// Checks what every page must: fits a phone, loads nothing from elsewhere.
async fn check_page(b: &Client, base: &str, what: &str) {
    let fits = js(
        b,
        "return document.documentElement.scrollWidth <= window.innerWidth",
    )
    .await;
    assert_eq!(fits, json!(true), "{what}: wider than a phone screen");
    let foreign = js(
        b,
        "return performance.getEntriesByType('resource').map(e => e.name)",
    )
    .await;
    for url in foreign.as_array().into_iter().flatten() {
        let url = url.as_str().unwrap_or_default();
        assert!(url.starts_with(base), "{what}: loaded {url}");
    }
}

/// Gives the browser a session cookie, set from a page of the same origin.
async fn set_session(b: &Client, s: &TestServer, token: &str) {
    b.goto(&s.url("/not-a-page")).await.expect("same origin");
    b.execute(
        "document.cookie = 'steady_session=' + arguments[0] + '; path=/; SameSite=Lax'",
        vec![json!(token)],
    )
    .await
    .expect("cookie set");
}

/// Signs in through the sign-up page where it exists, else with a session cookie.
async fn sign_in(b: &Client, s: &TestServer, db: &TestDb) -> String {
    let signup = s.client.get(s.url("/signup")).send().await.expect("sent");
    if signup.status().is_success() {
        b.goto(&s.url("/signup")).await.expect("signup page");
        b.find(Locator::Css("input[name=username]"))
            .await
            .expect("username field")
            .send_keys("ana")
            .await
            .expect("typed");
        b.find(Locator::Css("input[name=password]"))
            .await
            .expect("password field")
            .send_keys("a calm long sentence")
            .await
            .expect("typed");
        click(b, "form [type=submit]").await;
        b.goto(&s.url("/assess")).await.expect("assess page");
        let url = b.current_url().await.expect("url");
        if url.path() == "/assess" {
            let cookie = b
                .get_named_cookie("steady_session")
                .await
                .expect("a session cookie");
            return cookie.value().to_owned();
        }
        eprintln!("notice: signing up through /signup did not sign in; using a store session");
    }
    let token = web_session(s, db, "ana-browser").await;
    set_session(b, s, &token).await;
    token
}

#[tokio::test]
async fn take_the_ecr_rs_in_a_phone_sized_browser_light_and_dark() {
    let Some(driver) = start_driver() else {
        return;
    };
    let db = TestDb::sqlite();
    let s = TestServer::start(&db).await;
    let profile = tempfile::tempdir().expect("profile dir");
    let b = open_browser(&driver, profile.path(), false).await;
    let token = sign_in(&b, &s, &db).await;

    // The overview explains privacy; no statement is on it.
    b.goto(&s.url("/assess")).await.expect("overview");
    let text = body_text(&b).await;
    assert!(text.contains("Before you start"), "{text}");
    assert!(text.contains("Only for you"));
    assert!(!text.contains("It helps to turn to this person"));
    check_page(&b, &s.base, "overview").await;
    screenshot(&b, "overview-light").await;

    click(
        &b,
        "form:has(input[name=instrument][value=ecr-rs]) button[type=submit]",
    )
    .await;
    let text = wait_for(&b, "0 of 9 answered").await;
    assert!(text.contains("It helps to turn to this person in times of need."));
    check_page(&b, &s.base, "questions").await;
    for (n, v) in [(1, 6), (2, 5), (3, 6), (4, 5), (5, 2)] {
        click(&b, &format!("label[for=i{n}-{v}]")).await;
    }
    screenshot(&b, "questions-light").await;
    click(&b, "button[value=next]").await;
    wait_for(&b, "page 2 of 2").await;

    // Pause on page 2, then resume from the overview.
    click(&b, "label[for=i6-3]").await;
    click(&b, "button[value=pause]").await;
    let text = wait_for(&b, "Your answers are saved").await;
    assert!(text.contains("6 of 9 answered"), "{text}");
    click(&b, "a[href^='/assess/']").await;
    wait_for(&b, "page 2 of 2").await;
    let checked = js(&b, "return document.querySelector('#i6-3').checked").await;
    assert_eq!(checked, json!(true), "the paused answer is kept");
    for (n, v) in [(7, 5), (8, 6), (9, 6)] {
        click(&b, &format!("label[for=i{n}-{v}]")).await;
    }
    click(&b, "button[value=next]").await;

    // The result.
    wait_for(&b, "Your ECR-RS result").await;
    let url = b.current_url().await.expect("url");
    assert!(url.path().ends_with("/result"), "{url}");
    let text = body_text(&b).await;
    assert!(text.contains("Your ECR-RS result"), "{text}");
    assert!(text.contains("anxious region"), "{text}");
    assert!(text.contains("What to try first"));
    assert!(text.contains("Fraley"));
    check_page(&b, &s.base, "result").await;
    let fill = js(
        &b,
        "return getComputedStyle(document.querySelector('.steady-chart .region-anxious')).fill",
    )
    .await;
    assert_eq!(fill, json!("rgb(246, 220, 194)"), "light region colour");
    screenshot(&b, "result-light").await;
    b.close().await.ok();

    // Dark mode: the same page with dark colours from assess.css.
    let dark_profile = tempfile::tempdir().expect("profile dir");
    let d = open_browser(&driver, dark_profile.path(), true).await;
    set_session(&d, &s, &token).await;
    d.goto(url.as_str()).await.expect("result page");
    let fill = js(
        &d,
        "return getComputedStyle(document.querySelector('.steady-chart .region-anxious')).fill",
    )
    .await;
    assert_eq!(fill, json!("rgb(90, 58, 28)"), "dark region colour");
    let colour = js(
        &d,
        "return getComputedStyle(document.querySelector('.steady-chart')).color",
    )
    .await;
    assert_eq!(colour, json!("rgb(230, 232, 235)"), "light text on dark");
    screenshot(&d, "result-dark").await;
    d.goto(&s.url("/assess")).await.expect("overview");
    screenshot(&d, "overview-dark").await;
    d.close().await.ok();
}
