#!/usr/bin/env bash
# Installs what cckg's build, main job and tests need on a fresh Debian machine with a
# Rust toolchain: libclang (oxigraph's RocksDB bindings), Graphviz with a CJK font
# (diagrams), Chromium (the web page test) and Python checkers (rdflib, SPARQLWrapper).
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(libclang-dev graphviz fonts-noto-cjk chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! python3 -c "import rdflib, SPARQLWrapper" 2>/dev/null; then
  echo "setup: installing rdflib and SPARQLWrapper" >&2
  python3 -m pip install --quiet --disable-pip-version-check rdflib==7.* SPARQLWrapper==2.*
fi
