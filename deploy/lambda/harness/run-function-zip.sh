#!/usr/bin/env bash
# Runs target/function.zip as AWS Lambda's Java runtime does: unzipped into a task directory and
# started by AWS's own Runtime Interface Client (com.amazonaws:aws-lambda-java-runtime-interface-client
# 2.10.1), which polls runtime_api.py, a local stand-in for the Lambda Runtime API. Feeds it API
# Gateway v2 (HTTP API) events and checks the raw answers: statusCode, headers, body.
#
#   deploy/lambda/harness/run-function-zip.sh      (builds the zip with -Plambda if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../../.."
HARNESS=deploy/lambda/harness
WORK=target/lambda-harness
HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest

[ -f target/function.zip ] || ./mvnw -B -q package -Plambda -DskipTests
rm -rf "$WORK" && mkdir -p "$WORK/task"
unzip -q target/function.zip -d "$WORK/task"
./mvnw -B -q -f "$HARNESS/pom.xml" dependency:copy-dependencies -DoutputDirectory="$(pwd)/$WORK/ric"

python3 - "$WORK/events.json" <<'PY'
import json, sys, datetime
def event(method, path, body=None):
    e = {"version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
         "headers": {"content-type": "application/json", "accept": "application/json"},
         "requestContext": {"accountId": "123456789012", "apiId": "boxoffice", "domainName": "localhost",
                            "requestId": "harness", "routeKey": "$default", "stage": "$default", "timeEpoch": 0,
                            "http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                                     "sourceIp": "127.0.0.1", "userAgent": "harness"}},
         "isBase64Encoded": False}
    if body is not None:
        e["body"] = json.dumps(body)
    return e
date = (datetime.date.today() + datetime.timedelta(days=365)).isoformat() + " 19:00"
events = [
    event("POST", "/events", {"name": "Lambda Live", "date_time": date, "venue": "Cloud Hall", "total_seats": 10}),
    event("POST", "/bookings", {"event_id": "${event_id}", "seats": [1, 2]}),
    event("POST", "/bookings", {"event_id": "${event_id}", "seats": [2, 3]}),
    event("POST", "/bookings", {"event_id": "${event_id}", "seats": [0]}),
    event("GET", "/events/${event_id}/seats"),
]
json.dump(events, open(sys.argv[1], "w"))
PY

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$HARNESS/runtime_api.py" "$PORT" "$WORK/events.json" "$WORK/results.json" &
API=$!
env AWS_LAMBDA_RUNTIME_API="127.0.0.1:$PORT" AWS_LAMBDA_FUNCTION_NAME=boxoffice AWS_LAMBDA_FUNCTION_VERSION=1 \
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024 AWS_REGION=us-east-1 _HANDLER="$HANDLER" LAMBDA_TASK_ROOT="$WORK/task" \
  BOXOFFICE_STORE=memory BOXOFFICE_AUTH_ENABLED=false \
  java -cp "$WORK/task:$WORK/task/lib/*:$WORK/ric/*" com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
  "$HANDLER" > "$WORK/function.log" 2>&1 &
FUNCTION=$!
status=0
wait "$API" || status=$?
kill "$FUNCTION" 2>/dev/null || true
[ "$status" = 0 ] || { echo "the function did not answer every event; see $WORK/function.log"; exit 1; }

python3 - "$WORK/results.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
def answer(i):
    r = results[i]
    assert "response" in r, f"event {i} failed: {r}"
    return r["response"]
def header(a, name):
    return next((v for k, v in a.get("headers", {}).items() if k.lower() == name.lower()), None)
created, booked, conflict, invalid, seats = (answer(i) for i in range(5))
assert created["statusCode"] == 201, created
event_id = json.loads(created["body"])["event_id"]
assert header(created, "Location") == f"/events/{event_id}", created
assert booked["statusCode"] == 201 and json.loads(booked["body"])["status"] == "confirmed", booked
assert conflict["statusCode"] == 409, conflict
assert header(conflict, "Content-Type").startswith("application/problem+json"), conflict
assert json.loads(conflict["body"])["unavailable_seats"] == [2], conflict
assert invalid["statusCode"] == 400 and header(invalid, "Content-Type").startswith("application/problem+json"), invalid
assert seats["statusCode"] == 200 and json.loads(seats["body"])["booked_seats"] == 2, seats
print("function.zip under the AWS Runtime Interface Client: 5 events, 5 expected answers (201, 201, 409, 400, 200)")
PY
grep -q "boxoffice.store=memory ON AWS LAMBDA" "$WORK/function.log" \
  || { echo "the in-memory store on Lambda did not warn; see $WORK/function.log"; exit 1; }
echo "and it warned loudly about the in-memory store on Lambda"
