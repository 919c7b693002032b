#!/usr/bin/env bash
# Longer fuzz campaigns than CI runs: every parser (JSON sheets, definitions, announcements, generic and
# ve2024-cvzla CSV, acta QR payloads, checkpoints, signed notes, receipts) and the HTTP endpoints, with a
# fresh seed unless one is given. See docs/security.md.
#
#   bench/fuzz.sh [ITERATIONS] [SEED] [TEST]      e.g. bench/fuzz.sh 200000 42 'TextFormatsFuzzTest#veActaQr'
#
# ITERATIONS: inputs per parser (default 100000; CI uses 400-3000). SEED: a number (default: random, printed).
# TEST: a surefire -Dtest filter (default: every fuzz test). Output: one FUZZ line per parser, also kept in
# bench/out/fuzz-<seed>.txt. A failure prints the seed, the input's index and the input itself.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ITERATIONS="${1:-100000}"
SEED="${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}"
TEST="${3:-org.veritally.server.fuzz.*FuzzTest}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
echo "fuzz: $ITERATIONS inputs per parser, seed $SEED, tests $TEST" >&2
cd "$ROOT"
./mvnw -B -o -q install -DskipTests -pl testkit,core,translog,formats,stats,store,server >&2
set +e
./mvnw -B -o -pl server test -Dsurefire.failIfNoSpecifiedTests=false -Dtest="$TEST" \
  -Dveritally.fuzz.iterations="$ITERATIONS" -Dveritally.seed="$SEED" \
  -Dveritally.fuzz.timeoutMs="${FUZZ_TIMEOUT_MS:-10000}" 2>&1 | tee "$OUT/fuzz-$SEED.txt" | grep -E '^FUZZ|^seed|Tests run:|FAIL'
status=${PIPESTATUS[0]}
echo "fuzz: seed $SEED, exit $status, log in $OUT/fuzz-$SEED.txt" >&2
exit "$status"
