//! `cckg serve`.

use super::Global;
use anyhow::Result;
use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ServeArgs {}

pub fn run(global: &Global, args: &ServeArgs) -> Result<ExitCode> {
    let _ = (global, args);
    anyhow::bail!("cckg serve is not built yet")
}
