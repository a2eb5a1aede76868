//! `steady login` and `steady logout`.

use std::io::{BufRead, IsTerminal};

use anyhow::Context;
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;

use crate::client::{Api, Session};

/// Sign in to a server.
#[derive(Debug, clap::Args)]
pub struct LoginArgs {
    /// The server's address, such as http://127.0.0.1:7878.
    #[arg(long, env = "STEADY_SERVER", default_value = "http://127.0.0.1:7878")]
    server: String,
    /// Your username (asked for if left out).
    #[arg(long)]
    username: Option<String>,
    /// Read the password from standard input instead of asking, for scripts.
    #[arg(long)]
    password_stdin: bool,
}

/// Sign out.
#[derive(Debug, clap::Args)]
pub struct LogoutArgs {}

#[derive(Deserialize)]
struct TokenResponse {
    token: String,
}

fn read_line(prompt: &str) -> anyhow::Result<String> {
    eprint!("{prompt}");
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading from the terminal")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub fn run(args: LoginArgs) -> anyhow::Result<()> {
    let api = Api::new(&args.server, None)?;
    let username = match args.username {
        Some(u) => u,
        None => read_line("Username: ")?,
    };
    let password = if args.password_stdin || !std::io::stdin().is_terminal() {
        read_line("")?
    } else {
        rpassword::prompt_password("Password: ").context("reading the password")?
    };
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "terminal".to_owned());
    let token: TokenResponse = api.send(api.request(Method::POST, "/api/v1/tokens").json(
        &json!({"username": username, "password": password, "label": format!("cli on {host}")}),
    ))?;
    let session = Session {
        server: api.server().to_owned(),
        username: username.trim().to_lowercase(),
        token: token.token,
    };
    let path = session.save()?;
    println!(
        "Signed in to {} as {}. Your token is kept in {} (readable only by you).",
        session.server,
        session.username,
        path.display()
    );
    Ok(())
}

pub fn logout(_args: LogoutArgs) -> anyhow::Result<()> {
    let session = match Session::load() {
        Ok(s) => s,
        Err(_) => {
            println!("You were not signed in.");
            return Ok(());
        }
    };
    let api = Api::new(&session.server, Some(session.token.clone()))?;
    let revoked = api.send_raw(api.request(Method::DELETE, "/api/v1/tokens/current"));
    Session::forget()?;
    match revoked {
        Ok(_) => println!("Signed out; the token was revoked on {}.", session.server),
        Err(e) => println!(
            "Signed out here; the server could not revoke the token ({e:#}). It expires by itself."
        ),
    }
    Ok(())
}
