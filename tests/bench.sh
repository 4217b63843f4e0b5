#!/bin/sh
# Runs Airlock's benchmark harness (dev.airlock.bench.Bench): intake of 10,000 demo collector
# files into an empty store and again (no-op), and `airlock status` on a ~100,000-product store.
# `tests/bench.sh costs` runs dev.airlock.bench.CostBench instead: the PIN hash, the passphrase
# derivation and one stick-watcher poll, each beside its goal.
# Usage: tests/bench.sh [--files N] [--products N] | tests/bench.sh costs
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
./mvnw -q -B -DskipTests -pl tests -am package
. "$ROOT/.mvn/find-jdk.sh"
airlock_find_jdk
CP="tests/target/classes:appliance/target/airlock.jar:$(ls appliance/target/lib/*.jar | tr '\n' ':')"
./airlock --version >/dev/null   # builds the runnable if the sources changed
if [ "${1:-}" = costs ]; then
  exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.CostBench
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.Bench --launcher ./airlock "$@"
