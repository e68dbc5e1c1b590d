#!/usr/bin/env bash
# The waiting list and the door under load: bash bench/waitlist.sh [memory|postgres] [seconds]
# Starts the packaged service (authentication off, the shipped JVM options) on the in-memory store or on a
# fresh PostgreSQL database (127.0.0.1:5432, user postgres, trust), then runs bench/waitlist/WaitlistBench.java:
# plain bookings per second (the baseline), offers per second and the time to the last offer in a burst of
# 500 cancellations with 1,000 waiting (against the same burst with nobody waiting), and check-ins per second
# with 32 scanners. Prints one line per figure.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
STORE=${1:-memory}
SECONDS_EACH=${2:-10}
PORT=18937
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
trap stop_all EXIT
if [ "$STORE" = postgres ]; then
  DB="boxoffice_waitlist_$(date +%s)_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
  trap 'stop_all; psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
  export BOXOFFICE_STORE=postgres QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres
fi
echo "$(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1), store $STORE"
# 50 seats a booking for the check-in event's tickets; a 200,000-seat event for the baseline.
start_jar target/waitlist-bench.log $PORT target/quarkus-app/quarkus-run.jar ${BENCH_JAVA_OPTS:-$SERVICE_JAVA_OPTS} \
  -Dboxoffice.auth.enabled=false -Dboxoffice.max-seats-per-event=1000000 -Dboxoffice.rate-limit.requests-per-second=0
java bench/waitlist/WaitlistBench.java "http://127.0.0.1:$PORT" "$SECONDS_EACH"
