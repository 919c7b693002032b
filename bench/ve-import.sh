#!/usr/bin/env bash
# Wall time of importing the real Venezuelan file (24,532 actas) into a fresh data directory,
# JVM start included; 5 runs, median. Needs ../shared.
. "$(dirname "$0")/common.sh"
F="$ROOT/../shared/data/ve-2024/RESULTADOS_2024_CSV_V1.csv"
[[ -f "$F" ]] || { echo "SKIPPED: $F not found"; exit 0; }
build
t=()
for r in 1 2 3 4 5; do
  rm -rf "$OUT/ve"
  t+=("$(seconds "$VT" import --data "$OUT/ve" --format ve2024-cvzla --quiet "$F")")
  echo "run $r: ${t[-1]} s"
done
printf 'median: %.2f s\n' "$(printf '%s\n' "${t[@]}" | median)"
