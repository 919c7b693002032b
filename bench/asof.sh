#!/usr/bin/env bash
# Pages as of an earlier log size (issue 18): serves a data directory of N stations (default 500,000;
# 2 sources, so N × 2 sheets: 1,000,000 at the default; imported once and reused), waits until the
# snapshots of the state (one every K entries, K = $EVERY, default the server's) are taken and reports
# how long that took and their bytes, then asks for COUNT random log sizes: the overview page
# /en/at/{S}/ first (cold: nearest snapshot + replay of the entries after it), then the API
# /api/results?at=S and the page again (cached: the LRU of as-of states), and the live overview for scale.
# Prints the percentiles of each, the server's RSS and its heap after a full GC.
# Snapshots are kept in the data directory between runs: delete $D/snapshots to time taking them again.
# NOSNAP=1 serves with snapshots every 10^15 entries (none: the replay from entry 0, for comparison).
# Does not build with `install`: the launcher packages the application jar if it is missing.
# Usage: [EVERY=K] [NOSNAP=1] bench/asof.sh [N] [COUNT]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VT="$ROOT/bin/veritally"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
N="${1:-500000}"; COUNT="${2:-20}"; PORT="${PORT:-18081}"
G="$OUT/gen-asof-$N"; D="$OUT/asof-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 2 --seed 1 --out "$G"
if [[ ! -f "$D/veritally.db" ]]; then
  "$VT" import --data "$D" --format election "$G/election.json"
  JAVA_OPTS=-Xmx2g "$VT" import --data "$D" --format csv --quiet "$G/sheets.csv"
fi
PROPS=""
[[ -n "${EVERY:-}" ]] && PROPS="-Dveritally.snapshot.every=$EVERY"
[[ -n "${NOSNAP:-}" ]] && PROPS="-Dveritally.snapshot.every=1000000000000000"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
T0=$(date +%s.%N)
JAVA_OPTS="${JAVA_OPTS:--Xmx2g} $PROPS" "$VT" serve --data "$D" --port "$PORT" > "$OUT/asof-serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/results" >/dev/null; do sleep 0.2; kill -0 $PID || { cat "$OUT/asof-serve.log"; exit 1; }; done
SIZE=$(curl -sf "http://127.0.0.1:$PORT/api/election" | python3 -c 'import json,sys; print(json.load(sys.stdin)["logSize"])')
K=$(grep -o 'every=[0-9]*' <<< "$PROPS" | cut -d= -f2 || true); K="${K:-20000}"
DUE=$(( SIZE / K ))
echo "log size $SIZE entries ($N stations × 2 sources); heap ${JAVA_OPTS:--Xmx2g}; snapshots every $K entries ($DUE due)"
have() { ls "$D/snapshots" 2>/dev/null | grep -c '\.snap$' || true; }
until [[ $(have) -ge $DUE ]]; do sleep 1; kill -0 $PID || { cat "$OUT/asof-serve.log"; exit 1; }; done
T1=$(date +%s.%N)
echo "snapshots on disk: $(have), taken within $(python3 -c "print(f'{$T1 - $T0:.1f}')") s of launch (written this run: $(grep -c 'snapshot of the state' "$OUT/asof-serve.log" || true))"
if [[ $DUE -gt 0 ]]; then
  ls -l "$D/snapshots"/*.snap | awk '{s+=$5; n++; if ($5>m) m=$5} END {printf "snapshot bytes: largest %.1f MB, all %d together %.1f MB\n", m/1e6, n, s/1e6}'
fi
ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1" | awk '{ if ($1 != 200) { print "HTTP " $1 > "/dev/stderr"; exit 1 } printf "%.1f\n", $2 * 1000 }'; }
pct() { sort -g | awk '{a[NR]=$1} function at(q,  i) { i = int(NR*q+0.5); if (i < 1) i = 1; if (i > NR) i = NR; return a[i] } END {printf "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms (n=%d)\n", at(0.5), at(0.9), at(0.99), a[NR], NR}'; }
for i in $(seq 1 5); do ms "http://127.0.0.1:$PORT/en/" >/dev/null; done
: > "$OUT/asof-cold.txt"; : > "$OUT/asof-api.txt"; : > "$OUT/asof-warm.txt"; : > "$OUT/asof-live.txt"
for i in $(seq 1 "$COUNT"); do
  S=$(python3 -c "import random; random.seed($i); print(random.randint(3, $SIZE))")
  ms "http://127.0.0.1:$PORT/en/at/$S/" >> "$OUT/asof-cold.txt"
  ms "http://127.0.0.1:$PORT/api/results?at=$S" >> "$OUT/asof-api.txt"
  ms "http://127.0.0.1:$PORT/en/at/$S/?view=consensus" >> "$OUT/asof-warm.txt"
  ms "http://127.0.0.1:$PORT/en/at/$S/" >> "$OUT/asof-warm.txt"
  ms "http://127.0.0.1:$PORT/en/" >> "$OUT/asof-live.txt"
done
echo "page as of a new size (snapshot + replay): $(pct < "$OUT/asof-cold.txt")"
echo "API as of that size (cached):              $(pct < "$OUT/asof-api.txt")"
echo "pages as of a cached size (LRU hit):       $(pct < "$OUT/asof-warm.txt")"
echo "live overview, for scale:                  $(pct < "$OUT/asof-live.txt")"
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}')"
JPID=$(pgrep -P $PID java || echo $PID)
jcmd "$JPID" GC.run >/dev/null 2>&1 && jcmd "$JPID" GC.heap_info 2>/dev/null | grep -iE 'used|total' | head -2 || true
echo "load after: $(uptime | sed 's/.*load average/load average/')"
