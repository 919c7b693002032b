#!/usr/bin/env bash
# Online submission: POST /api/sheets at RATE sheets/s (default 2000) for 30 s into a served data
# directory, each answered only after a durable commit, with its receipt (group commit).
# Usage: bench/post-load.sh [RATE] [SECONDS]
. "$(dirname "$0")/common.sh"
RATE="${1:-2000}"; SECS="${2:-30}"; PORT="${PORT:-18081}"
N=$((RATE * SECS + 1000))
build
G="$OUT/gen-post-$N"; D="$OUT/post-data"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 2 --out "$G"
rm -rf "$D"
"$VT" import --data "$D" --format election "$G/election.json" >/dev/null
python3 - "$G/sheets.csv" "$OUT/bodies.txt" <<'PY'
import csv, json, sys
rows = csv.DictReader(open(sys.argv[1]))
with open(sys.argv[2], "w") as out:
    for r in rows:
        votes = {k: int(v) for k, v in r.items() if k.startswith("C1-L") and v != ""}
        counts = {"registered": int(r["registered"]), "ballots": int(r["ballots"]), "valid": int(r["valid"]),
                  "null": int(r["null"]), "blank": int(r["blank"])}
        out.write(json.dumps({"station": r["station"], "contest": r["contest"], "source": r["source"], "counts": counts, "votes": votes}) + "\n")
PY
# the benchmark measures the sequencer, not the rate limits: lift them
JAVA_OPTS="-Xmx1g" "$VT" serve --data "$D" --port "$PORT" --rate-limit-account 1000000/s:1000000 --rate-limit-address 1000000/s:1000000 --request-log off > "$OUT/serve-post.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null; do sleep 0.05; done
java -cp "$JAR" org.veritally.bench.HttpLoad post "http://127.0.0.1:$PORT/api/sheets" "$OUT/bodies.txt" "$RATE" "$SECS" "$(cat "$D/api-token")"
curl -s "http://127.0.0.1:$PORT/api/election" | python3 -c "import json,sys; print('log size after the run:', json.load(sys.stdin)['logSize'])"
