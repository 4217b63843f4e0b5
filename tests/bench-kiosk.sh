#!/bin/sh
# Runs the kiosk benchmark (dev.airlock.bench.KioskBench): cold start of the real kiosk to the
# first page (HTTP 200 of "/" and chromium's first load rendered) for the fat jar, the extracted
# layout without and with the CDS archive, and with a JDK 25 AOT cache (median of 5 each); RSS
# after a short journey; the machine grid on a 100,000-product store (data provider page fetch,
# and the browser scrolled to row 50,000). Needs chromium (/usr/bin/chromium).
# Usage: tests/bench-kiosk.sh [--runs N] [--products N] [--skip-start] [--skip-grid]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
[ -x "${AIRLOCK_CHROMIUM:-/usr/bin/chromium}" ] || { echo "bench-kiosk: needs chromium (apt-get install chromium)" >&2; exit 3; }
# One reactor build (no install: dev.airlock artifacts in ~/.m2 would hide a build that only works
# on this machine); each module writes its class path to its target/test-cp.txt.
./mvnw -q -B -DskipTests -pl tests -am package dependency:build-classpath \
  -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
. "$ROOT/.mvn/find-jdk.sh"
airlock_find_jdk
CP="tests/target/test-classes:tests/target/classes:$(cat tests/target/test-cp.txt)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -Dairlock.chromium="${AIRLOCK_CHROMIUM:-/usr/bin/chromium}" -cp "$CP" dev.airlock.bench.KioskBench "$@"
