#!/usr/bin/env bash
# The previous release keeps working on the schema this one migrates to (expand now, contract later):
# while a release goes out, its migrations run first and the old code still serves. The previous
# release is the last commit before the newest migration was added (HEAD while that migration is not
# committed yet). This builds its jar once into target/previous-release/, migrates a fresh database
# with this build's `migrate`, then runs the previous release against it as serverless instances run
# it (not migrating at start), in the production profile (authentication on with a key file, and the
# ticket-signing key and webhook secrets' key it then needs; a release that does not know a key ignores it), beside
# this release. Each walks the seed flow: create an event, its seats, a booking, a taken seat (409), a
# bad seat (400); and each books on the other's event. (That an instance migrating at start accepts a
# schema a newer release migrated is MigrateJarIT's.)
#
#   tools/previous-release.sh        (after ./mvnw package: needs target/quarkus-app/quarkus-run.jar)
#
# Needs the repository's history (not a shallow clone), python3, openssl, curl, and psql reaching
# PostgreSQL at 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/previous-release
CURRENT=target/quarkus-app/quarkus-run.jar
MIGRATIONS=src/main/resources/db/migration
ISSUER=https://previous-release.boxoffice.local
[ -f "$CURRENT" ] || { echo "no $CURRENT: run ./mvnw package first" >&2; exit 1; }
[ "$(git rev-parse --is-shallow-repository)" = false ] \
    || { echo "the previous release needs the history: git fetch --unshallow" >&2; exit 1; }

newest=$(find "$MIGRATIONS" -name 'V*__*.sql' -printf '%f\n' | sort -t_ -k1.2 -n | tail -1)
added=$(git log --diff-filter=A --format=%H -1 -- "$MIGRATIONS/$newest")
if [ -z "$added" ]; then
    previous=$(git rev-parse HEAD)
    echo "The newest migration, $newest, is not committed: the previous release is HEAD"
elif ! previous=$(git rev-parse --verify -q "$added^"); then
    echo "$newest came with the first commit: there is no previous release"
    exit 0
else
    echo "The newest migration, $newest, came with ${added:0:10}: the previous release is ${previous:0:10}"
fi

build=$OUT/${previous:0:12}
if [ ! -f "$build/target/quarkus-app/quarkus-run.jar" ]; then
    echo "Building the previous release in $build"
    rm -rf "$build" && mkdir -p "$build"
    git archive "$previous" | tar -x -C "$build"
    (cd "$build" && ./mvnw -B -q --no-transfer-progress package -DskipTests)
fi
PREVIOUS=$build/target/quarkus-app/quarkus-run.jar

db="boxoffice_previous_$(date +%s)_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/key.pem" 2>/dev/null
openssl pkey -in "$OUT/key.pem" -pubout -out "$OUT/public.pem"
TOKEN=$(deploy/local-auth/mint-token.sh "$OUT/key.pem" "$ISSUER" walker organizer,customer)
SETTINGS=(BOXOFFICE_STORE=postgres QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db"
    QUARKUS_DATASOURCE_USERNAME=postgres MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$OUT/public.pem"
    MP_JWT_VERIFY_ISSUER="$ISSUER" MP_JWT_VERIFY_AUDIENCES=boxoffice
    BOXOFFICE_CHECKIN_SIGNING_KEY="$(openssl genpkey -algorithm ed25519)"
    BOXOFFICE_WEBHOOKS_SECRET_KEY="$(openssl rand -base64 32)")

env "${SETTINGS[@]}" java -jar "$CURRENT" migrate

# start NAME JAR [VARIABLE=VALUE...]: the jar on a free port until ready; sets URL.
start() {
    local name=$1 jar=$2 port; shift 2
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    env "${SETTINGS[@]}" "$@" java -Dquarkus.http.port="$port" -jar "$jar" > "$OUT/$name.log" 2>&1 &
    pids+=($!)
    URL=http://127.0.0.1:$port
    for _ in $(seq 1 180); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/q/health/ready")" = 200 ] && return 0
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 0.5
    done
    echo "$name did not become ready; see $OUT/$name.log" >&2
    exit 1
}

# walk LABEL URL [EVENT_ID]: the seed flow; with EVENT_ID (the other release's event, seats 1 and 2
# booked there), also reads and books on it. Prints the new event's id last.
walk() {
    python3 - "$@" <<'PY'
import json, sys, urllib.error, urllib.request
label, base = sys.argv[1], sys.argv[2]
theirs = sys.argv[3] if len(sys.argv) > 3 else None
token = __import__("os").environ["TOKEN"]
def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"null"), answer.headers
    except urllib.error.HTTPError as answer:
        return answer.code, json.loads(answer.read() or b"null"), answer.headers
def expect(status, got, what):
    assert got[0] == status, f"{label}: {what}: expected {status}, got {got[0]} {got[1]}"
    return got
created = expect(201, call("POST", "/events", {"name": "Old and New", "date_time": "2030-06-01 19:00",
                                                "venue": "Main Hall", "total_seats": 10}), "POST /events")
event = created[1]["event_id"]
seats = expect(200, call("GET", f"/events/{event}/seats"), "GET seats")[1]
assert seats["available_seats"] == 10 and seats["booked_seats"] == 0, f"{label}: {seats}"
booked = expect(201, call("POST", "/bookings", {"event_id": event, "seats": [1, 2]}), "POST /bookings")[1]
assert booked["status"] == "confirmed" and booked["seats"] == [1, 2], f"{label}: {booked}"
taken = expect(409, call("POST", "/bookings", {"event_id": event, "seats": [2, 3]}), "a taken seat")
assert taken[1]["unavailable_seats"] == [2] and taken[2]["Content-Type"].startswith("application/problem+json")
expect(400, call("POST", "/bookings", {"event_id": event, "seats": [0]}), "a bad seat")
seats = expect(200, call("GET", f"/events/{event}/seats"), "GET seats")[1]
assert seats["booked_seats"] == 2 and seats["available_seats"] == 8, f"{label}: {seats}"
if theirs:
    seats = expect(200, call("GET", f"/events/{theirs}/seats"), "the other release's event")[1]
    assert seats["booked_seats"] >= 2, f"{label}: {seats}"
    expect(409, call("POST", "/bookings", {"event_id": theirs, "seats": [1]}), "a seat the other release sold")
    expect(201, call("POST", "/bookings", {"event_id": theirs, "seats": [10 - seats["booked_seats"]]}),
           "a booking on the other release's event")
print(f"{label}: 201, 200, 201, 409, 400, 200" + (", and on the other release's event 200, 409, 201" if theirs else ""),
      file=sys.stderr)
print(event)
PY
}
export TOKEN

start current "$CURRENT" QUARKUS_FLYWAY_MIGRATE_AT_START=false
current_url=$URL
ours=$(walk "this release" "$current_url")
start previous "$PREVIOUS" QUARKUS_FLYWAY_MIGRATE_AT_START=false
theirs=$(walk "the previous release" "$URL" "$ours")
walk "this release, on the previous release's event" "$current_url" "$theirs" > /dev/null
echo "The previous release (${previous:0:10}) works on the schema of $newest, beside this release"
