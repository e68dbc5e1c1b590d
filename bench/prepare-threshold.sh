#!/usr/bin/env bash
# What the shipped pgjdbc setting prepareThreshold=0 (never prepare statements on the server, so that the
# service works through a transaction pooler such as PgBouncer or RDS Proxy) costs on a direct connection,
# against pgjdbc's default of 5. Two instances on one fresh database, one with each setting, both warmed
# until their JIT is idle; then bookings through one, then the other, ROUNDS times (A B A B ...), so that
# noise on this shared machine falls on both alike. Prints the median of each and their ratio.
#
#   bench/prepare-threshold.sh [seconds per run, default 10] [connections, default 32] [rounds, default 3]
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), jstat (a JDK) and wrk (installed from
# Debian's packages if missing). Builds the service jar if it is not there.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh   # SERVICE_JAVA_OPTS, ensure_wrk, start_instance, drive_bookings, until_jit_quiet, median
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
WARMUP_MAX=${BENCH_WARMUP:-300}
read -ra JAVA_OPTS <<< "${BENCH_JAVA_OPTS-$SERVICE_JAVA_OPTS}"
DB=boxoffice_bench_prepare
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq"

ensure_wrk
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
trap 'stop_all; $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT

warm_round() { SECONDS_PER_RUN=10 drive_bookings "$(new_event "$1")" "$1"; }

echo "Starting and warming up both instances..."
start_instance 18083 "${JAVA_OPTS[@]}"
start_instance 18084 "${JAVA_OPTS[@]}" -Dquarkus.datasource.jdbc.additional-jdbc-properties.prepareThreshold=5
WARM_A=$(until_jit_quiet "${BENCH_PIDS[0]}" 60 "$WARMUP_MAX" warm_round 18083)
WARM_B=$(until_jit_quiet "${BENCH_PIDS[1]}" 60 "$WARMUP_MAX" warm_round 18084)

A=() B=()
for round in $(seq 1 "$ROUNDS"); do
  read -r rps _ < <(drive_bookings "$(new_event 18083)" 18083); A+=("$rps")
  read -r rps _ < <(drive_bookings "$(new_event 18084)" 18084); B+=("$rps")
  echo "round $round: prepareThreshold=0 ${A[-1]}, prepareThreshold=5 ${B[-1]} bookings/s"
done
MA=$(printf '%s\n' "${A[@]}" | median)
MB=$(printf '%s\n' "${B[@]}" | median)
echo
echo "Bookings on a direct connection, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| pgjdbc prepareThreshold | bookings/s (median of $ROUNDS) | runs | warm-up s | vs shipped |"
echo "|---|---|---|---|---|"
echo "| 0 (shipped: works through transaction poolers) | $MA | ${A[*]} | $WARM_A | 100% |"
printf '| 5 (pgjdbc default) | %s | %s | %s | %.0f%% |\n' "$MB" "${B[*]}" "$WARM_B" "$(echo "100 * $MB / $MA" | bc -l)"
