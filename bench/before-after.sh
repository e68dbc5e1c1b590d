#!/usr/bin/env bash
# Bookings/s and p99 of two builds of Box Office in the same run: a baseline jar (another checkout's
# target/quarkus-app/quarkus-run.jar) and this tree's, started in turn (A B A B) on the in-memory store
# with authentication off, each warmed up, then driven with wrk booking distinct seats; prints each
# round and the medians' ratios (this tree / baseline).
#
#   bench/before-after.sh BASELINE_JAR [seconds per measure, default 15] [warm-up seconds, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BASELINE=$1
SECONDS_PER_RUN=${2:-15}
WARM=${3:-40}
CONNECTIONS=64
read -ra JAVA_OPTS <<< "$SERVICE_JAVA_OPTS"
ensure_wrk
trap stop_all EXIT

measure() { # JAR: prints "requests/s p99_ms"
  start_jar target/bench-before-after.log 18090 "$1" "${JAVA_OPTS[@]}" -Dboxoffice.auth.enabled=false
  local warmed=0
  while [ "$warmed" -lt "$WARM" ]; do
    drive 10 "$CONNECTIONS" http://127.0.0.1:18090 bench/book-distinct.lua "$(new_event 18090)" 2 0 1 >/dev/null
    warmed=$((warmed + 10))
  done
  local event rps p50 p99 ok bad
  event=$(new_event 18090)
  read -r rps p50 p99 ok bad < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" http://127.0.0.1:18090 \
    bench/book-distinct.lua "$event" 2 0 1)
  [ "$(booked 18090 "$event")" = "$ok" ] || { echo "booked seats differ from 201 answers" >&2; exit 1; }
  stop_all
  echo "$rps $p99"
}

BEFORE=()
AFTER=()
for round in 1 2; do
  read -r r p < <(measure "$BASELINE"); BEFORE+=("$r $p"); echo "round $round baseline: $r/s p99 $p ms"
  read -r r p < <(measure target/quarkus-app/quarkus-run.jar); AFTER+=("$r $p"); echo "round $round this tree: $r/s p99 $p ms"
done
col() { local i=$1; shift; for v in "$@"; do echo "$v" | cut -d' ' -f"$i"; done | median; }
B_RPS=$(col 1 "${BEFORE[@]}"); B_P99=$(col 2 "${BEFORE[@]}")
A_RPS=$(col 1 "${AFTER[@]}"); A_P99=$(col 2 "${AFTER[@]}")
echo "median baseline: $B_RPS/s p99 $B_P99 ms; this tree: $A_RPS/s p99 $A_P99 ms"
awk -v br="$B_RPS" -v ar="$A_RPS" -v bp="$B_P99" -v ap="$A_P99" \
  'BEGIN { printf "ratios (this tree / baseline): bookings/s %.2f, p99 %.2f\n", ar / br, ap / bp }'
