#!/usr/bin/env bash
# Builds the native container image (src/main/docker/Dockerfile.native) with podman from the native
# executable already in target/ (./mvnw package -Dnative), on a local stand-in for its small glibc base:
# Debian bookworm, minimal (debootstrap), made once. Where a registry is reachable, the Dockerfile's own
# default base (Quarkus's micro image) needs none of this.
#
#   deploy/container/build-native.sh [TAG]          (default: localhost/boxoffice-native:local)
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/container/podman.sh   # podman, PODMAN_FLAGS
tag=${1:-localhost/boxoffice-native:local}
ls target/*-runner >/dev/null 2>&1 || { echo "no native executable: ./mvnw package -Dnative" >&2; exit 1; }

base=localhost/debian-minbase-standin:bookworm
if ! podman image exists "$base"; then
  echo "Making the base image $base: Debian bookworm by debootstrap" >&2
  rootfs=$(mktemp -d)
  debootstrap --variant=minbase bookworm "$rootfs" >"$rootfs.log" 2>&1 || { tail -20 "$rootfs.log" >&2; exit 1; }
  tar -C "$rootfs" -c . | podman import --change 'ENV LANG=C.UTF-8' - "$base" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
fi
podman build --format docker "${PODMAN_FLAGS[@]}" --build-arg BASE_IMAGE="$base" \
  -f src/main/docker/Dockerfile.native -t "$tag" .
echo "Built $tag on $base"
