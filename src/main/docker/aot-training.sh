#!/usr/bin/env bash
# The training run of the image's JDK AOT cache, run by Dockerfile.jvm's training stage with the image's
# own JVM and options (/deployments/jvm.options): starts the service with -XX:AOTCacheOutput, sends it
# the requests of its real paths (create, read and list events, book, refuse a taken seat and a bad
# request, hold, confirm, release, cancel, the probes and the metrics), then stops it with SIGTERM, a
# normal exit, at which the JVM writes the cache. A killed JVM writes nothing, so the build then fails.
#
#   aot-training.sh CACHE
#
# Environment: TRAINING_JDBC_URL, TRAINING_JDBC_USER, TRAINING_JDBC_PASSWORD: a PostgreSQL database the
# build can reach (with Docker or podman: `--network host` and a database on the build host). With it,
# the training runs the PostgreSQL store, as the scalable service does (deploy/knative/
# service-postgres.yaml: migrated by the migrate step first, no migration at start); without it, the
# in-memory store. One training run writes one cache (JDK 25 cannot add a second run to a cache), so
# the classes of the other store are not in it: they load from the jars at the start that needs them.
# Authentication is off in the training (no signed token can be made in the build), so the classes that
# verify a bearer token are not in the cache either: they load at the first authenticated request.
# TRAINING_ROUNDS: how many times to walk the paths (default 50).
#
# Needs bash alone: requests go through bash's /dev/tcp, as the base images have no HTTP client.
set -euo pipefail
export LC_ALL=C   # ${#body} counts bytes
cache=$1
port=8080
rounds=${TRAINING_ROUNDS:-50}
app=(-jar /deployments/quarkus-run.jar)
# What the JVM would take from a 512 MiB container, so that the cache is made with the heap it is used with.
jvm=(@/deployments/jvm.options -XX:MaxRAM=512m)

export BOXOFFICE_AUTH_ENABLED=false
if [ -n "${TRAINING_JDBC_URL:-}" ]; then
  echo "AOT training: the PostgreSQL store at $TRAINING_JDBC_URL; the in-memory store's classes are not in the cache"
  export BOXOFFICE_STORE=postgres QUARKUS_FLYWAY_MIGRATE_AT_START=false
  export QUARKUS_DATASOURCE_JDBC_URL=$TRAINING_JDBC_URL QUARKUS_DATASOURCE_USERNAME=${TRAINING_JDBC_USER:-postgres}
  export QUARKUS_DATASOURCE_PASSWORD=${TRAINING_JDBC_PASSWORD:-}
  java "${jvm[@]}" "${app[@]}" migrate
else
  echo "AOT training: the in-memory store (no TRAINING_JDBC_URL). The cache lacks the PostgreSQL store's" \
    "classes (pgjdbc, the Agroal pool, the SQL paths): an instance on PostgreSQL loads them from the jars" \
    "as it starts, and starts slower for it."
  export BOXOFFICE_STORE=memory
fi

log=$(mktemp)
java "${jvm[@]}" -XX:AOTCacheOutput="$cache" "${app[@]}" >"$log" 2>&1 &
pid=$!

# http METHOD PATH [BODY]: one request; sets status and body. Fails when nothing listens yet.
http() {
  local request_body=${3:-} response
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "$1" "$2" "${#request_body}" "$request_body" >&3
  response=$(cat <&3)
  exec 3<&-
  status=${response:9:3}
  body=${response#*$'\r\n\r\n'}
}

# expect STATUS METHOD PATH [BODY]: the request, which must be answered STATUS.
expect() {
  local want=$1
  shift
  if ! http "$@" || [ "$status" != "$want" ]; then
    echo "AOT training: $1 $2 answered $status, not $want: $body" >&2
    kill -TERM "$pid"
    exit 1
  fi
}

# field NAME: a string field of the last answer's JSON.
field() { [[ $body =~ \"$1\":\"([^\"]+)\" ]] && echo "${BASH_REMATCH[1]}"; }

for _ in $(seq 1 300); do
  if http GET /q/health/ready && [ "$status" = 200 ]; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "AOT training: the service did not start" >&2; exit 1; }
  sleep 0.2
done
started=$SECONDS

for round in $(seq 1 "$rounds"); do
  expect 201 POST /events '{"name":"Training","date_time":"2030-06-15 19:00","venue":"Hall","total_seats":500}'
  event=$(field event_id)
  expect 200 GET "/events/$event"
  expect 200 GET "/events/$event/seats"
  expect 201 POST /bookings "{\"event_id\":\"$event\",\"seats\":[1,2,3,4,5]}"
  booking=$(field booking_id)
  expect 409 POST /bookings "{\"event_id\":\"$event\",\"seats\":[5,6]}"
  expect 400 POST /bookings "{\"event_id\":\"$event\",\"seats\":[0,6,6]}"
  expect 400 POST /bookings '{"event_id":'
  expect 404 GET "/events/00000000-0000-7000-8000-000000000000/seats"
  expect 201 POST /holds "{\"event_id\":\"$event\",\"quantity\":2}"
  expect 201 POST /bookings "{\"hold_id\":\"$(field hold_id)\"}"
  expect 201 POST /holds "{\"event_id\":\"$event\",\"seats\":[40,41]}"
  hold=$(field hold_id)
  expect 200 GET "/holds/$hold"
  expect 200 DELETE "/holds/$hold"
  expect 200 GET "/events/$event/seats/available"
  expect 200 GET "/bookings/$booking"
  expect 200 POST "/bookings/$booking/cancel"
  if [ $((round % 10)) = 1 ]; then
    expect 200 GET "/events?limit=5"
    expect 200 GET "/bookings?limit=5"
    expect 200 GET /q/health/live
    expect 200 GET /q/health/ready
    expect 200 GET /q/metrics
  fi
done
echo "AOT training: $rounds rounds of $(( (SECONDS - started) )) s; stopping the service with SIGTERM"

kill -TERM "$pid"
code=0
wait "$pid" || code=$?
grep -v '^{' "$log" | grep -v '^\[.*\]\[warning\]\[aot\] Skipping ' || true
# 143: the JVM's exit after SIGTERM, its shutdown hooks run.
if [ "$code" != 143 ] && [ "$code" != 0 ]; then
  echo "AOT training: the service exited with $code" >&2
  exit 1
fi
[ -s "$cache" ] || { echo "AOT training: no cache was written at $cache" >&2; exit 1; }
ls -l "$cache"
