//! `steady serve`: the web app and API on one port.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use steady_server::Config;

/// Where the server keeps its data and how it listens.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "STEADY_BIND", default_value = "127.0.0.1:7878")]
    bind: SocketAddr,
    /// Folder for the SQLite database and the master key (default: the platform's data folder).
    #[arg(long, env = "STEADY_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// A PostgreSQL URL (postgres://...) to use instead of the embedded SQLite database.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// The master key file (default: DATA_DIR/master.key); created with mode 0600 if missing.
    #[arg(long, env = "STEADY_MASTER_KEY_FILE")]
    key_file: Option<PathBuf>,
    /// Mark cookies Secure; set this when people reach the server over HTTPS.
    #[arg(long, env = "STEADY_SECURE_COOKIES")]
    secure_cookies: bool,
    /// A crisis-lines JSON file to show instead of the shipped list (default:
    /// DATA_DIR/crisis_lines.json when it exists). Checked at start-up.
    #[arg(long, env = "STEADY_CRISIS_LINES")]
    crisis_lines: Option<PathBuf>,
}

/// The platform's data folder for Steady, such as `~/.local/share/steady` on Linux.
fn default_data_dir() -> anyhow::Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("steady"))
        .context("this system has no data folder for the current user; pass --data-dir DIR")
}

pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("STEADY_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .init();
    let data_dir = match args.data_dir {
        Some(dir) => dir,
        None => default_data_dir()?,
    };
    let database_url = args.database_url.filter(|u| !u.trim().is_empty());
    let config = Config {
        bind: args.bind,
        data_dir,
        database_url,
        key_file: args.key_file,
        secure_cookies: args.secure_cookies,
        crisis_lines: args.crisis_lines,
    };
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime
        .block_on(steady_server::serve(config))
        // Each message already names its cause; printing the chain would repeat it.
        .map_err(|e| anyhow::anyhow!("Steady could not start: {e}"))
}
