#!/usr/bin/env bash
# Builds the container image on this machine with podman: packages the app for it (./mvnw package
# -Pcontainer), makes the local stand-in for the eclipse-temurin:25 base image once (podman.sh), and
# builds src/main/docker/Dockerfile.jvm on it. When PostgreSQL answers on 127.0.0.1:5432 (user postgres,
# trust), the AOT cache is trained on the PostgreSQL store, on a fresh database dropped afterwards;
# otherwise on the in-memory store, and the build output says what the cache then lacks.
#
#   deploy/container/build.sh [TAG]          (default: localhost/boxoffice-jvm:local)
#
# Needs: root (apt-get, podman), a JDK 25 for the base image (JAVA25_HOME, or JAVA_HOME if it is a 25, or
# one installed beside the default JDK), psql for the training database (else the in-memory training).
# BOXOFFICE_SKIP_PACKAGE=1 builds from target/quarkus-app as it is (it must be the -Pcontainer packaging).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/container/podman.sh   # podman, base_image, build_image, jdk_home
tag=${1:-localhost/boxoffice-jvm:local}

if [ -z "${BOXOFFICE_SKIP_PACKAGE:-}" ]; then
  ./mvnw -B -q --no-transfer-progress package -DskipTests -Pcontainer
fi
grep -q 'AotQuarkusEntryPoint' <(unzip -p target/quarkus-app/quarkus-run.jar META-INF/MANIFEST.MF 2>/dev/null || true) \
  || { echo "target/quarkus-app is not the aot-jar packaging: run ./mvnw package -Pcontainer" >&2; exit 1; }

base=$(base_image "$(jdk_home 25)")

training=()
if command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  db="boxoffice_aot_$(date +%s)_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
  trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true' EXIT
  training=(--build-arg "TRAINING_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db" --build-arg TRAINING_JDBC_USER=postgres)
else
  echo "No PostgreSQL on 127.0.0.1:5432: the AOT cache is trained on the in-memory store"
fi

build_image "$tag" "$base" "${training[@]}"
echo "Built $tag on $base"
