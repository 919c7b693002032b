#!/usr/bin/env bash
# Runs the application jar named by $JAR with $JAVA_OPTS (as bin/veritally runs the built one), so a bench
# script can run an older build beside the current one. Usage: JAR=FILE bench/jar-launcher.sh COMMAND ...
set -euo pipefail
exec java ${JAVA_OPTS:--Xmx1g} -jar "${JAR:?JAR names the application jar}" "$@"
