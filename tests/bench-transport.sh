#!/bin/sh
# Runs the gateway transport matrix (appliance GatewayTransportMatrixTest) at full size: 50 runs of
# 50 records against the BatchActivation stand-in in each network mode (keep-alive, close after
# each answer, close while idle, slow answer, a proxy that drops connections between requests),
# plus the answer-lost modes (close mid-answer, close without answering). `./mvnw verify` runs the
# same test at 5 runs. Figures: appliance/target/transport-matrix.txt.
# Usage: tests/bench-transport.sh [RUNS] [RECORDS]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
RUNS=${1:-50}
RECORDS=${2:-50}
./mvnw -q -B -pl appliance -am -Dtest=GatewayTransportMatrixTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dairlock.transport.runs="$RUNS" -Dairlock.transport.records="$RECORDS" test
cat appliance/target/transport-matrix.txt
