#!/usr/bin/env bash
# target/function-native.zip, for AWS Lambda's provided.al2023 runtime: the native executable of the
# Lambda build (./mvnw package -Plambda -Dnative) as the zip's bootstrap, which Lambda runs and which
# polls the Runtime API itself (Quarkus's Lambda extension). Fails if the executable needs a glibc newer
# than Amazon Linux 2023's 2.34 (glibc-check.py), or is not the Lambda build.
#
#   deploy/lambda/native/build.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
executable=$(ls target/*-runner 2>/dev/null | head -1 || true)
[ -n "$executable" ] || { echo "no native executable: ./mvnw package -Plambda -Dnative" >&2; exit 1; }
grep -q AbstractLambdaPollLoop "$executable" \
  || { echo "$executable is not the Lambda build: ./mvnw package -Plambda -Dnative" >&2; exit 1; }
python3 deploy/lambda/custom-runtime/glibc-check.py 2.34 "$executable"
stage=$(mktemp -d)
cp "$executable" "$stage/bootstrap"
chmod 755 "$stage/bootstrap"
rm -f target/function-native.zip
(cd "$stage" && zip -q -X "$OLDPWD/target/function-native.zip" bootstrap)
rm -rf "$stage"
echo "Built target/function-native.zip ($(du -h target/function-native.zip | cut -f1))"
