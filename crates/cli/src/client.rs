//! Talking to a Steady server: the stored sign-in, and requests with clear errors.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What `steady login` keeps: the server and an API token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub server: String,
    pub username: String,
    pub token: String,
}

/// The folder for the client's settings: `STEADY_CONFIG_DIR`, or the platform's config folder.
pub fn config_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("STEADY_CONFIG_DIR") {
        return Ok(PathBuf::from(dir));
    }
    dirs::config_dir()
        .map(|d| d.join("steady"))
        .context("this system has no config folder for the current user; set STEADY_CONFIG_DIR")
}

fn session_path() -> anyhow::Result<PathBuf> {
    Ok(config_dir()?.join("session.json"))
}

impl Session {
    /// The stored sign-in, or a message saying how to make one.
    pub fn load() -> anyhow::Result<Self> {
        let path = session_path()?;
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                bail!("you are not signed in; run `steady login --server URL` first")
            }
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        serde_json::from_str(&text)
            .with_context(|| format!("{} is damaged; run `steady login` again", path.display()))
    }

    /// Saves the sign-in where only this user can read it (mode 0600).
    pub fn save(&self) -> anyhow::Result<PathBuf> {
        let path = session_path()?;
        let dir = path.parent().context("config path has no folder")?;
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let tmp = path.with_extension("json.tmp");
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options
            .open(&tmp)
            .with_context(|| format!("writing {}", tmp.display()))?;
        file.write_all(serde_json::to_string_pretty(self)?.as_bytes())?;
        file.sync_all()?;
        fs::rename(&tmp, &path).with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    }

    pub fn forget() -> anyhow::Result<bool> {
        let path = session_path()?;
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e).with_context(|| format!("removing {}", path.display())),
        }
    }
}

/// An HTTP client for one server.
pub struct Api {
    http: Client,
    server: String,
    token: Option<String>,
}

/// The server's error body.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    message: String,
}

impl Api {
    pub fn new(server: &str, token: Option<String>) -> anyhow::Result<Self> {
        let server = server.trim().trim_end_matches('/').to_owned();
        if !(server.starts_with("http://") || server.starts_with("https://")) {
            bail!("the server address should start with http:// or https:// (got {server})");
        }
        let http = Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .context("setting up the HTTP client")?;
        Ok(Self {
            http,
            server,
            token,
        })
    }

    /// A client for the stored sign-in.
    pub fn signed_in() -> anyhow::Result<(Self, Session)> {
        let session = Session::load()?;
        Ok((
            Self::new(&session.server, Some(session.token.clone()))?,
            session,
        ))
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    pub fn request(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        let req = self.http.request(method, format!("{}{path}", self.server));
        match &self.token {
            Some(token) => req.bearer_auth(token),
            None => req,
        }
    }

    /// Sends a request and decodes a JSON answer, turning failures into clear messages.
    pub fn send<T: DeserializeOwned>(&self, req: RequestBuilder) -> anyhow::Result<T> {
        let response = self.send_raw(req)?;
        response
            .json()
            .context("the server's answer was not what this version of steady expects")
    }

    /// Sends a request and checks its status, without decoding a body.
    pub fn send_raw(&self, req: RequestBuilder) -> anyhow::Result<Response> {
        let response = req.send().map_err(|e| {
            if e.is_connect() {
                anyhow::anyhow!(
                    "could not reach the Steady server at {}. Is it running? Start it with `steady serve`, or check the address",
                    self.server
                )
            } else if e.is_timeout() {
                anyhow::anyhow!("the server at {} took too long to answer", self.server)
            } else {
                anyhow::anyhow!("could not talk to the server at {}: {e}", self.server)
            }
        })?;
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let message = response
            .json::<ErrorBody>()
            .map(|b| b.message)
            .unwrap_or_else(|_| format!("the server answered {status}"));
        if status == StatusCode::UNAUTHORIZED && self.token.is_some() {
            bail!(
                "{message}\nSign in again with `steady login --server {}`",
                self.server
            );
        }
        bail!("{message}")
    }
}
