#!/bin/sh
# Runs the gateway benchmark (dev.airlock.bench.GatewayBench): the online gateway against the
# BatchActivation stand-in answering each call after 200 ms, 1,000 and 200 records, with the
# default number of calls in flight (gateway.parallel, 8) beside one at a time (--parallel 1) in
# the same run, each beside the floor the latency sets; the stand-in counts calls per pair (none
# may be asked twice). The large size also runs as ./airlock gateway process in a fresh JVM.
# About 5 minutes (the sequential runs wait out 1,200 latencies).
# Usage: tests/bench-gateway.sh [--records N] [--small N] [--latency-ms MS] [--parallel N]
. "$(dirname -- "$0")/bench-prep.sh"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.airlock.bench.GatewayBench \
    --launcher ./airlock "$@"
