# Finds JDKs by feature release, for the scripts that need a JDK other than the default one (bench/,
# deploy/container/). Source it; it defines one function and runs nothing.

# jdk_home FEATURE: the home of a JDK of that feature release (17, 25, ...): JAVA<FEATURE>_HOME if set,
# else JAVA_HOME or the java on PATH if it is that release, else a JDK of that release installed beside
# it (the same parent folder). Fails naming the variable to set.
jdk_home() {
  local feature=$1 var="JAVA${1}_HOME" current candidate
  if [ -n "${!var:-}" ]; then echo "${!var}"; return; fi
  current=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  for candidate in "$current" "$(dirname "$current")"/*; do
    if grep -qs "^JAVA_VERSION=\"$feature[.\"]" "$candidate/release"; then echo "$candidate"; return; fi
  done
  echo "no JDK $feature found beside $current: set $var" >&2
  return 1
}
