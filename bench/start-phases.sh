#!/usr/bin/env bash
# CPU seconds of opening a data directory (issue 15: the state restored from the newest snapshot over the
# catalogue image, or loaded from the projections) and of the first results read, one fresh JVM per run, for
# several jars interleaved run by run (bench/StartPhases.java). CPU, not wall time: comparable on a loaded machine.
#
#   bench/start-phases.sh DATA RUNS JAR[,OPTION…] [JAR[,OPTION…]…]
#
# DATA: a data directory with its snapshots and catalogue image (bench/first-answer.sh with SNAPSHOTS=1 leaves
# one); it is copied once to DATA.phases and opened there. Options after a jar (commas between) go to its JVM:
# app/target/veritally.jar,-Dveritally.start.from=projections is the old way. Prints each run, then per jar the
# medians (the opening thread's CPU, the process's CPU over the opening, the first read's CPU) and the ratios of
# each jar's medians to the first jar's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/common.sh"
DATA="$1"; RUNS="$2"; shift 2
JARS=("$@")
extra() { [[ "$1" == *,* ]] && echo "${1#*,}" | tr ',' ' ' || true; }
[[ -d "$DATA.phases" ]] || cp -a "$DATA" "$DATA.phases"
declare -A main proc reads
for run in $(seq 1 "$RUNS"); do
  for k in "${!JARS[@]}"; do
    cat "$DATA.phases"/veritally.db* "$DATA.phases"/snapshots/* > /dev/null 2>&1 || true
    line=$(java -Xmx1g $(extra "${JARS[$k]}") -cp "${JARS[$k]%%,*}" "$ROOT/bench/StartPhases.java" "$DATA.phases" 2>/dev/null | grep '^open ')
    echo "run $run, ${JARS[$k]} (load $(cut -d' ' -f1 /proc/loadavg)): $line"
    main[$k]="${main[$k]:-} $(echo "$line" | sed -E 's/^open main=([0-9.]+).*/\1/')"
    proc[$k]="${proc[$k]:-} $(echo "$line" | sed -E 's/^open main=[0-9.]+ process=([0-9.]+).*/\1/')"
    reads[$k]="${reads[$k]:-} $(echo "$line" | sed -E 's/.*results main=([0-9.]+).*/\1/')"
  done
done
med() { echo $1 | tr ' ' '\n' | median; }
for k in "${!JARS[@]}"; do
  m=$(med "${main[$k]}"); p=$(med "${proc[$k]}"); r=$(med "${reads[$k]}")
  m0=$(med "${main[0]}"); p0=$(med "${proc[0]}")
  printf '%s: median open %.2f s CPU on its thread (%.2f of the first jar), %.2f s process CPU (%.2f); first read %.2f s\n' \
    "${JARS[$k]}" "$m" "$(echo "$m / $m0" | bc -l)" "$p" "$(echo "$p / $p0" | bc -l)" "$r"
done
