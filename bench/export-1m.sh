#!/usr/bin/env bash
# Exports N generated sheets in every format with a 512 MB heap, and prints for each the wall time
# and CPU time (JVM start included), the output size, the peak heap in use and the largest live heap
# (the largest "before" and "after" figures of the GC log) and the process's maximum RSS. The election (STATIONS stations x SOURCES sources, 1 contest;
# default 1,000,000 x 1, the data set of serve-1m.sh) is generated and imported once under
# bench/out and reused.
# Usage: bench/export-1m.sh [STATIONS] [SOURCES]
. "$(dirname "$0")/common.sh"
N="${1:-1000000}"; S="${2:-1}"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl app -am) || { echo "build failed" >&2; exit 2; }
if [[ "$S" == 1 ]]; then G="$OUT/gen-$N"; D="$OUT/serve-$N"; else G="$OUT/gen-$N-s$S"; D="$OUT/export-$N-s$S"; fi
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources "$S" --seed 1 --out "$G"
if [[ ! -f "$D/veritally.db" ]]; then
  "$VT" import --data "$D" --format election "$G/election.json"
  "$VT" import --data "$D" --format csv --quiet "$G/sheets.csv"
fi
X="$OUT/export-files"; mkdir -p "$X"
echo "$N stations x $S sources = $((N * S)) sheets; JAVA_OPTS=-Xmx512m"
printf '%-14s %8s %8s %10s %14s %14s %8s\n' format seconds "cpu s" "size MB" "peak heap MB" "max live MB" "RSS MB"
for f in station-csv consensus-csv openelections nist-json nist-xml sqlite; do
  log="$X/$f.gc.log"; rm -f "$log" "$X/$f.out"
  t0=$(date +%s.%N)
  JAVA_OPTS="-Xmx512m -Xlog:gc:file=$log" /usr/bin/time -f '%M %U %S' -o "$X/$f.rss" "$VT" export --data "$D" --format "$f" --out "$X/$f.out" > "$X/$f.txt"
  t1=$(date +%s.%N)
  peak=$(grep -oE '[0-9]+M->[0-9]+M' "$log" | cut -dM -f1 | sort -n | tail -1 || true)
  live=$(grep -oE '[0-9]+M->[0-9]+M' "$log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1 || true)
  read -r rss user sys < "$X/$f.rss"
  printf '%-14s %8.1f %8.1f %10.0f %14s %14s %8.0f\n' "$f" "$(echo "$t1 - $t0" | bc -l)" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$(stat -c %s "$X/$f.out") / 1048576" | bc -l)" "${peak:-no GC}" "${live:-no GC}" "$(echo "$rss / 1024" | bc -l)"
  [[ -n "${KEEP:-}" ]] || rm -f "$X/$f.out"
done
