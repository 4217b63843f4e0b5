#!/bin/sh
# Runs every flow's benchmark of issue #13 one after another and prints their figures as one
# table (figure, size, Airlock, floor measured in the same run, ratio, goal):
#   bench        intake vs Python ElementTree; status vs sqlite3 counts      (tests/bench.sh)
#   roundtrip    merge of returned CIDs vs one sqlite3 UPDATE … FROM          (tests/bench-roundtrip.sh)
#   signer       export in the kiosk and from the CLI vs sqlite3 dump + fsync (tests/bench-signer.sh)
#   gateway      online gateway at 200 ms per call, 8 in flight vs 1          (tests/bench-gateway.sh)
#   kiosk-floor  kiosk first HTTP 200 and RSS vs a minimal Spring Boot app    (tests/bench-kiosk-floor.sh)
# Each script's whole output is kept in tests/target/bench-all/NAME.txt. About 25 minutes on
# 2 cores; run it on an otherwise idle machine (the ratios are what to read, not the seconds).
# Usage: tests/bench-all.sh [NAME...]   (default: all of them, in the order above)
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/tests/target/bench-all"
mkdir -p "$OUT"
names=${*:-bench roundtrip signer gateway kiosk-floor}
for n in $names; do
  case "$n" in
    bench) script=tests/bench.sh ;;
    roundtrip|signer|gateway|kiosk-floor) script=tests/bench-$n.sh ;;
    *) echo "bench-all: no benchmark called $n (bench, roundtrip, signer, gateway, kiosk-floor)" >&2; exit 2 ;;
  esac
  echo "bench-all: $script ..." >&2
  start=$(date +%s)
  if ! sh "$script" >"$OUT/$n.txt" 2>&1; then
    echo "bench-all: $script failed; its last lines ($OUT/$n.txt):" >&2
    tail -n 20 "$OUT/$n.txt" >&2
    exit 1
  fi
  echo "bench-all: $script done in $(( $(date +%s) - start )) s" >&2
done
echo
echo "| figure | size | Airlock | floor | ratio | goal |"
echo "|---|---|---|---|---|---|"
for n in $names; do
  # every table row the bench printed, without its header rows; a row printed twice (as measured
  # and again in the bench's closing table) once
  grep -E '^\| ' "$OUT/$n.txt" | grep -vE '^\| *(figure|-{3,}) *\|' | sed -E 's/ +\|/ |/g; s/\| +/| /g' | awk '!seen[$0]++'
done
