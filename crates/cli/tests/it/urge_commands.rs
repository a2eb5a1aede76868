use serde_json::Value;

use crate::server::{steady, text, Server};

fn sign_up(server: &Server, username: &str) {
    let response = reqwest::blocking::Client::new()
        .post(format!("{}/api/v1/accounts", server.base))
        .json(&serde_json::json!({"username": username, "password": "a calm long sentence"}))
        .send()
        .expect("request");
    assert_eq!(response.status().as_u16(), 201);
}

#[test]
fn login_log_list_edit_and_delete_from_the_terminal() {
    let data = tempfile::tempdir().expect("temp dir");
    let config = tempfile::tempdir().expect("temp dir");
    let server = Server::start(data.path(), None);
    sign_up(&server, "ana");

    let out = steady(
        config.path(),
        &[
            "login",
            "--server",
            &server.base,
            "--username",
            "ana",
            "--password-stdin",
        ],
        Some("a calm long sentence\n"),
    );
    assert!(out.status.success(), "login failed: {}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Signed in"));
    let session = config.path().join("session.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&session)
            .expect("session file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the token file must be private");
    }

    let out = server.steady(
        config.path(),
        &[
            "urge",
            "log",
            "--intensity",
            "7",
            "--trigger",
            "no-reply",
            "--form",
            "question",
            "--did",
            "asked",
            "--note",
            "she went quiet after dinner",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let logged: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(logged["trigger"], "no_reply");
    assert_eq!(logged["form"], "repeated_question");
    assert_eq!(logged["intensity_before"], 7);
    let id = logged["id"].as_str().expect("id").to_owned();

    let out = server.steady(config.path(), &["urge", "list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["note"], "she went quiet after dinner");

    let out = server.steady(config.path(), &["urge", "list"]);
    let shown = text(&out.stdout);
    assert!(
        shown.contains("Silence or no reply") && shown.contains(&id),
        "{shown}"
    );

    let out = server.steady(
        config.path(),
        &["urge", "edit", &id, "--after", "3", "--json"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let edited: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(edited["intensity_after"], 3);

    let out = server.steady(config.path(), &["urge", "delete", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = server.steady(config.path(), &["urge", "show", &id]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no entry with that id"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn clear_messages_for_bad_input_a_stopped_server_and_a_bad_token() {
    let data = tempfile::tempdir().expect("temp dir");
    let config = tempfile::tempdir().expect("temp dir");

    let out = steady(config.path(), &["urge", "list"], None);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("steady login"),
        "{}",
        text(&out.stderr)
    );

    let mut server = Server::start(data.path(), None);
    sign_up(&server, "sam");
    let out = steady(
        config.path(),
        &[
            "login",
            "--server",
            &server.base,
            "--username",
            "sam",
            "--password-stdin",
        ],
        Some("the wrong password\n"),
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("do not match"),
        "{}",
        text(&out.stderr)
    );

    let out = steady(
        config.path(),
        &[
            "login",
            "--server",
            &server.base,
            "--username",
            "sam",
            "--password-stdin",
        ],
        Some("a calm long sentence\n"),
    );
    assert!(out.status.success());

    let out = server.steady(
        config.path(),
        &[
            "urge",
            "log",
            "--intensity",
            "11",
            "--trigger",
            "stress",
            "--form",
            "other",
            "--did",
            "asked",
        ],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("11"), "{}", text(&out.stderr));
    let out = server.steady(
        config.path(),
        &[
            "urge",
            "log",
            "--intensity",
            "5",
            "--trigger",
            "moon",
            "--form",
            "other",
            "--did",
            "asked",
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not one of the choices"),
        "{}",
        text(&out.stderr)
    );

    let session_path = config.path().join("session.json");
    let mut session: Value =
        serde_json::from_str(&std::fs::read_to_string(&session_path).expect("session"))
            .expect("json");
    session["token"] = Value::from("stdy_not-a-real-token");
    std::fs::write(&session_path, session.to_string()).expect("write");
    let out = server.steady(config.path(), &["urge", "list"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("not valid") && err.contains("steady login"),
        "{err}"
    );

    server.kill_hard();
    let out = server.steady(config.path(), &["urge", "list"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("Is it running?"),
        "{}",
        text(&out.stderr)
    );
}
