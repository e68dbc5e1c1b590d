#!/usr/bin/env bash
# The image's JVM options under load, in a 512 MiB container run as deploy/container/test.sh runs it:
# start-up, bookings per second, the p99 of a paced booking load, the collector's pauses (-Xlog:gc:
# on a busy machine they say more about a collector than a p99 does) and the JVM's RSS afterwards, for
# the options as shipped (src/main/docker/jvm.options) against one change each: C1 alone, the serial
# collector (what the JVM picks by itself in a container this small), and the heap committed and touched
# in full from the start (-XX:+AlwaysPreTouch at 60%, as shipped, then 70% and 75%), which shows the RSS
# of a full heap and whether the container outlives it. A last row reads the JVM's memory outside the
# heap with Native Memory Tracking (jcmd, which the local stand-in image has; eclipse-temurin's JRE does
# not). ROUNDS rounds, round-robin; the median of each figure over the rounds. BENCH_VARIANTS picks
# some of: shipped c1 serial full60 full70 full75 nmt (the default: all).
#
#   bench/container-flags.sh [rounds, default 1] [image, default localhost/boxoffice-jvm:local]
#
# Needs: the image (deploy/container/build.sh), root and podman, wrk (installed from Debian if missing).
# BENCH_WARMUP (seconds of load before measuring, default 30) and SECONDS_PER_RUN (default 15) apply.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh                 # drive, json_field, ensure_wrk, round_robin
source deploy/container/podman.sh   # podman, PODMAN_FLAGS
ROUNDS=${1:-1}
IMAGE=${2:-localhost/boxoffice-jvm:local}
WARMUP=${BENCH_WARMUP:-30}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
PORT=18491
NAME=boxoffice-flags-$$
B=http://127.0.0.1:$PORT
OUT=$PWD/target/container-flags
rm -rf "$OUT" && mkdir -p "$OUT"
ensure_wrk
trap 'podman rm -f "$NAME" >/dev/null 2>&1 || true' EXIT
user=$(podman image inspect "$IMAGE" --format '{{.Config.User}}')
locked=(--read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=64m --cap-drop=ALL --security-opt no-new-privileges
  --user "$user" --memory 512m --memory-swap 512m -e QUARKUS_HTTP_PORT=$PORT -e BOXOFFICE_AUTH_ENABLED=false)
app=(-XX:AOTCache=/deployments/app.aot -jar /deployments/quarkus-run.jar)

# start [podman run options...] -- [java options after the image's own...]: the container, waited for
# until it answers; prints the milliseconds that took.
start() {
  local options=() begin
  while [ "$1" != -- ]; do options+=("$1"); shift; done
  shift
  begin=$(date +%s%N)
  podman run -d --name "$NAME" "${PODMAN_FLAGS[@]}" "${locked[@]}" "${options[@]}" --entrypoint java "$IMAGE" \
    @/deployments/jvm.options -Xlog:gc "$@" "${app[@]}" >/dev/null
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$B/q/health/ready" && { echo $(( ($(date +%s%N) - begin) / 1000000 )); return; }
    [ "$(podman inspect "$NAME" --format '{{.State.Running}}')" = true ] || break
    sleep 0.1
  done
  podman logs "$NAME" > "$OUT/died.log" 2>&1
  echo "the container did not start; see $OUT/died.log" >&2
  exit 1
}

new_event() {
  curl -sf -X POST "$B/events" -H 'Content-Type: application/json' \
    -d '{"name":"Bench","date_time":"2030-06-15 19:00","venue":"Bench Hall","total_seats":1000000}' | json_field event_id
}

# measure: warm-up, then bookings per second (64 connections) and the p99 of 40 connections pausing
# 10 ms between answer and request; prints "bookings/s p99_ms rss_mib state", where state is "running"
# or the container's exit code.
measure() {
  local rps=- p99=- rss=- state
  drive "$WARMUP" 64 "$B" bench/book-distinct.lua "$(new_event || echo none)" 2 0 1 > /dev/null
  read -r rps _ _ _ _ < <(drive "$SECONDS_PER_RUN" 64 "$B" bench/book-distinct.lua "$(new_event || echo none)" 2 0 1)
  read -r _ _ p99 _ _ < <(drive "$SECONDS_PER_RUN" 40 "$B" bench/book-paced.lua "$(new_event || echo none)" 2 0 1 10)
  if [ "$(podman inspect "$NAME" --format '{{.State.Running}}')" = true ]; then
    state=running
    rss=$(( $(ps -o rss= -p "$(podman inspect "$NAME" --format '{{.State.Pid}}')") / 1024 ))
  else
    state="exited-$(podman inspect "$NAME" --format '{{.State.ExitCode}}')"
  fi
  echo "${rps:--} ${p99:--} $rss $state $(gc_pauses)"
}

# gc_pauses: the collector's pauses in the container's log (-Xlog:gc) as "count max_ms total_ms".
gc_pauses() {
  podman logs "$NAME" 2>&1 | sed -n 's/^\[.*\]\[gc\] GC([0-9]*) Pause.* \([0-9.]*\)ms$/\1/p' \
    | awk '{ n++; t += $1; if ($1 > m) m = $1 } END { printf "%d %.1f %.0f", n, m, t }'
}

run_variant() {
  local ms
  case $1 in
    shipped) ms=$(start --);;
    c1) ms=$(start -- -XX:TieredStopAtLevel=1);;
    serial) ms=$(start -- -XX:-UseG1GC -XX:+UseSerialGC);;
    full60) ms=$(start -- -XX:InitialRAMPercentage=60 -XX:+AlwaysPreTouch);;
    full70) ms=$(start -- -XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=70 -XX:+AlwaysPreTouch);;
    full75) ms=$(start -- -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=75 -XX:+AlwaysPreTouch);;
    nmt) ms=$(start -- -XX:NativeMemoryTracking=summary);;
  esac
  echo "$ms $(measure)"
  if [ "$1" = nmt ]; then
    podman exec "$NAME" jcmd 1 VM.native_memory summary scale=MB > "$OUT/nmt.txt"
  fi
  podman rm -f "$NAME" >/dev/null
}

read -ra VARIANTS <<< "${BENCH_VARIANTS:-shipped c1 serial full60 full70 full75 nmt}"
SAMPLES=$OUT/samples.txt
round_robin "$ROUNDS" "$SAMPLES" "${VARIANTS[@]}"

# typical VARIANT: that variant's rounds summed up: the median of each figure, the last round's state.
typical() {
  awk -v v="$1" '$1 == v { n++; for (f = 2; f <= NF; f++) x[f, n] = $f; state = $6; nf = NF }
    END { printf "%s", v
      for (f = 2; f <= nf; f++) {
        if (f == 6) { printf " %s", state; continue }
        m = 0; for (i = 1; i <= n; i++) if (x[f, i] != "-") y[++m] = x[f, i] + 0
        if (m == 0) { printf " -"; continue }
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (y[j] < y[i]) { t = y[i]; y[i] = y[j]; y[j] = t }
        printf " %s", (m % 2) ? y[(m + 1) / 2] : (y[m / 2] + y[m / 2 + 1]) / 2
      }
      print "" }' "$SAMPLES"
}
read -r _ _ SHIPPED_RPS _ < <(typical shipped)
echo
echo "The image's JVM options in a 512 MiB container, median of $ROUNDS rounds, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-46s | %8s | %10s | %9s | %11s | %-22s | %7s | %s |\n' variant "ready ms" bookings/s "vs shipped" \
  "paced p99 ms" "GC pauses: n, max, sum" "RSS MiB" "after the load"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------------" "----------" "------------" \
  "-----------" "--------------" "------------------------" "---------" "---"
for variant in "${VARIANTS[@]}"; do
  case $variant in
    shipped) label="as shipped: G1, heap 60%, C1 and C2";;
    c1) label="C1 alone (-XX:TieredStopAtLevel=1)";;
    serial) label="serial collector (the JVM's choice at 512 MiB)";;
    full60) label="heap 60% committed and touched from the start";;
    full70) label="heap 70% committed and touched from the start";;
    full75) label="heap 75% committed and touched from the start";;
    nmt) label="as shipped, with Native Memory Tracking";;
  esac
  read -r _ ms rps p99 rss state pauses max_pause pause_sum < <(typical "$variant")
  share=-
  [ "$rps" = - ] || share=$(printf '%.0f%%' "$(echo "100 * $rps / $SHIPPED_RPS" | bc -l)")
  printf '| %-46s | %8s | %10s | %9s | %12s | %-22s | %7s | %s |\n' "$label" "$ms" "$rps" "$share" "$p99" \
    "$pauses, $max_pause ms, $pause_sum ms" "$rss" "$state"
done
[ -s "$OUT/nmt.txt" ] || exit 0
echo
echo "Native Memory Tracking after the load (MiB, committed):"
sed -n 's/^-  *\([A-Za-z ]*\) (reserved=[0-9]*MB, committed=\([0-9]*\)MB[,)].*/\1 \2/p; s/^Total: reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/Total \1/p' \
  "$OUT/nmt.txt" | awk '{ v = $NF; $NF = ""; printf "  %-28s %s\n", $0, v }'
