#!/usr/bin/env bash
# Container start-up: time from `podman run` to the first POST /events answered 201, and the JVM's RSS
# then, for the image deploy/container/build.sh makes, run as deploy/container/test.sh runs it (locked
# down, 512 MiB, the host's network). Variants of the same image: its AOT cache (as shipped); the cache
# switched off with JAVA_TOOL_OPTIONS=-XX:AOTMode=off, which also leaves out the JDK's own CDS archive;
# the JDK's CDS archive alone (the entrypoint without -XX:AOTCache); the cache with C1 alone
# (-XX:TieredStopAtLevel=1); and the PostgreSQL store (migrated first) with the cache and without.
# Median of RUNS runs each, round-robin across the variants.
#
#   bench/container-start.sh [runs, default 5] [image, default localhost/boxoffice-jvm:local]
#
# Needs: the image (deploy/container/build.sh), root and podman, PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust) with psql for the PostgreSQL rows. Uses port 18490.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh                 # silent_pauses, first_answer, round_robin, median
source deploy/container/podman.sh   # podman, PODMAN_FLAGS
RUNS=${1:-5}
IMAGE=${2:-localhost/boxoffice-jvm:local}
PORT=18490
NAME=boxoffice-bench-$$
OUT=$PWD/target/container-start
rm -rf "$OUT" && mkdir -p "$OUT"
EVENT='{"name":"Start","date_time":"2030-06-15 19:00","venue":"Hall","total_seats":10}'
user=$(podman image inspect "$IMAGE" --format '{{.Config.User}}')
locked=(--read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=64m --cap-drop=ALL --security-opt no-new-privileges
  --user "$user" --memory 512m --memory-swap 512m -e QUARKUS_HTTP_PORT=$PORT -e BOXOFFICE_AUTH_ENABLED=false)

db="boxoffice_bench_$(date +%s)_$$"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
trap 'podman rm -f "$NAME" >/dev/null 2>&1 || true; psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true' EXIT
postgres=(-e BOXOFFICE_STORE=postgres -e "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db"
  -e QUARKUS_DATASOURCE_USERNAME=postgres -e QUARKUS_FLYWAY_MIGRATE_AT_START=false)
podman run --rm "${PODMAN_FLAGS[@]}" "${locked[@]}" "${postgres[@]}" "$IMAGE" migrate >/dev/null

# The entrypoint without -XX:AOTCache: the JDK's own CDS archive, as any JVM uses by default.
read -ra cds_only < <(podman image inspect "$IMAGE" --format '{{range .Config.Entrypoint}}{{.}} {{end}}' \
  | sed 's/ -XX:AOTCache=[^ ]*//')

silent_pauses "$OUT"
container_running() { [ "$(podman inspect "$NAME" --format '{{.State.Running}}')" = true ]; }

# one_run [podman run options...] -- [entrypoint override...]: prints "milliseconds rss_kib".
one_run() {
  local options=() start end pid rss
  while [ "$1" != -- ]; do options+=("$1"); shift; done
  shift
  start=$(date +%s%N)
  if [ $# -gt 0 ]; then
    podman run -d --name "$NAME" "${PODMAN_FLAGS[@]}" "${locked[@]}" "${options[@]}" --entrypoint "$1" "$IMAGE" "${@:2}" >/dev/null
  else
    podman run -d --name "$NAME" "${PODMAN_FLAGS[@]}" "${locked[@]}" "${options[@]}" "$IMAGE" >/dev/null
  fi
  if ! first_answer "http://127.0.0.1:$PORT/events" 201 container_running -X POST \
    -H 'Content-Type: application/json' -d "$EVENT"; then
    podman logs "$NAME" > "$OUT/died.log" 2>&1
    echo "the container died; see $OUT/died.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  pid=$(podman inspect "$NAME" --format '{{.State.Pid}}')
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  podman logs "$NAME" > "$OUT/last.log" 2>&1
  podman rm -f "$NAME" >/dev/null
  echo "$(( (end - start) / 1000000 )) $rss"
}

run_variant() {
  case $1 in
    cache) one_run --;;
    off) one_run -e JAVA_TOOL_OPTIONS=-XX:AOTMode=off --;;
    cds) one_run -- "${cds_only[@]}";;
    c1) one_run -e JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1 --;;
    pgcache) one_run "${postgres[@]}" --;;
    pgoff) one_run "${postgres[@]}" -e JAVA_TOOL_OPTIONS=-XX:AOTMode=off --;;
  esac
}

VARIANTS=(cache off cds c1 pgcache pgoff)
SAMPLES=$OUT/samples.txt
round_robin "$RUNS" "$SAMPLES" "${VARIANTS[@]}"

value() { awk -v v="$1" -v f="$2" '$1 == v { print $f }' "$SAMPLES" | median; }

echo
echo "Container start to the first POST /events 201, median of $RUNS runs, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "image $IMAGE ($(podman image inspect "$IMAGE" --format '{{.Size}}') bytes)"
printf '| %-52s | %6s | %7s | %-19s | %s |\n' variant ms "RSS MiB" "vs cache off" "runs (ms)"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "--------" "---------" "---------------------" "---"
for variant in "${VARIANTS[@]}"; do
  case $variant in
    cache) label="in-memory store, AOT cache (as shipped)"; against=off;;
    off) label="in-memory store, -XX:AOTMode=off (no CDS at all)"; against=off;;
    cds) label="in-memory store, the JDK's CDS archive alone"; against=off;;
    c1) label="in-memory store, AOT cache, C1 alone"; against=off;;
    pgcache) label="PostgreSQL store, AOT cache (as shipped)"; against=pgoff;;
    pgoff) label="PostgreSQL store, -XX:AOTMode=off"; against=pgoff;;
  esac
  ms=$(value "$variant" 2)
  printf '| %-52s | %6s | %7s | %-19s | %s |\n' "$label" "$ms" "$(( $(value "$variant" 3 | cut -d. -f1) / 1024 ))" \
    "$(printf '%.2fx (%s)' "$(echo "$ms / $(value "$against" 2)" | bc -l)" "$against")" \
    "$(awk -v v="$variant" '$1 == v { printf "%s ", $2 }' "$SAMPLES")"
done
