#!/usr/bin/env bash
# Seconds from launching `serve` to its first answered /api/results, for one or more jars side by side.
#
#   bench/first-answer.sh DATA RUNS JAR[,OPTION…] [JAR[,OPTION…]…]
#
# Options after a jar's name (commas between) are given to its JVM only: the same jar twice, once with
# ,-Dveritally.start.from=projections, compares the start from a snapshot with the old way side by side.
# Each jar serves its own copy of the data directory DATA (DATA.<k>, copied once: a newer jar migrates the
# database, and an older one then refuses it), with -Xmx1g, RUNS times, the jars interleaved run by run; the
# page cache is warmed before each run. Prints every run and each jar's median. JFR=1 records the last run of
# each jar (DATA.<k>.jfr; summarise with bench/jfr-summary.py). Build a DATA of a million sheets with
# bench/verify-vs-sha256sum.sh (WORKDIR/data) or bench/serve-1m.sh.
# Each run also prints the CPU seconds (user + sys) the server had spent when it answered, read from /proc.
# SNAPSHOTS=1 first serves each copy until it has written its newest snapshot of the state and its catalogue
# image (issue 15: what the next start-up restores), with -Xmx$PREPARE_XMX (4g: at a million sheets the snapshot
# thread, the integrity check and the served state do not fit 1g together), so the runs start from them;
# JAVA_OPTS are added to each
# launch (e.g. -Dveritally.start.from=projections for the old way with the same jar).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/common.sh"
DATA="$1"; RUNS="$2"; shift 2
JARS=("$@")
PORT="${PORT:-18181}"
# the JVM options given after a jar's name
extra() { [[ "$1" == *,* ]] && echo "${1#*,}" | tr ',' ' ' || true; }
for k in "${!JARS[@]}"; do
  [[ -d "$DATA.$k" ]] || cp -a "$DATA" "$DATA.$k"
done
if [[ -n "${SNAPSHOTS:-}" ]]; then
  every=$(echo "${JAVA_OPTS:-}" | grep -o 'veritally.snapshot.every=[0-9]*' | cut -d= -f2 || true)
  every=${every:-20000}
  for k in "${!JARS[@]}"; do
    [[ "${JARS[$k]}" == *start.from=projections* ]] && continue # the old way reads no snapshot
    java -Xmx"${PREPARE_XMX:-4g}" ${JAVA_OPTS:-} $(extra "${JARS[$k]}") -jar "${JARS[$k]%%,*}" serve --data "$DATA.$k" \
      --port "$PORT" > "$DATA.$k.prepare.log" 2>&1 &
    pid=$!
    until size=$(grep -o '(log size [0-9,]*' "$DATA.$k.prepare.log" | head -1 | tr -dc 0-9) && [[ -n "$size" ]] \
        && [[ -f "$DATA.$k/snapshots/catalogue.img" ]] \
        && [[ -f "$DATA.$k/snapshots/$(printf '%020d' $((size / every * every))).snap" ]]; do
      sleep 2
      kill -0 $pid 2>/dev/null || { cat "$DATA.$k.prepare.log"; exit 1; }
    done
    kill $pid; wait $pid 2>/dev/null || true
    echo "prepared $DATA.$k: snapshot of log size $((size / every * every)) and the catalogue image"
  done
fi
declare -A times cpus
for run in $(seq 1 "$RUNS"); do
  for k in "${!JARS[@]}"; do
    cat "$DATA.$k"/veritally.db* > /dev/null
    opts="-Xmx1g"
    [[ -n "${JFR:-}" && $run == "$RUNS" ]] && opts="$opts -XX:StartFlightRecording=filename=$DATA.$k.jfr,settings=profile"
    t0=$(date +%s.%N)
    java $opts ${JAVA_OPTS:-} $(extra "${JARS[$k]}") -jar "${JARS[$k]%%,*}" serve --data "$DATA.$k" --port "$PORT" > "$DATA.$k.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$PORT/api/results" > /dev/null; do
      sleep 0.05
      kill -0 $pid 2>/dev/null || { cat "$DATA.$k.log"; exit 1; }
    done
    t1=$(date +%s.%N)
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat")
    kill $pid; wait $pid 2>/dev/null || true
    s=$(echo "$t1 - $t0" | bc -l)
    times[$k]="${times[$k]:-} $s"
    cpus[$k]="${cpus[$k]:-} $cpu"
    printf 'run %d, %s: first answer %.2f s, CPU %s s (load %s) — %s\n' "$run" "${JARS[$k]}" "$s" "$cpu" \
      "$(cut -d' ' -f1 /proc/loadavg)" "$(grep -o 'loaded from the [^,]*' "$DATA.$k.log" | head -1)"
  done
done
for k in "${!JARS[@]}"; do
  printf '%s: median %.2f s, CPU %.2f s, of %d\n' "${JARS[$k]}" "$(echo ${times[$k]} | tr ' ' '\n' | median)" \
    "$(echo ${cpus[$k]} | tr ' ' '\n' | median)" "$RUNS"
done
