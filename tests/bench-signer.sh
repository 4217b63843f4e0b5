#!/bin/sh
# Runs the signer's benchmark (dev.airlock.bench.SignerBench): export of N products in the kiosk's
# service path (unlocked, warm) and ./airlock export from the CLI (full and quick JIT tier), each
# beside sqlite3 dumping the same columns + writing and fsyncing the same bytes (+ java -version
# for the CLI), and the cold Argon2id unseal on both JIT tiers; at two sizes. Needs sqlite3.
# Usage: tests/bench-signer.sh [--sizes 1000,10000] [--rounds N]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
command -v sqlite3 >/dev/null || { echo "bench-signer: needs the sqlite3 CLI (apt-get install sqlite3)" >&2; exit 3; }
./mvnw -q -B -DskipTests -pl tests -am package
. "$ROOT/.mvn/find-jdk.sh"
airlock_find_jdk
./airlock --version >/dev/null # builds the launcher's jar and class-data archive when missing
CP="tests/target/classes:appliance/target/airlock.jar:$(ls appliance/target/lib/*.jar | tr '\n' ':')"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.SignerBench \
  --launcher "$ROOT/airlock" --java "$JAVA_HOME/bin/java" "$@"
