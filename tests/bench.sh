#!/bin/sh
# Runs Airlock's benchmark harness (dev.airlock.bench.Bench): intake of 2,000 and 10,000 demo
# collector files into an empty store beside Python's ElementTree parsing the same files, and
# `airlock status` on 35,000 and 70,000 machines beside sqlite3 computing the same counts; one
# table row per figure (figure, size, Airlock, floor, ratio, goal). Needs python3 and sqlite3.
# `tests/bench.sh costs` runs dev.airlock.bench.CostBench instead: the PIN hash, the passphrase
# derivation and one stick-watcher poll, each beside its goal.
# Usage: tests/bench.sh [--files N] [--machines M] | tests/bench.sh costs
BENCH_NEEDS="python3 sqlite3" . "$(dirname -- "$0")/bench-prep.sh"
if [ "${1:-}" = costs ]; then
  exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.CostBench
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.Bench --launcher ./airlock "$@"
