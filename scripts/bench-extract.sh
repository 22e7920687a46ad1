#!/usr/bin/env bash
# Two builds of `cckg extract` side by side on one generated corpus, one thread each.
#
#   scripts/bench-extract.sh OLD_BINARY NEW_BINARY [ARTICLES] [ALTERNATIONS]
#
# The corpus: ARTICLES (default 2000) articles of 40 sentences drawn at random (seed 42)
# from the bundled samples in data/corpus/. Each alternation runs OLD, NEW, NEW, OLD, so
# that neither build always runs first; the last line gives each build's median in MB/s.
set -euo pipefail
old=$1 new=$2 articles=${3:-2000} alternations=${4:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
python3 - "$root/data/corpus" "$corpus" "$articles" <<'EOF'
import glob, random, re, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sentences = []
for path in sorted(glob.glob(f"{src}/*.txt")):
    sentences += [s for s in re.split(r"(?<=[。\n])", open(path, encoding="utf-8").read()) if s]
random.seed(42)
for i in range(n):
    with open(f"{out}/a{i:05}.txt", "w", encoding="utf-8") as f:
        f.write("".join(random.choice(sentences) for _ in range(40)))
EOF
bytes=$(cat "$corpus"/*.txt | wc -c)
echo "corpus: $articles articles, $bytes bytes"
results=$(mktemp)
run() {
    local start end
    start=$(date +%s.%N)
    RAYON_NUM_THREADS=1 "$1" extract --format jsonl "$corpus"/*.txt > /dev/null
    end=$(date +%s.%N)
    python3 -c "print('$2', round($bytes / 1e6 / ($end - $start), 2))" | tee -a "$results"
}
for _ in $(seq "$alternations"); do
    run "$old" old
    run "$new" new
    run "$new" new
    run "$old" old
done
python3 - "$results" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, mbps = line.split()
    runs.setdefault(name, []).append(float(mbps))
print("medians (MB/s):", ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in runs.items()))
EOF
rm -f "$results"
