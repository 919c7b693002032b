#!/usr/bin/env bash
# Bulk import of N generated sheets (default 1,000,000) into a fresh data directory (JVM start included), against
# sqlite3's .import of the same CSV into a plain table, in the same run, alternating: RUNS runs each (default 3),
# medians of wall time and of CPU time (user+sys), the ratios, and the load average at the start and the end.
# The election definition is imported once and its data directory copied for each run, so only the sheets are timed.
# With BASE_JAR=path/to/old/veritally.jar, each run also times that jar's import of the same CSV into its own copy
# (before the new one), and the medians of old and new and their ratio are printed: a before/after in one run.
# Usage: bench/import-vs-sqlite3.sh [N] [RUNS]   (JAVA_OPTS as for bin/veritally; BENCH_OUT for the files)
. "$(dirname "$0")/common.sh"
N="${1:-1000000}"; RUNS="${2:-3}"
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install -y sqlite3)"; exit 2; }
[[ -x /usr/bin/time ]] || { echo "GNU time is required (apt-get install -y time)"; exit 2; }
build_app
G="$OUT/gen-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 1 --out "$G"
if [[ ! -f "$OUT/defined-$N/veritally.db" ]]; then
  rm -rf "$OUT/defined-$N"
  "$VT" import --data "$OUT/defined-$N" --format election "$G/election.json" >/dev/null
fi
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
vw=(); vc=(); sw=(); sc=(); bw=(); bc=()
for r in $(seq "$RUNS"); do
  rm -rf "$OUT/import-data" "$OUT/plain.db"
  if [[ -n "${BASE_JAR:-}" ]]; then
    cp -r "$OUT/defined-$N" "$OUT/import-data"
    # shellcheck disable=SC2086
    read -r w c < <(wall_cpu java ${JAVA_OPTS:--Xmx1g} -jar "$BASE_JAR" import --data "$OUT/import-data" --format csv \
      --quiet "$G/sheets.csv")
    bw+=("$w"); bc+=("$c")
    echo "run $r: base jar ${bw[-1]} s (CPU ${bc[-1]} s)"
    rm -rf "$OUT/import-data"
  fi
  cp -r "$OUT/defined-$N" "$OUT/import-data"
  read -r w c < <(wall_cpu "$VT" import --data "$OUT/import-data" --format csv --quiet "$G/sheets.csv")
  vw+=("$w"); vc+=("$c")
  read -r w c < <(wall_cpu sqlite3 "$OUT/plain.db" ".mode csv" ".import $G/sheets.csv sheets")
  sw+=("$w"); sc+=("$c")
  echo "run $r: veritally ${vw[-1]} s (CPU ${vc[-1]} s), sqlite3 ${sw[-1]} s (CPU ${sc[-1]} s)"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
mvw=$(printf '%s\n' "${vw[@]}" | median); mvc=$(printf '%s\n' "${vc[@]}" | median)
msw=$(printf '%s\n' "${sw[@]}" | median); msc=$(printf '%s\n' "${sc[@]}" | median)
printf 'median wall: veritally import %.2f s (%.0f sheets/s, JVM start included), sqlite3 .import %.2f s, ratio %.2fx\n' \
  "$mvw" "$(echo "$N / $mvw" | bc -l)" "$msw" "$(echo "$mvw / $msw" | bc -l)"
printf 'median CPU (user+sys): veritally %.2f s, sqlite3 %.2f s, ratio %.2fx\n' \
  "$mvc" "$msc" "$(echo "$mvc / $msc" | bc -l)"
if [[ -n "${BASE_JAR:-}" ]]; then
  mbw=$(printf '%s\n' "${bw[@]}" | median); mbc=$(printf '%s\n' "${bc[@]}" | median)
  printf 'base jar: median wall %.2f s, CPU %.2f s; new / base: wall %.2fx, CPU %.2fx\n' \
    "$mbw" "$mbc" "$(echo "$mvw / $mbw" | bc -l)" "$(echo "$mvc / $mbc" | bc -l)"
fi
