# Shared by the benchmark scripts: wrk, starting a jar and waiting for it, driving it, medians, and
# finding a JDK of a given release.
# Source it from the repository root.

source tools/jdk.sh   # jdk_home

# The garbage collector's options Box Office ships with (the container image's src/main/docker/jvm.options
# holds them too; DeploymentManifestsTest keeps the two the same), given to both apps when
# BENCH_JAVA_OPTS is not set.
SERVICE_JAVA_OPTS="-XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=0"

# bench/ceiling's profiles that add Box Office's extensions, in groups, to its one endpoint.
EXTENSION_PROFILES=(ext-json-validation ext-openapi-health ext-metrics-logs ext-jwt ext-database ext-scheduler)

# median: the median of the numbers on standard input, one a line.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ensure_wrk() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
}

BENCH_PIDS=()
# stop_all: stops every jar started, and waits until they are gone (and their ports free).
stop_all() {
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${BENCH_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  BENCH_PIDS=()
}

# start_jar LOG PORT JAR [java options...]: starts it in the background and waits for its port.
start_jar() {
  local log=$1 port=$2 jar=$3; shift 3
  java "$@" -Dquarkus.http.port="$port" -jar "$jar" > "$log" 2>&1 &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.5
  done
  echo "the jar on port $port did not start; see $log" >&2
  exit 1
}

# drive SECONDS CONNECTIONS URL [SCRIPT [ARGS...]]: one wrk run; prints
# "requests/s p50_ms p99_ms answered_2xx not_2xx".
drive() {
  local seconds=$1 connections=$2 url=$3 script=${4:-bench/report.lua}; shift 4 || shift $#
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$url" -- "$@" \
    | awk '/^RESULT/ { for (f = 2; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] + 0 } }
      END { ok = v["requests"] - v["non2xx"]
        printf "%.0f %.2f %.2f %d %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000,
          v["p99_us"] / 1000, ok, v["non2xx"] + v["errors"] }'
}

# jit_seconds PID: seconds the JVM's JIT compilers have spent compiling so far (jstat -compiler).
jit_seconds() { jstat -compiler "$1" | awk 'NR == 2 { print $4 }'; }

# until_jit_quiet "PID..." MIN MAX COMMAND [ARGS...]: runs COMMAND (one round of load, about 10 s) again
# and again until, two rounds in a row, each JVM compiled for under 0.5 s during the round, after at
# least MIN and at most MAX seconds; prints how many seconds of load that took. Measured before the JIT
# is done, a figure is the JIT's rather than the code's: on 2 shared cores that takes from a few seconds
# (the one-endpoint ceiling app) to several minutes (two Box Office JVMs beside PostgreSQL).
# BENCH_DEBUG=1 shows each round's compile time on standard error.
until_jit_quiet() {
  command -v jstat > /dev/null || { echo "the warm-up reads the JIT's progress with jstat: run with a JDK" >&2; exit 1; }
  local pids
  read -ra pids <<< "$1"
  local min=$2 max=$3 start=$SECONDS quiet=0 busy i now before
  shift 3
  while :; do
    before=()
    for i in "${!pids[@]}"; do before+=("$(jit_seconds "${pids[i]}")"); done
    "$@" > /dev/null
    busy=0
    for i in "${!pids[@]}"; do
      now=$(jit_seconds "${pids[i]}")
      [ -z "${BENCH_DEBUG:-}" ] || echo "warm-up $((SECONDS - start)) s: JVM $i compiled $(echo "$now - ${before[i]}" | bc -l) s" >&2
      if [ "$(echo "$now - ${before[i]} >= 0.5" | bc -l)" = 1 ]; then busy=1; fi
    done
    if [ "$busy" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    if { [ "$quiet" -ge 2 ] && [ $((SECONDS - start)) -ge "$min" ]; } || [ $((SECONDS - start)) -ge "$max" ]; then
      break
    fi
  done
  echo $((SECONDS - start))
}

# Waiting for a start without slowing it down: after `silent_pauses DIR`, `pause` waits 2 ms reading a
# FIFO nobody writes to, and first_answer forks nothing while the port is closed (bash's /dev/tcp): on
# 2 cores, a curl started every few milliseconds takes CPU from the very start it times.
silent_pauses() { mkfifo "$1/silence"; exec 9<> "$1/silence"; }
pause() { read -r -t 0.002 -u 9 || true; }

# first_answer URL STATUS ALIVE [curl options...]: waits until a request to URL (on 127.0.0.1) is
# answered STATUS; fails as soon as the command ALIVE fails (the process being timed has died).
first_answer() {
  local url=$1 status=$2 alive=$3 port code
  shift 3
  port=${url#http://127.0.0.1:}
  port=${port%%/*}
  while :; do
    until true 2>/dev/null <> "/dev/tcp/127.0.0.1/$port"; do
      "$alive" || return 1
      pause
    done
    code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" || true)
    [ "$code" = "$status" ] && return 0
    pause
  done
}

# round_robin RUNS SAMPLES VARIANT...: calls the script's run_variant VARIANT (which prints one line of
# figures) RUNS times for each variant, run 1 of every variant, then run 2 of every variant, and so on,
# so that a burst of load from elsewhere on this shared machine spreads over all variants instead of
# spoiling one; writes "VARIANT figures..." lines to SAMPLES.
round_robin() {
  local runs=$1 samples=$2 variant
  shift 2
  : > "$samples"
  for _ in $(seq 1 "$runs"); do
    for variant in "$@"; do
      echo "$variant $(run_variant "$variant")" >> "$samples"
    done
  done
}


# json_field FIELD: reads one top-level field of the JSON on standard input.
json_field() { python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"; }

# --- The PostgreSQL store: needs DB (a database on 127.0.0.1:5432, user postgres), SECONDS_PER_RUN and
# CONNECTIONS set by the script.

# start_instance PORT [java options...]: the packaged service on $DB, waited for until ready.
start_instance() {
  local port=$1; shift
  BOXOFFICE_AUTH_ENABLED=false BOXOFFICE_STORE=postgres QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres java "$@" -Dquarkus.http.port="$port" -jar target/quarkus-app/quarkus-run.jar \
    > "target/bench-$port.log" 2>&1 &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "instance on port $port did not start; see target/bench-$port.log" >&2
  exit 1
}

# new_event PORT [SEATS]: a new event of SEATS seats (100,000 unless given); prints its id. With
# authentication on, new_event and booked send BENCH_TOKEN, an organizer's bearer token.
new_event() {
  curl -sf -X POST "http://127.0.0.1:$1/events" -H 'Content-Type: application/json' ${BENCH_TOKEN:+-H "Authorization: Bearer $BENCH_TOKEN"} \
    -d "{\"name\":\"Bench\",\"date_time\":\"2030-06-15 19:00\",\"venue\":\"Bench Hall\",\"total_seats\":${2:-100000}}" \
    | sed 's/.*"event_id":"\([^"]*\)".*/\1/'
}

# booked PORT EVENT: the event's booked seats.
booked() {
  curl -sf ${BENCH_TOKEN:+-H "Authorization: Bearer $BENCH_TOKEN"} "http://127.0.0.1:$1/events/$2/seats" | sed 's/.*"booked_seats":\([0-9]*\).*/\1/'
}

# drive_bookings EVENT PORT...: wrk against each port at once, every request booking a new seat;
# prints "bookings/s p50_ms p99_ms ok not_ok" over all ports.
drive_bookings() {
  local event=$1; shift
  local n=$# i=0 files=() waits=()
  for port in "$@"; do
    local out; out=$(mktemp)
    files+=("$out")
    wrk -t2 -c$((CONNECTIONS / n)) -d"${SECONDS_PER_RUN}s" --latency -s bench/book-distinct.lua \
      "http://127.0.0.1:$port" -- "$event" 2 "$i" "$n" > "$out" &
    waits+=($!)
    i=$((i + 1))
  done
  wait "${waits[@]}"
  awk '/^RESULT/ { for (f = 2; f <= NF; f++) { split($f, kv, "="); k = kv[1]; x = kv[2] + 0
        if (k == "p50_us" || k == "p99_us" || k == "duration_us") { if (x > m[k]) m[k] = x } else s[k] += x } }
    END { ok = s["requests"] - s["non2xx"]
      printf "%.0f %.2f %.2f %d %d\n", ok / (m["duration_us"] / 1e6), m["p50_us"] / 1000, m["p99_us"] / 1000,
        ok, s["non2xx"] + s["errors"] }' "${files[@]}"
  rm -f "${files[@]}"
}
