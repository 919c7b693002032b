#!/usr/bin/env bash
# Where the bytes of a serving instance go (issue 15): the live heap after a full GC, by class.
#
#   bench/serve-heap.sh DATA JAR [JVM-OPTION…]
#
# Serves DATA (with -Xmx4g unless an option says otherwise) until /readyz is 200 (the start-up integrity check
# has passed and let go of its scratch state) and no snapshot of the state is being taken, then asks
# `jcmd GC.class_histogram` (which runs a full GC first) and `jcmd GC.heap_info`. Prints the total live bytes,
# the bytes per station, the 25 largest classes, and keeps the whole histogram in DATA.histogram.
# WAIT=answer takes the histogram at the first answered /api/results instead (the integrity check has then only
# begun reading the log; add -Dveritally.snapshot.every=1000000000000 so no snapshot is being taken).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/common.sh"
DATA="$1"; JAR="$2"; shift 2
PORT="${PORT:-18182}"
opts=("$@"); [[ " ${opts[*]:-} " == *" -Xmx"* ]] || opts+=(-Xmx4g)
java "${opts[@]}" -jar "$JAR" serve --data "$DATA" --port "$PORT" > "$DATA.heap.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
if [[ "${WAIT:-}" == answer ]]; then
  until curl -sf "http://127.0.0.1:$PORT/api/results" > /dev/null; do
    sleep 1
    kill -0 $pid 2>/dev/null || { cat "$DATA.heap.log"; exit 1; }
  done
else
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" == 200 ]]; do
    sleep 5
    kill -0 $pid 2>/dev/null || { cat "$DATA.heap.log"; exit 1; }
  done
fi
# wait for the snapshot thread to be idle: no new snapshot line for 30 s
while [[ "${WAIT:-}" != answer ]] && [[ -n "$(find "$DATA.heap.log" -newermt '-30 seconds')" ]] \
    && tail -n 5 "$DATA.heap.log" | grep -q 'snapshot of the state at log size'; do sleep 10; done
jcmd $pid GC.class_histogram > "$DATA.histogram"
jcmd $pid GC.heap_info | sed -n '2,4p'
stations=$(curl -s "http://127.0.0.1:$PORT/api/election" | grep -o '"stations":[0-9]*' | head -1 | cut -d: -f2)
total=$(awk '/^Total/ {print $3}' "$DATA.histogram")
printf 'live heap after a full GC: %d bytes (%.1f MB); %s stations: %.0f bytes a station (load %s)\n' \
  "$total" "$(echo "$total / 1000000" | bc -l)" "${stations:-?}" \
  "$(echo "$total / ${stations:-1}" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
sed -n '1,28p' "$DATA.histogram"
