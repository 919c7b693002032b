#!/usr/bin/env bash
# The whole chain at one size (issue 15, the scaling table): every step a user runs, each timed with the JVM start
# included under /usr/bin/time (wall, CPU user+sys, peak RSS), one run each, then a table of them.
#
#   bench/scaling.sh N [OUT]          N = 100000, 1000000 (generate --stations N --sources 1 --seed 1)
#                                     or id-2024 (generate --geography id-2024 … --contests 5 --sources 2 --seed 7)
#
# Steps: generate; import election; import CSV; serve's first answered /api/results (its CPU from /proc, its live
# heap after a full GC from `jcmd GC.class_histogram`, its peak RSS from VmHWM); one page of the website; results,
# discrepancies, stats forensics|quickcount|irreversible, timeline; export in every format users download; publish
# (the log: tiles, bundles, results); publish --site (the static mirror); verify of the published log; then the
# incremental part: 10,000 new sheets, diff over them, publish and publish --site again, verify again.
#
# The 10,000 new sheets are copies by a third party: a source `bench-extra` (observer) is declared before the first
# publish (an import of the CSV's header alone: a new source makes the site render everything), and after the
# first publish 10,000 rows taken evenly through the CSV (every (rows / 10,000)-th) are imported as its copies
# (the same numbers: those stations become agreed by one more source). This works on a data directory imported
# in advance (DATA_FROM) as well as on a fresh one, and spreads the change over the whole geography (the harder
# case for an incremental publish, against 10,000 rows at the end of the file, which touch a few units only).
#
# Environment:
#   HEAP          JAVA_OPTS heap of every command (default -Xmx1g; use -Xmx4g for id-2024)
#   DATA_FROM     an imported data directory to copy (cp -a) instead of generating and importing (its GEN too)
#   GEN           the generated files' directory (election.json, sheets.csv); default OUT/gen
#   SITE_LANGS    languages of publish --site (default en: the mirror takes about 9 KB a station and language)
#   SKIP_SITE=1   no publish --site (both the full and the incremental one)
#   DB=postgres   also the PostgreSQL variant: import election + CSV (COPY) into a throw-away PostgreSQL
#                 (bench/postgres.sh, port PGPORT, default 19532) and serve's first answer from it
#   JAR           the application jar (default app/target/veritally.jar; build it first without install:
#                 ./mvnw -B -o -q -Dmaven.test.skip=true -Djacoco.skip=true package -pl app -am)
#   PORT          serve's port (default 19501)
#   SKIP_STEPS    a regular expression of step names not to run (e.g. 'timeline|export-nist-xml')
#   KEEP_GOING=1  go on after a step fails (its row keeps the time it took)
# serve runs with -Dveritally.snapshot.every=1000000000 (no as-of snapshots: their disk grows with the square of
# the log), so its first answer is a start-up from the projections or an existing snapshot.
# Prints the table (step, wall, CPU, peak RSS, items/s by wall and by CPU) and the load average; OUT/steps.tsv
# keeps the rows.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:?usage: bench/scaling.sh N|id-2024 [OUT]}"
OUT="${2:-/tmp/chain-bench/$N}"
JAR="${JAR:-$ROOT/app/target/veritally.jar}"
HEAP="${HEAP:--Xmx1g}"
PORT="${PORT:-19501}"
GEN="${GEN:-$OUT/gen}"
SITE_LANGS="${SITE_LANGS:-en}"
D="$OUT/data"
mkdir -p "$OUT"
TSV="$OUT/steps.tsv"
[[ -s "$TSV" ]] && mv "$TSV" "$TSV.$(date +%s)"
: > "$TSV"
VT() { java $HEAP "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "scaling $N: jar $JAR, heap $HEAP, start $(date -u +%FT%TZ), load $(load)" | tee "$OUT/run.log"

# step NAME ITEMS CMD…: runs CMD under /usr/bin/time, output in OUT/NAME.out, one row in steps.tsv
step() {
  local name="$1" items="$2"; shift 2
  [[ -n "${SKIP_STEPS:-}" && "$name" =~ ^(${SKIP_STEPS})$ ]] && { echo "$name skipped" | tee -a "$OUT/run.log"; return 0; }
  local tf="$OUT/$name.time"
  local rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" > "$OUT/$name.out" 2>&1 || rc=$?
  if [[ $rc != 0 ]]; then
    echo "step $name failed (exit $rc):" >&2; tail -5 "$OUT/$name.out" >&2
    [[ "${KEEP_GOING:-}" ]] || exit 1
  fi
  read -r w u s m < <(tail -1 "$tf")
  printf '%s\t%s\t%.2f\t%s\t%s\t%s\n' "$name" "$w" "$(echo "$u + $s" | bc -l)" "$m" "$items" "$(load)" >> "$TSV"
  printf '%-24s wall %8.2f s  cpu %8.2f s  rss %6.0f MB  (load %s)\n' "$name" "$w" "$(echo "$u + $s" | bc -l)" \
    "$(echo "$m / 1024" | bc -l)" "$(load)" | tee -a "$OUT/run.log"
}
logsize() { sqlite3 "$D/veritally.db" 'SELECT count(*) FROM log_entry'; }
sheets() { sqlite3 "$D/veritally.db" 'SELECT count(*) FROM sheet_current'; }

# serve's first answer: wall from launch, CPU from /proc, live heap after a full GC, peak RSS
serve_first() {
  local name="$1"; shift
  [[ -n "${SKIP_STEPS:-}" && "$name" =~ ^(${SKIP_STEPS})$ ]] && { echo "$name skipped" | tee -a "$OUT/run.log"; return 0; }
  local t0 t1 pid cpu hwm live
  t0=$(date +%s.%N)
  java $HEAP -Dveritally.snapshot.every=1000000000 -jar "$JAR" serve "$@" --port "$PORT" > "$OUT/$name.out" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/api/results" > /dev/null; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { tail "$OUT/$name.out" >&2; return 1; }
  done
  t1=$(date +%s.%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat")
  # one page of the website, rendered from the served state
  local page; page=$( { /usr/bin/time -f '%e' curl -sf -o /dev/null "http://127.0.0.1:$PORT/en/"; } 2>&1 | tail -1)
  jcmd $pid GC.class_histogram > "$OUT/$name.histogram" 2>/dev/null || true
  live=$(awk '/^Total/ {print $3}' "$OUT/$name.histogram")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill $pid; wait $pid 2>/dev/null || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(echo "$t1 - $t0" | bc -l)" "$cpu" "$hwm" "-" "$(load)" >> "$TSV"
  printf '%-24s wall %8.2f s  cpu %8.2f s  rss %6.0f MB  live heap after full GC %.0f MB; /en/ %s s (load %s)\n' \
    "$name" "$(echo "$t1 - $t0" | bc -l)" "$cpu" "$(echo "$hwm / 1024" | bc -l)" \
    "$(echo "${live:-0} / 1000000" | bc -l)" "$page" "$(load)" | tee -a "$OUT/run.log"
}

# 1. generate and import (or a copy of an imported directory)
if [[ ! -f "$GEN/sheets.csv" ]]; then
  if [[ "$N" == id-2024 ]]; then
    step generate 8201610 java -Xmx1g -jar "$JAR" generate --geography id-2024 "$ROOT/../shared/data/id-2024/villages.csv" \
      --contests 5 --sources 2 --seed 7 --out "$GEN"
  else
    step generate "$N" java -Xmx1g -jar "$JAR" generate --stations "$N" --sources 1 --seed 1 --out "$GEN"
  fi
fi
if [[ -n "${DATA_FROM:-}" ]]; then
  [[ -d "$D" ]] || cp -a "$DATA_FROM" "$D"
else
  rm -rf "$D"
  step import-election - java $HEAP -jar "$JAR" import --data "$D" --format election "$GEN/election.json"
  rows=$(($(wc -l < "$GEN/sheets.csv") - 1))
  step import-csv "$rows" java $HEAP -jar "$JAR" import --data "$D" --format csv --quiet "$GEN/sheets.csv"
fi
ROWS=$(($(wc -l < "$GEN/sheets.csv") - 1))
SHEETS=$(sheets)
echo "sheets $SHEETS, log size $(logsize)" | tee -a "$OUT/run.log"

# the extra source, declared before the first publish; its 10,000 rows, evenly through the CSV, without the
# source column (they are imported with --source bench-extra)
python3 - "$GEN/sheets.csv" "$OUT" "$ROWS" <<'PY'
import csv, sys
src, out, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
every = max(1, rows // 10000)
with open(src, newline='') as f, open(out + '/extra.csv', 'w', newline='') as e, \
     open(out + '/header.csv', 'w', newline='') as h:
    r = csv.reader(f); head = next(r); si = head.index('source')
    cut = lambda row: row[:si] + row[si + 1:]
    we, wh = csv.writer(e, lineterminator='\n'), csv.writer(h, lineterminator='\n')
    we.writerow(cut(head)); wh.writerow(cut(head))
    n = 0
    for i, row in enumerate(r):
        if i % every == 0 and n < 10000:
            we.writerow(cut(row)); n += 1
PY
java $HEAP -jar "$JAR" import --data "$D" --format csv --source bench-extra --source-kind observer --quiet \
  "$OUT/header.csv" > /dev/null
S0=$(logsize)

# 2. serve, website, the read-only commands
serve_first serve-first-answer --data "$D"
step results "$SHEETS" java $HEAP -jar "$JAR" results --data "$D"
step discrepancies "$SHEETS" java $HEAP -jar "$JAR" discrepancies --data "$D" --limit 20
step stats-forensics "$SHEETS" java $HEAP -jar "$JAR" stats forensics --data "$D"
step stats-quickcount "$SHEETS" java $HEAP -jar "$JAR" stats quickcount --data "$D" --seed bench --size "$(( SHEETS < 2000 ? SHEETS : 2000 ))"
step stats-irreversible "$SHEETS" java $HEAP -jar "$JAR" stats irreversible --data "$D"
step timeline "$S0" java $HEAP -jar "$JAR" timeline --data "$D"
for f in station-csv consensus-csv nist-json nist-xml openelections sqlite; do
  step "export-$f" "$SHEETS" java $HEAP -jar "$JAR" export --data "$D" --format "$f" --out "$OUT/export.$f"
  [[ -f "$OUT/export.$f" ]] && printf '  %s: %s\n' "export.$f" "$(du -h --apparent-size "$OUT/export.$f" | cut -f1)" \
    | tee -a "$OUT/run.log"
  rm -f "$OUT/export.$f"
done

# 3. publish: the log, the static mirror, verify
rm -rf "$OUT/pub" "$OUT/site"
step publish "$S0" java $HEAP -jar "$JAR" publish --data "$D" --out "$OUT/pub"
if [[ -z "${SKIP_SITE:-}" ]]; then
  step publish-site "$S0" java $HEAP -jar "$JAR" publish --data "$D" --out "$OUT/site" --site --languages "$SITE_LANGS"
  printf '  site: %s, %s files\n' "$(du -sh "$OUT/site" | cut -f1)" "$(find "$OUT/site" -type f | wc -l)" | tee -a "$OUT/run.log"
fi
step verify "$S0" java $HEAP -jar "$JAR" verify "$OUT/pub" --key "$D/keys/log.vkey"

# 4. 10,000 new sheets, then the incremental publishes
step import-10k "$(($(wc -l < "$OUT/extra.csv") - 1))" java $HEAP -jar "$JAR" import --data "$D" --format csv --source bench-extra --quiet "$OUT/extra.csv"
S1=$(logsize)
step diff-10k $((S1 - S0)) java $HEAP -jar "$JAR" diff --data "$D" --from "$S0" --to "$S1" --limit 20
step publish-incr "$((S1 - S0))" java $HEAP -jar "$JAR" publish --data "$D" --out "$OUT/pub"
grep -E '^published' "$OUT/publish-incr.out" | sed 's/; verifier key.*//' | tee -a "$OUT/run.log" || true
if [[ -z "${SKIP_SITE:-}" ]]; then
  step publish-site-incr "$((S1 - S0))" java $HEAP -jar "$JAR" publish --data "$D" --out "$OUT/site" --site --languages "$SITE_LANGS"
  grep -E '^(published|seconds)' "$OUT/publish-site-incr.out" | sed 's/; verifier key.*//' | tee -a "$OUT/run.log" || true
fi
step verify-after "$S1" java $HEAP -jar "$JAR" verify "$OUT/pub" --key "$D/keys/log.vkey"

# 5. PostgreSQL: import with COPY, serve from it
if [[ "${DB:-}" == postgres ]]; then
  . "$ROOT/bench/postgres.sh"
  pg_start "$OUT/pg-data" "${PGPORT:-19532}"
  trap pg_stop EXIT
  url=$(pg_createdb vt_scaling)
  rm -rf "$OUT/pgd"
  step pg-import-election - java $HEAP -jar "$JAR" import --data "$OUT/pgd" --db "$url" --format election "$GEN/election.json"
  step pg-import-csv "$ROWS" java $HEAP -jar "$JAR" import --data "$OUT/pgd" --db "$url" --format csv --quiet "$GEN/sheets.csv"
  serve_first pg-serve-first-answer --data "$OUT/pgd" --db "$url"
fi

echo "end $(date -u +%FT%TZ), load $(load)" | tee -a "$OUT/run.log"
echo
printf '| step (%s, %s) | wall s | CPU s (user+sys) | peak RSS MB | items | items/s (wall) | items/s (CPU) | load at the end |\n' "$N" "$HEAP"
echo '|---|---|---|---|---|---|---|---|'
awk -F'\t' '{ ips = ($5 ~ /^[0-9]+$/ && $2 > 0) ? sprintf("%.0f", $5 / $2) : "-";
              ipc = ($5 ~ /^[0-9]+$/ && $3 > 0) ? sprintf("%.0f", $5 / $3) : "-";
              printf "| %s | %.2f | %.2f | %.0f | %s | %s | %s | %s |\n", $1, $2, $3, $4 / 1024, $5, ips, ipc, $6 }' "$TSV"
