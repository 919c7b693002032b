#!/usr/bin/env bash
# The reporting timeline (docs/timeline.md) of a data directory of N generated sheets (default 1,000,000;
# generated and imported once into the same directories as bench/serve-1m.sh, and reused). Measures:
#   1. `bin/veritally timeline --json` from launch to exit (JVM start, the whole log read through the
#      rulebook, one timeline), median of RUNS (default 3);
#   2. over HTTP on a served instance (-Xmx1g): the first GET /api/timeline (the log read from the store
#      and replayed), then UNITS (default 200) random units not asked before (a pass over the kept
#      sheet changes each), then the same units again (kept), with percentiles; then POSTs the GROW
#      (default 1,000) sheets held back from the import and asks the same timelines again (each extended
#      by the new entries only);
#   3. the server's heap after the timeline is kept (jcmd GC.heap_info, if jcmd is on the PATH).
# The launcher builds the application jar if it is missing (never `mvn install`).
# Usage: bench/timeline-1m.sh [N] [RUNS] [UNITS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VT="$ROOT/bin/veritally"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
N="${1:-1000000}"; RUNS="${2:-3}"; UNITS="${3:-200}"; GROW="${GROW:-1000}"; PORT="${PORT:-18089}"
G="$OUT/gen-$N"; D="$OUT/timeline-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 1 --out "$G" >/dev/null
ROWS=$(($(wc -l < "$G/sheets.csv") - 1))
if [[ ! -f "$D/veritally.db" ]]; then  # all but the last GROW sheets: those are posted while serving
  head -n $((ROWS + 1 - GROW)) "$G/sheets.csv" > "$OUT/timeline-import.csv"
  tail -n "$GROW" "$G/sheets.csv" | cat <(head -1 "$G/sheets.csv") - > "$OUT/timeline-grow.csv"
  "$VT" import --data "$D" --format election "$G/election.json" >/dev/null
  "$VT" import --data "$D" --format csv --quiet "$OUT/timeline-import.csv" >/dev/null
  rm -f "$OUT/timeline-import.csv"
fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  t0=$(date +%s.%N); "$VT" timeline --data "$D" --json > "$OUT/timeline-$N.json"; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
done | sort -g | awk '{a[NR]=$1} END {printf "timeline CLI (launch to exit), median of %d: %.2f s\n", NR, a[int((NR+1)/2)]}'
echo "points: $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['points']))" "$OUT/timeline-$N.json")"
JAVA_OPTS="-Xmx1g" "$VT" serve --data "$D" --port "$PORT" --rate-limit-account off --rate-limit-address off \
  --request-log off > "$OUT/timeline-serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null; do sleep 0.1; kill -0 $PID || { cat "$OUT/timeline-serve.log"; exit 1; }; done
python3 - "$PORT" "$N" "$UNITS" "$G/sheets.csv" "$GROW" "$(cat "$D/api-token")" "$ROOT/bench" "$OUT/timeline-grow.csv" <<'PY'
import json, random, sys, time, urllib.request
port, n, units, sheets, grow, token = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
base = f"http://127.0.0.1:{port}"
def get(path):
    t0 = time.perf_counter()
    body = urllib.request.urlopen(base + path).read()
    return time.perf_counter() - t0, json.loads(body)
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]
def show(label, xs):
    print(f"{label}: n={len(xs)} p50 {pct(xs,50)*1000:.1f} ms, p90 {pct(xs,90)*1000:.1f} ms, p99 {pct(xs,99)*1000:.1f} ms, max {max(xs)*1000:.1f} ms")
t, first = get("/api/timeline")
print(f"first /api/timeline (log read and replayed): {t:.2f} s, log size {first['logSize']:,}, {len(first['points'])} points")
villages = max(1, n // 6); subs = max(1, villages // 8); districts = max(1, subs // 10); regions = max(1, min(40, districts // 5))
random.seed(18)
pool = [f"R{i}" for i in range(regions)] + [f"D{random.randrange(districts)}" for _ in range(units)] \
     + [f"S{random.randrange(subs)}" for _ in range(units)] + [f"V{random.randrange(villages)}" for _ in range(units)]
asked = list(dict.fromkeys(random.sample(pool, min(units, len(pool)))))
cold = [get(f"/api/timeline?unit={u}")[0] for u in asked]
show("a unit not asked before (one pass over the kept sheet changes)", cold)
warm = [get(f"/api/timeline?unit={u}")[0] for u in asked]
show("the same units again (kept)", warm)
sys.path.insert(0, sys.argv[7])
import importlib; ack = importlib.import_module("ack-client")
ack.bodies(sys.argv[8], sys.argv[8] + ".bodies")
posted = 0
for line in open(sys.argv[8] + ".bodies"):
    req = urllib.request.Request(base + "/api/sheets", data=line.encode(), method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    urllib.request.urlopen(req).read(); posted += 1
t, grown = get("/api/timeline")
print(f"after {posted:,} more sheets were posted, /api/timeline of the nation: {t*1000:.1f} ms (log size {grown['logSize']:,})")
again = [get(f"/api/timeline?unit={u}")[0] for u in asked]
show("the same units after the growth (extended by the new entries)", again)
PY
if command -v jcmd >/dev/null; then jcmd $PID GC.run >/dev/null 2>&1 || true; jcmd $PID GC.heap_info 2>/dev/null | head -3; fi
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}')"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
