//! `steady analyze`: the offline batch interface to the text analyzers.

/// Arguments of `steady analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {}

pub fn run(_args: AnalyzeArgs) -> anyhow::Result<()> {
    anyhow::bail!("steady analyze is not available in this build")
}
