# shellcheck shell=sh
# Sourced by ./mvnw and ./airlock: picks a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME if new enough, else the newest JDK under $AIRLOCK_JDK_ROOTS
# (default /usr/lib/jvm), else the java on PATH. Prints what it saw when none fits.

airlock_jdk_major() {
  # $1 = JDK home. Reads the release file (fast); falls back to asking java itself.
  _v=""
  if [ -f "$1/release" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" | head -n 1)
  fi
  if [ -z "$_v" ] && [ -x "$1/bin/java" ]; then
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$_v" in
    1.*) _v=${_v#1.} ;;
  esac
  _v=${_v%%[.+-]*}
  case "$_v" in
    ''|*[!0-9]*) echo 0 ;;
    *) echo "$_v" ;;
  esac
}

airlock_find_jdk() {
  _need=21
  _seen=""
  if [ -n "${JAVA_HOME:-}" ]; then
    _m=$(airlock_jdk_major "$JAVA_HOME")
    if [ "$_m" -ge "$_need" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
      AIRLOCK_JDK_MAJOR=$_m
      export JAVA_HOME AIRLOCK_JDK_MAJOR
      return 0
    fi
    _seen="$_seen
  JAVA_HOME=$JAVA_HOME (Java $_m)"
  fi
  _best=""
  _bestm=0
  for _root in ${AIRLOCK_JDK_ROOTS-/usr/lib/jvm}; do
    [ -d "$_root" ] || continue
    for _d in "$_root"/*; do
      [ -x "$_d/bin/javac" ] || continue
      _m=$(airlock_jdk_major "$_d")
      _seen="$_seen
  $_d (Java $_m)"
      if [ "$_m" -ge "$_need" ] && [ "$_m" -gt "$_bestm" ]; then
        _best=$_d
        _bestm=$_m
      fi
    done
  done
  if [ -z "$_best" ] && [ -z "${AIRLOCK_JDK_ROOTS+set}" ] && command -v javac >/dev/null 2>&1; then
    _d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    _m=$(airlock_jdk_major "$_d")
    _seen="$_seen
  $_d (Java $_m, from PATH)"
    [ "$_m" -ge "$_need" ] && _best=$_d && _bestm=$_m
  fi
  if [ -z "$_best" ]; then
    echo "airlock: no JDK $_need or newer found. Airlock is built and run with Java $_need+." >&2
    if [ -n "$_seen" ]; then
      echo "  JDKs found, all too old or incomplete:$_seen" >&2
    else
      echo "  No JDK found in JAVA_HOME, ${AIRLOCK_JDK_ROOTS-/usr/lib/jvm} or on PATH." >&2
    fi
    echo "  Install one (for example Debian's openjdk-21-jdk or a Temurin 21+ JDK under /usr/lib/jvm)," >&2
    echo "  or point JAVA_HOME at it." >&2
    return 1
  fi
  JAVA_HOME=$_best
  AIRLOCK_JDK_MAJOR=$_bestm
  export JAVA_HOME AIRLOCK_JDK_MAJOR
}
