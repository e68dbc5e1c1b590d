#!/usr/bin/env bash
# The on-sale benchmark: builds Box Office and a bare Quarkus app (bench/ceiling, the framework's
# ceiling on this machine), runs each on loopback, drives them with wrk for a bounded time per
# scenario, checks after each scenario that the service's counts match the successful answers, and
# prints one table, with each scenario's ratio to the ceiling measured in the same run. A second
# ceiling, the same endpoint with Box Office's extensions (metrics, security, validation, ...) and
# none of its code, shows how much of the gap the extensions alone make. The floors of (a) and (c)
# are their HTTP and JSON exchanges answered by endpoints that do nothing else (bench/ceiling's
# src/json), with Quarkus REST and Jackson only, and with Box Office's extensions too: what any
# service on this stack pays for those exchanges, before doing any work of its own. With the extensions
# they are measured twice: through Quarkus REST, as Box Office answers, and on plain Vert.x Web routes
# (/vertx/...), what a service that routed, read and wrote its requests by hand would start from.
#
#   bench/run.sh [seconds per scenario, default 10] [connections, default 64]
#   BENCH_WARMUP=600 bench/run.sh    # most seconds of warm-up per app (default 300)
#   BENCH_JAVA_OPTS="-XX:+UseParallelGC" bench/run.sh     # JVM options for both apps (default: the
#                                                         # shipped ones, SERVICE_JAVA_OPTS in bench/lib.sh)
#
# Scenarios, on the in-memory store with authentication off:
#   (a) booking distinct seats of one 1,000,000-seat event
#   (b) a hot on-sale: clients fighting over the 500 seats of one event (mostly 409 once sold out)
#   (c) reading GET /events/{event_id}/seats of the 1,000,000-seat event
#   (d) the checkout path: hold one best-available seat, then confirm it
# and (a) again, paced at about half the rate (a) reached, for its latency when not saturated.
#
# Each app is warmed up first, so that the figures are the JIT-compiled steady state: it takes load in
# rounds of 10 s until its JIT compilers are nearly idle (until_jit_quiet in bench/lib.sh: under 0.5 s
# of compiling in two rounds in a row). On 2 shared cores Box Office's request paths need from 20 s to
# a few minutes of that, the one-endpoint ceiling app a few seconds. The table says how long each took.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-64}
WARMUP_MAX=${BENCH_WARMUP:-300}
read -ra JAVA_OPTS <<< "${BENCH_JAVA_OPTS-$SERVICE_JAVA_OPTS}"

ensure_wrk
./mvnw -B -q package -DskipTests
# The same endpoint with Box Office's extensions and none of its code (bench/ceiling's ext-* profiles),
# set as Box Office sets them where that changes a request's path: authentication when asked for, and
# no thread-context propagation. It tells what the extensions cost per request from what our code does.
./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests -Dquarkus.http.auth.proactive=false \
  -P"json-floor,$(IFS=,; echo "${EXTENSION_PROFILES[*]}")"
rm -rf target/bench-ceiling-ext && cp -r bench/ceiling/target/quarkus-app target/bench-ceiling-ext
./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests -Pjson-floor
rm -rf target/bench-floor-json && cp -r bench/ceiling/target/quarkus-app target/bench-floor-json
./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests
trap stop_all EXIT

echo "Ceiling: bare Quarkus, GET /ping..."
start_jar target/bench-ceiling.log 18090 bench/ceiling/target/quarkus-app/quarkus-run.jar "${JAVA_OPTS[@]}"
CEIL_WARM=$(until_jit_quiet "${BENCH_PIDS[0]}" 10 "$WARMUP_MAX" drive 10 "$CONNECTIONS" http://127.0.0.1:18090/ping)
read -r CEIL_RPS CEIL_P50 CEIL_P99 _ CEIL_BAD < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" http://127.0.0.1:18090/ping)
stop_all

# The floors answer any event id; this one only has to look like one.
FLOOR_EVENT=01a21993-8075-72fa-9e50-cf5b4dee089d
floor_a() { drive "$1" "$CONNECTIONS" "http://127.0.0.1:$2${3:-}" bench/book-distinct.lua "$FLOOR_EVENT" 2 0 1; }
floor_c() { drive "$1" "$CONNECTIONS" "http://127.0.0.1:$2${3:-}/events/$FLOOR_EVENT/seats"; }
floor_round() { # a floor app's exchanges, through Quarkus REST and Vert.x, and its ping, on port $1: 10 s
  floor_a 3 "$1"
  floor_c 3 "$1"
  floor_a 1 "$1" /vertx
  floor_c 1 "$1" /vertx
  drive 2 "$CONNECTIONS" "http://127.0.0.1:$1/ping"
}

echo "Floors of (a) and (c): Quarkus REST and Jackson, nothing behind them..."
start_jar target/bench-floor-json.log 18092 target/bench-floor-json/quarkus-run.jar "${JAVA_OPTS[@]}"
until_jit_quiet "${BENCH_PIDS[0]}" 10 "$WARMUP_MAX" floor_round 18092 > /dev/null
read -r FA_RPS FA_P50 FA_P99 _ FA_BAD < <(floor_a "$SECONDS_PER_RUN" 18092)
read -r FC_RPS FC_P50 FC_P99 _ FC_BAD < <(floor_c "$SECONDS_PER_RUN" 18092)
stop_all

echo "Ceiling and floors with Box Office's extensions..."
start_jar target/bench-ceiling-ext.log 18091 target/bench-ceiling-ext/quarkus-run.jar "${JAVA_OPTS[@]}" \
  -Dmp.context.ThreadContext.propagated=None -Dmp.context.ThreadContext.unchanged=Remaining
until_jit_quiet "${BENCH_PIDS[0]}" 10 "$WARMUP_MAX" floor_round 18091 > /dev/null
read -r EXT_RPS EXT_P50 EXT_P99 _ EXT_BAD < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" http://127.0.0.1:18091/ping)
read -r FAX_RPS FAX_P50 FAX_P99 _ FAX_BAD < <(floor_a "$SECONDS_PER_RUN" 18091)
read -r FCX_RPS FCX_P50 FCX_P99 _ FCX_BAD < <(floor_c "$SECONDS_PER_RUN" 18091)
read -r FAV_RPS FAV_P50 FAV_P99 _ FAV_BAD < <(floor_a "$SECONDS_PER_RUN" 18091 /vertx)
read -r FCV_RPS FCV_P50 FCV_P99 _ FCV_BAD < <(floor_c "$SECONDS_PER_RUN" 18091 /vertx)
stop_all

echo "Box Office, in-memory store..."
start_jar target/bench-service.log 18080 target/quarkus-app/quarkus-run.jar "${JAVA_OPTS[@]}" \
  -Dboxoffice.auth.enabled=false -Dboxoffice.max-seats-per-event=1000000
B=http://127.0.0.1:18080
new_event() {
  curl -sf -X POST "$B/events" -H 'Content-Type: application/json' \
    -d "{\"name\":\"On-sale\",\"date_time\":\"2030-06-15 19:00\",\"venue\":\"Bench Hall\",\"total_seats\":$1}" \
    | json_field event_id
}
seats() { curl -sf "$B/events/$1/seats" | json_field "$2"; }

warm_round() { # every scenario's path, on new events: 10 s
  local event
  event=$(new_event 1000000)
  drive 5 "$CONNECTIONS" "$B" bench/book-distinct.lua "$event" 2 0 1
  drive 2 "$CONNECTIONS" "$B/events/$event/seats"
  drive 3 "$CONNECTIONS" "$B" bench/hold-confirm.lua "$(new_event 1000000)"
}
SERVICE_WARM=$(until_jit_quiet "${BENCH_PIDS[0]}" 30 "$WARMUP_MAX" warm_round)

A=$(new_event 1000000)
read -r A_RPS A_P50 A_P99 A_OK A_BAD < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" "$B" bench/book-distinct.lua "$A" 2 0 1)
A_BOOKED=$(seats "$A" booked_seats)

# (a) paced at about half its rate: connections that each pause 10 ms between answer and request.
HALF_TARGET=$((A_RPS / 2))
HALF_CONNECTIONS=$(((HALF_TARGET * 11 + 999) / 1000))
AH=$(new_event 1000000)
read -r AH_RPS AH_P50 AH_P99 AH_OK AH_BAD < <(drive "$SECONDS_PER_RUN" "$HALF_CONNECTIONS" "$B" bench/book-paced.lua \
  "$AH" 2 0 1 10)
AH_BOOKED=$(seats "$AH" booked_seats)

HOT=$(new_event 500)
read -r B_RPS B_P50 B_P99 B_OK B_BAD < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" "$B" bench/book-random.lua "$HOT" 500)
B_BOOKED=$(seats "$HOT" booked_seats)

read -r C_RPS C_P50 C_P99 C_OK C_BAD < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" "$B/events/$A/seats")

D=$(new_event 1000000)
read -r D_RPS D_P50 D_P99 D_OK D_BAD < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" "$B" bench/hold-confirm.lua "$D")
D_BOOKED=$(seats "$D" booked_seats)
D_HELD=$(seats "$D" held_seats)
RSS_KB=$(ps -o rss= -p "${BENCH_PIDS[0]}" | tr -d ' ')

# wrk stops with requests in flight: the service may have done up to one per connection more than
# wrk saw answered, never fewer.
within() { # done answered slack
  [ "$1" -ge "$2" ] && [ $(($1 - $2)) -le "$3" ] && echo "yes" || echo "NO ($1 vs $2 answered)"
}
of() { echo "100 * $1 / $2" | bc -l | xargs printf '%.0f%%'; }
all_ok() { [ "$2" = 0 ] && echo "all $1" || echo "$2 failed"; }
row() { # label requests/s p50 p99 check: one line of the table, with its share of the ceiling
  printf '| %-44s | %10s | %7s | %7s | %10s | %-24s |\n' "$1" "$2" "$3" "$4" "$(of "$2" "$CEIL_RPS")" "$5"
}

echo
echo "Box Office on-sale benchmark: $CONNECTIONS connections, ${SECONDS_PER_RUN}s per scenario after warm-ups of ${CEIL_WARM}s (ceiling) and ${SERVICE_WARM}s (service), $(nproc) cores," \
  "java options: ${JAVA_OPTS[*]:-none}, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-44s | %10s | %7s | %7s | %10s | %-24s |\n' scenario "requests/s" "p50 ms" "p99 ms" "of ceiling" \
  "counts match answers"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "------------" "---------" \
  "---------" "------------" "--------------------------"
row "ceiling: bare Quarkus, constant GET" "$CEIL_RPS" "$CEIL_P50" "$CEIL_P99" "$(all_ok 200 "$CEIL_BAD")"
row "ceiling + our extensions, none of our code" "$EXT_RPS" "$EXT_P50" "$EXT_P99" "$(all_ok 200 "$EXT_BAD")"
row "floor (a): its JSON exchange, nothing behind" "$FA_RPS" "$FA_P50" "$FA_P99" "$(all_ok 201 "$FA_BAD")"
row "floor (a) + our extensions" "$FAX_RPS" "$FAX_P50" "$FAX_P99" "$(all_ok 201 "$FAX_BAD")"
row "floor (a) + our extensions, on Vert.x routes" "$FAV_RPS" "$FAV_P50" "$FAV_P99" "$(all_ok 201 "$FAV_BAD")"
row "floor (c): its JSON exchange, nothing behind" "$FC_RPS" "$FC_P50" "$FC_P99" "$(all_ok 200 "$FC_BAD")"
row "floor (c) + our extensions" "$FCX_RPS" "$FCX_P50" "$FCX_P99" "$(all_ok 200 "$FCX_BAD")"
row "floor (c) + our extensions, on Vert.x routes" "$FCV_RPS" "$FCV_P50" "$FCV_P99" "$(all_ok 200 "$FCV_BAD")"
row "(a) book distinct seats, 1,000,000-seat event" "$A_RPS" "$A_P50" "$A_P99" \
  "$(within "$A_BOOKED" "$A_OK" "$CONNECTIONS")"
row "(a) paced at ~half: $HALF_CONNECTIONS conns, 10 ms pauses" "$AH_RPS" "$AH_P50" "$AH_P99" \
  "$(within "$AH_BOOKED" "$AH_OK" "$HALF_CONNECTIONS")"
row "(b) hot on-sale, $CONNECTIONS clients, 500 seats" "$B_RPS" "$B_P50" "$B_P99" \
  "$(within "$B_BOOKED" "$B_OK" "$CONNECTIONS"), $B_BOOKED sold"
row "(c) GET seats of the 1,000,000-seat event" "$C_RPS" "$C_P50" "$C_P99" "$(all_ok 200 "$C_BAD")"
row "(d) hold, then confirm (requests)" "$D_RPS" "$D_P50" "$D_P99" \
  "$(within $((2 * D_BOOKED + D_HELD)) "$D_OK" "$CONNECTIONS")"
echo "Against the ceiling with Box Office's extensions: (a) $(of "$A_RPS" "$EXT_RPS"), (c) $(of "$C_RPS" "$EXT_RPS")."
echo "Against their floors with Box Office's extensions (what our own code leaves of the stack's best):" \
  "(a) $(of "$A_RPS" "$FAX_RPS"), (c) $(of "$C_RPS" "$FCX_RPS")."
echo "Service RSS after the run: $((RSS_KB / 1024)) MiB; (a) booked $A_BOOKED seats, (d) booked $D_BOOKED, held $D_HELD."
