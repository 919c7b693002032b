#!/usr/bin/env bash
# Side by side, in one run: bulk import, `verify` and start-up of two commits of Veritally on the same
# generated election, interleaved run by run so that both see the same machine. Prints every run and
# the medians with the ratio NEW/OLD (below 1: NEW is faster).
#
#   bench/compare-commits.sh OLD [NEW] [N] [RUNS]
#
# OLD, NEW: commits (NEW defaults to the working tree as it is). N: sheets (default 1,000,000, one
# contest, one source). RUNS: default 3. Each commit's jar is built in a worktree under bench/out.
# Needs curl and bc.
. "$(dirname "$0")/common.sh"
OLD="${1:?usage: bench/compare-commits.sh OLD [NEW] [N] [RUNS]}"; NEW="${2:-}"; N="${3:-1000000}"; RUNS="${4:-3}"
W="$OUT/compare"
mkdir -p "$W"
jar_of() {  # commit → path of its veritally.jar (empty commit: this working tree)
  local c="$1" dir
  if [[ -z "$c" ]]; then
    (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app -am >/dev/null)
    echo "$ROOT/app/target/veritally.jar"; return
  fi
  dir="$W/src-$c"
  [[ -d "$dir" ]] || git -C "$ROOT" worktree add -q --detach "$dir" "$c"
  [[ -f "$dir/app/target/veritally.jar" ]] || (cd "$dir" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app -am >/dev/null)
  echo "$dir/app/target/veritally.jar"
}
OLD_JAR="$(jar_of "$OLD")"; NEW_JAR="$(jar_of "$NEW")"
run() { java ${JAVA_OPTS:--Xmx1g} -jar "$1" "${@:2}"; }
timed() {  # seconds taken by a command that must succeed
  local t0 t1; t0=$(date +%s.%N)
  "$@" >"$W/last.out" 2>&1 || { echo "failed: $*" >&2; cat "$W/last.out" >&2; exit 1; }
  t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l
}
G="$W/gen-$N"
[[ -f "$G/sheets.csv" ]] || run "$NEW_JAR" generate --stations "$N" --contests 1 --sources 1 --seed 1 --out "$G" >/dev/null
startup() {  # jar data port → seconds from launch to the first answered /api/results
  local t0 t1 pid
  t0=$(date +%s.%N)
  java -Xmx1g -jar "$1" serve --data "$2" --port "$3" >"$W/serve.log" 2>&1 & pid=$!
  until curl -sf "http://127.0.0.1:$3/api/results" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$W/serve.log"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$t1 - $t0" | bc -l
}
declare -A T
for r in $(seq "$RUNS"); do
  for side in old new; do
    jar=$([[ $side == old ]] && echo "$OLD_JAR" || echo "$NEW_JAR")
    d="$W/data-$side"; p="$W/pub-$side"
    rm -rf "$d" "$p"
    run "$jar" import --data "$d" --format election "$G/election.json" >/dev/null
    i=$(timed run "$jar" import --data "$d" --format csv --quiet "$G/sheets.csv")
    run "$jar" publish --data "$d" --out "$p" >/dev/null
    key="$(run "$jar" log-key --data "$d" | tail -1)"
    find "$p/tile" -type f -print0 | xargs -0 cat >/dev/null
    v=$(timed run "$jar" verify "$p" --key "$key")
    s=$(startup "$jar" "$d" 18$((RANDOM % 900 + 100)))
    T[$side-import]+="$i "; T[$side-verify]+="$v "; T[$side-start]+="$s "
    printf 'run %d %s: import %.2f s, verify %.2f s, first answer %.2f s\n' "$r" "$side" "$i" "$v" "$s"
  done
done
for what in import verify start; do
  o=$(echo "${T[old-$what]}" | tr ' ' '\n' | grep . | median); n=$(echo "${T[new-$what]}" | tr ' ' '\n' | grep . | median)
  printf 'median %-7s old %s %.2f s, new %.2f s, new/old %.2f\n' "$what" "$OLD" "$o" "$n" "$(echo "$n / $o" | bc -l)"
done
