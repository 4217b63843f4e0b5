#!/bin/sh
# Runs the signer's benchmark (dev.airlock.bench.SignerBench): export of N products in the kiosk's
# service path (unlocked, warm) and ./airlock export from the CLI (full and quick JIT tier), each
# beside sqlite3 dumping the same columns + writing and fsyncing the same bytes (+ java -version
# for the CLI), and the cold Argon2id unseal on both JIT tiers; at two sizes. Needs sqlite3.
# Usage: tests/bench-signer.sh [--sizes 1000,10000] [--rounds N]
BENCH_NEEDS="sqlite3" . "$(dirname -- "$0")/bench-prep.sh"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.SignerBench \
  --launcher "$ROOT/airlock" --java "$JAVA_HOME/bin/java" "$@"
