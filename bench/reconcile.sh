#!/usr/bin/env bash
# Reconciliation cost: bulk import of the same number of sheets (N, default 1,000,000) once as one
# source over N stations (every copy single: no comparison work) and once as three sources over N/3
# stations (every copy compared with the others, consensus moving), medians of RUNS; then the
# summary's latency from the live counters (GET /api/discrepancies/summary, 200 times) on the
# three-source directory. For the issue's 1,000,000 stations × 3 sources, pass N=3000000.
# Usage: bench/reconcile.sh [N] [RUNS]
. "$(dirname "$0")/common.sh"
N="${1:-1000000}"; RUNS="${2:-3}"; PORT="${PORT:-18083}"
build
G1="$OUT/gen-rec1-$N"; G3="$OUT/gen-rec3-$N"
[[ -f "$G1/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 1 --seed 8 --out "$G1"
[[ -f "$G3/sheets.csv" ]] || "$VT" generate --stations "$((N / 3))" --sources 3 --seed 8 --out "$G3"
one=(); three=()
for r in $(seq "$RUNS"); do
  for g in 1 3; do
    rm -rf "$OUT/rec$g"
    G="$OUT/gen-rec$g-$N"; [[ $g == 3 ]] && G="$G3" || G="$G1"
    "$VT" import --data "$OUT/rec$g" --format election "$G/election.json" >/dev/null
    t=$(seconds "$VT" import --data "$OUT/rec$g" --format csv --quiet "$G/sheets.csv")
    if [[ $g == 1 ]]; then one+=("$t"); else three+=("$t"); fi
  done
  echo "run $r: one source ${one[-1]} s, three sources ${three[-1]} s"
done
m1=$(printf '%s\n' "${one[@]}" | median); m3=$(printf '%s\n' "${three[@]}" | median)
printf 'median: %d sheets as 1 source %.2f s, as 3 sources (reconciled) %.2f s, ratio %.2fx\n' "$N" "$m1" "$m3" "$(echo "$m3 / $m1" | bc -l)"
JAVA_OPTS="-Xmx${HEAP:-2g}" "$VT" serve --data "$OUT/rec3" --port "$PORT" > "$OUT/serve-rec.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null; do sleep 0.05; done
curl -s "http://127.0.0.1:$PORT/api/discrepancies/summary" | head -c 300; echo
for i in $(seq 200); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/api/discrepancies/summary"; done | sort -g \
  | awk '{a[NR]=$1} END {printf "summary over HTTP: p50 %.2f ms, p99 %.2f ms (200 requests, curl, connection set-up included)\n", a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000}'
