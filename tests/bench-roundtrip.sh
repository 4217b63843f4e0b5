#!/bin/sh
# Runs the round-trip benchmark (dev.airlock.bench.RoundTripBench): export + sign of 10,000
# products beside the sqlite3 CLI dumping the same rows, and merge of 10,000 and 100,000 returned
# CIDs beside one sqlite3 transaction (temp table of the CIDs + one UPDATE … FROM), all in the same
# run; the merge figures end as one table row each. Needs sqlite3.
# Usage: tests/bench-roundtrip.sh [--export N] [--merge M]
BENCH_NEEDS="sqlite3" . "$(dirname -- "$0")/bench-prep.sh"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.RoundTripBench "$@"
