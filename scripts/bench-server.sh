#!/usr/bin/env bash
# Load test of `cckg serve` on the bundled sample corpus: ingests it into a fresh store,
# starts the server on a free loopback port, runs examples/bench_server.rs (concurrent
# clients running the cookbook queries round robin) and stops the server.
#
# usage: scripts/bench-server.sh [CLIENTS=16] [SECONDS=20] [WORKERS=8]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-16}
seconds=${2:-20}
workers=${3:-8}

cargo build --release --quiet --bin cckg --example bench_server
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

target/release/cckg --store "$work/store" ingest data/corpus
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/release/cckg --store "$work/store" serve --bind "127.0.0.1:$port" --workers "$workers" 2>"$work/server.log" &
server=$!
echo "bench: $clients clients for $seconds s against 127.0.0.1:$port ($workers workers, $(nproc) cores)" >&2
target/release/examples/bench_server "http://127.0.0.1:$port" "$clients" "$seconds"
