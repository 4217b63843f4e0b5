#!/bin/sh
# Runs the round-trip benchmark (dev.airlock.bench.RoundTripBench): export + sign of 10,000
# products beside the sqlite3 CLI dumping the same rows, and merge of 10,000 and 100,000 returned
# CIDs beside one sqlite3 transaction (temp table of the CIDs + one UPDATE … FROM), all in the same
# run; the merge figures end as one table row each. Needs sqlite3.
# Usage: tests/bench-roundtrip.sh [--export N] [--merge M]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
command -v sqlite3 >/dev/null || { echo "bench-roundtrip: needs the sqlite3 CLI (apt-get install sqlite3)" >&2; exit 3; }
./mvnw -q -B -DskipTests -pl tests -am package
. "$ROOT/.mvn/find-jdk.sh"
airlock_find_jdk
CP="tests/target/classes:appliance/target/airlock.jar:$(ls appliance/target/lib/*.jar | tr '\n' ':')"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.RoundTripBench "$@"
