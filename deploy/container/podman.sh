# Podman on these machines, for the scripts that build, test and measure the container image
# (deploy/container/build.sh, deploy/container/test.sh, bench/container-start.sh). Source it from the
# repository root. It installs podman, runc and debootstrap from Debian when one is missing, and defines:
#
#   podman ...              podman with what it needs here: the runc runtime and the cgroupfs manager
#   PODMAN_FLAGS            what every `podman build` and `podman run` here needs: the host's network
#                           (there is no container network here) and ulimits no higher than the machine's
#   base_image JDK_HOME     a local stand-in for eclipse-temurin, made once per JDK: prints its tag
#   build_image TAG BASE [podman build options...]
#                           builds src/main/docker/Dockerfile.jvm from target/quarkus-app on BASE
#
# No Docker engine and no container registry can be reached from these machines, so the image's public
# base (eclipse-temurin:25-jre) cannot be pulled: base_image makes the same layout from Debian bookworm
# (debootstrap) and a JDK already on the machine, copied to /opt/java/openjdk with JAVA_HOME and PATH set.

source tools/jdk.sh   # jdk_home

missing=()
for tool in podman runc debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
unset missing

podman() { command podman --runtime runc --cgroup-manager=cgroupfs "$@"; }

PODMAN_FLAGS=(--network host --ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096)

# base_image JDK_HOME: Debian bookworm (minimal) with that JDK at /opt/java/openjdk, JAVA_HOME, PATH
# and LANG set as the eclipse-temurin images set them. Made once for each JDK version; prints the tag.
base_image() {
  local jdk=$1 version tag rootfs
  version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jdk/release")
  [ -n "$version" ] || { echo "$jdk is not a JDK (no release file)" >&2; return 1; }
  tag=localhost/temurin-standin:$version
  if ! podman image exists "$tag"; then
    echo "Making the base image $tag: Debian bookworm by debootstrap, the JDK of $jdk" >&2
    rootfs=$(mktemp -d)
    if ! debootstrap --variant=minbase bookworm "$rootfs" >"$rootfs.log" 2>&1; then
      tail -20 "$rootfs.log" >&2
      rm -rf "$rootfs" "$rootfs.log"
      return 1
    fi
    mkdir -p "$rootfs/opt/java"
    cp -a "$jdk" "$rootfs/opt/java/openjdk"
    tar -C "$rootfs" -c . | podman import \
      --change 'ENV JAVA_HOME=/opt/java/openjdk' \
      --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' - "$tag" >/dev/null
    rm -rf "$rootfs" "$rootfs.log"
  fi
  echo "$tag"
}

# build_image TAG BASE [podman build options...]: the image of src/main/docker/Dockerfile.jvm, with
# --format docker so that podman reads the Dockerfile as Docker does.
build_image() {
  local tag=$1 base=$2
  shift 2
  podman build --format docker "${PODMAN_FLAGS[@]}" --build-arg BASE_IMAGE="$base" "$@" \
    -f src/main/docker/Dockerfile.jvm -t "$tag" .
}
