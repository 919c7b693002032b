#!/usr/bin/env bash
# How fast is `verify` next to merely hashing the same bytes?
#
#   bench/verify-vs-sha256sum.sh [N] [WORKDIR]
#
# Builds (or reuses) a published log of about N entries in WORKDIR (default: $TMPDIR/veritally-bench-N):
# `generate --stations N --sources 1`, `import`, `publish` — minutes for N = 1,000,000. A WORKDIR that
# already holds pub/checkpoint and data/keys/log.vkey is reused as it is. Then, in the same run, times
# 3 runs each of
#   bin/veritally verify WORKDIR/pub --key WORKDIR/data/keys/log.vkey     (every check, VFY-SIG..VFY-TOTALS)
#   sha256sum over every tile/entries file                                (hashing the entry bytes only)
# and prints the medians, entries per second and the ratio, wall time and CPU time (user + system, from
# /usr/bin/time: on a loaded machine the CPU seconds are the steadier figure). JAVA_OPTS passes JVM options to verify.
# BASE_JAR=path/to/veritally.jar adds, in each run, `verify` with that jar (an earlier build) beside them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
V="$ROOT/bin/veritally"
N="${1:-1000000}"
WORK="${2:-${TMPDIR:-/tmp}/veritally-bench-$N}"
PUB="$WORK/pub"
KEY="$WORK/data/keys/log.vkey"

if [[ -f "$PUB/checkpoint" && -f "$KEY" ]]; then
  echo "reusing the published log in $PUB" >&2
else
  echo "building a published log of ~$N entries in $WORK (this takes a while)…" >&2
  rm -rf "$WORK/gen" "$WORK/data" "$PUB"
  mkdir -p "$WORK"
  "$V" generate --stations "$N" --sources 1 --seed 1 --out "$WORK/gen" >&2
  "$V" import --data "$WORK/data" --format election "$WORK/gen/election.json" >&2
  "$V" import --data "$WORK/data" --format csv --quiet "$WORK/gen/sheets.csv" >&2
  "$V" publish --data "$WORK/data" --out "$PUB" >&2
  rm -rf "$WORK/gen"
fi

ENTRIES="$(sed -n 2p "$PUB/checkpoint")"
BYTES="$(find "$PUB/tile/entries" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)"
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# Warm the page cache so that both sides read from memory.
find "$PUB/tile" -type f -print0 | xargs -0 cat > /dev/null

verify_times=()
sha_times=()
base_times=()
verify_cpu=()
sha_cpu=()
base_cpu=()
# CPU seconds (user + system) of the command run last under `timed`
timed() { /usr/bin/time -f '%U %S' -o "$WORK/time.out" "$@"; }
cpu() { awk '{print $1 + $2}' "$WORK/time.out"; }
for run in $(seq 1 "${RUNS:-3}"); do
  if [[ -n "${BASE_JAR:-}" ]]; then
    tb="$(now)"
    timed java ${JAVA_OPTS:--Xmx1g} -jar "$BASE_JAR" verify "$PUB" --key "$KEY" > "$WORK/verify-base.out" || {
      echo "verify with $BASE_JAR failed (see $WORK/verify-base.out)" >&2
      exit 1
    }
    base_times+=("$(echo "$(now) - $tb" | bc -l)")
    base_cpu+=("$(cpu)")
    echo "run $run: verify with $BASE_JAR $(printf '%.2f' "${base_times[-1]}") s, CPU ${base_cpu[-1]} s" >&2
  fi
  t0="$(now)"
  if ! timed "$V" verify "$PUB" --key "$KEY" > "$WORK/verify.out"; then
    echo "verify failed (see $WORK/verify.out)" >&2
    exit 1
  fi
  t1="$(now)"
  verify_cpu+=("$(cpu)")
  timed sh -c "find '$PUB/tile/entries' -type f -print0 | xargs -0 sha256sum > /dev/null"
  t2="$(now)"
  sha_cpu+=("$(cpu)")
  verify_times+=("$(echo "$t1 - $t0" | bc -l)")
  sha_times+=("$(echo "$t2 - $t1" | bc -l)")
  echo "run $run: verify $(printf '%.2f' "${verify_times[-1]}") s (CPU ${verify_cpu[-1]} s)," \
    "sha256sum $(printf '%.2f' "${sha_times[-1]}") s (CPU ${sha_cpu[-1]} s)" >&2
done

V_MED="$(printf '%s\n' "${verify_times[@]}" | median)"
S_MED="$(printf '%s\n' "${sha_times[@]}" | median)"
VC_MED="$(printf '%s\n' "${verify_cpu[@]}" | median)"
SC_MED="$(printf '%s\n' "${sha_cpu[@]}" | median)"
printf 'entries                 %d (%.1f MB of entry bundles)\n' "$ENTRIES" "$(echo "$BYTES / 1000000" | bc -l)"
printf 'verify, median of %s     %.2f s  (%.0f entries/s)\n' "${RUNS:-3}" "$V_MED" "$(echo "$ENTRIES / $V_MED" | bc -l)"
printf 'sha256sum, median of %s  %.2f s  (%.0f entries/s)\n' "${RUNS:-3}" "$S_MED" "$(echo "$ENTRIES / $S_MED" | bc -l)"
printf 'ratio verify/sha256sum  %.1fx\n' "$(echo "$V_MED / $S_MED" | bc -l)"
printf 'CPU (user+sys), median  verify %.2f s, sha256sum %.2f s, ratio %.1fx\n' "$VC_MED" "$SC_MED" \
  "$(echo "$VC_MED / $SC_MED" | bc -l)"
if [[ -n "${BASE_JAR:-}" ]]; then
  B_MED="$(printf '%s\n' "${base_times[@]}" | median)"
  BC_MED="$(printf '%s\n' "${base_cpu[@]}" | median)"
  printf 'verify with BASE_JAR    %.2f s  (%.0f entries/s, %.1fx sha256sum); CPU %.2f s\n' "$B_MED" \
    "$(echo "$ENTRIES / $B_MED" | bc -l)" "$(echo "$B_MED / $S_MED" | bc -l)" "$BC_MED"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
