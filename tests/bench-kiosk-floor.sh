#!/bin/sh
# Runs the kiosk start benchmark against its floor (dev.airlock.bench.KioskFloorBench): the real
# kiosk (extracted + CDS, kiosk-ui/jvm.options) vs a minimal Spring Boot app (tests/src/floor, one
# controller) on the same jars, JVM options and its own CDS archive: first HTTP 200 and RSS then,
# round by round (goal <= 1.3x each); the floor is started twice each round: as it is, and through
# Spring AOT like the kiosk.
# Usage: tests/bench-kiosk-floor.sh [--runs N]
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
./mvnw -q -B -DskipTests -pl tests -am package dependency:build-classpath \
  -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
. "$ROOT/.mvn/find-jdk.sh"
airlock_find_jdk
CP="tests/target/test-classes:tests/target/classes:$(cat tests/target/test-cp.txt)"
APP="$ROOT/tests/target/kiosk-app"
if [ ! -d "$APP/lib" ]; then
  rm -rf "$APP"
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar kiosk-ui/target/kiosk.jar extract --destination "$APP" >/dev/null
fi
# a jar with kiosk.jar's Class-Path (lib/...), put beside it by the bench, so both start the same
# way (java -jar) and both can have a CDS archive (a class folder on the class path rules that out)
FLOOR="$ROOT/tests/target/floor-classes"
rm -rf "$FLOOR"
"$JAVA_HOME/bin/javac" -d "$FLOOR" -cp "$APP/lib/*" tests/src/floor/java/dev/airlock/floor/MinimalBootApp.java
# the floor through Spring AOT as well (as kiosk-ui/pom.xml runs it for the kiosk), so the bench can
# start it both ways: plain, and with -Dspring.aot.enabled=true like the kiosk
AOT="$ROOT/tests/target/floor-aot"
rm -rf "$AOT"
"$JAVA_HOME/bin/java" -cp "$FLOOR:$APP/lib/*" org.springframework.boot.SpringApplicationAotProcessor \
  dev.airlock.floor.MinimalBootApp "$AOT/sources" "$AOT/resources" "$AOT/classes" dev.airlock floor >"$AOT.log" 2>&1 \
  || { cat "$AOT.log"; exit 1; }
if [ -d "$AOT/classes" ]; then cp -r "$AOT/classes/." "$FLOOR/"; fi # outputs are cleared first: not the floor's classes
find "$AOT/sources" -name '*.java' > "$AOT.list"
"$JAVA_HOME/bin/javac" -d "$FLOOR" -cp "$FLOOR:$APP/lib/*" @"$AOT.list"
unzip -p "$APP/kiosk.jar" META-INF/MANIFEST.MF | tr -d '\r' | awk '/^Class-Path:/{p=1} p&&/^[^ ]/&&!/^Class-Path:/{p=0} p&&/./' \
  > "$FLOOR.mf"
echo "Main-Class: dev.airlock.floor.MinimalBootApp" >> "$FLOOR.mf"
"$JAVA_HOME/bin/jar" --create --file "$ROOT/tests/target/floor.jar" --manifest "$FLOOR.mf" -C "$FLOOR" .
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx512m -cp "$CP" dev.airlock.bench.KioskFloorBench \
  --floor-jar "$ROOT/tests/target/floor.jar" "$@"
