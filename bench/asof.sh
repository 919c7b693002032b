#!/usr/bin/env bash
# Pages as of an earlier log size (issue 18): serves a data directory of N stations (default 1,000,000;
# 2 sources, so about 2N sheets; imported once and reused), then asks for the overview at COUNT random
# log sizes, each twice: the first answer replays the log's prefix (cold), the second comes from the
# LRU cache of as-of states (warm). Prints the percentiles of both, and of the live overview for scale.
# Does not build with `install`: the launcher packages the application jar if it is missing.
# Usage: bench/asof.sh [N] [COUNT]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VT="$ROOT/bin/veritally"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
N="${1:-1000000}"; COUNT="${2:-20}"; PORT="${PORT:-18081}"
G="$OUT/gen-asof-$N"; D="$OUT/asof-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 2 --seed 1 --out "$G"
if [[ ! -f "$D/veritally.db" ]]; then
  "$VT" import --data "$D" --format election "$G/election.json"
  "$VT" import --data "$D" --format csv --quiet "$G/sheets.csv"
fi
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" "$VT" serve --data "$D" --port "$PORT" > "$OUT/asof-serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/results" >/dev/null; do sleep 0.1; kill -0 $PID || { cat "$OUT/asof-serve.log"; exit 1; }; done
SIZE=$(curl -sf "http://127.0.0.1:$PORT/api/election" | python3 -c 'import json,sys; print(json.load(sys.stdin)["logSize"])')
echo "log size $SIZE entries ($N stations); heap ${JAVA_OPTS:--Xmx2g}"
ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1" | awk '{ if ($1 != 200) { print "HTTP " $1 > "/dev/stderr"; exit 1 } printf "%.1f\n", $2 * 1000 }'; }
pct() { sort -g | awk '{a[NR]=$1} function at(q,  i) { i = int(NR*q+0.5); if (i < 1) i = 1; if (i > NR) i = NR; return a[i] } END {printf "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms (n=%d)\n", at(0.5), at(0.9), at(0.99), a[NR], NR}'; }
for i in $(seq 1 5); do ms "http://127.0.0.1:$PORT/en/" >/dev/null; done
: > "$OUT/asof-cold.txt"; : > "$OUT/asof-warm.txt"; : > "$OUT/asof-live.txt"
for i in $(seq 1 "$COUNT"); do
  K=$(python3 -c "import random; random.seed($i); print(random.randint(3, $SIZE))")
  ms "http://127.0.0.1:$PORT/en/at/$K/" >> "$OUT/asof-cold.txt"
  ms "http://127.0.0.1:$PORT/en/at/$K/?view=consensus" >> "$OUT/asof-warm.txt"
  ms "http://127.0.0.1:$PORT/en/at/$K/" >> "$OUT/asof-warm.txt"
  ms "http://127.0.0.1:$PORT/en/" >> "$OUT/asof-live.txt"
done
echo "as of a new size (replay of the prefix): $(pct < "$OUT/asof-cold.txt")"
echo "as of a cached size (LRU hit):           $(pct < "$OUT/asof-warm.txt")"
echo "live overview, for scale:                $(pct < "$OUT/asof-live.txt")"
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}')"
