#!/usr/bin/env bash
# Seconds from launching `serve` to its first answered /api/results, for one or more jars side by side.
#
#   bench/first-answer.sh DATA RUNS JAR [JAR…]
#
# Each jar serves its own copy of the data directory DATA (DATA.<k>, copied once: a newer jar migrates the
# database, and an older one then refuses it), with -Xmx1g, RUNS times, the jars interleaved run by run; the
# page cache is warmed before each run. Prints every run and each jar's median. JFR=1 records the last run of
# each jar (DATA.<k>.jfr; summarise with bench/jfr-summary.py). Build a DATA of a million sheets with
# bench/verify-vs-sha256sum.sh (WORKDIR/data) or bench/serve-1m.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/common.sh"
DATA="$1"; RUNS="$2"; shift 2
JARS=("$@")
PORT="${PORT:-18181}"
for k in "${!JARS[@]}"; do
  [[ -d "$DATA.$k" ]] || cp -a "$DATA" "$DATA.$k"
done
declare -A times
for run in $(seq 1 "$RUNS"); do
  for k in "${!JARS[@]}"; do
    cat "$DATA.$k"/veritally.db* > /dev/null
    opts="-Xmx1g"
    [[ -n "${JFR:-}" && $run == "$RUNS" ]] && opts="$opts -XX:StartFlightRecording=filename=$DATA.$k.jfr,settings=profile"
    t0=$(date +%s.%N)
    java $opts -jar "${JARS[$k]}" serve --data "$DATA.$k" --port "$PORT" > "$DATA.$k.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$PORT/api/results" > /dev/null; do
      sleep 0.05
      kill -0 $pid 2>/dev/null || { cat "$DATA.$k.log"; exit 1; }
    done
    t1=$(date +%s.%N)
    kill $pid; wait $pid 2>/dev/null || true
    s=$(echo "$t1 - $t0" | bc -l)
    times[$k]="${times[$k]:-} $s"
    printf 'run %d, %s: first answer %.2f s (load %s)\n' "$run" "${JARS[$k]}" "$s" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
for k in "${!JARS[@]}"; do
  printf '%s: median %.2f s of %d\n' "${JARS[$k]}" "$(echo ${times[$k]} | tr ' ' '\n' | median)" "$RUNS"
done
