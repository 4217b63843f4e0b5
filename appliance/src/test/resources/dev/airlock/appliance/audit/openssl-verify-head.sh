#!/bin/sh
# Checks one signed audit head with openssl alone, from what the sqlite3 shell reads out of the
# store: the signed message is rebuilt with printf, the signature written out with writefile().
# Usage (in an empty folder): openssl-verify-head.sh DB KEY.pem KEY_ID ROWS
set -eu
db=$1
pem=$2
keyid=$3
rows=$4
last=$(sqlite3 "$db" "SELECT last_hash FROM audit_signed_head WHERE row_count = $rows")
at=$(sqlite3 "$db" "SELECT signed_at FROM audit_signed_head WHERE row_count = $rows")
printf 'airlock/audit-head/1\000key=%s\nrows=%s\nlast=%s\nat=%s\n' "$keyid" "$rows" "$last" "$at" > head.msg
sqlite3 "$db" "SELECT writefile('head.sig', signature) FROM audit_signed_head WHERE row_count = $rows" > /dev/null
openssl pkeyutl -verify -pubin -inkey "$pem" -rawin -in head.msg -sigfile head.sig
