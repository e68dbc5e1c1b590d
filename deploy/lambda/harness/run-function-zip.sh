#!/usr/bin/env bash
# Runs Box Office's Lambda zips as AWS Lambda does, against runtime_api.py (a local stand-in for the
# Lambda Runtime API), feeds them API Gateway v2 (HTTP API) events and checks the raw answers:
# statusCode, headers, body.
#
# - target/function.zip (managed java21 runtime): unzipped into a task directory and started by AWS's
#   own Runtime Interface Client (com.amazonaws:aws-lambda-java-runtime-interface-client, 2.10.1) on
#   the java of PATH, as the managed runtime does; in-memory store.
# - target/function-custom.zip (custom runtime), if built: unzipped into a task directory and started
#   as ./bootstrap, on a fresh PostgreSQL database: first the function answers 503
#   schema-not-migrated, then the migrate function migrates (twice: the second finds nothing to do),
#   then the function answers as the HTTP service does, using its AOT cache (AOTMode=on: an unusable
#   cache fails the check). Then it must still answer with the cache corrupted or missing, and with
#   the jars' times lost in unzipping; and on the in-memory store. The migrate function also gets what
#   CloudFormation sends it for the template's SchemaMigration (Create, Update, Delete), with a local
#   receiver as the pre-signed ResponseURL: SUCCESS, or FAILED with the reason when it cannot migrate.
# - Both: the SAM template's every-minute schedule event (POST /scheduled) after a hold expired: the
#   function tells of it and delivers hold.expired, signed, to a local webhook receiver (receiver.py).
#
# - target/function-native.zip (provided.al2023, the native executable as bootstrap), with `native` only:
#   on a fresh PostgreSQL database, 503 schema-not-migrated, then the jar's migrate command (a deploy step,
#   as for function.zip; target/quarkus-app, any packaging), then the walk-through's answers and the
#   schedule event.
#
#   deploy/lambda/harness/run-function-zip.sh [managed | custom | native]    (default: managed and
#                                                      custom; the managed zip is built with -Plambda if missing)
# Needs python3, unzip; for the custom zip, psql reaching PostgreSQL at 127.0.0.1:5432 as postgres.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source deploy/lambda/harness/lambda.sh
WORK=target/lambda-harness
HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
WHICH=${1:-both}
rm -rf "$WORK" && mkdir -p "$WORK"
python3 "$LAMBDA_HARNESS/events.py" check "$WORK/events.json"

# check RESULTS LABEL: the answers to events.py's check scenario are the HTTP service's.
check() {
    python3 - "$1" "$2" <<'PY'
import json, sys
results, label = json.load(open(sys.argv[1])), sys.argv[2]
def answer(i):
    r = results[i]
    assert "response" in r, f"{label}: event {i} failed: {r}"
    return r["response"]
def header(a, name):
    return next((v for k, v in a.get("headers", {}).items() if k.lower() == name.lower()), None)
def problem(a, status):
    assert a["statusCode"] == status, f"{label}: {a}"
    assert header(a, "Content-Type").startswith("application/problem+json"), f"{label}: {a}"
    return json.loads(a["body"])
created, booked, conflict, invalid, unknown, seats = (answer(i) for i in range(6))
assert created["statusCode"] == 201, f"{label}: {created}"
event_id = json.loads(created["body"])["event_id"]
assert header(created, "Location") == f"/events/{event_id}", f"{label}: {created}"
assert booked["statusCode"] == 201 and json.loads(booked["body"])["status"] == "confirmed", f"{label}: {booked}"
assert problem(conflict, 409)["unavailable_seats"] == [2], f"{label}: {conflict}"
problem(invalid, 400)
problem(unknown, 404)
assert seats["statusCode"] == 200 and json.loads(seats["body"])["booked_seats"] == 2, f"{label}: {seats}"
print(f"{label}: 6 events, 6 expected answers (201, 201, 409, 400, 404, 200)")
PY
}

# Webhook receiver for the scheduled scenario: RECEIVER_URL, and what it got in $WORK/received.jsonl.
receiver_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$LAMBDA_HARNESS/receiver.py" "$receiver_port" "$WORK/received.jsonl" &
RECEIVER_PIDS=($!)
DATABASES=()
cleanup() {
    kill "${RECEIVER_PIDS[@]}" 2>/dev/null || true
    for db in "${DATABASES[@]}"; do
        psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    done
}
trap cleanup EXIT
RECEIVER_URL="http://127.0.0.1:$receiver_port/hooks" python3 "$LAMBDA_HARNESS/events.py" scheduled "$WORK/scheduled-events.json"
SCHEDULED=(BOXOFFICE_HOLD_TTL=PT2S BOXOFFICE_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true)

# check_scheduled RESULTS LABEL: the schedule event told of the expired hold and delivered its hold.expired,
# signed with the webhook's secret (Standard Webhooks: HMAC-SHA256 of id.timestamp.body).
check_scheduled() {
    python3 - "$1" "$2" "$WORK/received.jsonl" <<'PY'
import base64, hashlib, hmac, json, sys
results, label, received = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
answers = [r.get("response") for r in results]
assert all(answers), f"{label}: an event failed: {results}"
webhook, created, hold, tick = answers
assert webhook["statusCode"] == 201, f"{label}: {webhook}"
secret = json.loads(webhook["body"])["secret"]
hold_id = json.loads(hold["body"])["hold_id"]
assert tick["statusCode"] == 200, f"{label}: {tick}"
run = json.loads(tick["body"])
assert run["expired_holds"] >= 1 and run["delivered"] >= 1, f"{label}: {run}"
sent = [json.loads(line) for line in open(received)]
mine = [s for s in sent if json.loads(s["body"])["subject"] == f"holds/{hold_id}"]
assert len(mine) == 1, f"{label}: the receiver got {len(mine)} deliveries of the hold: {sent}"
h, body = mine[0]["headers"], mine[0]["body"]
event = json.loads(body)
assert event["type"] == "org.boxoffice.hold.expired" and event["data"]["status"] == "expired", event
key = base64.b64decode(secret[len("whsec_"):])
mac = hmac.new(key, f"{h['webhook-id']}.{h['webhook-timestamp']}.{body}".encode(), hashlib.sha256).digest()
assert "v1," + base64.b64encode(mac).decode() in h["webhook-signature"].split(" "), h
print(f"{label}: the every-minute schedule event told of the expired hold and delivered hold.expired, signed")
PY
}

# run_custom TASK LABEL HANDLER EVENTS [VARIABLE=VALUE...]: one run of the custom runtime's function.
run_custom() {
    local task=$1 label=$2 handler=$3 events=$4; shift 4
    start_runtime_api "$events" "$WORK/$label.json"
    start_custom_runtime "$task" "$WORK/$label.log" "$handler" "$@"
    finish_function || { echo "$label: the function did not answer every event; see $WORK/$label.log" >&2; exit 1; }
}

# fresh_postgres LABEL: a new database, dropped at exit; sets POSTGRES, the settings that point at it, and
# writes first.json, the first event alone (answered 503 before the schema is migrated).
fresh_postgres() {
    local db
    db="boxoffice_harness_$1_$(date +%s)_$$"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
    DATABASES+=("$db")
    POSTGRES=(BOXOFFICE_STORE=postgres QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db"
        QUARKUS_DATASOURCE_USERNAME=postgres BOXOFFICE_AUTH_ENABLED=false)
    python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))[:1], open(sys.argv[2], "w"))' \
        "$WORK/events.json" "$WORK/first.json"
}

if [ "$WHICH" = native ]; then
    [ -f target/function-native.zip ] || { echo "no target/function-native.zip: deploy/lambda/native/build.sh" >&2; exit 1; }
    TASK=$WORK/native
    unzip -q target/function-native.zip -d "$TASK"
    fresh_postgres native
    run_custom "$TASK" native-unmigrated "$HANDLER" "$WORK/first.json" "${POSTGRES[@]}"
    python3 - "$WORK/native-unmigrated.json" <<'PY'
import json, sys
unmigrated = json.load(open(sys.argv[1]))[0]["response"]
assert unmigrated["statusCode"] == 503 and "schema-not-migrated" in unmigrated["body"], unmigrated
print("function-native.zip before migrating: 503 schema-not-migrated")
PY
    env "${POSTGRES[@]}" java -jar target/quarkus-app/quarkus-run.jar migrate > "$WORK/native-migrate.log" 2>&1 \
        || { echo "migrate failed; see $WORK/native-migrate.log" >&2; exit 1; }
    run_custom "$TASK" native-postgres "$HANDLER" "$WORK/events.json" "${POSTGRES[@]}"
    check "$WORK/native-postgres.json" "function-native.zip (the native executable as bootstrap) on PostgreSQL"
    run_custom "$TASK" native-scheduled "$HANDLER" "$WORK/scheduled-events.json" "${POSTGRES[@]}" "${SCHEDULED[@]}"
    check_scheduled "$WORK/native-scheduled.json" "function-native.zip on PostgreSQL"
    exit 0
fi

if [ "$WHICH" != custom ]; then
    [ -f target/function.zip ] || ./mvnw -B -q package -Plambda -DskipTests
    mkdir -p "$WORK/managed"
    unzip -q target/function.zip -d "$WORK/managed"
    ./mvnw -B -q -f "$LAMBDA_HARNESS/pom.xml" dependency:copy-dependencies -DoutputDirectory="$(pwd)/$WORK/ric"
    start_runtime_api "$WORK/events.json" "$WORK/managed.json"
    # shellcheck disable=SC2046
    (cd "$WORK/managed" && exec env $(lambda_environment) AWS_LAMBDA_RUNTIME_API="$RUNTIME_API" _HANDLER="$HANDLER" \
        LAMBDA_TASK_ROOT="$PWD" BOXOFFICE_STORE=memory BOXOFFICE_AUTH_ENABLED=false \
        java -cp "../ric/*" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$HANDLER") \
        > "$WORK/managed.log" 2>&1 &
    FUNCTION_PID=$!
    finish_function || { echo "the function did not answer every event; see $WORK/managed.log" >&2; exit 1; }
    check "$WORK/managed.json" "function.zip under the AWS Runtime Interface Client"
    grep -q "boxoffice.store=memory ON AWS LAMBDA" "$WORK/managed.log" \
        || { echo "the in-memory store on Lambda did not warn; see $WORK/managed.log" >&2; exit 1; }
    echo "and it warned loudly about the in-memory store on Lambda"
    start_runtime_api "$WORK/scheduled-events.json" "$WORK/managed-scheduled.json"
    # shellcheck disable=SC2046
    (cd "$WORK/managed" && exec env $(lambda_environment) AWS_LAMBDA_RUNTIME_API="$RUNTIME_API" _HANDLER="$HANDLER" \
        LAMBDA_TASK_ROOT="$PWD" BOXOFFICE_STORE=memory BOXOFFICE_AUTH_ENABLED=false "${SCHEDULED[@]}" \
        java -cp "../ric/*" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$HANDLER") \
        > "$WORK/managed-scheduled.log" 2>&1 &
    FUNCTION_PID=$!
    finish_function || { echo "the function did not answer every event; see $WORK/managed-scheduled.log" >&2; exit 1; }
    check_scheduled "$WORK/managed-scheduled.json" "function.zip, in memory"
fi

if [ "$WHICH" != managed ]; then
    [ -f target/function-custom.zip ] || { echo "no target/function-custom.zip: build it with ./mvnw package -Plambda on JDK 25" >&2; exit 1; }
    TASK=$WORK/custom
    unzip -q target/function-custom.zip -d "$TASK"
    # The build's glibc check can fail: asked for a glibc older than any the JDK runs on, it refuses.
    if python3 deploy/lambda/custom-runtime/glibc-check.py 2.2 "$TASK/jdk" > "$WORK/glibc-2.2.txt"; then
        echo "the glibc check let the JDK through for glibc 2.2" >&2; exit 1
    fi
    grep -q "needs GLIBC_2" "$WORK/glibc-2.2.txt"
    python3 deploy/lambda/custom-runtime/glibc-check.py 2.34 "$TASK/jdk" "$TASK/app/jni"
    fresh_postgres custom
    echo '[{}, {}]' > "$WORK/migrate-events.json"

    run_custom "$TASK" unmigrated "$HANDLER" "$WORK/first.json" "${POSTGRES[@]}"
    run_custom "$TASK" migrate migrate "$WORK/migrate-events.json" "${POSTGRES[@]}"
    run_custom "$TASK" postgres "$HANDLER" "$WORK/events.json" "${POSTGRES[@]}" BOXOFFICE_JAVA_OPTS=-XX:AOTMode=on
    python3 - "$WORK/unmigrated.json" "$WORK/migrate.json" <<'PY'
import json, sys
unmigrated = json.load(open(sys.argv[1]))[0]["response"]
body = json.loads(unmigrated["body"])
assert unmigrated["statusCode"] == 503 and body["type"] == "urn:boxoffice:problem:schema-not-migrated", unmigrated
assert "migrate" in body["detail"], body
print("function-custom.zip before migrating: 503 schema-not-migrated, naming the migrate step")
first, again = (r["response"] for r in json.load(open(sys.argv[2])))
assert first["migrated"] and "Migrated the schema from version 0 to" in first["output"], first
assert again["migrated"] and "nothing to migrate" in again["output"], again
print("the migrate function: migrated the fresh database, then found nothing to migrate")
PY
    check "$WORK/postgres.json" "function-custom.zip (bootstrap, jlink'd JDK, AOT cache) on PostgreSQL"

    # The database password as the template has the function read it: BOXOFFICE_DB_PASSWORD_SECRET, read
    # at start from the Parameters and Secrets extension (a stand-in) with the session token; with
    # another token the extension refuses, and the function does not start, saying why.
    secrets_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    secret=arn:aws:secretsmanager:us-east-1:123456789012:secret:boxoffice-harness
    python3 -c 'import json, sys; json.dump({sys.argv[1]: json.dumps({"username": "postgres", "password": "unused"})},
                                            open(sys.argv[2], "w"))' "$secret" "$WORK/secrets.json"
    python3 "$LAMBDA_HARNESS/secrets_extension.py" "$secrets_port" harness-session "$WORK/secrets.json" \
        "$WORK/secrets.jsonl" &
    RECEIVER_PIDS+=($!)
    SECRET=(BOXOFFICE_DB_PASSWORD_SECRET="$secret" AWS_SESSION_TOKEN=harness-session
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT="$secrets_port")
    run_custom "$TASK" secret "$HANDLER" "$WORK/events.json" "${POSTGRES[@]}" "${SECRET[@]}" BOXOFFICE_JAVA_OPTS=-XX:AOTMode=on
    check "$WORK/secret.json" "function-custom.zip reading its database password from the secrets extension"
    run_custom "$TASK" secret-refused "$HANDLER" "$WORK/first.json" "${POSTGRES[@]}" "${SECRET[@]}" AWS_SESSION_TOKEN=stolen
    python3 - "$WORK/secrets.jsonl" "$WORK/secret-refused.json" "$WORK/secret-refused.log" <<'PY'
import json, sys
asked = [json.loads(line) for line in open(sys.argv[1])]
refused = json.load(open(sys.argv[2]))[0]
accepted = [a for a in asked if a["token_ok"]]
assert accepted and all(a["secret_id"].endswith(":secret:boxoffice-harness") for a in asked), asked
assert any(not a["token_ok"] for a in asked), f"the stolen token was never shown: {asked}"
assert "init_error" in refused, f"it started with a token the extension refused: {refused}"
why = "BOXOFFICE_DB_PASSWORD_SECRET=arn:aws:secretsmanager:us-east-1:123456789012:secret:boxoffice-harness:" \
      " the database password cannot be read: the extension answered 401"
assert why in open(sys.argv[3]).read(), "the log does not say why it did not start"
print(f"and asked the extension {len(accepted)} time(s) for it at start; with another token it did not start,"
      " its log naming BOXOFFICE_DB_PASSWORD_SECRET and the extension's 401")
PY

    # SchemaMigration, as CloudFormation runs it on a deploy: the migrate function gets the custom
    # resource's events and PUTs each outcome to its ResponseURL (here a local receiver); on a fresh
    # database, then on one it cannot reach.
    cfn_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 "$LAMBDA_HARNESS/receiver.py" "$cfn_port" "$WORK/cloudformation.jsonl" &
    RECEIVER_PIDS+=($!)
    RESPONSE_URL="http://127.0.0.1:$cfn_port/cloudformation" python3 "$LAMBDA_HARNESS/events.py" custom-resource \
        "$WORK/cfn-events.json"
    python3 -c 'import json, sys; e = json.load(open(sys.argv[1])); json.dump([e[0], e[2]], open(sys.argv[2], "w"))' \
        "$WORK/cfn-events.json" "$WORK/cfn-create-delete.json"
    cfn_db="boxoffice_harness_cfn_$(date +%s)_$$"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $cfn_db"
    DATABASES+=("$cfn_db")
    run_custom "$TASK" cfn migrate "$WORK/cfn-events.json" "${POSTGRES[@]}" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$cfn_db"
    schema=$(psql -h 127.0.0.1 -U postgres -d "$cfn_db" -Atqc \
        "SELECT max(version::integer) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
    run_custom "$TASK" cfn-unreachable migrate "$WORK/cfn-create-delete.json" "${POSTGRES[@]}" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:1/unreachable"
    python3 - "$WORK/cfn.json" "$WORK/cfn-unreachable.json" "$WORK/cloudformation.jsonl" "$schema" <<'PY'
import json, sys
invocations = json.load(open(sys.argv[1])) + json.load(open(sys.argv[2]))
puts = [json.loads(line) for line in open(sys.argv[3])]
schema = int(sys.argv[4])
assert all("response" in i for i in invocations), f"an invocation failed (so Lambda would retry it): {invocations}"
assert [p["method"] for p in puts] == ["PUT"] * 5, puts
assert all("content-type" not in p["headers"] for p in puts), "a Content-Type the pre-signed URL does not cover"
bodies = [(p["path"].split("?")[0], json.loads(p["body"])) for p in puts]
for path, body in bodies:
    kind = path.rsplit("/", 1)[1]
    assert body["RequestId"] == f"request-{kind}" and body["LogicalResourceId"] == "SchemaMigration", body
    assert body["StackId"].startswith("arn:aws:cloudformation:") and body["PhysicalResourceId"] == "boxoffice-schema", body
    assert len(json.dumps(body)) < 4096, "CloudFormation takes at most 4,096 bytes"
(_, create), (_, update), (_, delete), (_, failed), (_, delete_unreachable) = bodies
assert create["Status"] == "SUCCESS" and "Migrated the schema from version 0 to" in create["Reason"], create
assert update["Status"] == "SUCCESS" and "nothing to migrate" in update["Reason"], update
assert delete["Status"] == "SUCCESS" and "left as it is" in delete["Reason"], delete
assert schema >= 1, "Delete must leave the schema in place"
assert failed["Status"] == "FAILED" and failed["Reason"].startswith("migrate exited 1: "), failed
assert "Connection to 127.0.0.1:1 refused" in failed["Reason"], failed
assert delete_unreachable["Status"] == "SUCCESS", delete_unreachable
print(f"the migrate function as SchemaMigration: Create SUCCESS (migrated to {schema}), Update SUCCESS (nothing to"
      " migrate), Delete SUCCESS (schema kept); unreachable database: Create FAILED with the reason, Delete SUCCESS")
PY
    run_custom "$TASK" scheduled "$HANDLER" "$WORK/scheduled-events.json" "${POSTGRES[@]}" "${SCHEDULED[@]}"
    check_scheduled "$WORK/scheduled.json" "function-custom.zip on PostgreSQL"

    # A cache the JVM cannot use: it says why and starts without it. (The JVM checks the header, the
    # size, the JVM build and the class path; a flipped bit inside it goes unseen without
    # -XX:+VerifySharedSpaces, whose cost bench/RESULTS.md gives: zip's checksums guard the file.)
    cp -a "$TASK" "$WORK/corrupt"
    head -c 512 /dev/urandom | dd of="$WORK/corrupt/app.aot" bs=512 conv=notrunc status=none
    run_custom "$WORK/corrupt" corrupt "$HANDLER" "$WORK/events.json" "${POSTGRES[@]}"
    check "$WORK/corrupt.json" "with a corrupted AOT cache"
    grep -q "bad magic number" "$WORK/corrupt.log" || { echo "no warning of the corrupted cache" >&2; exit 1; }
    truncate -s 10M "$WORK/corrupt/app.aot"
    run_custom "$WORK/corrupt" truncated "$HANDLER" "$WORK/events.json" "${POSTGRES[@]}"
    check "$WORK/truncated.json" "with a truncated AOT cache"
    rm "$WORK/corrupt/app.aot"
    run_custom "$WORK/corrupt" missing "$HANDLER" "$WORK/events.json" "${POSTGRES[@]}"
    check "$WORK/missing.json" "with no AOT cache"

    # An unzip that sets every file's time to now, as some do.
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
        target/function-custom.zip "$WORK/untimed"
    chmod 755 "$WORK/untimed/bootstrap" "$WORK/untimed/jdk/bin/"*
    run_custom "$WORK/untimed" untimed "$HANDLER" "$WORK/events.json" "${POSTGRES[@]}" BOXOFFICE_JAVA_OPTS=-XX:AOTMode=on
    check "$WORK/untimed.json" "unzipped without the jars' times (the bootstrap's copy, AOTMode=on)"

    run_custom "$TASK" memory "$HANDLER" "$WORK/events.json" BOXOFFICE_STORE=memory BOXOFFICE_AUTH_ENABLED=false
    check "$WORK/memory.json" "function-custom.zip on the in-memory store"
fi
