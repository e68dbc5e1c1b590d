#!/usr/bin/env bash
# Lambda cold start: the time from process start to the first API Gateway v2 event answered
# (POST /events, 201; for the floor, GET /ping, 200), and the process's RSS then, run as Lambda runs
# each artifact against a local Runtime API (deploy/lambda/harness), on the PostgreSQL store with
# authentication on; then the latency of the next WARM requests (booking and reading seats in turn).
# Median of RUNS runs each, round-robin across the variants:
#
#   floor       a bare Quarkus quarkus-amazon-lambda-http app with every extension Box Office has and
#               none of its code (bench/ceiling -Plambda with the ext-* profiles), as the managed runtime
#               runs it (JVM 25)
#   managed17   function.zip as Lambda's managed Java runtimes start it (AWS's Runtime Interface Client
#   managed25   on the system class path, the serial collector, C1 only, 85% of the memory as heap), on
#               JVM 17 and JVM 25
#   custom      function-custom.zip: ./bootstrap, its jlink'd JDK 25, its AOT cache and its JVM options
#   native      function-native.zip (the native executable as ./bootstrap), when target/ has one
#               (./mvnw package -Plambda -Dnative, deploy/lambda/native/build.sh: not built here)
#
# BENCH_REUSE_ZIPS=1 measures the zips already in target/ instead of building them first.
# BENCH_FLAGS=1 adds the custom zip with other JVM options (how the bootstrap's were chosen): without
# the AOT cache, with C2 (tiered, as trained), with G1, with -XX:+VerifySharedSpaces, and at 512 MB.
# BENCH_SECRET=1 adds the custom zip reading its database password at start, as the SAM template has it,
# from a local stand-in for the Parameters and Secrets extension (deploy/lambda/harness/secrets_extension.py,
# which answers from memory: the real one's first request goes to Secrets Manager).
# BENCH_VARIANTS="custom custom-secret" runs those variants only; the ratios are then against the first.
#
#   bench/lambda-coldstart.sh [runs, default 5] [warm requests, default 20]
#
# Needs a JDK 17 and a JDK 25 (found beside the default JDK, or JAVA17_HOME, JAVA25_HOME), python3,
# openssl, zip/unzip, and PostgreSQL on 127.0.0.1:5432 (user postgres, trust) with psql.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh                       # jdk_home, EXTENSION_PROFILES, median
source deploy/lambda/harness/lambda.sh    # start_runtime_api, start_custom_runtime, finish_function
RUNS=${1:-5}
WARM=${2:-20}
OUT=$PWD/target/lambda-coldstart
JAVA17=$(jdk_home 17)
JAVA25=$(jdk_home 25)
HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
ISSUER=https://bench.boxoffice.local
rm -rf "$OUT" && mkdir -p "$OUT"

if [ -z "${BENCH_REUSE_ZIPS:-}" ] || [ ! -f target/function-custom.zip ]; then
    echo "Building the zips..."
    JAVA_HOME=$JAVA25 ./mvnw -B -q package -Plambda -DskipTests
fi
VARIANTS=(floor managed17 managed25 custom)
[ ! -f target/function-native.zip ] || VARIANTS+=(native)
[ -z "${BENCH_FLAGS:-}" ] || VARIANTS+=(custom-no-cache custom-c2 custom-g1 custom-verify custom-512 custom-pool)
[ -z "${BENCH_SECRET:-}" ] || VARIANTS+=(custom-secret)
[ -z "${BENCH_VARIANTS:-}" ] || read -ra VARIANTS <<< "$BENCH_VARIANTS"
BASELINE=managed25
[[ " ${VARIANTS[*]} " == *" managed25 "* ]] || BASELINE=${VARIANTS[0]}

if [[ " ${VARIANTS[*]} " == *" floor "* ]]; then
    JAVA_HOME=$JAVA25 ./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests \
        -P"lambda,$(IFS=,; echo "${EXTENSION_PROFILES[*]}")"
    unzip -q bench/ceiling/target/function.zip -d "$OUT/floor"
fi
unzip -q target/function.zip -d "$OUT/managed"
unzip -q target/function-custom.zip -d "$OUT/custom"
[ ! -f target/function-native.zip ] || unzip -q target/function-native.zip -d "$OUT/native"
./mvnw -B -q -f deploy/lambda/harness/pom.xml dependency:copy-dependencies -DoutputDirectory="$OUT/ric"

DB="boxoffice_coldstart_$(date +%s)_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/key.pem" 2>/dev/null
openssl pkey -in "$OUT/key.pem" -pubout -out "$OUT/public.pem"
SERVICE=(BOXOFFICE_STORE=postgres QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
    QUARKUS_DATASOURCE_USERNAME=postgres BOXOFFICE_DB_POOL_SIZE=2 MP_JWT_VERIFY_PUBLICKEY_LOCATION="$OUT/public.pem"
    MP_JWT_VERIFY_ISSUER="$ISSUER" MP_JWT_VERIFY_AUDIENCES=boxoffice BOXOFFICE_CHECKIN_SIGNING_KEY="$(openssl genpkey -algorithm ed25519)"
    BOXOFFICE_WEBHOOKS_SECRET_KEY="$(openssl rand -base64 32)")
env "${SERVICE[@]}" "$OUT/custom/jdk/bin/java" -jar "$OUT/custom/app/boxoffice.jar" migrate
# The stand-in for the Parameters and Secrets extension (custom-secret).
SECRETS_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:boxoffice-bench
python3 -c 'import json, sys; json.dump({sys.argv[1]: json.dumps({"password": "unused"})}, open(sys.argv[2], "w"))' \
    "$SECRET_ARN" "$OUT/secrets.json"
python3 deploy/lambda/harness/secrets_extension.py "$SECRETS_PORT" bench-session "$OUT/secrets.json" "$OUT/secrets.jsonl" &
SECRETS_PID=$!
trap 'kill $SECRETS_PID 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
BEARER_TOKEN=$(deploy/local-auth/mint-token.sh "$OUT/key.pem" "$ISSUER" bench organizer,customer 7200) \
    python3 deploy/lambda/harness/events.py cold "$OUT/events.json" "$WARM"
python3 - "$OUT/events.json" "$OUT/floor-events.json" <<'PY'
import json, sys
events = json.load(open(sys.argv[1]))
for e in events:
    e.update(rawPath="/ping", body=None)
    e["requestContext"]["http"].update(method="GET", path="/ping")
    e["headers"].pop("authorization")
json.dump(events, open(sys.argv[2], "w"))
PY

# start_managed DIR JAVA_HOME LOG [VARIABLE=VALUE...]: DIR (an unzipped function.zip) as Lambda's
# managed Java runtimes start it; sets FUNCTION_PID.
start_managed() {
    local dir=$1 home=$2 log=$3; shift 3
    # shellcheck disable=SC2046
    (cd "$dir" && exec env $(lambda_environment) AWS_LAMBDA_RUNTIME_API="$RUNTIME_API" _HANDLER="$HANDLER" \
        LAMBDA_TASK_ROOT="$PWD" "$@" "$home/bin/java" -XX:MaxHeapSize=$((${MEMORY_MB:-1024} * 85 / 100))m \
        -XX:+UseSerialGC -Xshare:auto -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
        --add-opens=java.base/java.io=ALL-UNNAMED -Djava.net.preferIPv4Stack=true -cp "$OUT/ric/*" \
        com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$HANDLER") > "$log" 2>&1 &
    FUNCTION_PID=$!
}

# one_run VARIANT: prints "cold_ms rss_mib first_request_ms warm_median_ms warm_max_ms".
one_run() {
    local variant=$1 events=$OUT/events.json log=$OUT/$1.log start
    [ "$variant" = floor ] && events=$OUT/floor-events.json
    rm -f "$OUT/pid"
    start_runtime_api "$events" "$OUT/results.json" "$OUT/pid"
    start=$(date +%s%N)
    case $variant in
        floor) start_managed "$OUT/floor" "$JAVA25" "$log";;
        managed17) start_managed "$OUT/managed" "$JAVA17" "$log" "${SERVICE[@]}";;
        managed25) start_managed "$OUT/managed" "$JAVA25" "$log" "${SERVICE[@]}";;
        custom) start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}";;
        native) start_custom_runtime "$OUT/native" "$log" "$HANDLER" "${SERVICE[@]}";;
        custom-no-cache) start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}" \
            BOXOFFICE_JAVA_OPTS=-XX:AOTMode=off;;
        custom-c2) start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}" \
            BOXOFFICE_JAVA_OPTS=-XX:TieredStopAtLevel=4;;
        custom-g1) start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}" \
            BOXOFFICE_JAVA_OPTS="-XX:-UseSerialGC -XX:+UseG1GC";;
        custom-verify) start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}" \
            BOXOFFICE_JAVA_OPTS=-XX:+VerifySharedSpaces;;
        custom-512) MEMORY_MB=512 start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}";;
        custom-pool) start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}" \
            QUARKUS_DATASOURCE_JDBC_INITIAL_SIZE=1;;
        custom-secret) start_custom_runtime "$OUT/custom" "$log" "$HANDLER" "${SERVICE[@]}" \
            BOXOFFICE_DB_PASSWORD_SECRET="$SECRET_ARN" AWS_SESSION_TOKEN=bench-session \
            PARAMETERS_SECRETS_EXTENSION_HTTP_PORT="$SECRETS_PORT";;
    esac
    echo "$FUNCTION_PID" > "$OUT/pid"
    finish_function || { echo "$variant did not answer every event; see $log" >&2; exit 1; }
    python3 - "$OUT/results.json" "$start" "$variant" <<'PY'
import json, statistics, sys
results, start, variant = json.load(open(sys.argv[1])), int(sys.argv[2]), sys.argv[3]
first = results[0]
expected = 200 if variant == "floor" else 201
assert first["response"]["statusCode"] == expected, f"{variant}: {first}"
warm = [(r["answered_ns"] - r["handed_ns"]) / 1e6 for r in results[1:]]
assert all(r["response"]["statusCode"] in (200, 201) for r in results[1:]), f"{variant}: {results}"
print(f'{(first["answered_ns"] - start) / 1e6:.0f} {first["rss_kib"] / 1024:.0f} '
      f'{(first["answered_ns"] - first["handed_ns"]) / 1e6:.0f} {statistics.median(warm):.1f} {max(warm):.1f}')
PY
}

SAMPLES=$OUT/samples.txt
: > "$SAMPLES"
for _ in $(seq 1 "$RUNS"); do
    for variant in "${VARIANTS[@]}"; do
        sample=$(one_run "$variant")
        echo "$variant $sample" >> "$SAMPLES"
    done
done

column() { awk -v v="$1" -v c="$2" '$1 == v { print $c }' "$SAMPLES" | median; }
BASE=$(column "$BASELINE" 2)
echo
echo "Lambda cold start on PostgreSQL, median of $RUNS runs, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "| artifact | cold start ms | vs $BASELINE | RSS MiB | first request ms | next $WARM: median ms | next $WARM: slowest ms |"
echo "|---|---|---|---|---|---|---|"
for variant in "${VARIANTS[@]}"; do
    case $variant in
        floor) name="floor: bare Quarkus Lambda app with Box Office's extensions (GET /ping), managed, JVM 25";;
        managed17) name="function.zip as the managed runtime runs it, JVM 17";;
        managed25) name="function.zip as the managed runtime runs it, JVM 25";;
        custom) name="function-custom.zip (bootstrap: AOT cache, C1, serial GC)";;
        native) name="function-native.zip (the native executable as bootstrap)";;
        custom-no-cache) name="function-custom.zip without the AOT cache";;
        custom-c2) name="function-custom.zip with C2 (tiered)";;
        custom-g1) name="function-custom.zip with G1";;
        custom-verify) name="function-custom.zip with -XX:+VerifySharedSpaces";;
        custom-512) name="function-custom.zip at 512 MB (heap 384 MB)";;
        custom-pool) name="function-custom.zip, a connection opened while starting (initial-size 1)";;
        custom-secret) name="function-custom.zip reading its password from the secrets extension (stand-in)";;
    esac
    ms=$(column "$variant" 2)
    printf '| %s | %s | %.2fx | %s | %s | %s | %s |\n' "$name" "$ms" "$(echo "$ms / $BASE" | bc -l)" \
        "$(column "$variant" 3)" "$(column "$variant" 4)" "$(column "$variant" 5)" "$(column "$variant" 6)"
done

# Each function's MemorySize in the SAM template should be at least twice the RSS measured here at its
# first answer (the heap grows past that under traffic): said here, where the RSS is measured.
memory_size() { awk -v r="$1" '
    $0 ~ "^  " r ":$" { inside = 1; next }
    inside && /^  [A-Za-z]/ { inside = 0 }
    inside && /MemorySize:/ { print $2; exit }' deploy/lambda/template.yaml; }
check_memory() {
    local variant=$1 resource=$2 rss size
    awk -v v="$variant" '$1 == v' "$SAMPLES" | grep -q . || return 0
    rss=$(column "$variant" 3)
    size=$(memory_size "$resource")
    if [ -n "$size" ] && [ "$size" -ge $((2 * ${rss%.*})) ]; then
        echo "$resource: MemorySize $size MB, at least twice the $rss MiB measured ($variant)"
    else
        echo "WARNING: $resource: MemorySize ${size:-?} MB is under twice the $rss MiB measured ($variant): raise it in deploy/lambda/template.yaml"
    fi
}
echo
check_memory custom BoxOffice
check_memory managed25 BoxOfficeManaged
