#!/usr/bin/env bash
# Builds target/function-custom.zip: Box Office for AWS Lambda's custom runtime (provided.al2023).
# At its root: bootstrap (this folder's), jdk/ (a jlink'd JDK 25 with only the modules Box Office
# uses), app/ (the application and AWS's Runtime Interface Client, as jars) and app.aot, a JDK AOT
# cache (JEP 483, 514, 515) recorded by a training run that sends API Gateway v2 events through that
# very bootstrap, client and handler, on PostgreSQL, with authentication on.
#
#   deploy/lambda/custom-runtime/build.sh JDK_HOME      (a JDK 25 or later; the zip's JVM comes from it)
#
# Run by ./mvnw package -Plambda on JDK 25 (pom.xml), after Quarkus wrote target/*-runner.jar and
# target/lib. Needs python3 (the local Runtime API), openssl (the training's throwaway signing key),
# zip, and for training on PostgreSQL either BOXOFFICE_TRAINING_JDBC_URL (and _USER, _PASSWORD: an
# empty database the training may migrate and fill) or psql reaching postgres at 127.0.0.1:5432
# (a database made for the run, then dropped). Without either it trains on the in-memory store, and
# says what the cache then lacks.
set -euo pipefail
JDK=$1
cd "$(dirname "$0")/../../.."
source deploy/lambda/harness/lambda.sh
OUT=target/lambda-custom
TASK=$OUT/task
# Every jar gets this modification time before training, as the AOT cache records it: 2000-01-01
# 00:00:00 UTC, a whole even second that zip keeps exactly (zip's own times are in 2 s steps).
JAR_TIME=946684800
# What the jars need of the JDK (jdeps on every jar, then trial runs): java.desktop is there for
# java.beans, which Jackson, Hibernate Validator and SnakeYAML use; java.rmi for the transaction API's
# exceptions; java.net.http for the webhook deliveries.
MODULES=java.base,java.logging,java.sql,java.naming,java.management,jdk.management,java.desktop,java.xml
MODULES=$MODULES,java.transaction.xa,java.security.jgss,java.security.sasl,jdk.unsupported,jdk.zipfs
MODULES=$MODULES,jdk.naming.dns,jdk.crypto.ec,java.rmi,java.net.http
ISSUER=https://training.boxoffice.local

feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JDK/release")
[ "${feature:-0}" -ge 25 ] || { echo "the custom runtime needs a JDK 25 or later; $JDK is $feature" >&2; exit 1; }

echo "Custom runtime: a jlink'd JDK $feature"
rm -rf "$OUT" && mkdir -p "$TASK/app/ric" "$TASK/app/jni"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --output "$TASK/jdk"

echo "Custom runtime: the application and AWS's Runtime Interface Client"
cp target/*-runner.jar "$TASK/app/boxoffice.jar"
cp -r target/lib "$TASK/app/lib"
./mvnw -B -q -f deploy/lambda/harness/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$TASK/app/ric"
# The client's native half, unpacked once here instead of into /tmp at every start.
unzip -p "$TASK"/app/ric/aws-lambda-java-runtime-interface-client-*.jar jni/libaws-lambda-jni.linux-x86_64.so \
    > "$TASK/app/jni/libaws-lambda-jni.so"
# Lambda's provided.al2023 is x86_64 with glibc 2.34 (Amazon Linux 2023): what jlink copied from this
# host's JDK, and the client's native half, must need nothing newer, or they would not load there.
python3 deploy/lambda/custom-runtime/glibc-check.py 2.34 "$TASK/jdk" "$TASK/app/jni"
install -m 755 deploy/lambda/custom-runtime/bootstrap "$TASK/bootstrap"
# An explicit class path in a fixed order (the cache is valid for that order only).
(cd "$TASK" && { printf app/boxoffice.jar; printf ':%s' app/ric/*.jar; } > app/class-path)
echo "$JAR_TIME" > "$TASK/app/jar-time"
find "$TASK/app" -type f -exec touch -d "@$JAR_TIME" {} +

# --- The training run: every path of the API through the function's own start.
CLEANUP=()
trap 'for command in "${CLEANUP[@]}"; do eval "$command" || true; done' EXIT
store=postgres
if [ -n "${BOXOFFICE_TRAINING_JDBC_URL:-}" ]; then
    url=$BOXOFFICE_TRAINING_JDBC_URL user=${BOXOFFICE_TRAINING_JDBC_USER:-postgres} password=${BOXOFFICE_TRAINING_JDBC_PASSWORD:-}
elif command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    db="boxoffice_training_$(date +%s)_$$"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
    CLEANUP+=("psql -h 127.0.0.1 -U postgres -d postgres -qc 'DROP DATABASE IF EXISTS $db WITH (FORCE)'")
    url=jdbc:postgresql://127.0.0.1:5432/$db user=postgres password=
else
    store=memory
    echo "*** Custom runtime: NO POSTGRESQL for the training run (set BOXOFFICE_TRAINING_JDBC_URL, or run"
    echo "*** PostgreSQL on 127.0.0.1:5432): training on the in-memory store only. The AOT cache then lacks"
    echo "*** the PostgreSQL path: pgjdbc, Agroal's pool, org.boxoffice.store.postgres and the schema check."
    echo "*** A function on PostgreSQL (the default on Lambda) loads and links those classes from the jars"
    echo "*** at its cold start, and starts slower than measured in bench/RESULTS.md."
fi
database=()
if [ "$store" = postgres ]; then
    env QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME="$user" QUARKUS_DATASOURCE_PASSWORD="$password" \
        "$TASK/jdk/bin/java" -jar "$TASK/app/boxoffice.jar" migrate
    # The password as the template has the function read it: at start, from the Parameters and Secrets
    # extension (here its stand-in), so the cache holds that path too.
    secrets_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    secret=arn:aws:secretsmanager:us-east-1:123456789012:secret:boxoffice-training
    python3 -c 'import json, sys; json.dump({sys.argv[1]: json.dumps({"password": sys.argv[2]})}, open(sys.argv[3], "w"))' \
        "$secret" "$password" "$OUT/training-secrets.json"
    python3 "$LAMBDA_HARNESS/secrets_extension.py" "$secrets_port" training-session "$OUT/training-secrets.json" \
        "$OUT/training-secrets.jsonl" &
    CLEANUP+=("kill $!")
    database=(QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME="$user" BOXOFFICE_DB_PASSWORD_SECRET="$secret"
        AWS_SESSION_TOKEN=training-session PARAMETERS_SECRETS_EXTENSION_HTTP_PORT="$secrets_port")
fi

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/training-key.pem" 2>/dev/null
openssl pkey -in "$OUT/training-key.pem" -pubout -out "$OUT/training-public.pem"
BEARER_TOKEN=$(deploy/local-auth/mint-token.sh "$OUT/training-key.pem" "$ISSUER" trainer organizer,customer) \
    python3 "$LAMBDA_HARNESS/events.py" training "$OUT/training-events.json" 20

echo "Custom runtime: training the AOT cache on the $store store ($(python3 -c "import json, sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/training-events.json") events)"
start_runtime_api "$OUT/training-events.json" "$OUT/training-results.json"
start_custom_runtime "$TASK" "$OUT/training.log" io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest \
    BOXOFFICE_STORE="$store" "${database[@]}" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$OUT/training-public.pem" \
    MP_JWT_VERIFY_ISSUER="$ISSUER" MP_JWT_VERIFY_AUDIENCES=boxoffice BOXOFFICE_RATE_LIMIT_REQUESTS_PER_SECOND=100000 \
    BOXOFFICE_CHECKIN_SIGNING_KEY="$(openssl genpkey -algorithm ed25519)" \
    BOXOFFICE_WEBHOOKS_SECRET_KEY="$(openssl rand -base64 32)" \
    BOXOFFICE_JAVA_OPTS="-XX:AOTCacheOutput=app.aot"
finish_function || { echo "the training run did not answer every event; see $OUT/training.log" >&2; exit 1; }
python3 - "$OUT/training-results.json" <<'PY'
import collections, json, sys
results = json.load(open(sys.argv[1]))
codes = collections.Counter(r["response"]["statusCode"] if "response" in r else "error" for r in results)
print("Custom runtime: training answers by status:", dict(sorted(codes.items(), key=str)))
# 429: POST /scheduled, which every round sends, is limited for all its callers at once (1 a second).
assert set(codes) <= {200, 201, 400, 404, 409, 429}, "a training answer was not one the API gives"
PY
# Whether the function can use it is the harness's check (run-function-zip.sh runs it with AOTMode=on).
[ -s "$TASK/app.aot" ] || { echo "the training run wrote no AOT cache; see $OUT/training.log" >&2; exit 1; }
[ "$store" != postgres ] || grep -q '"token_ok": true' "$OUT/training-secrets.jsonl" \
    || { echo "the training run did not read its password from the secrets extension" >&2; exit 1; }

(cd "$TASK" && rm -f ../../function-custom.zip && TZ=UTC zip -q -r ../../function-custom.zip .)
echo "Custom runtime: target/function-custom.zip, $(du -m target/function-custom.zip | cut -f1) MB" \
    "($(du -sm "$TASK" | cut -f1) MB unzipped: JDK $(du -sm "$TASK/jdk" | cut -f1) MB," \
    "AOT cache $(du -m "$TASK/app.aot" | cut -f1) MB)"
