#!/usr/bin/env bash
# Pages as of an earlier log size (issue 18): serves a data directory of N stations (default 500,000;
# 2 sources, so N × 2 sheets: 1,000,000 at the default; imported once and reused), waits until the
# snapshots of the state (one every K entries, K = $EVERY, default the server's) are taken and opened
# (mapped and their SHA-256 checked) and reports how long that took and their bytes, then, COUNT times,
# asks four sizes never asked before (cold: the nearest snapshot read in place + a replay of the entries
# after it), one for each of the overview page /en/at/{S}/, a unit page /en/at/{S}/unit/{U}, a station page
# /en/at/{S}/station/{P} and the API /api/results?at=S (random U and P), then the overview and the API
# again at a size already asked (cached: the LRU of as-of states), and the live overview for scale.
# Prints the percentiles of each, the server's CPU time for each cold size (restore and replay, from its
# log), the server's RSS and its heap after a full GC.
# Snapshots are kept in the data directory between runs: delete $D/snapshots to time taking them again.
# NOSNAP=1 serves with snapshots every 10^15 entries (none: the replay from entry 0, for comparison).
# Does not build with `install`: the launcher packages the application jar if it is missing.
# DATA=DIR serves that data directory instead (copy a prepared one first: serve writes snapshots into it) and
# GEN=DIR names the directory holding its election.json; JAR=FILE runs that application jar instead of the
# launcher's (to set an older build beside the current one). Also prints the server's CPU seconds from launch
# until every snapshot was taken and opened, and the bytes of the snapshot directory.
# Usage: [EVERY=K] [NOSNAP=1] [DATA=DIR GEN=DIR] [JAR=FILE] bench/asof.sh [N] [COUNT]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VT="$ROOT/bin/veritally"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
N="${1:-500000}"; COUNT="${2:-20}"; PORT="${PORT:-18081}"
G="${GEN:-$OUT/gen-asof-$N}"; D="${DATA:-$OUT/asof-$N}"
[[ -n "${JAR:-}" ]] && VT="$ROOT/bench/jar-launcher.sh"
export JAR
[[ -f "$G/election.json" ]] || "$VT" generate --stations "$N" --sources 2 --seed 1 --out "$G"
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
K=$(grep -o 'every=[0-9]*' <<< "$PROPS" | cut -d= -f2 || true); K="${K:-10000}"
DUE=$(( SIZE / K ))
echo "log size $SIZE entries ($N stations); heap ${JAVA_OPTS:--Xmx2g}; snapshots every $K entries ($DUE due)"
have() { ls "$D/snapshots" 2>/dev/null | grep -c '\.snap$' || true; }
opened() { grep -o '[0-9]* open$' "$OUT/asof-serve.log" | tail -1 | cut -d' ' -f1; }
until [[ $(have) -ge $DUE && ( $DUE -eq 0 || $(opened || echo 0) -ge $DUE ) ]]; do
  sleep 1; kill -0 $PID || { cat "$OUT/asof-serve.log"; exit 1; }
done
T1=$(date +%s.%N)
JPID=$(pgrep -P $PID java || echo $PID)
echo "server CPU from launch until every snapshot was taken and opened: $(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f s (user %.1f, sys %.1f)", ($14 + $15) / hz, $14 / hz, $15 / hz}' "/proc/$JPID/stat")"
echo "snapshot directory: $(du -sb "$D/snapshots" | awk '{printf "%.1f MB", $1 / 1e6}') ($(ls "$D/snapshots" | grep -c '\.snap$') files)"
echo "snapshots on disk and open: $(have), taken and opened within $(python3 -c "print(f'{$T1 - $T0:.1f}')") s of launch (written this run: $(grep -c 'snapshot of the state' "$OUT/asof-serve.log" || true))"
if [[ $DUE -gt 0 ]]; then
  ls -l "$D/snapshots"/*.snap | awk '{s+=$5; n++; if ($5>m) m=$5} END {printf "snapshot bytes: largest %.1f MB, all %d together %.1f MB\n", m/1e6, n, s/1e6}'
fi
ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1" | awk '{ if ($1 != 200) { print "HTTP " $1 > "/dev/stderr"; exit 1 } printf "%.1f\n", $2 * 1000 }'; }
pct() { sort -g | awk '{a[NR]=$1} function at(q,  i) { i = int(NR*q+0.5); if (i < 1) i = 1; if (i > NR) i = NR; return a[i] } END {printf "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms (n=%d)\n", at(0.5), at(0.9), at(0.99), a[NR], NR}'; }
for i in $(seq 1 5); do ms "http://127.0.0.1:$PORT/en/" >/dev/null; done
: > "$OUT/asof-cold.txt"; : > "$OUT/asof-api.txt"; : > "$OUT/asof-warm.txt"; : > "$OUT/asof-live.txt"
: > "$OUT/asof-cold-unit.txt"; : > "$OUT/asof-cold-station.txt"; : > "$OUT/asof-cold-api.txt"
UNITS=$(python3 -c "import json; print(len(json.load(open('$G/election.json'))['units']))")
STATIONS=$(python3 -c "import json; print(len(json.load(open('$G/election.json'))['stations']))")
unit() { python3 -c "import json,random; random.seed($1); u=json.load(open('$G/election.json'))['units']; print(u[random.randrange($UNITS)]['id'])"; }
rnd() { python3 -c "import random; random.seed($1); print(random.randint($2, $3))"; }
LOGLINE=$(wc -l < "$OUT/asof-serve.log")
ticks() { awk '{print $14 + $15}' "/proc/$JPID/stat"; }
CPU0=$(ticks); W0=$(date +%s.%N)
for i in $(seq 1 "$COUNT"); do
  S=$(rnd "$i" 3 "$SIZE")
  ms "http://127.0.0.1:$PORT/en/at/$S/" >> "$OUT/asof-cold.txt"
  ms "http://127.0.0.1:$PORT/en/at/$(rnd $((1000 + i)) 3 "$SIZE")/unit/$(unit "$i")" >> "$OUT/asof-cold-unit.txt"
  ms "http://127.0.0.1:$PORT/en/at/$(rnd $((2000 + i)) 3 "$SIZE")/station/P$(rnd $((3000 + i)) 0 $((STATIONS - 1)))" \
    >> "$OUT/asof-cold-station.txt"
  ms "http://127.0.0.1:$PORT/api/results?at=$(rnd $((4000 + i)) 3 "$SIZE")" >> "$OUT/asof-cold-api.txt"
  ms "http://127.0.0.1:$PORT/api/results?at=$S" >> "$OUT/asof-api.txt"
  ms "http://127.0.0.1:$PORT/en/at/$S/?view=consensus" >> "$OUT/asof-warm.txt"
  ms "http://127.0.0.1:$PORT/en/at/$S/" >> "$OUT/asof-warm.txt"
  ms "http://127.0.0.1:$PORT/en/" >> "$OUT/asof-live.txt"
done
CPU1=$(ticks); W1=$(date +%s.%N)
HZ=$(getconf CLK_TCK)
echo "server process CPU during the $((COUNT * 8)) requests: $(python3 -c "print(f'{($CPU1 - $CPU0) / $HZ:.1f} s of {$W1 - $W0:.1f} s wall, {($CPU1 - $CPU0) / $HZ / ($COUNT * 8) * 1000:.0f} ms a request on average')")"
echo "overview as of a new size:                 $(pct < "$OUT/asof-cold.txt")"
echo "unit page as of a new size:                $(pct < "$OUT/asof-cold-unit.txt")"
echo "station page as of a new size:             $(pct < "$OUT/asof-cold-station.txt")"
echo "API /api/results as of a new size:         $(pct < "$OUT/asof-cold-api.txt")"
cat "$OUT/asof-cold.txt" "$OUT/asof-cold-unit.txt" "$OUT/asof-cold-station.txt" "$OUT/asof-cold-api.txt" > "$OUT/asof-cold-all.txt"
echo "all four, as of a new size:                $(pct < "$OUT/asof-cold-all.txt")"
echo "API as of a size already asked (cached):   $(pct < "$OUT/asof-api.txt")"
echo "pages as of a cached size (LRU hit):       $(pct < "$OUT/asof-warm.txt")"
echo "live overview, for scale:                  $(pct < "$OUT/asof-live.txt")"
# the server's own CPU time for each new size (the thread that restored and replayed it: ThreadMXBean)
tail -n +"$((LOGLINE + 1))" "$OUT/asof-serve.log" | grep -o 'as of log size.*' > "$OUT/asof-cpu.txt" || true
cpu() { python3 - "$OUT/asof-cpu.txt" "$1" <<'PY'
import re, sys
rows = [tuple(int(x) for x in re.search(r'size (\d+): .*?size (\d+) restored in (\d+) ms \(CPU (\d+) ms\), (\d+) entries replayed in (\d+) ms \(CPU (\d+) ms\)', l).groups()) for l in open(sys.argv[1]) if 'restored' in l]
if not rows: print('none'); sys.exit()
v = sorted({'total': r[3] + r[6], 'restore': r[3], 'replay': r[6], 'entries': r[4]}[sys.argv[2]] for r in rows)
at = lambda q: v[min(len(v) - 1, max(0, int(len(v) * q + 0.5) - 1))]
print(f"p50 {at(0.5)}  p90 {at(0.9)}  p99 {at(0.99)}  max {v[-1]} (n={len(v)})")
PY
}
echo "server CPU ms per new size, restore+replay: $(cpu total)"
echo "  of which restoring the snapshot:          $(cpu restore)"
echo "  of which replaying the entries after it:  $(cpu replay)"
echo "  entries replayed:                         $(cpu entries)"
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}')"
jcmd "$JPID" GC.run >/dev/null 2>&1 && jcmd "$JPID" GC.heap_info 2>/dev/null | grep -iE 'used|total' | head -2 || true
echo "load after: $(uptime | sed 's/.*load average/load average/')"
