#!/usr/bin/env bash
# Bulk import of N generated sheets (default 1,000,000) into PostgreSQL (issue 15: >= 50,000 sheets/s), in one
# run beside the same import into SQLite and beside PostgreSQL without the COPY path (-Dveritally.pg.copy=off,
# the batched INSERTs of before): RUNS runs each (default 3), medians, wall time with the JVM start and CPU
# seconds (user+sys of the veritally process; the PostgreSQL server's own CPU is not counted).
# Needs Debian's postgresql package (bench/postgres.sh starts a throw-away server on port PGPORT, default 55432).
# Build first without install: ./mvnw -B -o -q -Dmaven.test.skip=true package -pl app -am; then BENCH_NOBUILD=1.
# Usage: bench/import-postgres.sh [N] [RUNS]      (SKIP_OFF=1: no run without COPY; SKIP_SQLITE=1: no SQLite run)
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/postgres.sh"
N="${1:-1000000}"; RUNS="${2:-3}"; PGPORT="${PGPORT:-55432}"
[[ -n "${BENCH_NOBUILD:-}" ]] || build
G="$OUT/gen-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 1 --out "$G" >/dev/null
pg_start "$OUT/pg-data" "$PGPORT"
trap pg_stop EXIT
# one timed import: prints "wall cpu" (seconds); $1 = label, rest = extra import args
timed() {
  local label="$1"; shift
  local log="$OUT/import-$label.time"
  JAVA_OPTS="$opts" /usr/bin/time -v "$VT" import --format csv --quiet "$@" "$G/sheets.csv" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$log")
  echo "$wall $cpu"
}
declare -A W C
kinds=(pg-copy)
[[ -z "${SKIP_OFF:-}" ]] && kinds+=(pg-insert)
[[ -z "${SKIP_SQLITE:-}" ]] && kinds+=(sqlite)
for r in $(seq "$RUNS"); do
  for k in "${kinds[@]}"; do
    rm -rf "$OUT/pgimp-data"
    extra=(); opts="${JAVA_OPTS:--Xmx1g}"
    case "$k" in
      pg-copy) url=$(pg_createdb vt_bench_copy); extra=(--db "$url") ;;
      pg-insert) url=$(pg_createdb vt_bench_insert); extra=(--db "$url"); opts="$opts -Dveritally.pg.copy=off" ;;
      sqlite) ;;
    esac
    JAVA_OPTS="$opts" "$VT" import --data "$OUT/pgimp-data" --format election "${extra[@]}" "$G/election.json" >/dev/null
    read -r w c < <(timed "$k" --data "$OUT/pgimp-data" "${extra[@]}")
    W[$k]+="$w "; C[$k]+="$c "
    printf 'run %d %-9s wall %7.2f s  cpu %7.2f s  %8.0f sheets/s  (load %s)\n' "$r" "$k" "$w" "$c" \
      "$(echo "$N / $w" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
for k in "${kinds[@]}"; do
  mw=$(tr ' ' '\n' <<<"${W[$k]}" | grep . | median); mc=$(tr ' ' '\n' <<<"${C[$k]}" | grep . | median)
  printf 'median %-9s %d sheets: wall %.2f s (%.0f sheets/s, JVM start included), cpu %.2f s\n' \
    "$k" "$N" "$mw" "$(echo "$N / $mw" | bc -l)" "$mc"
done
