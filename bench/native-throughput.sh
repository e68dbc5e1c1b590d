#!/usr/bin/env bash
# Bookings per second over HTTP, the native executable against the jar on the JVM, in one run: scenario
# (a) of run.sh (distinct seats of a 1,000,000-seat event, in-memory store, authentication off) and the
# same paced at half the jar's rate, for its p99 when not saturated. The jar runs with the shipped JVM
# options and is warmed until its JIT is quiet; the native executable has nothing to warm but gets the
# same rounds. The two take turns, ROUNDS times, each alone on the machine; the table has the medians.
# Builds neither: package the jar (./mvnw package) and the native executable (./mvnw package -Dnative)
# first; the second leaves target/quarkus-app as it was.
#
#   bench/native-throughput.sh [seconds, default 10] [connections, default 64] [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-64}
ROUNDS=${3:-2}
WARMUP_MAX=${BENCH_WARMUP:-300}
read -ra JAVA_OPTS <<< "${BENCH_JAVA_OPTS-$SERVICE_JAVA_OPTS}"
NATIVE=${BENCH_NATIVE:-$(ls target/*-runner 2>/dev/null | head -1 || true)}
JAR=target/quarkus-app/quarkus-run.jar
[ -x "$NATIVE" ] || { echo "no native executable: ./mvnw package -Dnative (or BENCH_NATIVE=path)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "no $JAR: ./mvnw package -DskipTests" >&2; exit 1; }
ensure_wrk
trap stop_all EXIT
PORT=18085
B=http://127.0.0.1:$PORT
SETTINGS=(-Dboxoffice.auth.enabled=false -Dboxoffice.max-seats-per-event=1000000)
SAMPLES=$(mktemp)

new_event() {
  curl -sf -X POST "$B/events" -H 'Content-Type: application/json' \
    -d "{\"name\":\"On-sale\",\"date_time\":\"2030-06-15 19:00\",\"venue\":\"Bench Hall\",\"total_seats\":$1}" \
    | json_field event_id
}
warm_round() { drive 10 "$CONNECTIONS" "$B" bench/book-distinct.lua "$(new_event 1000000)" 2 0 1; }

start_native() {
  "$NATIVE" "${SETTINGS[@]}" -Dquarkus.http.port=$PORT > target/bench-native.log 2>&1 &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 120); do curl -s -o /dev/null "$B/" && return 0; sleep 0.5; done
  echo "the native executable did not start; see target/bench-native.log" >&2; exit 1
}

# measure KIND: (a) saturated, then paced at HALF requests/s (the jar's, from its first round)
measure() {
  local kind=$1 rps p50 p99 ok bad prps pp50 pp99 rss
  read -r rps p50 p99 ok bad < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" "$B" bench/book-distinct.lua \
    "$(new_event 1000000)" 2 0 1)
  HALF=${HALF:-$((rps / 2))}
  read -r prps pp50 pp99 _ _ < <(drive "$SECONDS_PER_RUN" "$(((HALF * 11 + 999) / 1000))" "$B" \
    bench/book-paced.lua "$(new_event 1000000)" 2 0 1 10)
  rss=$(ps -o rss= -p "${BENCH_PIDS[0]}" | tr -d ' ')
  echo "$kind $rps $p99 $prps $pp99 $((rss / 1024)) $bad" >> "$SAMPLES"
}

for round in $(seq 1 "$ROUNDS"); do
  echo "Round $round: the jar..."
  start_jar target/bench-jar.log $PORT "$JAR" "${JAVA_OPTS[@]}" "${SETTINGS[@]}"
  until_jit_quiet "${BENCH_PIDS[0]}" 30 "$WARMUP_MAX" warm_round > /dev/null
  measure jar
  stop_all
  echo "Round $round: the native executable..."
  start_native
  warm_round > /dev/null
  measure native
  stop_all
done

med() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$SAMPLES" | median; }
echo
echo "Bookings over HTTP, (a) distinct seats, $CONNECTIONS connections, median of $ROUNDS rounds," \
  "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-28s | %10s | %8s | %14s | %14s | %8s | %6s |\n' artifact "bookings/s" "p99 ms" "paced req/s" \
  "paced p99 ms" "RSS MiB" failed
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ------------------------------ ------------ ---------- ---------------- \
  ---------------- ---------- --------
for kind in jar native; do
  printf '| %-28s | %10s | %8s | %14s | %14s | %8s | %6s |\n' "$kind" "$(med $kind 2)" "$(med $kind 3)" \
    "$(med $kind 4)" "$(med $kind 5)" "$(med $kind 6)" "$(awk -v k=$kind '$1 == k { s += $7 } END { print s }' "$SAMPLES")"
done
printf 'native / jar: bookings/s %.2fx, p99 %.2fx, paced p99 %.2fx, RSS %.2fx\n' \
  "$(echo "$(med native 2) / $(med jar 2)" | bc -l)" "$(echo "$(med native 3) / $(med jar 3)" | bc -l)" \
  "$(echo "$(med native 5) / $(med jar 5)" | bc -l)" "$(echo "$(med native 6) / $(med jar 6)" | bc -l)"
