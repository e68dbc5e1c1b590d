#!/usr/bin/env bash
# Live reload survives a developer's first new endpoint: starts ./mvnw quarkus:dev on a copy of this
# tree (target/devmode-check), adds a resource class with no OpenAPI annotations (so no operationId),
# and calls it; the reload must serve it, the API document must list it, and dev mode must log no error.
# Prints "dev mode: ..." lines; exits 1 if a check fails. Run by .ci/run.
#
#   tools/devmode-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$PWD/target/devmode-check
rm -rf "$work" && mkdir -p "$work"
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$work/devmode.log
(cd "$work" && exec ./mvnw -B --no-transfer-progress quarkus:dev -Dquarkus.http.port="$port" \
    -Dquarkus.console.enabled=false -Dquarkus.analytics.disabled=true) > "$log" 2>&1 &
dev=$!
trap 'kill $dev 2>/dev/null; pkill -f "$work" 2>/dev/null || true' EXIT

fail() { echo "dev mode: FAIL $1"; tail -40 "$log"; exit 1; }
await() {   # await PATH EXPECTED: until GET PATH answers 200 with EXPECTED in its body, 240 s at most
  for _ in $(seq 1 240); do
    body=$(curl -s -m 60 -w '\n%{http_code}' "http://127.0.0.1:$port$1" || true)
    if [ "${body##*$'\n'}" = 200 ] && [[ $body == *"$2"* ]]; then return 0; fi
    kill -0 $dev 2>/dev/null || fail "quarkus:dev exited"
    sleep 1
  done
  fail "GET $1 did not answer 200 with '$2'"
}

await /q/health/live UP
echo "dev mode: started"
mkdir -p "$work/src/main/java/org/boxoffice/api"
cat > "$work/src/main/java/org/boxoffice/api/DevModeProbe.java" <<'JAVA'
package org.boxoffice.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/devmode-probe")
public class DevModeProbe {

    @GET
    public String probe() {
        return "probe answered";
    }
}
JAVA
await /devmode-probe "probe answered"
echo "dev mode: the new resource, added while running, answers after the reload"
await "/q/openapi?format=json" '"/devmode-probe"'
echo "dev mode: the API document lists it"
# Quarkus's own log lines (time, level, category); Maven's build lines name generated Exception classes.
if grep -E '^[0-9:,]+ +(ERROR|WARN +\[io\.qu)' "$log" | grep -q . || grep -q 'NullPointerException' "$log"; then
  fail "the log has an error"
fi
echo "dev mode: no error in the log"
