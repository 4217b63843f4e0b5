#!/bin/sh
# A newcomer's first commands, exactly as README.md writes them, on a fresh clone of this commit
# (HEAD; uncommitted changes are not in it) with a Maven local repository that holds no dev.airlock
# artifacts: `./airlock --help`, `./airlock kiosk --help` (prints help, starts nothing) and
# `./airlock kiosk` until it prints its address and "ready" and "/" answers HTTP 200; then a second
# start, as every later start is. Prints the timings. `.ci/run` runs it before the test suites.
# Usage: tests/first-run.sh            (needs port 8080 free: the README's command uses it)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
REPO_SRC=${AIRLOCK_FIRST_RUN_M2:-$HOME/.m2/repository}
PORT=8080
URL="http://127.0.0.1:$PORT/"

say() { echo "first-run: $*"; }
fail() { echo "first-run: FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$URL" 2>/dev/null || true; }

command -v curl >/dev/null || fail "needs curl"
code=$(http_code)
[ "$code" = "000" ] || [ -z "$code" ] || fail "something already answers on $URL (HTTP $code): stop it first"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/airlock-first-run.XXXXXX")
KIOSK_PID=""
cleanup() {
  if [ -n "$KIOSK_PID" ] && kill -0 "$KIOSK_PID" 2>/dev/null; then
    kill "$KIOSK_PID" 2>/dev/null || true
    wait "$KIOSK_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# A local repository without dev.airlock: the machine's own when it holds none (a fresh CI machine),
# else a hard-linked copy of it with dev/airlock removed (cheap; downloads land in the copy).
if [ -d "$REPO_SRC/dev/airlock" ]; then
  say "the local repository $REPO_SRC holds dev.airlock artifacts: using a copy without them"
  mkdir -p "$WORK/m2"
  cp -al "$REPO_SRC" "$WORK/m2/repository"
  rm -rf "$WORK/m2/repository/dev/airlock"
  M2="$WORK/m2/repository"
else
  mkdir -p "$REPO_SRC"
  M2="$REPO_SRC"
fi
MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$M2"
export MAVEN_OPTS

COMMIT=$(git -C "$ROOT" rev-parse HEAD)
git clone -q --no-local "$ROOT" "$WORK/airlock"
git -C "$WORK/airlock" checkout -q "$COMMIT"
cd "$WORK/airlock"
say "fresh clone of $COMMIT in $WORK/airlock, Maven local repository $M2"

# 1. ./airlock --help: builds the CLI on first use, lists the commands.
t=$(now)
./airlock --help >"$WORK/help.out" 2>"$WORK/help.err" || { cat "$WORK/help.err" >&2; fail "./airlock --help exited $?"; }
T_CLI=$(since "$t")
grep -q 'kiosk' "$WORK/help.out" && grep -q 'Exit codes' "$WORK/help.out" \
  || { cat "$WORK/help.out" >&2; fail "./airlock --help does not list the commands"; }
say "./airlock --help: ok in ${T_CLI} s (first build of the CLI included)"

# 2. ./airlock kiosk --help: help, and nothing listens afterwards.
./airlock kiosk --help >"$WORK/khelp.out" 2>&1 || { cat "$WORK/khelp.out" >&2; fail "./airlock kiosk --help exited $?"; }
grep -q -- '--port' "$WORK/khelp.out" || { cat "$WORK/khelp.out" >&2; fail "./airlock kiosk --help printed no help"; }
[ "$(http_code)" = "000" ] || fail "./airlock kiosk --help started something on $URL"
say "./airlock kiosk --help: help printed, nothing started"

# start_kiosk LOG: ./airlock kiosk in the background; waits for the address, "ready" and HTTP 200.
start_kiosk() {
  log=$1
  t=$(now)
  ./airlock kiosk >"$log" 2>&1 &
  KIOSK_PID=$!
  i=0
  while :; do
    if ! kill -0 "$KIOSK_PID" 2>/dev/null; then
      tail -n 60 "$log" >&2
      fail "./airlock kiosk stopped before it was ready"
    fi
    if grep -q 'ready' "$log" 2>/dev/null && [ "$(http_code)" = "200" ]; then
      break
    fi
    i=$((i + 1))
    [ "$i" -lt 1200 ] || { tail -n 60 "$log" >&2; fail "./airlock kiosk not ready after 10 minutes"; }
    sleep 0.5
  done
  T_KIOSK=$(since "$t")
  grep -q "$URL" "$log" || { cat "$log" >&2; fail "./airlock kiosk did not print the address it serves"; }
}
stop_kiosk() {
  kill "$KIOSK_PID"
  wait "$KIOSK_PID" 2>/dev/null || true
  KIOSK_PID=""
}

# 3. ./airlock kiosk: builds the kiosk on first use, prints its address and "ready", answers 200.
start_kiosk "$WORK/kiosk1.log"
say "./airlock kiosk: HTTP 200 from $URL in ${T_KIOSK} s (first build of the kiosk included)"
sed 's/^/first-run:   | /' "$WORK/kiosk1.log" | grep -v '^first-run:   | $' | tail -n 4
stop_kiosk
T_FIRST=$T_KIOSK

# 4. A later start: nothing to build.
start_kiosk "$WORK/kiosk2.log"
grep -q 'building' "$WORK/kiosk2.log" && fail "the second ./airlock kiosk built again"
say "./airlock kiosk again: HTTP 200 in ${T_KIOSK} s"
stop_kiosk

[ -d "$M2/dev/airlock" ] && fail "the launcher put dev.airlock artifacts into $M2"
say "ok: CLI first build ${T_CLI} s, kiosk first start ${T_FIRST} s, later start ${T_KIOSK} s"
