#!/usr/bin/env bash
# `verify` of the full static mirror of the Venezuelan data over plain static servers (issue 15):
# the directory itself, Python's `http.server` and nginx (Debian's package: `apt-get install nginx`;
# skipped with a message when `nginx` is not on the PATH), each on loopback, one run each, wall time
# with JVM start.
#
# Usage: bench/verify-static-servers.sh [CONCURRENCY] (default 4: `verify --http-concurrency`).
# Needs ../shared and ~3 GB of disk. WORK=DIR reuses a mirror already
# published there (DIR/site with DIR/key.txt). The output stays in bench/out/static (delete it when done).
. "$(dirname "$0")/common.sh"
C="${1:-4}"
F="$ROOT/../shared/data/ve-2024/RESULTADOS_2024_CSV_V1.csv"
[[ -f "$F" ]] || { echo "SKIPPED: $F not found"; exit 0; }
W="${WORK:-$OUT/static}"
if [[ ! -f "$W/site/manifest.json" || ! -f "$W/key.txt" ]]; then

  rm -rf "$W" && mkdir -p "$W"
  "$VT" import --data "$W/ve" --format ve2024-cvzla --quiet "$F" >/dev/null
  "$VT" publish --data "$W/ve" --out "$W/site" --site >/dev/null
  "$VT" log-key --data "$W/ve" | tail -1 >"$W/key.txt"
fi
KEY="$(cat "$W/key.txt")"
echo "mirror: $(find "$W/site/" -type f | wc -l) files, $(du -sh "$W/site/" | cut -f1); concurrency $C"

run() { # label, target
  local t0 t1
  t0=$(date +%s.%N)
  if "$VT" verify "$2" --key "$KEY" --http-concurrency "$C" >"$W/verify-$1.txt" 2>&1; then
    t1=$(date +%s.%N)
    printf '%-12s %8.1f s  %s\n' "$1" "$(echo "$t1 - $t0" | bc -l)" "$(tail -1 "$W/verify-$1.txt")"
  else
    echo "$1: verify failed: $(tail -2 "$W/verify-$1.txt")"
  fi
}

run directory "$W/site"

PORT=$((20000 + RANDOM % 20000))
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$W/site" >"$W/python.log" 2>&1 &
PY=$!
trap 'kill $PY 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/checkpoint"; do sleep 0.2; done
run python "http://127.0.0.1:$PORT/"
kill "$PY"

if command -v nginx >/dev/null; then
  NP=$((PORT + 1))
  mkdir -p "$W/nginx"
  cat >"$W/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $W/nginx/nginx.pid;
error_log $W/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $W/nginx/tmp;
  default_type application/octet-stream;
  sendfile on;
  server { listen 127.0.0.1:$NP; root $W/site; }
}
CONF
  nginx -c "$W/nginx/nginx.conf" -p "$W/nginx"
  trap 'kill $(cat "$W/nginx/nginx.pid") 2>/dev/null || true' EXIT
  until curl -sf -o /dev/null "http://127.0.0.1:$NP/checkpoint"; do sleep 0.2; done
  run nginx "http://127.0.0.1:$NP/"
  kill "$(cat "$W/nginx/nginx.pid")"
else
  echo "nginx: absent (apt-get install nginx to include it)"
fi
