#!/usr/bin/env bash
# Bulk import of N generated sheets (default 1,000,000) into a fresh data directory, against
# sqlite3's .import of the same CSV into a plain table, in the same run: 3 runs each, medians.
# Usage: bench/import-vs-sqlite3.sh [N] [RUNS]
. "$(dirname "$0")/common.sh"
N="${1:-1000000}"; RUNS="${2:-3}"
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install -y sqlite3)"; exit 2; }
build
G="$OUT/gen-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 1 --out "$G"
vt=(); sq=()
for r in $(seq "$RUNS"); do
  rm -rf "$OUT/import-data" "$OUT/plain.db"
  "$VT" import --data "$OUT/import-data" --format election "$G/election.json" >/dev/null
  vt+=("$(seconds "$VT" import --data "$OUT/import-data" --format csv --quiet "$G/sheets.csv")")
  sq+=("$(seconds sqlite3 "$OUT/plain.db" ".mode csv" ".import $G/sheets.csv sheets")")
  echo "run $r: veritally ${vt[-1]} s, sqlite3 ${sq[-1]} s"
done
mv=$(printf '%s\n' "${vt[@]}" | median); ms=$(printf '%s\n' "${sq[@]}" | median)
printf 'median: veritally import %.2f s (%.0f sheets/s, JVM start included), sqlite3 .import %.2f s, ratio %.2fx\n' \
  "$mv" "$(echo "$N / $mv" | bc -l)" "$ms" "$(echo "$mv / $ms" | bc -l)"
