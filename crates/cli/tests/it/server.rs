//! Starts the real `steady serve` on a free port and stops it.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_steady");

/// A running `steady serve` process.
pub struct Server {
    pub base: String,
    pub data_dir: PathBuf,
    database_url: Option<String>,
    port: u16,
    child: Option<Child>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Server {
    /// Starts a server over `data_dir` (and `database_url`, for PostgreSQL).
    pub fn start(data_dir: &Path, database_url: Option<&str>) -> Self {
        let mut server = Self {
            base: String::new(),
            data_dir: data_dir.to_owned(),
            database_url: database_url.map(str::to_owned),
            port: free_port(),
            child: None,
        };
        server.spawn();
        server
    }

    fn spawn(&mut self) {
        self.base = format!("http://127.0.0.1:{}", self.port);
        let mut cmd = Command::new(BIN);
        cmd.arg("serve")
            .arg("--bind")
            .arg(format!("127.0.0.1:{}", self.port))
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env_remove("DATABASE_URL")
            .env("STEADY_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(url) = &self.database_url {
            cmd.arg("--database-url").arg(url);
        }
        self.child = Some(cmd.spawn().expect("steady serve starts"));
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = reqwest::blocking::Client::new();
        while Instant::now() < deadline {
            if client
                .get(format!("{}/healthz", self.base))
                .send()
                .is_ok_and(|r| r.status().is_success())
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("steady serve did not become healthy within 30 s");
    }

    /// Kills the process without warning (SIGKILL), as a crash or power cut would.
    pub fn kill_hard(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("kill");
            child.wait().expect("reaped");
        }
    }

    /// Starts it again on the same data.
    pub fn restart(&mut self) {
        self.kill_hard();
        self.spawn();
    }

    /// Runs a client command against this server with its own config folder.
    pub fn steady(&self, config_dir: &Path, args: &[&str]) -> Output {
        steady(config_dir, args, None)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill_hard();
    }
}

/// Runs `steady ARGS` with `config_dir` for its sign-in and `stdin` as input.
pub fn steady(config_dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .env("STEADY_CONFIG_DIR", config_dir)
        .env_remove("STEADY_SERVER")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("steady runs");
    if let Some(mut input) = child.stdin.take() {
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).expect("stdin written");
        }
    }
    child.wait_with_output().expect("steady finishes")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
