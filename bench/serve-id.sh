#!/usr/bin/env bash
# Reads at Indonesia's scale (issue 15) over HTTP. Serves a copy of an imported data directory (default
# /tmp/id82/data: 820,161 TPS x 5 contests x 2 sources, 8.2 M sheets) with -Xmx4g and
# -Dveritally.snapshot.every=1000000000 (no as-of snapshots: at this size each would take minutes and disk that grows
# with the square of the log), then offers RATE requests/s (default 1000) with wrk paced by bench/wrk/paced.lua, for
# DUR seconds (default 30) after 15 s of warm-up, of each of:
#   results    GET /api/results?unit=U&contest=C, random units with every level as likely (bench/id-paths.py)
#   villages   GET /{lang}/unit/V, random villages' pages (their TPS), the four languages in turn, gzip asked
#   provinces  GET /{lang}/unit/P, every province's page (its regencies) in every language, gzip asked
# and the same three lists from nginx (Debian's nginx-light, one worker, gzip on) serving the same answers saved as
# files: the side-by-side peer, a static server doing no work but sending bytes. Prints for each run the achieved
# rate, p50/p90/p99 (wrk --latency), the server's CPU seconds (user+sys, /proc) during the run and the CPU per
# request, the CPU of its request threads apart, the load average; then the ratios of Veritally to nginx. The server's
# start-up integrity check is waited for first (NO_WAIT=1 not to).
# Usage: bench/serve-id.sh [DATA] [RATE] [DUR]
# Environment: ATTACH=PID to measure a server already serving the copy on PORT instead of launching one (a launch
# takes minutes at 8.2 M); APP_JAR (default app/target/veritally.jar, built if missing); PORT (default 19600; nginx
# takes PORT+1);
# BENCH_OUT (work files; the data directory is copied there once with cp -a and reused, since serve writes to it),
# SERVE_OPTS (more JVM options for serve, e.g. -XX:StartFlightRecording=settings=profile,filename=F.jfr).
# Needs wrk and nginx (apt-get install -y wrk nginx-light).
. "$(dirname "$0")/common.sh" || exit 2
for t in wrk nginx curl; do command -v $t >/dev/null || { echo "$t not found: apt-get install -y wrk nginx-light curl" >&2; exit 2; }; done
DATA="${1:-/tmp/id82/data}"; RATE="${2:-1000}"; DUR="${3:-30}"; PORT="${PORT:-19600}"; NPORT=$((PORT + 1))
APP_JAR="${APP_JAR:-$ROOT/app/target/veritally.jar}"
[[ -f "$APP_JAR" ]] || build_app
D="$OUT/serve-id-data"; P="$OUT/serve-id-paths"; S="$OUT/serve-id-static"
if [[ ! -f "$D/veritally.db" ]]; then echo "copying $DATA to $D"; rm -rf "$D"; cp -a "$DATA" "$D"; fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu() { local s=0 p; for p in "$@"; do s=$(awk -v s="$s" '{print s + ($14 + $15) / 100}' "/proc/$p/stat"); done; echo "$s"; }
# CPU seconds of the server's threads whose name starts with $2 (Jetty's request threads, the integrity check)
tcpu() { cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v n="$2" '{c = $0; sub(/^[^(]*\(/, "", c); name = c;
  sub(/\).*/, "", name); sub(/^[^)]*\) /, "", c); split(c, f, " ");
  if (index(name, n) == 1) s += (f[12] + f[13]) / 100} END {printf "%.2f", s}'; }

NG=""
if [[ -n "${ATTACH:-}" ]]; then
  PID=$ATTACH; echo "attached to the server already running as process $PID on port $PORT"
  cleanup() { [[ -n "$NG" ]] && kill "$(cat "$NG")" 2>/dev/null || true; }
else
  t0=$(date +%s.%N)
  java -Xmx4g -Dveritally.snapshot.every=1000000000 ${SERVE_OPTS:-} -jar "$APP_JAR" serve --data "$D" --port "$PORT" \
    > "$OUT/serve-id.log" 2>&1 &
  PID=$!
  cleanup() { kill $PID 2>/dev/null || true; [[ -n "$NG" ]] && kill "$(cat "$NG")" 2>/dev/null || true; }
  until curl -sf "http://127.0.0.1:$PORT/api/results" >/dev/null; do
    sleep 0.2; kill -0 $PID 2>/dev/null || { cat "$OUT/serve-id.log"; exit 1; }
  done
  printf 'first answer %.1f s after launch, server CPU %.1f s, load %s\n' "$(echo "$(date +%s.%N) - $t0" | bc -l)" \
    "$(cpu $PID)" "$(load)"
fi
trap cleanup EXIT
# serve checks the log's integrity once at start, on a thread of its own (minutes at 8.2 M): wait for it unless asked
# not to, so the runs measure the reads alone (its CPU is printed apart either way)
if [[ -z "${NO_WAIT:-}" && -f "$OUT/serve-id.log" ]]; then
  until grep -q "integrity check passed" "$OUT/serve-id.log"; do sleep 2; kill -0 $PID || exit 1; done
  grep -o "integrity check passed.*" "$OUT/serve-id.log" | tail -1
fi
python3 "$ROOT/bench/id-paths.py" "$PORT" "$P"

# the peer's files: every answer saved once (uncompressed; nginx compresses as the server does), one keep-alive
# connection, paths with their query turned into file names
if [[ ! -f "$S/done" ]]; then
  rm -rf "$S"; mkdir -p "$S"
  sort -u "$P"/{results,villages,provinces}.txt | python3 -c '
import http.client, os, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
for path in sys.stdin.read().split():
    c.request("GET", path); r = c.getresponse(); body = r.read()
    if r.status != 200: sys.exit(f"{path}: HTTP {r.status}")
    f = os.path.join(sys.argv[2], path.translate(str.maketrans("?&=", "/__")).lstrip("/"))
    os.makedirs(os.path.dirname(f), exist_ok=True)
    open(f, "wb").write(body)' "$PORT" "$S"
  touch "$S/done"
fi
for list in results villages provinces; do tr '?&=' '/__' < "$P/$list.txt" > "$P/$list.static.txt"; done
cat > "$OUT/nginx.conf" <<EOF
worker_processes 1; daemon off; pid $OUT/nginx.pid; error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; default_type text/html; gzip on; gzip_types application/json; gzip_min_length 256;
  server { listen 127.0.0.1:$NPORT; root $S; } }
EOF
nginx -c "$OUT/nginx.conf" -p "$OUT" &
NG="$OUT/nginx.pid"
until curl -sf -o /dev/null "http://127.0.0.1:$NPORT/done"; do sleep 0.1; done
NPIDS="$(pgrep -P "$(cat "$NG")" | tr '\n' ' ') $(cat "$NG")"

# one paced wrk run: NAME URL PATHS GZIP PIDS...; prints a row and keeps it for the ratios
ms() { awk '{v=$2; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
  printf "%.3f", (u=="us") ? v/1000 : (u=="s") ? v*1000 : v}'; }
run() {
  local name=$1 url=$2 paths=$3 gz=$4; shift 4
  # paced.lua asks for gzip when GZIP is set at all, so it is set only for the pages
  env ${gz:+GZIP=1} RATE=$RATE CONNS=64 THREADS=1 PATHS="$paths" wrk -t1 -c64 -d15s -s "$ROOT/bench/wrk/paced.lua" "$url" >/dev/null
  local c0 r c1
  c0=$(cpu "$@"); local j0 i0; j0=$(tcpu "$1" JettyServerThre); i0=$(tcpu "$1" veritally-integ)
  r=$(env ${gz:+GZIP=1} RATE=$RATE CONNS=64 THREADS=1 PATHS="$paths" wrk -t1 -c64 -d"${DUR}s" --latency \
    -s "$ROOT/bench/wrk/paced.lua" "$url")
  c1=$(cpu "$@"); local j1 i1; j1=$(tcpu "$1" JettyServerThre); i1=$(tcpu "$1" veritally-integ)
  local rps p50 p90 p99 bad n
  rps=$(echo "$r" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  n=$(echo "$r" | awk '/requests in/ {print $1}')
  p50=$(echo "$r" | grep -E '^ +50%' | ms); p90=$(echo "$r" | grep -E '^ +90%' | ms); p99=$(echo "$r" | grep -E '^ +99%' | ms)
  bad=$(echo "$r" | awk '/Non-2xx/ {print $NF} /Socket errors/ {print}' | tr '\n' ' ')
  local c; c=$(echo "$c1 - $c0" | bc -l)
  printf '%-20s %5s/s %8s %8s %8s %7.2f s %6.0f µs %7.2f s %7.2f s  %s %s\n' "$name" "$rps" "$p50" "$p90" "$p99" \
    "$c" "$(echo "$c * 1000000 / $n" | bc -l)" "$(echo "$j1 - $j0" | bc -l)" "$(echo "$i1 - $i0" | bc -l)" "$(load)" "$bad"
  echo "$name $p99 $c" >> "$OUT/serve-id.rows"
}
rm -f "$OUT/serve-id.rows"
echo "offered $RATE requests/s for $DUR s each (64 connections), latencies in ms; server CPU user+sys during the run"
echo "(CPU: the whole server process, per request; Jetty: its request threads; integrity: the start-up check's thread)"
printf '%-20s %7s %8s %8s %8s %9s %9s %9s %9s  %s\n' what rate p50 p90 p99 CPU CPU/req Jetty integrity \
  "load (1, 5, 15 min)"
for list in results villages provinces; do
  gz=""; [[ $list != results ]] && gz=1
  run "veritally $list" "http://127.0.0.1:$PORT" "$P/$list.txt" "$gz" $PID
  run "nginx $list" "http://127.0.0.1:$NPORT" "$P/$list.static.txt" "$gz" $NPIDS
done
echo "ratios veritally / nginx:"
awk '{p99[$1 " " $2] = $3; c[$1 " " $2] = $4}
  END {for (l in p99) if (l ~ /^veritally/) {split(l, a, " "); n = "nginx " a[2];
    printf "  %-10s p99 %.1fx, CPU %.1fx\n", a[2], p99[l] / p99[n], (c[n] > 0 ? c[l] / c[n] : 0)}}' "$OUT/serve-id.rows"
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}'); server CPU since launch $(cpu $PID) s"
