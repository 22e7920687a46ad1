//! Load test of a running `cckg serve`: concurrent clients run the cookbook queries
//! (round robin, SPARQL JSON) for a fixed time; prints queries per second and latency
//! percentiles per query and overall, as a Markdown table.
//!
//! ```text
//! cargo run --release --example bench_server -- http://127.0.0.1:7878 [CLIENTS] [SECONDS]
//! ```
//!
//! `scripts/bench-server.sh` builds the sample store, starts the server and runs this.
//! Loopback addresses only; at most 64 clients for at most 300 seconds.

use cckg::server::percent_encode;
use std::time::{Duration, Instant};

const MAX_CLIENTS: usize = 64;
const MAX_SECONDS: u64 = 300;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:7878".to_owned());
    let clients: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(16);
    let seconds: u64 = args.next().map(|a| a.parse()).transpose()?.unwrap_or(20);
    let host = base
        .strip_prefix("http://")
        .ok_or("give an http:// URL")?
        .split(['/'])
        .next()
        .unwrap_or_default();
    let loopback =
        host.starts_with("127.") || host.starts_with("localhost") || host.starts_with("[::1]");
    if !loopback {
        return Err(format!(
            "{host} is not a loopback address: this load test only runs against this machine"
        )
        .into());
    }
    if clients == 0 || clients > MAX_CLIENTS || seconds == 0 || seconds > MAX_SECONDS {
        return Err(format!("use 1..={MAX_CLIENTS} clients and 1..={MAX_SECONDS} seconds").into());
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .max_idle_connections_per_host(MAX_CLIENTS)
        .build()
        .into();
    wait_for_health(&agent, &base)?;

    let queries = cckg::cookbook::QUERIES;
    let urls: Vec<String> = queries
        .iter()
        .map(|(_, text)| format!("{base}/sparql?query={}", percent_encode(text)))
        .collect();
    // Warm-up: each query once, so that the figures are for a warm store.
    for url in &urls {
        run(&agent, url)?;
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let samples: Vec<Vec<(usize, Duration, bool)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..clients)
            .map(|client| {
                let agent = agent.clone();
                let urls = &urls;
                scope.spawn(move || {
                    let mut samples = Vec::new();
                    let mut next = client % urls.len();
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        let ok = run(&agent, &urls[next]).is_ok();
                        samples.push((next, t.elapsed(), ok));
                        next = (next + 1) % urls.len();
                    }
                    samples
                })
            })
            .collect();
        workers.into_iter().filter_map(|w| w.join().ok()).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let all: Vec<(usize, Duration, bool)> = samples.into_iter().flatten().collect();
    let failures = all.iter().filter(|s| !s.2).count();

    println!(
        "{clients} clients, {seconds} s, {} queries, {failures} failed\n",
        all.len()
    );
    println!("| query | runs | p50 ms | p95 ms | p99 ms |");
    println!("|---|---:|---:|---:|---:|");
    for (i, (name, _)) in queries.iter().enumerate() {
        let mut latencies: Vec<Duration> = all.iter().filter(|s| s.0 == i).map(|s| s.1).collect();
        print_row(name, &mut latencies);
    }
    let mut latencies: Vec<Duration> = all.iter().map(|s| s.1).collect();
    print_row("**all**", &mut latencies);
    println!("\nthroughput: {:.0} queries/s", all.len() as f64 / elapsed);
    if failures > 0 {
        return Err(format!("{failures} queries failed").into());
    }
    Ok(())
}

fn run(agent: &ureq::Agent, url: &str) -> Result<(), String> {
    let mut response = agent
        .get(url)
        .header("Accept", "application/sparql-results+json")
        .call()
        .map_err(|e| e.to_string())?;
    let status = response.status();
    // Read the whole body: the client pays for the transfer as a real one would.
    let body = response
        .body_mut()
        .read_to_vec()
        .map_err(|e| e.to_string())?;
    if status == 200 && !body.is_empty() {
        Ok(())
    } else {
        Err(format!("{status}: {}", String::from_utf8_lossy(&body)))
    }
}

fn print_row(name: &str, latencies: &mut [Duration]) {
    latencies.sort();
    let at = |p: f64| {
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len().max(1)) - 1;
        latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "| {name} | {} | {:.1} | {:.1} | {:.1} |",
        latencies.len(),
        at(0.50),
        at(0.95),
        at(0.99)
    );
}

fn wait_for_health(agent: &ureq::Agent, base: &str) -> Result<(), String> {
    let started = Instant::now();
    loop {
        if let Ok(response) = agent.get(format!("{base}/health")).call()
            && response.status() == 200
        {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(30) {
            return Err(format!("{base}/health did not answer in 30 s"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
