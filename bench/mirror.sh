#!/usr/bin/env bash
# Static mirror (issue 8) of the real Venezuelan file (24,532 actas): the wall time of a full
# `publish --site` in four languages (JVM start included; RUNS runs, each into an empty directory,
# median), its size on disk, the time of `verify` over it, and the time of an incremental publish
# after 1,000 new sheets (RUNS runs, median).
#
# The incremental publish needs sheets that change only sheets (a new unit, station or source
# renders everything): a second source, "observers", is declared first (an import of the CSV's
# header alone), the mirror published in full, then each run imports 1,000 of the observers'
# copies of the actas (the same numbers: the stations become "agreed") and publishes again.
#
# Usage: bench/mirror.sh [RUNS]  (default 3). Needs ../shared and ~8 GB of disk. BENCH_NOBUILD=1 reuses
# the build. The output stays in bench/out/mirror (delete it when done).
. "$(dirname "$0")/common.sh"
RUNS="${1:-3}"
F="$ROOT/../shared/data/ve-2024/RESULTADOS_2024_CSV_V1.csv"
[[ -f "$F" ]] || { echo "SKIPPED: $F not found"; exit 0; }
build
W="$OUT/mirror"
rm -rf "$W"
mkdir -p "$W"
sync
sleep 10

# wall seconds of a command, its output kept in $W/last.out
timed() { local t0 t1; t0=$(date +%s.%N); "$@" >"$W/last.out" 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

"$VT" import --data "$W/ve" --format ve2024-cvzla --quiet "$F"

echo "== full mirror: 24,532 stations, languages es,en,pt,id"
# each run into a new directory: deleting the previous 2.4 GB first would slow the next run down
# (the file system discards the freed blocks meanwhile)
full=()
for r in $(seq 1 "$RUNS"); do
  sync
  full+=("$(timed "$VT" publish --data "$W/ve" --out "$W/site-$r" --site --languages es,en,pt,id)")
  printf 'run %d: %.1f s\n' "$r" "${full[-1]}"
  grep -E '^(published|seconds)' "$W/last.out" | sed 's/; verifier key.*//'
done
printf 'full publish, median: %.1f s\n' "$(printf '%s\n' "${full[@]}" | median)"
mv "$W/site-$RUNS" "$W/site"
printf 'size on disk: %s (apparent %s), %s files\n' "$(du -sh "$W/site" | cut -f1)" "$(du -sh --apparent-size "$W/site" | cut -f1)" \
  "$(find "$W/site" -type f | wc -l)"
du -sh --apparent-size "$W/site"/{es,log,exports,downloads,tile,manifest.json} 2>/dev/null | sed 's/^/  /'

echo "== verify the full mirror (directory)"
v=$(timed "$VT" verify "$W/site" --key "$W/ve/keys/log.vkey")
grep -E '^ *[0-9]+\.|VERIFIED|FAILED' "$W/last.out"
printf 'verify: %.1f s\n' "$v"

echo "== incremental publish after 1,000 new sheets"
head -1 "$F" > "$W/header.csv"
"$VT" import --data "$W/ve" --format ve2024-cvzla --source observers --source-kind observer --quiet "$W/header.csv"
"$VT" publish --data "$W/ve" --out "$W/site" --site --languages es,en,pt,id | grep -E '^published' | sed 's/; verifier key.*//'
# JAVA_OPTS of a short run: the default, then the client compiler only (C2 compiling costs more CPU than
# it saves in a run of a few seconds; see docs/open-data.md)
batch=0
for opts in "-Xmx1g" "-Xmx1g -XX:TieredStopAtLevel=1"; do
  inc=()
  for r in $(seq 1 "$RUNS"); do
    batch=$((batch + 1))
    { head -1 "$F"; sed -n "$(( (batch - 1) * 1000 + 2 )),$(( batch * 1000 + 1 ))p" "$F"; } > "$W/batch.csv"
    "$VT" import --data "$W/ve" --format ve2024-cvzla --source observers --quiet "$W/batch.csv"
    sync
    inc+=("$(JAVA_OPTS="$opts" timed "$VT" publish --data "$W/ve" --out "$W/site" --site --languages es,en,pt,id)")
    printf 'run %d (JAVA_OPTS=%s): %.1f s\n' "$r" "$opts" "${inc[-1]}"
    grep -E '^(published|seconds)' "$W/last.out" | sed 's/; verifier key.*//'
  done
  printf 'incremental publish after 1,000 sheets, JAVA_OPTS=%s, median: %.1f s\n' "$opts" "$(printf '%s\n' "${inc[@]}" | median)"
done

echo "== verify after the incremental publishes"
v=$(timed "$VT" verify "$W/site" --key "$W/ve/keys/log.vkey")
grep -E 'VERIFIED|FAILED' "$W/last.out"
printf 'verify: %.1f s\n' "$v"
