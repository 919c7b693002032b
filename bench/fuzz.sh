#!/usr/bin/env bash
# Longer fuzz campaigns than CI runs: every parser (JSON sheets, definitions, announcements, log entries of
# every kind through the rulebook, generic and ve2024-cvzla CSV, acta QR payloads, checkpoints, signed notes,
# receipts) and the HTTP endpoints (every write endpoint, and the reads), with a fresh seed unless one is
# given. See docs/security.md ("Bad input") and docs/performance.md ("Fuzzing").
#
#   bench/fuzz.sh [ITERATIONS] [SEED] [TEST]      e.g. bench/fuzz.sh 200000 42 'TextFormatsFuzzTest#veActaQr'
#   nice bench/fuzz.sh                            the million: 15 campaigns x 70,000 = 1,050,000 inputs
#
# ITERATIONS: inputs per campaign (default 70000, so that the 15 campaigns together pass 1,000,000; CI runs
# each test's small default, 200-3000). SEED: a number (default: random, printed). TEST: a surefire -Dtest
# filter (default: every fuzz test). Output: one FUZZ line per campaign and a FUZZ TOTAL line (inputs,
# failures, seconds, inputs/s), also kept in bench/out/fuzz-<seed>.txt. Every HTTP answer of 500 or more
# is a failure, and so is a refused write that changed the log. A failure prints the seed, the input's
# index and the input itself. Runs the server module's tests only (with -am, no install).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ITERATIONS="${1:-70000}"
SEED="${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}"
TEST="${3:-org.veritally.server.fuzz.*FuzzTest}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
LOG="$OUT/fuzz-$SEED.txt"
echo "fuzz: $ITERATIONS inputs per campaign, seed $SEED, tests $TEST" >&2
cd "$ROOT"
set +e
./mvnw -B -o -pl server -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest="$TEST" \
  -Dveritally.fuzz.iterations="$ITERATIONS" -Dveritally.seed="$SEED" \
  -Dveritally.fuzz.timeoutMs="${FUZZ_TIMEOUT_MS:-10000}" 2>&1 | tee "$LOG" | grep -E '^FUZZ|^seed|Tests run:|FAIL'
status=${PIPESTATUS[0]}
set -e
# FUZZ <campaign> seed=S inputs=N failures=F in T s
awk '/^FUZZ .* inputs=[0-9]+ failures=[0-9]+ in / {
       for (i = 1; i <= NF; i++) {
         if ($i ~ /^inputs=/) { sub("inputs=", "", $i); n += $i }
         if ($i ~ /^failures=/) { sub("failures=", "", $i); f += $i }
         if ($i == "in") t += $(i + 1)
       }
       c++
     }
     END { if (c > 0) printf "FUZZ TOTAL campaigns=%d inputs=%d failures=%d seconds=%.1f inputs/s=%.0f\n", c, n, f, t, (t > 0 ? n / t : 0) }' \
  "$LOG" | tee -a "$LOG"
echo "fuzz: seed $SEED, exit $status, log in $LOG" >&2
exit "$status"
