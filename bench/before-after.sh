#!/usr/bin/env bash
# Bookings/s and p99 of two builds of Box Office in the same run: a baseline jar (another checkout's
# target/quarkus-app/quarkus-run.jar) and this tree's, started in turn (A B A B), each warmed up, then
# driven with wrk booking distinct seats; prints each round and the medians' ratios (this tree / baseline).
# By default on the in-memory store with authentication off; BENCH_STORE=postgres runs both on one
# database (made and migrated by this tree's jar), BENCH_AUTH=on with authentication on as deployed (a
# token key, the ticket-signing and webhook-secret keys; an organizer makes the events and 1,024
# customers book in turn, so the per-customer checks run on every booking without refusing one).
#
#   [BENCH_STORE=postgres] [BENCH_AUTH=on] bench/before-after.sh BASELINE_JAR [seconds per measure, default 15] [warm-up seconds, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BASELINE=$1
SECONDS_PER_RUN=${2:-15}
WARM=${3:-40}
CONNECTIONS=64
STORE=${BENCH_STORE:-memory}
AUTH=${BENCH_AUTH:-off}
read -ra JAVA_OPTS <<< "$SERVICE_JAVA_OPTS"
ensure_wrk
trap stop_all EXIT

# Events large enough that no measured run sells one out (a 15 s run books more than the default
# 100,000 seats here), and with authentication on a per-customer quota that 1,024 customers cannot reach
# in one: every answer counted is then a booking made, while the quota is still checked on each one.
# Settings as environment variables, which a baseline without such a setting ignores (a -D it would refuse).
SEATS=2000000
export BOXOFFICE_MAX_SEATS_PER_EVENT=$SEATS BOXOFFICE_MAX_SEATS_PER_CUSTOMER=5000
SETTINGS=(-Dboxoffice.store="$STORE")
if [ "$STORE" = postgres ]; then
  DB=boxoffice_bench_before_after
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  SETTINGS+=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Dquarkus.datasource.username=postgres)
  java -Dboxoffice.auth.enabled=false "${SETTINGS[@]}" -jar target/quarkus-app/quarkus-run.jar migrate > target/bench-before-after-migrate.log 2>&1
fi
if [ "$AUTH" = on ]; then
  keys=target/bench-auth
  mkdir -p "$keys"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private.pem" 2>/dev/null
  openssl pkey -in "$keys/private.pem" -pubout -out "$keys/public.pem"
  openssl genpkey -algorithm ed25519 -out "$keys/signing.pem"
  ISSUER=https://bench.boxoffice.local
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" MP_JWT_VERIFY_ISSUER=$ISSUER \
    MP_JWT_VERIFY_AUDIENCES=boxoffice BOXOFFICE_CHECKIN_SIGNING_KEY="$(cat "$keys/signing.pem")" \
    BOXOFFICE_WEBHOOKS_SECRET_KEY="$(openssl rand -base64 32)"
  export BENCH_TOKEN BENCH_TOKENS=$keys/customers.txt
  BENCH_TOKEN=$(deploy/local-auth/mint-token.sh "$keys/private.pem" $ISSUER bench-organizer organizer 7200)
  for i in $(seq 1 1024); do deploy/local-auth/mint-token.sh "$keys/private.pem" $ISSUER "customer-$i" customer 7200; done > "$BENCH_TOKENS"
else
  SETTINGS+=(-Dboxoffice.auth.enabled=false)
fi

measure() { # JAR: prints "requests/s p99_ms"
  start_jar target/bench-before-after.log 18090 "$1" "${JAVA_OPTS[@]}" "${SETTINGS[@]}"
  local warmed=0
  while [ "$warmed" -lt "$WARM" ]; do
    drive 10 "$CONNECTIONS" http://127.0.0.1:18090 bench/book-distinct.lua "$(new_event 18090 $SEATS)" 2 0 1 >/dev/null
    warmed=$((warmed + 10))
  done
  local event rps p50 p99 ok bad
  event=$(new_event 18090 $SEATS)
  read -r rps p50 p99 ok bad < <(drive "$SECONDS_PER_RUN" "$CONNECTIONS" http://127.0.0.1:18090 \
    bench/book-distinct.lua "$event" 2 0 1)
  [ "$ok" -gt 0 ] && [ "$bad" -eq 0 ] || { echo "$bad bookings refused, $ok made: see target/bench-before-after.log" >&2; exit 1; }
  # Every 201 is a booked seat; beyond them, at most the requests still in flight when wrk stopped.
  local seats; seats=$(booked 18090 "$event")
  [ "$seats" -ge "$ok" ] && [ "$seats" -le $((ok + CONNECTIONS)) ] \
    || { echo "$seats seats booked for $ok answers 201" >&2; exit 1; }
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
