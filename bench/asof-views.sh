#!/usr/bin/env bash
# The results views that read sheets, as of an earlier log size (issue 18): serves a data directory of N
# stations (default 20,000; 2 sources; imported once and reused), then for COUNT random log sizes K first asks
# the overview at K (which replays the prefix, as bench/asof.sh measures), then each of the disputed stations,
# announcements and statistics pages at K (the state of K is then cached: what is timed is reading the copies
# current at K back from the log, LogCopies) and the same page live, for scale. One request at a time.
# Usage: bench/asof-views.sh [N] [COUNT]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VT="$ROOT/bin/veritally"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
N="${1:-20000}"; COUNT="${2:-10}"; PORT="${PORT:-18082}"
G="$OUT/gen-asof-$N"; D="$OUT/asof-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 2 --seed 1 --out "$G"
if [[ ! -f "$D/veritally.db" ]]; then
  "$VT" import --data "$D" --format election "$G/election.json"
  "$VT" import --data "$D" --format csv --quiet "$G/sheets.csv"
fi
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" "$VT" serve --data "$D" --port "$PORT" > "$OUT/asof-views-serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/results" >/dev/null; do sleep 0.1; kill -0 $PID || { cat "$OUT/asof-views-serve.log"; exit 1; }; done
SIZE=$(curl -sf "http://127.0.0.1:$PORT/api/election" | python3 -c 'import json,sys; print(json.load(sys.stdin)["logSize"])')
echo "log size $SIZE entries ($N stations); heap ${JAVA_OPTS:--Xmx2g}; load $(cut -d' ' -f1-3 /proc/loadavg)"
ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1" | awk '{ if ($1 != 200) { print "HTTP " $1 > "/dev/stderr"; exit 1 } printf "%.1f\n", $2 * 1000 }'; }
pct() { sort -g | awk '{a[NR]=$1} function at(q,  i) { i = int(NR*q+0.5); if (i < 1) i = 1; if (i > NR) i = NR; return a[i] } END {printf "p50 %.1f ms  p90 %.1f ms  max %.1f ms (n=%d)\n", at(0.5), at(0.9), a[NR], NR}'; }
PAGES="discrepancies announcements statistics?view=consensus"
for p in $PAGES; do ms "http://127.0.0.1:$PORT/en/$p" >/dev/null; done
for p in $PAGES; do f="${p%%\?*}"; : > "$OUT/asof-views-$f-at.txt"; : > "$OUT/asof-views-$f-live.txt"; done
for i in $(seq 1 "$COUNT"); do
  K=$(python3 -c "import random; random.seed($i); print(random.randint($SIZE // 2, $SIZE))")
  ms "http://127.0.0.1:$PORT/en/at/$K/" >/dev/null # replays the prefix once
  for p in $PAGES; do
    f="${p%%\?*}"
    ms "http://127.0.0.1:$PORT/en/at/$K/$p" >> "$OUT/asof-views-$f-at.txt"
    ms "http://127.0.0.1:$PORT/en/$p" >> "$OUT/asof-views-$f-live.txt"
  done
done
for p in $PAGES; do
  f="${p%%\?*}"
  echo "$f as of K (state cached): $(pct < "$OUT/asof-views-$f-at.txt")"
  echo "$f live, for scale:        $(pct < "$OUT/asof-views-$f-live.txt")"
done
