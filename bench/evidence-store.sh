#!/usr/bin/env bash
# Evidence blob storage (issue 13): puts per second of 3 MB photos into the directory adapter
# (DirectoryBlobStore: temporary file, fsync, atomic rename, fsync of the directory, per photo) and the
# bytes on disk per photo, side by side with what a user would otherwise do with the same files:
#   cp of every file, then one sync                  (durable only at the end)
#   cp and sync FILE per file                        (each file forced, as each put is)
# The photos are N files of 3,000,000 random bytes (incompressible, as JPEG is), made once in
# $OUT/evidence-photos-N and read from the page cache by every contender.
# Usage: bench/evidence-store.sh [N] [RUNS]   (defaults 200 photos, 3 runs; medians printed)
#        BENCH_NOBUILD=1 reuses bench/target/benchmarks.jar
. "$(dirname "$0")/common.sh"
N="${1:-200}"; RUNS="${2:-3}"; SIZE=3000000
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true package -pl bench -am >/dev/null)
fi
P="$OUT/evidence-photos-$N"
if [[ ! -f "$P.done" ]]; then
  rm -rf "$P"; mkdir -p "$P"
  for i in $(seq -w 1 "$N"); do head -c "$SIZE" /dev/urandom > "$P/photo-$i.jpg"; done
  touch "$P.done"
fi
PHOTOS=("$P"/photo-*.jpg)
cat "${PHOTOS[@]}" > /dev/null  # into the page cache, for every contender alike
sync
echo "evidence-store: $N photos of $SIZE bytes, $RUNS runs each, on $(df --output=source,fstype "$OUT" | tail -1)"
declare -a PUTS=() CP1=() CPN=()
for r in $(seq "$RUNS"); do
  S="$OUT/evidence-store-run"; rm -rf "$S" "$OUT/evidence-cp-run"; sync
  line=$(java -cp "$JAR" org.veritally.bench.EvidenceStoreBench "$P" "$S")
  echo "  run $r: $line"
  PUTS+=("$(sed -E 's/.*: ([0-9.]+) puts\/s.*/\1/' <<< "$line")")
  D="$OUT/evidence-cp-run"; mkdir -p "$D"; sync
  t=$(seconds bash -c 'cp "$@" "'"$D"'"/ && sync' _ "${PHOTOS[@]}")
  CP1+=("$(echo "$N / $t" | bc -l)"); echo "  run $r: cp + one sync: $t s"
  rm -rf "$D"; mkdir -p "$D"; sync
  t=$(seconds bash -c 'for f in "$@"; do cp "$f" "'"$D"'"/ && sync "'"$D"'/${f##*/}"; done' _ "${PHOTOS[@]}")
  CPN+=("$(echo "$N / $t" | bc -l)"); echo "  run $r: cp + sync FILE per file: $t s"
done
apparent=$(du -s --apparent-size --block-size=1 "$P" | cut -f1)
store=$(du -s --block-size=1 "$S" | cut -f1)
cpd=$(du -s --block-size=1 "$OUT/evidence-cp-run" | cut -f1)
printf "puts/s (median of %d): veritally %.1f | cp + one sync %.1f | cp + sync per file %.1f\n" "$RUNS" \
  "$(printf '%s\n' "${PUTS[@]}" | median)" "$(printf '%s\n' "${CP1[@]}" | median)" "$(printf '%s\n' "${CPN[@]}" | median)"
printf "bytes on disk per photo byte: veritally store %.4f (%d B for %d B of photos, with its directories) | cp %.4f\n" \
  "$(echo "$store / $apparent" | bc -l)" "$store" "$apparent" "$(echo "$cpd / $apparent" | bc -l)"
rm -rf "$S" "$OUT/evidence-cp-run"
