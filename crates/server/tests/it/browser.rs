//! A real browser (Debian's Chromium, driven over WebDriver) signs up, logs an urge, sees it in
//! the list and edits it. Skips with a notice where Chromium or chromedriver is not installed.
//!
//! Screenshots of each step, in light and dark, go to `target/screenshots/`.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use steady_store::testing::TestDb;

use crate::harness::TestServer;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// A common phone width, in CSS pixels; the pages must work down to 360.
const PHONE_WIDTH: u32 = 390;

/// chromedriver, stopped when the test ends however it ends.
struct Driver {
    child: Child,
    url: String,
    /// The browser profile of this test; any process still using it is ours to end.
    profile: PathBuf,
}

/// Ends every process whose command line names `profile`: the browsers of this test only.
fn end_browsers_using(profile: &Path) {
    let needle = format!("--user-data-dir={}", profile.display());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if cmdline
            .split(|b| *b == 0)
            .any(|arg| arg == needle.as_bytes())
        {
            let _ = Command::new("kill")
                .args(["-s", "KILL", &pid.to_string()])
                .status();
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Ask chromedriver to quit its browsers and itself; then make sure it is gone, with
        // anything left in its process group.
        let addr = self.url.trim_start_matches("http://");
        if let Ok(mut stream) = std::net::TcpStream::connect(addr) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let request =
                format!("GET /shutdown HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(request.as_bytes());
            let _ = stream.read_to_end(&mut Vec::new());
        }
        for _ in 0..30 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        end_browsers_using(&self.profile);
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &group])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn start_driver(profile: &Path) -> Driver {
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
        profile: profile.to_owned(),
    };
    let http = reqwest::Client::new();
    for _ in 0..100 {
        if let Ok(r) = http.get(format!("{}/status", driver.url)).send().await {
            if r.status().is_success() {
                return driver;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not answer within 10 seconds");
}

async fn connect(driver: &Driver, profile: &Path) -> Client {
    let args = [
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
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        json!({ "binary": CHROMIUM, "args": args }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a browser session")
}

/// Runs a Chrome DevTools command in the session, through chromedriver.
async fn cdp(driver: &Driver, client: &Client, cmd: &str, params: Value) -> Value {
    let session = client
        .session_id()
        .await
        .ok()
        .flatten()
        .expect("a session id");
    reqwest::Client::new()
        .post(format!("{}/session/{session}/goog/cdp/execute", driver.url))
        .json(&json!({ "cmd": cmd, "params": params }))
        .send()
        .await
        .expect("cdp command sent")
        .json::<Value>()
        .await
        .map(|v| v["value"].clone())
        .unwrap_or(Value::Null)
}

fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots")
}

/// Checks that the page needs no sideways scrolling, and saves the whole page (not only the
/// visible part) as `name-light.png` and `name-dark.png`. A screenshot that fails is only a
/// missing picture, never a failed test.
async fn snap(driver: &Driver, client: &Client, name: &str) -> Result<(), String> {
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth - window.innerWidth;",
            vec![],
        )
        .await
        .map_err(|e| format!("measure {name}: {e}"))?;
    if overflow.as_i64().unwrap_or(0) > 0 {
        return Err(format!(
            "{name}: the page is {overflow} pixels too wide for the screen"
        ));
    }
    let dir = screenshot_dir();
    let _ = std::fs::create_dir_all(&dir);
    for scheme in ["light", "dark"] {
        cdp(
            driver,
            client,
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
        // Let the colour transitions finish.
        tokio::time::sleep(Duration::from_millis(400)).await;
        let metrics = cdp(driver, client, "Page.getLayoutMetrics", json!({})).await;
        let height = metrics["cssContentSize"]["height"]
            .as_f64()
            .unwrap_or(844.0);
        let width = metrics["cssLayoutViewport"]["clientWidth"]
            .as_f64()
            .unwrap_or(f64::from(PHONE_WIDTH));
        let shot = cdp(
            driver,
            client,
            "Page.captureScreenshot",
            json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": width, "height": height.min(6000.0), "scale": 1 }
            }),
        )
        .await;
        let bytes = shot["data"]
            .as_str()
            .and_then(|d| base64::engine::general_purpose::STANDARD.decode(d).ok());
        let bytes = match bytes {
            Some(b) => b,
            None => match client.screenshot().await {
                Ok(b) => b,
                Err(_) => continue,
            },
        };
        let _ = std::fs::write(dir.join(format!("{name}-{scheme}.png")), bytes);
    }
    cdp(
        driver,
        client,
        "Emulation.setEmulatedMedia",
        json!({ "features": [] }),
    )
    .await;
    Ok(())
}

/// Clicks the label of the radio chip `name` = `value` (the input itself is visually hidden).
async fn chip(client: &Client, name: &str, value: &str) -> Result<(), String> {
    let xpath = format!("//input[@name='{name}' and @value='{value}']/parent::label");
    client
        .find(Locator::XPath(&xpath))
        .await
        .map_err(|e| format!("chip {name}={value}: {e}"))?
        .click()
        .await
        .map_err(|e| format!("click {name}={value}: {e}"))
}

async fn wait_for_path(client: &Client, wanted: &str) -> Result<(), String> {
    for _ in 0..100 {
        if let Ok(url) = client.current_url().await {
            let here = format!("{}?{}", url.path(), url.query().unwrap_or_default());
            if here.trim_end_matches('?') == wanted {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = client.current_url().await.map(|u| u.to_string());
    Err(format!(
        "expected to reach {wanted}, but the browser is at {url:?}"
    ))
}

/// Like `assert!`, but returns an error so that the browser is still closed.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// Waits (up to ten seconds) until the element at `css` shows text containing `wanted`.
async fn wait_for_text(client: &Client, css: &str, wanted: &str) -> Result<(), String> {
    let mut seen = String::new();
    for _ in 0..100 {
        if let Ok(el) = client.find(Locator::Css(css)).await {
            seen = el.text().await.unwrap_or_default();
            if seen.contains(wanted) {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!(
        "expected {css} to show {wanted:?}, it shows {seen:?}"
    ))
}

async fn body_text(client: &Client) -> String {
    match client.find(Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

#[tokio::test]
async fn sign_up_log_and_edit_in_a_real_browser() {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        println!("notice: chromium/chromedriver not installed; skipping the browser test");
        return;
    }
    let db = TestDb::sqlite();
    let server = TestServer::start(&db).await;
    let profile = tempfile::tempdir().expect("a temporary profile");
    let driver = start_driver(profile.path()).await;
    let client = connect(&driver, profile.path()).await;
    // A desktop window cannot be narrower than about 500 pixels; a phone's screen can.
    cdp(
        &driver,
        &client,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": PHONE_WIDTH, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;

    let result = run_flow(&driver, &client, &server).await;
    let _ = client.close().await;
    drop(driver);
    db.teardown().await;
    result.unwrap_or_else(|e| panic!("{e}"));
}

/// The steps; browser errors come back as text so the browser is always closed.
async fn run_flow(driver: &Driver, client: &Client, server: &TestServer) -> Result<(), String> {
    let e = |what: &'static str| move |err: fantoccini::error::CmdError| format!("{what}: {err}");

    client.goto(&server.url("/")).await.map_err(e("open /"))?;
    snap(driver, client, "01-welcome").await?;
    client
        .find(Locator::Css("a[href='/signup']"))
        .await
        .map_err(e("sign-up link"))?
        .click()
        .await
        .map_err(e("click sign up"))?;
    wait_for_path(client, "/signup").await?;

    let zone = client
        .find(Locator::Id("time_zone"))
        .await
        .map_err(e("time zone field"))?
        .prop("value")
        .await
        .map_err(e("time zone value"))?
        .unwrap_or_default();
    ensure!(!zone.is_empty(), "the script fills in the browser's zone");
    client
        .find(Locator::Id("username"))
        .await
        .map_err(e("username"))?
        .send_keys("river")
        .await
        .map_err(e("type username"))?;
    client
        .find(Locator::Id("password"))
        .await
        .map_err(e("password"))?
        .send_keys("a calm long sentence")
        .await
        .map_err(e("type password"))?;
    snap(driver, client, "02-signup").await?;
    client
        .find(Locator::Css("form[action='/signup'] button[type=submit]"))
        .await
        .map_err(e("create button"))?
        .click()
        .await
        .map_err(e("click create"))?;
    wait_for_path(client, "/urges").await?;
    snap(driver, client, "03-log-empty").await?;

    chip(client, "intensity_before", "7").await?;
    chip(client, "trigger", "no_reply").await?;
    chip(client, "form", "checking_in").await?;
    chip(client, "did", "asked").await?;
    client
        .find(Locator::Css("details.more summary"))
        .await
        .map_err(e("more"))?
        .click()
        .await
        .map_err(e("open more"))?;
    client
        .find(Locator::Id("note"))
        .await
        .map_err(e("note"))?
        .send_keys("Two hours without a reply.")
        .await
        .map_err(e("type note"))?;
    snap(driver, client, "04-log-filled").await?;
    client
        .find(Locator::Css("button.save"))
        .await
        .map_err(e("save"))?
        .click()
        .await
        .map_err(e("click save"))?;
    wait_for_path(client, "/urges?saved=1").await?;
    let text = body_text(client).await;
    ensure!(
        text.contains("Noticing the urge is a skill in itself."),
        "{text}"
    );
    ensure!(text.contains("Silence or no reply · Asked"), "{text}");
    ensure!(text.contains("Today"), "{text}");
    snap(driver, client, "05-log-saved").await?;

    client
        .find(Locator::Css("a.edit"))
        .await
        .map_err(e("edit link"))?
        .click()
        .await
        .map_err(e("click edit"))?;
    let note = client
        .find(Locator::Id("note"))
        .await
        .map_err(e("note on edit"))?
        .prop("value")
        .await
        .map_err(e("note value"))?;
    ensure!(
        note.as_deref() == Some("Two hours without a reply."),
        "the note on the edit page: {note:?}"
    );
    chip(client, "intensity_after", "3").await?;
    snap(driver, client, "06-edit").await?;
    client
        .find(Locator::Css("form[action^='/urges/'] button[type=submit]"))
        .await
        .map_err(e("save changes"))?
        .click()
        .await
        .map_err(e("click save changes"))?;
    wait_for_path(client, "/urges?updated=1").await?;
    let level = client
        .find(Locator::Css(".entry .level"))
        .await
        .map_err(e("level"))?
        .text()
        .await
        .map_err(e("level text"))?;
    ensure!(level.contains('7') && level.contains('3'), "{level}");
    snap(driver, client, "07-edited").await?;

    client
        .goto(&server.url("/settings"))
        .await
        .map_err(e("settings"))?;
    snap(driver, client, "08-settings").await?;
    client
        .goto(&server.url("/urges/not-an-entry"))
        .await
        .map_err(e("missing entry"))?;
    snap(driver, client, "09-not-found").await?;

    // Live trap suggestions while a thought is typed: a jump to conclusions gets
    // them, a calm thought is told that no trap stands out.
    client
        .goto(&server.url("/thoughts/new"))
        .await
        .map_err(e("new thought"))?;
    let thought = client
        .find(Locator::Id("thought"))
        .await
        .map_err(e("thought field"))?;
    thought
        .send_keys("he hasnt texted back in hours, he must be losing interest in me")
        .await
        .map_err(e("type thought"))?;
    wait_for_text(client, "#trap-preview", "Thinking traps that might fit").await?;
    wait_for_text(client, "#trap-preview ul", "Mind reading").await?;
    snap(driver, client, "10-thought-suggestions").await?;
    thought.clear().await.map_err(e("clear thought"))?;
    thought
        .send_keys("she's at her book club till nine, she'll text me on the way home")
        .await
        .map_err(e("type calm thought"))?;
    wait_for_text(client, "#trap-preview", "No thinking trap stands out").await?;
    snap(driver, client, "11-thought-calm").await?;

    // The narrowest phones in common use.
    cdp(
        driver,
        client,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    for (path, name) in [("/urges", "12-log-360"), ("/settings", "13-settings-360")] {
        client
            .goto(&server.url(path))
            .await
            .map_err(e("narrow page"))?;
        snap(driver, client, name).await?;
    }
    Ok(())
}
