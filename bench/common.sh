# Shared helpers for the whole-run benchmarks. Source it: . "$(dirname "$0")/common.sh"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VT="$ROOT/bin/veritally"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
JAR="$ROOT/bench/target/benchmarks.jar"
# builds the application and the benchmarks jar; BENCH_NOBUILD=1 reuses what is built
build() {
  [[ -n "${BENCH_NOBUILD:-}" && -f "$JAR" && -f "$ROOT/app/target/veritally.jar" ]] && return 0
  # the reactor builds the modules bench needs in one run: nothing is installed into the local repository
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app,bench -am >/dev/null)
}
# builds the application jar alone (no install), for the scripts that need only bin/veritally
build_app() {
  [[ -n "${BENCH_NOBUILD:-}" && -f "$ROOT/app/target/veritally.jar" ]] && return 0
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app -am >/dev/null)
}
# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# seconds taken by a command (wall clock)
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
# "wall user+sys" seconds of a command (GNU time; its output discarded)
wall_cpu() {
  local f; f=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$f" "$@" >/dev/null 2>&1
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$f"; rm -f "$f"
}
