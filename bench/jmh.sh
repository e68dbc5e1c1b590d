#!/usr/bin/env bash
# The in-memory store alone, with JMH: bookings per second on one core, bytes allocated per booking
# (-prof gc), then the memory the store keeps per seat and per booking.
#
#   bench/jmh.sh [JMH options, default: -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1 -prof gc]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q -f bench/jmh/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)"
# shellcheck disable=SC2086
java -cp "$CP" org.openjdk.jmh.Main InMemoryStoreBenchmark ${*:--f 1 -wi 3 -i 5 -w 2s -r 2s -t 1 -prof gc}
java -Xmx2g -cp "$CP" org.boxoffice.bench.RetainedMemory 200000
