#!/usr/bin/env bash
# The container image, run locked down as deploy/knative runs it (a read-only root file system with /tmp
# alone writable, every capability dropped, no privilege escalation, the image's numeric non-root user,
# 512 MiB) and checked over HTTP, on the host's network:
#   - the in-memory store: the AOT cache is used (-XX:AOTMode=on, which refuses to start without it), the
#     seed walk-through (POST /events 201, GET seats 200, book [1..5] 201, [5,6] 409 naming seat 5,
#     [0,6,6] 400), the probes' endpoints, and SIGTERM with a request in flight: it is answered and the
#     container stops cleanly within 10 s;
#   - a cache the JVM cannot use (other JVM options): a warning, and the service starts all the same;
#   - PostgreSQL, on a fresh database: before the migrate step, 503 schema-not-migrated with readiness
#     DOWN and liveness UP; the migrate Job's command with the image; then the same instance serves the
#     walk-through, and a booking held up in the database at SIGTERM is still answered.
# Prints "container: N passed, N failed" last; exits 1 if any check failed.
#
#   deploy/container/test.sh [IMAGE]      (default: localhost/boxoffice-jvm:local, from build.sh)
#
# Needs: root and podman (podman.sh installs it), curl, python3, PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust) with psql. Uses port 18480 (BOXOFFICE_TEST_PORT).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/container/podman.sh   # podman, PODMAN_FLAGS
image=${1:-localhost/boxoffice-jvm:local}
port=${BOXOFFICE_TEST_PORT:-18480}
base="http://127.0.0.1:$port"
user=$(podman image inspect "$image" --format '{{.Config.User}}')
prefix="boxoffice-test-$$"
passed=0
failed=0

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
# check DESCRIPTION ACTUAL EXPECTED
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', expected '$3'"; fi; }
# contains DESCRIPTION TEXT PART
contains() { if [[ $2 == *"$3"* ]]; then pass "$1"; else fail "$1" "'$3' not in: ${2:0:400}"; fi; }

# json EXPRESSION: a Python expression over the JSON on standard input, bound to j; a tuple prints as
# its items separated by spaces.
json() {
  python3 -c "import json, sys; j = json.load(sys.stdin); v = ($1); print(' '.join(map(str, v)) if type(v) is tuple else v)" \
    2>/dev/null || echo "(not JSON)"
}

# request METHOD PATH [BODY]: sets code and body.
request() {
  local out
  out=$(curl -s -m 30 -w '\n%{http_code}' -X "$1" "$base$2" -H 'Content-Type: application/json' ${3:+-d "$3"} || true)
  code=${out##*$'\n'}
  body=${out%$'\n'*}
}

# run_locked NAME [podman run options...] -- [app arguments...]: starts the image detached, locked down.
run_locked() {
  local name=$1
  shift
  local options=() 
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  podman run -d --name "$name" "${PODMAN_FLAGS[@]}" --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=64m \
    --cap-drop=ALL --security-opt no-new-privileges --user "$user" --memory 512m --memory-swap 512m \
    -e QUARKUS_HTTP_PORT="$port" -e BOXOFFICE_AUTH_ENABLED=false "${options[@]}" "$image" "$@" >/dev/null
}

# await_port NAME: waits until the container's port answers (any status) or it exits.
await_port() {
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "$base/q/health/live" && return 0
    [ "$(podman inspect "$1" --format '{{.State.Running}}')" = true ] || break
    sleep 0.2
  done
  fail "$1 answers on port $port" "$(podman logs "$1" 2>&1 | tail -5)"
  return 1
}

# stop_and_time NAME: SIGTERM to the container; sets stop_seconds and exit_code once it has stopped.
stop_and_time() {
  local start
  start=$(date +%s%N)
  podman kill --signal TERM "$1" >/dev/null
  exit_code=$(podman wait "$1")
  stop_seconds=$(( ($(date +%s%N) - start) / 1000000000 ))
}

# log_messages NAME: the "message" fields of the container's JSON log lines, one a line.
log_messages() { podman logs "$1" 2>&1 | sed -n 's/.*"message":"\([^"]*\)".*/\1/p'; }

# walkthrough: the seed README's walk-through, over HTTP.
walkthrough() {
  local store=$1 event
  request POST /events '{"name":"Summer Concert","date_time":"2030-06-15 19:00","venue":"Central Park","total_seats":500}'
  check "$store: POST /events" "$code" 201
  event=$(json "j['event_id']" <<< "$body")
  request GET "/events/$event/seats"
  check "$store: GET /events/{id}/seats" "$code $(json "j['total_seats'], j['available_seats']" <<< "$body")" "200 500 500"
  request POST /bookings "{\"event_id\":\"$event\",\"seats\":[1,2,3,4,5]}"
  check "$store: book seats [1..5]" "$code $(json "j['status']" <<< "$body")" "201 confirmed"
  request POST /bookings "{\"event_id\":\"$event\",\"seats\":[5,6]}"
  check "$store: book [5,6] is refused naming seat 5" "$code $(json "j['unavailable_seats']" <<< "$body")" "409 [5]"
  request POST /bookings "{\"event_id\":\"$event\",\"seats\":[0,6,6]}"
  check "$store: book [0,6,6] is a bad request" "$code" 400
  request GET "/events/$event/seats"
  check "$store: seats after booking" "$code $(json "j['booked_seats'], j['available_seats']" <<< "$body")" "200 5 495"
  request GET /q/health/live
  check "$store: liveness probe (/q/health/live)" "$code" 200
  request GET /q/health/ready
  check "$store: readiness probe (/q/health/ready)" "$code" 200
  walk_event=$event
}

db=""
cleanup() {
  podman ps -a --format '{{.Names}}' | grep "^$prefix-" | xargs -r podman rm -f >/dev/null 2>&1 || true
  [ -z "$db" ] || psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT
if curl -s -o /dev/null "$base/"; then
  echo "port $port is taken: set BOXOFFICE_TEST_PORT" >&2
  exit 1
fi

echo "== $image as user $user: the in-memory store"
name=$prefix-memory
run_locked "$name" -e JAVA_TOOL_OPTIONS=-XX:AOTMode=on --
if await_port "$name"; then
  pass "memory: starts with the AOT cache required (-XX:AOTMode=on)"
  walkthrough memory
  status=$(podman exec "$name" cat /proc/1/status)
  check "memory: runs as user $user" "$(awk '/^Uid:/ { print $2 }' <<< "$status")" "${user%%:*}"
  check "memory: no capabilities" "$(awk '/^CapEff:/ { print $2 }' <<< "$status")" 0000000000000000
  check "memory: no new privileges" "$(awk '/^NoNewPrivs:/ { print $2 }' <<< "$status")" 1
  if podman exec "$name" sh -c 'echo x > /deployments/written' 2>/dev/null; then
    fail "memory: the root file system is read-only"
  else
    pass "memory: the root file system is read-only"
  fi

  # A request in flight at SIGTERM: its headers and half its body sent before, the rest after.
  request_body="{\"event_id\":\"$walk_event\",\"seats\":[100]}"
  exec 5<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST /bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "${#request_body}" "${request_body:0:10}" >&5
  sleep 1
  start=$(date +%s%N)
  podman kill --signal TERM "$name" >/dev/null
  sleep 2
  printf '%s' "${request_body:10}" >&5
  answer=$(timeout 10 head -1 <&5 || true)
  exec 5<&-
  exit_code=$(podman wait "$name")
  stop_seconds=$(( ($(date +%s%N) - start) / 1000000000 ))
  contains "memory: a request in flight at SIGTERM is answered" "$answer" "HTTP/1.1 201"
  check "memory: stops after SIGTERM with the JVM's exit code (143)" "$exit_code" 143
  if [ "$stop_seconds" -lt 10 ]; then pass "memory: stops within 10 s of SIGTERM ($stop_seconds s)"; else fail "memory: stops within 10 s of SIGTERM" "$stop_seconds s"; fi
  contains "memory: shutdown waited for the request" "$(log_messages "$name")" "All HTTP requests complete"
fi

echo "== a cache the JVM cannot use"
name=$prefix-nocache
run_locked "$name" -e JAVA_TOOL_OPTIONS=-XX:-UseCompressedOops --
if await_port "$name"; then
  request POST /events '{"name":"No cache","date_time":"2030-06-15 19:00","venue":"Hall","total_seats":10}'
  check "unusable cache: the service starts all the same" "$code" 201
  contains "unusable cache: the JVM says so" "$(podman logs "$name" 2>&1)" "Unable to use AOT cache"
  podman rm -f "$name" >/dev/null
fi

echo "== PostgreSQL"
db="boxoffice_container_$(date +%s)_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
database=(-e BOXOFFICE_STORE=postgres -e "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db"
  -e QUARKUS_DATASOURCE_USERNAME=postgres -e QUARKUS_FLYWAY_MIGRATE_AT_START=false)
name=$prefix-postgres
run_locked "$name" "${database[@]}" --
if await_port "$name"; then
  request POST /events '{"name":"Early","date_time":"2030-06-15 19:00","venue":"Hall","total_seats":10}'
  check "postgres, not migrated: POST /events answers 503 schema-not-migrated" "$code $(json "j['type']" <<< "$body")" \
    "503 urn:boxoffice:problem:schema-not-migrated"
  request GET /q/health/ready
  check "postgres, not migrated: readiness DOWN (503)" "$code" 503
  request GET /q/health/live
  check "postgres, not migrated: liveness UP (200)" "$code" 200

  # The migrate Job's command (deploy/knative/migrate-job.yaml: args ["migrate"]), locked down too.
  run_locked "$prefix-migrate" "${database[@]}" -- migrate
  check "migrate: the Job's command exits 0" "$(podman wait "$prefix-migrate")" 0
  contains "migrate: says what it did" "$(podman logs "$prefix-migrate" 2>&1)" "Migrated the schema from version 0 to"

  for _ in $(seq 1 50); do request GET /q/health/ready; [ "$code" = 200 ] && break; sleep 0.2; done
  walkthrough postgres

  # A booking held up in the database at SIGTERM: a transaction locks the seat claims for 3 s.
  psql -h 127.0.0.1 -U postgres -d "$db" -qc 'BEGIN; LOCK TABLE seat_claims IN EXCLUSIVE MODE; SELECT pg_sleep(3); COMMIT;' \
    >/dev/null &
  locker=$!
  sleep 0.5
  answer_file=$(mktemp)
  curl -s -m 20 -o /dev/null -w '%{http_code}' -X POST "$base/bookings" -H 'Content-Type: application/json' \
    -d "{\"event_id\":\"$walk_event\",\"seats\":[200]}" >"$answer_file" &
  booking=$!
  for _ in $(seq 1 50); do
    waiting=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from pg_stat_activity where datname = '$db' and wait_event_type = 'Lock'")
    [ "$waiting" -gt 0 ] && break
    sleep 0.1
  done
  check "postgres: the booking waits on the lock" "$waiting" 1
  stop_and_time "$name"
  wait "$booking" || true
  wait "$locker" || true
  check "postgres: a booking in flight at SIGTERM is answered" "$(cat "$answer_file")" 201
  rm -f "$answer_file"
  check "postgres: stops after SIGTERM with the JVM's exit code (143)" "$exit_code" 143
  if [ "$stop_seconds" -lt 10 ]; then pass "postgres: stops within 10 s of SIGTERM ($stop_seconds s)"; else fail "postgres: stops within 10 s of SIGTERM" "$stop_seconds s"; fi
  contains "postgres: the service says it stopped" "$(log_messages "$name")" "boxoffice stopped in"
fi

echo "container: $passed passed, $failed failed"
[ "$failed" = 0 ]
