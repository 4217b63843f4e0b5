# Sourced by the CLI-side benchmark scripts (tests/bench.sh, bench-roundtrip.sh, bench-signer.sh,
# bench-gateway.sh): builds the tests module and what it needs (no install), finds a JDK >= 21,
# builds the launcher's jar when the sources changed, and sets CP to the bench mains' class path.
# Usage: BENCH_NEEDS="TOOL..." . "$(dirname -- "$0")/bench-prep.sh"   (each TOOL must be on PATH)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
for tool in ${BENCH_NEEDS:-}; do
  command -v "$tool" >/dev/null || { echo "$(basename "$0" .sh): needs $tool (apt-get install $tool)" >&2; exit 3; }
done
./mvnw -q -B -DskipTests -pl tests -am package
. "$ROOT/.mvn/find-jdk.sh"
airlock_find_jdk
./airlock --version >/dev/null   # builds the runnable (and its class-data archive) if the sources changed
CP="tests/target/classes:appliance/target/airlock.jar:$(ls appliance/target/lib/*.jar | tr '\n' ':')"
