#!/bin/bash
# train-classlist.sh: refreshes image-build/kiosk.classlist, the list of classes the kiosk loads
# from start to its first screen in a browser. build.sh dumps the image's class-data archive from
# this committed list (a static dump from a fixed list is reproducible; a training run is not).
# Run it after big changes to the kiosk; a stale list still works, it only archives less.
set -euo pipefail
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
REPO=$(dirname "$HERE")
. "$REPO/.mvn/find-jdk.sh"; airlock_find_jdk
W=$(mktemp -d); trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$W"' EXIT
[ -f "$REPO/kiosk-ui/target/kiosk.jar" ] || "$REPO/mvnw" -q -B -f "$REPO/pom.xml" -Dmaven.test.skip=true -pl kiosk-ui -am package
"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$REPO/kiosk-ui/target/kiosk.jar" extract --destination "$W/kiosk" >/dev/null
OPTS=$(grep -v '^[[:space:]]*#' "$REPO/kiosk-ui/jvm.options" | tr '\n' ' ')
PORT=${PORT:-18123}
mkdir "$W/data"
# shellcheck disable=SC2086
(cd "$W/kiosk" && exec "$JAVA_HOME/bin/java" $OPTS -XX:DumpLoadedClassList="$W/classlist" -jar kiosk.jar --data "$W/data" --port "$PORT") > "$W/kiosk.log" 2>&1 &
PID=$!
for _ in $(seq 120); do grep -q 'ready in' "$W/kiosk.log" && break; sleep 0.5; done
grep -q 'ready in' "$W/kiosk.log" || { cat "$W/kiosk.log" >&2; exit 1; }
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --user-data-dir="$W/chromium" --virtual-time-budget=20000 --dump-dom "http://127.0.0.1:$PORT/" > "$W/dom.html" 2>/dev/null
grep -q -i 'set up' "$W/dom.html" || echo "train-classlist: the first screen did not render; the list covers the start only" >&2
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
sed "s|$W/kiosk|@KIOSK@|g" "$W/classlist" > "$HERE/kiosk.classlist"
echo "image-build/kiosk.classlist: $(wc -l < "$HERE/kiosk.classlist") entries"
