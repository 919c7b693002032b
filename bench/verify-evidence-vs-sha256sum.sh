#!/usr/bin/env bash
# Evidence (issue 13): how fast is `verify` of a publication carrying N images, next to merely hashing them?
#
#   bench/verify-evidence-vs-sha256sum.sh [N] [KB] [WORKDIR]      (defaults 1000 images of 300 KB)
#
# Builds (or reuses) in WORKDIR (default: $TMPDIR/veritally-bench-evidence-N-KB) a data directory with a generated
# election of 100 stations and one source, N evidence entries whose public copies are KB kilobytes of pseudo-random
# bytes in the blob store (bench EvidenceFiler), and its plain publication (`publish`, which writes evidence/<sha256>).
# Then times 3 runs each of
#   bin/veritally verify WORKDIR/pub --key …      (every check; VFY-EVIDENCE hashes every image, as a stream)
#   sha256sum over every file of WORKDIR/pub/evidence
# with the page cache warm for both, and prints the medians, images and MB per second and the ratio. The log's own
# checks (about N+100 entries) are in verify's time; the last line times verify of the same log without its images
# folder, to show them apart. JAVA_OPTS passes JVM options to verify.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
V="$ROOT/bin/veritally"
N="${1:-1000}"; KB="${2:-300}"
WORK="${3:-${TMPDIR:-/tmp}/veritally-bench-evidence-$N-$KB}"
PUB="$WORK/pub"; KEY="$WORK/data/keys/log.vkey"
JAR="$ROOT/bench/target/benchmarks.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true package -pl bench -am >/dev/null)
if [[ -f "$PUB/checkpoint" && -f "$KEY" ]]; then
  echo "reusing the publication in $PUB" >&2
else
  rm -rf "$WORK"; mkdir -p "$WORK"
  "$V" generate --stations 100 --sources 1 --seed 1 --out "$WORK/gen" >&2
  "$V" import --data "$WORK/data" --format election "$WORK/gen/election.json" >&2
  "$V" import --data "$WORK/data" --format csv --quiet "$WORK/gen/sheets.csv" >&2
  java -cp "$JAR" org.veritally.bench.EvidenceFiler "$WORK/data" "$N" "$KB" >&2
  "$V" publish --data "$WORK/data" --out "$PUB" >&2
fi
now() { date +%s.%N; }
median() { sort -g | sed -n 2p; }
IMAGES="$(find "$PUB/evidence" -type f | wc -l)"
BYTES="$(du -sb "$PUB/evidence" | cut -f1)"
find "$PUB" -type f -print0 | xargs -0 cat > /dev/null  # page cache, for both alike
vt=(); st=()
for run in 1 2 3; do
  t0="$(now)"
  "$V" verify "$PUB" --key "$KEY" > "$WORK/verify.out" || { echo "verify failed (see $WORK/verify.out)" >&2; exit 1; }
  t1="$(now)"
  find "$PUB/evidence" -type f -print0 | xargs -0 sha256sum > /dev/null
  t2="$(now)"
  vt+=("$(echo "$t1 - $t0" | bc -l)"); st+=("$(echo "$t2 - $t1" | bc -l)")
  echo "run $run: verify $(printf '%.2f' "${vt[-1]}") s, sha256sum $(printf '%.2f' "${st[-1]}") s" >&2
done
grep "VFY-EVIDENCE" "$WORK/verify.out" >&2 || true
VM="$(printf '%s\n' "${vt[@]}" | median)"; SM="$(printf '%s\n' "${st[@]}" | median)"
# the same log without its images: what the log's own checks cost (VFY-EVIDENCE then fails EVD-MISSING)
mv "$PUB/evidence" "$WORK/evidence.aside"
bt=()
for run in 1 2 3; do
  t0="$(now)"; "$V" verify "$PUB" --key "$KEY" > "$WORK/verify-bare.out" || true; t1="$(now)"
  bt+=("$(echo "$t1 - $t0" | bc -l)")
done
mv "$WORK/evidence.aside" "$PUB/evidence"
BARE="$(printf '%s\n' "${bt[@]}" | median)"
printf 'images                        %d (%.1f MB)\n' "$IMAGES" "$(echo "$BYTES / 1000000" | bc -l)"
printf 'verify, median of 3           %.2f s  (%.0f images/s, %.0f MB/s)\n' "$VM" \
  "$(echo "$IMAGES / $VM" | bc -l)" "$(echo "$BYTES / 1000000 / $VM" | bc -l)"
printf 'sha256sum, median of 3        %.2f s  (%.0f images/s, %.0f MB/s)\n' "$SM" \
  "$(echo "$IMAGES / $SM" | bc -l)" "$(echo "$BYTES / 1000000 / $SM" | bc -l)"
printf 'ratio verify/sha256sum        %.1fx\n' "$(echo "$VM / $SM" | bc -l)"
printf 'verify without the images     %.2f s  (median of 3: the log'"'"'s own checks, JVM start included)\n' "$BARE"
