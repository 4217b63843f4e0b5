#!/bin/sh
# Time-boxed fuzzing of every @FuzzTest in transfer-formats and appliance (Jazzer 0.24.0).
#
#   tests/fuzz.sh [SECONDS] [FILTER]
#
# SECONDS per target (default 60); FILTER: only targets whose Class.method contains it.
# FUZZ_JOBS=N runs N targets at once (default 1). Builds once (test-compile), then runs each
# target in its own JVM straight from the compiled classes with Jazzer's driver (one @FuzzTest
# per run is all Jazzer fuzzes). Prints per target: executions, exec/s, coverage (libFuzzer's
# final "cov:" edges and "ft:" features) and the corpus size; exits 1 if any target found a crash.
#
# Seeds:    <module>/src/test/resources/<package>/<Class>Inputs/<method>/ (read, never written)
# Corpus:   <module>/target/fuzz/<Class>.<method>/corpus/ (what the fuzzer found interesting; kept)
# Findings: <module>/target/fuzz/<Class>.<method>/crash-<sha1> (the input) and Crash_<sha1>.java
#           (a reproducer); the whole log is run.log beside them.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
filter=${2:-}
jobs=${FUZZ_JOBS:-1}
case "$seconds" in ''|*[!0-9]*) echo "usage: tests/fuzz.sh [SECONDS] [FILTER]" >&2; exit 2 ;; esac
case "$jobs" in ''|*[!0-9]*|0) echo "FUZZ_JOBS must be a whole number of at least 1" >&2; exit 2 ;; esac

. "$root/.mvn/find-jdk.sh"
airlock_find_jdk || exit 3
java="$JAVA_HOME/bin/java"
# Jazzer 0.24.0's ASM reads class files up to Java 23: on a newer JDK it cannot hook the JDK's own
# classes (it tries, fails and logs a stack trace for each), so it is told not to try.
jdk_excludes=""
[ "${AIRLOCK_JDK_MAJOR:-0}" -lt 24 ] || jdk_excludes="--additional_classes_excludes=java.**:javax.**:jdk.**:sun.**:com.sun.**"
modules="transfer-formats appliance"

# Step 1: compile once and write each module's test class path (offline first, as CI has run verify).
build="-q -B -pl transfer-formats,appliance -am test-compile dependency:build-classpath"
build="$build -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test"
# shellcheck disable=SC2086
if ! ./mvnw -o $build >/tmp/airlock-fuzz-build.$$ 2>&1 && ! ./mvnw $build >/tmp/airlock-fuzz-build.$$ 2>&1; then
  cat /tmp/airlock-fuzz-build.$$ >&2
  rm -f /tmp/airlock-fuzz-build.$$
  echo "fuzz: the build failed (above); nothing was fuzzed" >&2
  exit 3
fi
rm -f /tmp/airlock-fuzz-build.$$

# Step 2: find the targets: every method annotated @FuzzTest, as module|class|method.
targets=""
for m in $modules; do
  for f in $(grep -rl '@FuzzTest' "$m/src/test/java" --include='*.java' | sort); do
    cls=$(echo "$f" | sed "s|^$m/src/test/java/||; s|\.java\$||; s|/|.|g")
    for meth in $(awk '/@FuzzTest/ { want = 1; next } want && /void [A-Za-z0-9_]+\(/ {
        sub(/.*void /, ""); sub(/\(.*/, ""); print; want = 0 }' "$f"); do
      case "$cls.$meth" in *"$filter"*) targets="$targets $m|$cls|$meth" ;; esac
    done
  done
done
if [ -z "$targets" ]; then
  echo "fuzz: no @FuzzTest matches '$filter'" >&2
  exit 2
fi

# Step 3: one target, fuzzed for $seconds; writes its summary line to $dir/summary.
run_target() {
  m=$1 cls=$2 meth=$3
  dir="$root/$m/target/fuzz/$cls.$meth"
  mkdir -p "$dir/corpus"
  rm -f "$dir/summary"
  pkg_path=$(echo "${cls%.*}" | tr . /)
  seeds="$root/$m/src/test/resources/$pkg_path/${cls##*.}Inputs/$meth"
  [ -d "$seeds" ] || seeds=""
  cp="$root/$m/target/test-classes:$root/$m/target/classes:$(cat "$root/$m/target/fuzz.classpath")"
  set +e
  # -timeout: one input running 10 s is a hang; -Xmx bounds memory so a blow-up is an OutOfMemoryError finding
  # shellcheck disable=SC2086
  (cd "$dir" && nice "$java" -Xmx1g -Xss1m -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED \
      -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="$cls" --target_method="$meth" \
      ${jdk_excludes:+"$jdk_excludes"} --reproducer_path="$dir" -artifact_prefix="$dir/" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=0 -print_final_stats=1 "$dir/corpus" $seeds) >"$dir/run.log" 2>&1
  rc=$?
  set -e
  stats=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$dir/run.log" | tail -n 1)
  runs=$(sed -n 's/^stat::number_of_executed_units:[[:space:]]*//p' "$dir/run.log" | tail -n 1)
  [ -n "$runs" ] || runs=$(echo "$stats" | sed -n 's/^#\([0-9]*\).*/\1/p')
  field() { echo "$stats" | sed -n "s|.* $1: *\([^ ]*\).*|\1|p"; }
  result=ok
  if [ "$rc" -ne 0 ]; then
    result="FAILED (exit $rc)"
    crash=$(ls -t "$dir"/crash-* "$dir"/timeout-* "$dir"/oom-* 2>/dev/null | head -n 1 || true)
    [ -n "$crash" ] && result="CRASH $crash"
  fi
  printf '%-72s %10s %7s %6s %6s %6s  %s\n' "$cls.$meth" "${runs:-0}" "$(sed -n 's/^stat::average_exec_per_sec:[[:space:]]*//p' "$dir/run.log" | tail -n 1)" "$(field cov)" \
    "$(field ft)" "$(echo "$stats" | sed -n 's/.* corp: *\([0-9]*\).*/\1/p')" "$result" >"$dir/summary"
}

echo "Fuzzing each target for ${seconds}s ($jobs at a time)..."
running=0
for t in $targets; do
  IFS='|' read -r m cls meth <<EOF
$t
EOF
  run_target "$m" "$cls" "$meth" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait
    running=0
  fi
done
wait

printf '%-72s %10s %7s %6s %6s %6s  %s\n' target executions exec/s cov ft corpus result
failed=0
for t in $targets; do
  IFS='|' read -r m cls meth <<EOF
$t
EOF
  dir="$root/$m/target/fuzz/$cls.$meth"
  if [ -f "$dir/summary" ]; then cat "$dir/summary"; else echo "$cls.$meth: no result (see $dir/run.log)"; failed=1; fi
  grep -q ' ok$' "$dir/summary" 2>/dev/null || failed=1
done
if [ "$failed" -ne 0 ]; then
  cat >&2 <<'EOF'

fuzz: a target failed. Its input is the crash-*/timeout-* file named above (the log, run.log, is
beside it, with the stack trace). Reproduce and keep it as a regression seed:
  cp <that file> <module>/src/test/resources/<package>/<Class>Inputs/<method>/
  ./mvnw -o -pl <module> -am -Dtest=<Class> -Dsurefire.failIfNoSpecifiedTests=false test
then fix the parser until that test passes, and commit the seed with the fix.
EOF
  exit 1
fi
