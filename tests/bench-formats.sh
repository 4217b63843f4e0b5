#!/bin/sh
# Runs the transfer-format benchmark mains: bundle sign/write and read/verify of a
# 10,000-record request, QR frame encode, ZXing decode of a camera-like 1280x720 frame, and
# the QR density table (Airlock frames beside hummingbird UR parts).
# Usage: tests/bench-formats.sh [BundleBench|QrEncodeBench|QrCameraDecodeBench|QrDensityBench ...]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
./mvnw -q -B -pl transfer-formats test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
. "$ROOT/.mvn/find-jdk.sh"
airlock_find_jdk
CP="transfer-formats/target/test-classes:transfer-formats/target/classes:$(cat transfer-formats/target/test-cp.txt)"
[ $# -gt 0 ] || set -- BundleBench QrEncodeBench QrCameraDecodeBench QrDensityBench RefusalBench
for bench in "$@"; do
  case "$bench" in
    BundleBench) cls=dev.airlock.formats.bundle.BundleBench ;;
    RefusalBench) cls=dev.airlock.formats.kit.RefusalBench ;;
    *) cls=dev.airlock.formats.qr.$bench ;;
  esac
  echo "== $bench"
  "$JAVA_HOME/bin/java" -cp "$CP" "$cls"
done
