//! `steady`: run the server, administer it, and use Steady from a terminal.

mod client;
mod cmd;

use clap::{Parser, Subcommand};

/// Steady: notice and gently reduce reassurance-seeking. Self-help, not therapy and not an
/// emergency service.
#[derive(Debug, Parser)]
#[command(name = "steady", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the Steady server (web app and API).
    Serve(cmd::serve::ServeArgs),
    /// Sign in to a Steady server and keep an API token for the other commands.
    Login(cmd::login::LoginArgs),
    /// Forget the stored token and revoke it on the server.
    Logout(cmd::login::LogoutArgs),
    /// The reassurance log: log an urge, list, show, edit or delete entries.
    Urge(cmd::urge::UrgeArgs),
    /// Analyze text offline: thinking traps, requests, blaming tone, crisis language.
    Analyze(cmd::analyze::AnalyzeArgs),
    /// The attachment questionnaires (ECR-R, ECR-RS).
    Assess(cmd::assess::AssessArgs),
    /// Thought records: write down a thought and look at it again, step by step.
    Thought(cmd::thought::ThoughtArgs),
    /// Help right now: crisis lines, grounding steps. Works offline; contacts no one.
    Crisis(cmd::crisis::CrisisArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => cmd::serve::run(args),
        Command::Login(args) => cmd::login::run(args),
        Command::Logout(args) => cmd::login::logout(args),
        Command::Urge(args) => cmd::urge::run(args),
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Assess(args) => cmd::assess::run(args),
        Command::Thought(args) => cmd::thought::run(args),
        Command::Crisis(args) => cmd::crisis::run(args),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("steady: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
