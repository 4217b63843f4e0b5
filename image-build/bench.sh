#!/bin/bash
# bench.sh: the appliance image's figures, written to image-build/out/bench.txt:
# build time (from a warm apt cache), image size raw (apparent and allocated) and zstd, root
# filesystem size, and per boot (TCG; KVM too when it works here): boot to the kiosk answering,
# to the browser's renderer, to a stable screen, and the server's and browser's memory.
#
#   sudo image-build/bench.sh [--boots N] [--no-build]
set -euo pipefail
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$HERE/lib.sh"
BOOTS=2; BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --boots) BOOTS=$2; shift 2 ;;
    --no-build) BUILD=; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
OUT=$HERE/out
R=$OUT/bench.txt
if [ -n "$BUILD" ]; then
  s=$(date +%s); "$HERE/build.sh" >/dev/null 2>"$OUT/bench-build.log" || { tail "$OUT/bench-build.log" >&2; die "build failed"; }
  build_s=$(( $(date +%s) - s ))
fi
img=$(readlink -f "$OUT/airlock-latest.img")
info=${img%.img}.build-info
{
  echo "# Airlock image benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "image=$(basename "$img")"
  [ -n "${build_s:-}" ] && echo "build_seconds_warm_cache=$build_s"
  echo "image_raw_mb=$(( $(stat -c %s "$img") / 1048576 )) (allocated $(( $(du -k "$img" | cut -f1) / 1024 )) MB, sparse)"
  echo "image_zstd_mb=$(( $(stat -c %s "$img.zst") / 1048576 ))"
  echo "root_squashfs_mb=$(( $(sed -n 's/^root_bytes=//p' "$info") / 1048576 ))"
  echo "root_sha256=$(sed -n 's/^root_sha256=//p' "$info")"
} | tee "$R"
# TCG BOOTS times; then, when /dev/kvm is there, one more boot with boot-test.sh's KVM probe
# (it falls back to TCG when KVM does not run a kernel here, and that boot counts as TCG).
runs=$(seq -f tcg-%g "$BOOTS"); [ -w /dev/kvm ] && runs="$runs auto-1"
for run in $runs; do
  dir=$OUT/bench-boot-$run
  if AIRLOCK_ACCEL=${run%-*} "$HERE/boot-test.sh" --out "$dir" >/dev/null 2>&1; then verdict=pass; else verdict=FAIL; fi
  accel=$(sed -n 's/^accel=//p' "$dir/figures.txt" 2>/dev/null)
  note=""; [ "${run%-*}" = auto ] && [ "$accel" != kvm ] && note=" (KVM probe failed: /dev/kvm does not run a kernel here)"
  echo "boot ${accel:-?} $run ($verdict)$note: $(grep -v '^accel=' "$dir/figures.txt" 2>/dev/null | tr '\n' ' ')" | tee -a "$R"
done
