#!/usr/bin/env bash
# Mints an RS256 bearer token for trying the secured service locally, with openssl alone.
# For a local trial only: in a deployment, tokens come from your identity provider.
#
#   deploy/local-auth/mint-token.sh PRIVATE_KEY.pem ISSUER SUBJECT GROUP[,GROUP...] [SECONDS_VALID]
#   e.g. deploy/local-auth/mint-token.sh private.pem https://issuer.local alice customer
#   The token's aud is $AUDIENCE, boxoffice unless set (the service's mp.jwt.verify.audiences).
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,7p' "$0"; exit 2; }
key=$1 issuer=$2 subject=$3 groups=$4 valid=${5:-3600}

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
group_list=""
IFS=',' read -ra parts <<< "$groups"
for group in "${parts[@]}"; do group_list="$group_list\"$group\","; done
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","groups":[%s],"iat":%d,"exp":%d}' \
  "$issuer" "${AUDIENCE:-boxoffice}" "$subject" "${group_list%,}" "$now" "$((now + valid))")
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" | b64url)
echo "$unsigned.$signature"
