#!/usr/bin/env bash
# Bookings per second through HTTP on the PostgreSQL store, with one and with two instances, next to
# the database's own ceiling for the same claim-seat transaction (pgbench), all in one run so the
# ratios are fair on a shared, noisy machine.
#
#   bench/postgres-bookings.sh [seconds per run, default 10] [connections, default 32]
#   BENCH_WARMUP=600 BENCH_JAVA_OPTS="-XX:+UseParallelGC" BOXOFFICE_DB_POOL_SIZE=16 bench/postgres-bookings.sh
#
# The figures are the steady state: before each measured run the instances book in rounds of 10 s
# until their JIT compilers are nearly idle (jstat -compiler: under 0.5 s of compiling per JVM in
# two rounds in a row), for at least 60 s and at most BENCH_WARMUP s (default 300). On 2 shared cores
# that takes one to four minutes, longer with two JVMs compiling beside PostgreSQL; measured before
# that, the figures are the JIT's, not the service's. The warm-up each run needed is printed.
# pgbench runs twice, before and after the HTTP runs, and the higher of the two is the ceiling.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), pgbench, jstat (a JDK), and wrk
# (installed from Debian's packages if missing). Builds the service jar if it is not there.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh   # SERVICE_JAVA_OPTS, ensure_wrk, start_instance, drive_bookings
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
WARMUP_MAX=${BENCH_WARMUP:-300}
read -ra JAVA_OPTS <<< "${BENCH_JAVA_OPTS-$SERVICE_JAVA_OPTS}"
DB=boxoffice_bench
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq"

ensure_wrk
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
trap stop_all EXIT

# warm_round PORT...: 10 s of bookings through the ports, on a new event.
warm_round() { SECONDS_PER_RUN=10 drive_bookings "$(new_event "$1")" "$@"; }

ceiling() { # one pgbench run of the claim-seat transaction; prints transactions/s
  $PSQL -d $DB -c "CREATE SEQUENCE IF NOT EXISTS bench_seat" 2>/dev/null
  local event
  event=$($PSQL -d $DB -c "INSERT INTO events VALUES (gen_random_uuid(), 'pgbench', 'Bench Hall',
    now() + interval '1 year', 100000000, now(), 'pgbench') RETURNING id" | head -1)
  pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T "$SECONDS_PER_RUN" -D event_id="'$event'" \
    -f bench/claim-seat.sql "$DB" 2>/dev/null | awk '/^tps/ { printf "%.0f", $3 }'
}

echo "Warming up one instance..."
start_instance 18081 "${JAVA_OPTS[@]}"   # its migrations create the tables the first pgbench run needs
PGTPS_BEFORE=$(ceiling)
WARM1=$(until_jit_quiet "${BENCH_PIDS[0]}" 60 "$WARMUP_MAX" warm_round 18081)

EVENT1=$(new_event 18081)
read -r RPS1 P50_1 P99_1 OK1 BAD1 < <(drive_bookings "$EVENT1" 18081)
COUNT1=$(booked 18081 "$EVENT1")

echo "Warming up two instances..."
start_instance 18082 "${JAVA_OPTS[@]}"
WARM2=$(until_jit_quiet "${BENCH_PIDS[*]}" 60 "$WARMUP_MAX" warm_round 18081 18082)
EVENT2=$(new_event 18081)
read -r RPS2 P50_2 P99_2 OK2 BAD2 < <(drive_bookings "$EVENT2" 18081 18082)
COUNT2=$(booked 18082 "$EVENT2")

stop_all
PGTPS_AFTER=$(ceiling)
PGTPS=$((PGTPS_BEFORE > PGTPS_AFTER ? PGTPS_BEFORE : PGTPS_AFTER))

# wrk stops with requests in flight: those may commit without wrk counting their 201. So the store
# may hold up to one booking per connection more than wrk saw, never fewer.
check() { # booked answered
  if [ "$1" -ge "$2" ] && [ $(($1 - $2)) -le "$CONNECTIONS" ]; then echo "yes (+$(($1 - $2)) in flight)"
  else echo "NO ($1 booked, $2 answered 201)"; fi
}
echo
echo "PostgreSQL store, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-36s | %10s | %8s | %8s | %9s | %-20s |\n' "run" "bookings/s" "p50 ms" "p99 ms" "ceiling" "counts match 201s"
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------------------------------" "------------" "----------" "----------" "-----------" "----------------------"
printf '| %-36s | %10s | %8s | %8s | %9s | %-20s |\n' "pgbench, same claim-seat transaction" "$PGTPS" "" "" "100%" \
  "(runs: $PGTPS_BEFORE, $PGTPS_AFTER)"
printf '| %-36s | %10s | %8s | %8s | %8.0f%% | %-20s |\n' "HTTP, one instance (warmed ${WARM1} s)" "$RPS1" "$P50_1" \
  "$P99_1" "$(echo "100 * $RPS1 / $PGTPS" | bc -l)" "$(check "$COUNT1" "$OK1")"
printf '| %-36s | %10s | %8s | %8s | %8.0f%% | %-20s |\n' "HTTP, two instances (warmed ${WARM2} s)" "$RPS2" "$P50_2" \
  "$P99_2" "$(echo "100 * $RPS2 / $PGTPS" | bc -l)" "$(check "$COUNT2" "$OK2")"
[ "$BAD1" = 0 ] && [ "$BAD2" = 0 ] || echo "note: $BAD1 + $BAD2 requests were not 201 (conflicts or errors)"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
