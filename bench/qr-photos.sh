#!/usr/bin/env bash
# How many 12 MP phone photos of tally sheets a second does the QR reader get through, and how many does it
# read? Next to it, what merely decoding the same JPEGs costs (ImageIO.read at full resolution, the tool a
# user would otherwise run first; and the reader's own half-resolution luminance decode).
#
#   bench/qr-photos.sh [PHOTOS=100] [THREADS=2] [SEED=1] [LONG=4000] [SHORT=3000]
#
# Photos are generated in memory from the real payloads in ../shared/samples/qr (see
# org.veritally.image.qr.corpus.PhotoCorpus): turned up to ±20°, keystoned, blurred, unevenly lit, JPEG
# quality 40. Prints photos/s (median of 3 rounds after a warm-up round) for each phase and the read rate.
# JAVA_OPTS passes JVM options (default -Xmx3g). BENCH_NOBUILD=1 reuses bench/target/benchmarks.jar.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bench/target/benchmarks.jar"
SAMPLES="$ROOT/../shared/samples/qr"
[[ -d "$SAMPLES" ]] || { echo "SKIPPED: $SAMPLES not found"; exit 0; }
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true package -pl bench -am >/dev/null)
fi
echo "$(date -u +%F) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx3g} -Dveritally.shared="$ROOT/../shared" -cp "$JAR" org.veritally.bench.QrPhotos "$@"
