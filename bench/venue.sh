#!/usr/bin/env bash
# Best available on a 100,000-seat venue, half sold at random, against naming the seats (JMH, the
# in-memory store alone, one thread): microseconds per hold-and-release of 4 seats chosen best-available,
# per hold-and-release of 4 named seats, and per booking-and-cancel of 4 named seats; then the ratio.
#
#   bench/venue.sh [JMH options, default: -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q -f bench/jmh/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)"
OUT=$(mktemp)
# shellcheck disable=SC2086
java -cp "$CP" org.openjdk.jmh.Main VenueBenchmark -rf csv -rff "$OUT" ${*:--f 1 -wi 3 -i 5 -w 2s -r 2s -t 1}
# JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
awk -F, 'NR > 1 { gsub(/"/, "", $1); sub(/.*\./, "", $1); score[$1] = $5; error[$1] = $6 }
  END {
    printf "\n| operation on a half-sold 100,000-seat venue | us per operation | vs named hold |\n|---|---|---|\n"
    split("holdBestAvailableThenRelease holdNamedSeatsThenRelease bookNamedSeatsThenCancel", names, " ")
    for (i = 1; i <= 3; i++) {
      n = names[i]
      printf "| %s | %.2f ± %.2f | %.2fx |\n", n, score[n], error[n], score[n] / score["holdNamedSeatsThenRelease"]
    }
  }' "$OUT"
rm -f "$OUT"
