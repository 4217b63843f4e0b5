#!/bin/sh
# What a forger with shell access does after editing an audit row: recompute every hash from row
# FROM to the end with sha256sum (outside Java), write them back and fix the recorded head, all
# with the sqlite3 shell. Row hash = SHA-256 over "<byte length>:<field>" for seq, at, operator,
# action, subject, details, prev_hash (the format AuditChain documents).
# Usage: recompute-chain.sh DB FROM
set -eu
db=$1
from=$2
max=$(sqlite3 "$db" "SELECT max(seq) FROM audit_log")
if [ "$from" -gt 1 ]; then
    prev=$(sqlite3 "$db" "SELECT hash FROM audit_log WHERE seq = $from - 1")
else
    prev=0000000000000000000000000000000000000000000000000000000000000000
fi
field() {
    sqlite3 "$db" "SELECT $1 FROM audit_log WHERE seq = $seq"
}
seq=$from
while [ "$seq" -le "$max" ]; do
    hash=$(for f in "$seq" "$(field at)" "$(field operator)" "$(field action)" "$(field subject)" \
            "$(field details)" "$prev"; do
        printf '%s:%s' "$(printf '%s' "$f" | wc -c)" "$f"
    done | sha256sum | cut -d ' ' -f 1)
    sqlite3 "$db" "UPDATE audit_log SET prev_hash = '$prev', hash = '$hash' WHERE seq = $seq"
    prev=$hash
    seq=$((seq + 1))
done
sqlite3 "$db" "UPDATE audit_head SET seq = $max, hash = '$prev' WHERE singleton = 1"
