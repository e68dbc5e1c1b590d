#!/usr/bin/env bash
# Start-up: time from process start to the first request that does real work (POST /events answered
# 201; for the floor app, GET /ping answered 200), and the process's RSS at that moment. Median of
# RUNS runs each, taken round-robin across the variants, for: a bare Quarkus app with one constant
# endpoint (bench/ceiling, the floor); the same app with every extension Box Office has and none of
# its code (bench/ceiling's ext-* profiles; BENCH_EXTENSION_BREAKDOWN=1 adds one row per group of
# extensions); Box Office on plain JVM 17; with AppCDS on 17 (quarkus.package.jar.appcds.enabled);
# with only the C1 JIT compiler (-XX:TieredStopAtLevel=1, as deploy/lambda/template.yaml sets); on
# Java 25 (Temurin 25), plain and with the JDK AOT cache (JEP 483/515) from a training run that
# exercises the booking path; and the native executable (./mvnw package -Dnative), when one is built
# (target/*-runner, or BENCH_NATIVE=path): this script does not build it, as that takes minutes.
#
#   bench/startup.sh [runs, default 5]
#   BENCH_VARIANTS="plain17 native" bench/startup.sh    # only these (and builds only what they need)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh   # EXTENSION_PROFILES, jdk_home, first_answer, round_robin, median
RUNS=${1:-5}
OUT=$PWD/target/startup
JAVA17=$(jdk_home 17)
JAVA25=$(jdk_home 25)
PORT=18095
rm -rf "$OUT" && mkdir -p "$OUT"

# wanted VARIANT: whether this run measures it (BENCH_VARIANTS, default all).
wanted() { [ -z "${BENCH_VARIANTS:-}" ] || [[ " $BENCH_VARIANTS " == *" $1 "* ]]; }

build() { # name java_home maven-args...
  local name=$1 home=$2; shift 2
  JAVA_HOME=$home ./mvnw -B -q package -DskipTests "$@"
  cp -a target/quarkus-app "$OUT/$name"
}

# The native executable first: the builds below leave target/ as it was, apart from target/quarkus-app.
NATIVE=${BENCH_NATIVE:-$(ls target/*-runner 2>/dev/null | head -1 || true)}
if wanted native && [ -n "$NATIVE" ]; then
  mkdir -p "$OUT/native" && cp "$NATIVE" "$OUT/native/boxoffice"
fi

echo "Building the variants..."
if wanted floor || wanted floorext; then
JAVA_HOME=$JAVA17 ./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests
cp -a bench/ceiling/target/quarkus-app "$OUT/floor"
JAVA_HOME=$JAVA17 ./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests -P"$(IFS=,; echo "${EXTENSION_PROFILES[*]}")"
cp -a bench/ceiling/target/quarkus-app "$OUT/floorext"
fi
if [ -n "${BENCH_EXTENSION_BREAKDOWN:-}" ]; then
  for profile in "${EXTENSION_PROFILES[@]}"; do
    JAVA_HOME=$JAVA17 ./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests -P"$profile"
    cp -a bench/ceiling/target/quarkus-app "$OUT/floor-$profile"
  done
fi
if wanted floor || wanted floorext; then
  JAVA_HOME=$JAVA17 ./mvnw -B -q -f bench/ceiling/pom.xml package -DskipTests   # the ordinary ceiling again
fi
build plain "$JAVA17"
if wanted appcds17; then build appcds "$JAVA17" -Dquarkus.package.jar.appcds.enabled=true; fi
if [ -n "$JAVA25" ] && { wanted plain25 || wanted aot25 || wanted aot25c1; }; then
  build plain25 "$JAVA25"
fi
JAVA_HOME=$JAVA17 ./mvnw -B -q package -DskipTests   # leave the ordinary build in target/

EVENT='{"name":"Start","date_time":"2030-06-15 19:00","venue":"Hall","total_seats":10}'

silent_pauses "$OUT"
process_alive() { kill -0 "$pid" 2>/dev/null; }   # pid: one_run's

# one_run JAVA DIR KIND [java options...]: prints "milliseconds rss_kib"
one_run() {
  local java=$1 dir=$2 kind=$3; shift 3
  local start end rss pid
  start=$(date +%s%N)
  (cd "$dir" && exec "$java" "$@" -Dquarkus.http.port=$PORT -Dboxoffice.auth.enabled=false -jar quarkus-run.jar) \
    > "$OUT/last.log" 2>&1 &
  pid=$!
  if [ "$kind" = floor ]; then
    first_answer "http://127.0.0.1:$PORT/ping" 200 process_alive
  else
    first_answer "http://127.0.0.1:$PORT/events" 201 process_alive -X POST -H 'Content-Type: application/json' \
      -d "$EVENT"
  fi || { echo "process died; see $OUT/last.log" >&2; exit 1; }
  end=$(date +%s%N)
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}

# train_aot JAVA DIR: a training run that writes DIR/app.aot (JDK 25: -XX:AOTCacheOutput): start,
# exercise the booking path, and exit cleanly so the JVM assembles the cache.
train_aot() {
  local java=$1 dir=$2 pid event
  (cd "$dir" && exec "$java" -XX:AOTCacheOutput=app.aot -Dquarkus.http.port=$PORT -Dboxoffice.auth.enabled=false \
    -jar quarkus-run.jar) > "$OUT/training.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.1; done
  for i in $(seq 1 50); do
    event=$(curl -sf -X POST "http://127.0.0.1:$PORT/events" -H 'Content-Type: application/json' -d "$EVENT" \
      | sed 's/.*"event_id":"\([^"]*\)".*/\1/')
    curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/bookings" -H 'Content-Type: application/json' \
      -d "{\"event_id\":\"$event\",\"seats\":[1,2]}"
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/events/$event/seats"
    curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/holds" -H 'Content-Type: application/json' \
      -d "{\"event_id\":\"$event\",\"quantity\":2}"
  done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

# one_native_run: one start of the native executable, with the same settings; prints "milliseconds rss_kib"
one_native_run() {
  local start end rss pid
  start=$(date +%s%N)
  "$OUT/native/boxoffice" -Dquarkus.http.port=$PORT -Dboxoffice.auth.enabled=false > "$OUT/last.log" 2>&1 &
  pid=$!
  first_answer "http://127.0.0.1:$PORT/events" 201 process_alive -X POST -H 'Content-Type: application/json' \
    -d "$EVENT" || { echo "process died; see $OUT/last.log" >&2; exit 1; }
  end=$(date +%s%N)
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}

# run_variant LABEL: one start of that variant; prints "milliseconds rss_kib".
run_variant() {
  case $1 in
    native) one_native_run;;
    floor) one_run "$JAVA17/bin/java" "$OUT/floor" floor;;
    floorext) one_run "$JAVA17/bin/java" "$OUT/floorext" floor;;
    floor-ext-*) one_run "$JAVA17/bin/java" "$OUT/$1" floor;;
    plain17) one_run "$JAVA17/bin/java" "$OUT/plain" service;;
    appcds17) one_run "$JAVA17/bin/java" "$OUT/appcds" service -Xshare:on -XX:SharedArchiveFile=app-cds.jsa;;
    c1only17) one_run "$JAVA17/bin/java" "$OUT/plain" service -XX:TieredStopAtLevel=1;;
    plain25) one_run "$JAVA25/bin/java" "$OUT/plain25" service;;
    aot25) one_run "$JAVA25/bin/java" "$OUT/plain25" service -XX:AOTMode=on -XX:AOTCache=app.aot;;
    aot25c1) one_run "$JAVA25/bin/java" "$OUT/plain25" service -XX:AOTMode=on -XX:AOTCache=app.aot \
      -XX:TieredStopAtLevel=1;;
  esac
}

VARIANTS=(floor floorext)
if [ -n "${BENCH_EXTENSION_BREAKDOWN:-}" ]; then
  for profile in "${EXTENSION_PROFILES[@]}"; do VARIANTS+=("floor-$profile"); done
fi
VARIANTS+=(plain17 appcds17 c1only17)
RESULTS=$OUT/results.txt
: > "$RESULTS"
if [ -n "$JAVA25" ]; then
  VARIANTS+=(plain25)
  if wanted aot25 || wanted aot25c1; then train_aot "$JAVA25/bin/java" "$OUT/plain25"; fi
  if [ -s "$OUT/plain25/app.aot" ]; then
    VARIANTS+=(aot25 aot25c1)
  elif wanted aot25 || wanted aot25c1; then
    echo "aot25 - -" >> "$RESULTS"
    echo "aot25c1 - -" >> "$RESULTS"
  fi
fi
if [ -x "$OUT/native/boxoffice" ]; then
  VARIANTS+=(native)
elif wanted native; then
  echo "native - -" >> "$RESULTS"
fi
CHOSEN=()
for variant in "${VARIANTS[@]}"; do if wanted "$variant"; then CHOSEN+=("$variant"); fi; done
VARIANTS=("${CHOSEN[@]}")

SAMPLES=$OUT/samples.txt
round_robin "$RUNS" "$SAMPLES" "${VARIANTS[@]}"
for variant in "${VARIANTS[@]}"; do
  t=$(awk -v v="$variant" '$1 == v { print $2 }' "$SAMPLES" | median)
  r=$(awk -v v="$variant" '$1 == v { print $3 }' "$SAMPLES" | median)
  printf '%s %s %s\n' "$variant" "$t" "$((${r%.*} / 1024))" >> "$RESULTS"
done

FLOOR=$(awk '$1 == "floor" { print $2 }' "$RESULTS")
PLAIN=$(awk '$1 == "plain17" { print $2 }' "$RESULTS")
PLAIN_RSS=$(awk '$1 == "plain17" { print $3 }' "$RESULTS")
ratio() { [ -n "$2" ] && printf '%.0f%%' "$(echo "100 * $1 / $2" | bc -l)" || echo -; }   # of a baseline not run: -
echo
echo "Start-up to the first real answer, median of $RUNS runs, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-40s | %8s | %8s | %14s | %16s | %16s |\n' variant "ms" "RSS MiB" "vs floor" "vs plain JVM 17" \
  "RSS vs plain 17"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------" "----------" "----------" "----------------" \
  "------------------" "------------------"
while read -r label ms rss; do
  case $label in
    floor) name="floor: bare Quarkus, GET /ping (JVM 17)";;
    floorext) name="floor + Box Office's extensions (JVM 17)";;
    floor-ext-*) name="floor + ${label#floor-ext-} only (JVM 17)";;
    plain17) name="Box Office, plain JVM 17";;
    appcds17) name="Box Office, AppCDS, JVM 17";;
    c1only17) name="Box Office, C1 only (Lambda), JVM 17";;
    plain25) name="Box Office, plain JVM 25";;
    aot25) name="Box Office, AOT cache, JVM 25";;
    aot25c1) name="Box Office, AOT cache + C1 only, JVM 25";;
    native) name="Box Office, native executable";;
  esac
  if [ "$ms" = "-" ]; then printf '| %-40s | %8s | %8s | %14s | %16s | %16s |\n' "$name" - - - - -; continue; fi
  printf '| %-40s | %8s | %8s | %14s | %16s | %16s |\n' "$name" "$ms" "$rss" "$(ratio "$ms" "$FLOOR")" \
    "$(ratio "$ms" "$PLAIN")" "$(ratio "$rss" "$PLAIN_RSS")"
done < "$RESULTS"
