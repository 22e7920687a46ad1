//! `cckg serve`: the SPARQL endpoint and web page over the store (see `cckg::server`).

use super::{Global, open_store};
use anyhow::{Context, Result};
use cckg::server::{Server, ServerOptions};
use clap::Args;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on; the default answers this machine only (0.0.0.0:7878 serves the network).
    #[arg(long, default_value = "127.0.0.1:7878")]
    bind: String,
    /// Cancel a query after this many seconds (fractions allowed).
    #[arg(long, default_value = "30", value_parser = parse_seconds)]
    timeout: Duration,
    /// Return at most this many result rows (SELECT) or triples (CONSTRUCT, DESCRIBE); a cut result carries a `CCKG-Truncated` header.
    #[arg(long, default_value_t = 10_000)]
    max_results: usize,
    /// Refuse request bodies larger than this with 413 (bytes; K and M suffixes allowed).
    #[arg(long, default_value = "10M", value_parser = parse_size)]
    max_body: usize,
    /// Enable /update, Graph Store writes and /ingest for requests with `Authorization: Bearer TOKEN`.
    #[arg(long, env = "CCKG_UPDATE_TOKEN", hide_env_values = true)]
    update_token: Option<String>,
    /// Allow browsers on this origin (`*` for any) to call the endpoint (CORS); none by default.
    #[arg(long)]
    cors: Option<String>,
    /// Worker threads answering requests.
    #[arg(long, default_value_t = 8)]
    workers: usize,
    /// Default graph = the store's default graph only, as in plain SPARQL (default: union of all graphs).
    #[arg(long)]
    named_graphs_only: bool,
}

pub fn run(global: &Global, args: &ServeArgs) -> Result<ExitCode> {
    let path = global.store_path();
    let store = open_store(&path)?;
    let options = ServerOptions {
        bind: args.bind.clone(),
        timeout: args.timeout,
        max_results: args.max_results,
        max_body: args.max_body,
        update_token: args.update_token.clone(),
        cors: args.cors.clone(),
        workers: args.workers,
        named_graphs_only: args.named_graphs_only,
        data_dir: global.data.clone(),
    };
    let server = Server::bind(store, options).context("cannot start the server")?;
    eprintln!(
        "cckg: serving {} at http://{}/ (SPARQL: /sparql; writes: {})",
        path.display(),
        server.local_addr(),
        if args.update_token.is_some() {
            "with the token"
        } else {
            "disabled"
        }
    );
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number of seconds"))?;
    if seconds.is_finite() && seconds > 0.0 {
        Ok(Duration::from_secs_f64(seconds))
    } else {
        Err("give a positive number of seconds".to_owned())
    }
}

fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, factor) = match text.char_indices().last() {
        Some((i, 'k' | 'K')) => (&text[..i], 1024),
        Some((i, 'm' | 'M')) => (&text[..i], 1024 * 1024),
        _ => (text, 1),
    };
    digits
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("'{text}' is not a size in bytes (like 65536, 512K or 10M)"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_and_durations_parse() {
        assert_eq!(super::parse_size("10M"), Ok(10 * 1024 * 1024));
        assert_eq!(super::parse_size("512k"), Ok(512 * 1024));
        assert_eq!(super::parse_size("100"), Ok(100));
        assert!(super::parse_size("ten").is_err());
        assert_eq!(
            super::parse_seconds("0.5"),
            Ok(std::time::Duration::from_millis(500))
        );
        assert!(super::parse_seconds("0").is_err());
    }
}
