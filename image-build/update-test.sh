#!/bin/bash
# update-test.sh: the update path of the image, booted in qemu: four boots in one run (see
# rootfs/usr/libexec/airlock/boot-test-update). A good update is staged as the kiosk stages it,
# written to slot B, booted once and kept; then an update whose kiosk never answers is written to
# slot A, booted once, and abandoned: the appliance comes back on slot B by itself.
#
#   sudo image-build/update-test.sh [--image IMG] [--out DIR] [--release-key KEY.pem] [--timeout S]
#
# Needs the build's root (image-build/out/work/root) for the broken variant, and the release key
# the image was built with (default: the development key build.sh made).
set -euo pipefail
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$HERE/lib.sh"
IMAGE=$HERE/out/airlock-latest.img
OUT=$HERE/out/update-test
KEY=${AIRLOCK_RELEASE_KEY:-/var/cache/airlock-image/release-dev.pem}
TIMEOUT=2400
while [ $# -gt 0 ]; do
  case "$1" in
    --image) IMAGE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --release-key) KEY=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
IMG=$(readlink -f "$IMAGE"); NAME=$(basename "$IMG" .img); VERSION=${NAME#airlock-}
ROOT=$HERE/out/work/root
[ -f "$IMG" ] && [ -f "${IMG%.img}.root.squashfs" ] || die "no image and root squashfs at $IMG: build first"
[ -d "$ROOT/usr/lib/airlock" ] || die "no build root at $ROOT: build first (the broken update is made from it)"
rm -rf "$OUT"; mkdir -p "$OUT"; W=$OUT/run; mkdir -p "$W/good" "$W/bad"
trap 'stop_qemu 2>/dev/null || true; rm -f "$W/disk.qcow2" "$W/stick.img" "$W"/good/*.squashfs "$W"/bad/*.squashfs' EXIT

log "updates: the build's root as $VERSION.1, and a broken one (its kiosk never starts) as $VERSION.2"
cp "${IMG%.img}.root.squashfs" "$W/good/airlock-$VERSION.1.root.squashfs"
"$HERE/sign-update.sh" "$KEY" "$W/good/airlock-$VERSION.1.root.squashfs" "$VERSION.1" "$W/good" >/dev/null
sed 's|boot-confirm 600|boot-confirm 60|' "$ROOT/usr/lib/systemd/system/airlock-boot-confirm.service" > "$W/boot-confirm.service"
# mksquashfs takes every argument after -e as a path to exclude, so -e comes last.
env -u SOURCE_DATE_EPOCH mksquashfs "$ROOT" "$W/bad/airlock-$VERSION.2.root.squashfs" -noappend -quiet -comp zstd -Xcompression-level 1 -b 1M \
  -p "usr/libexec/airlock/kiosk-server f 755 0 0 printf '#!/bin/sh\necho broken on purpose by update-test.sh >&2\nexit 1\n'" \
  -p "usr/lib/systemd/system/airlock-boot-confirm.service f 644 0 0 cat $W/boot-confirm.service" \
  -e usr/libexec/airlock/kiosk-server usr/lib/systemd/system/airlock-boot-confirm.service >/dev/null
# The broken update must still carry the fallback (its own boot-confirm) and a kiosk that fails.
unsquashfs -cat "$W/bad/airlock-$VERSION.2.root.squashfs" usr/lib/systemd/system/airlock-boot-confirm.service | grep -q 'boot-confirm 60$' \
  && unsquashfs -cat "$W/bad/airlock-$VERSION.2.root.squashfs" usr/libexec/airlock/kiosk-server | grep -q 'broken on purpose' \
  || die "the broken update was not made as intended (see mksquashfs -p/-e)"
"$HERE/sign-update.sh" "$KEY" "$W/bad/airlock-$VERSION.2.root.squashfs" "$VERSION.2" "$W/bad" >/dev/null

log "stick: both updates in AIRLOCK/update/good and /bad"
truncate -s 1400M "$W/stick.img"; mkfs.vfat -F 32 -n AIRLOCKUPD "$W/stick.img" >/dev/null
export MTOOLS_SKIP_CHECK=1
mmd -i "$W/stick.img" ::/AIRLOCK ::/AIRLOCK/update ::/AIRLOCK/update/good ::/AIRLOCK/update/bad
mcopy -i "$W/stick.img" "$W"/good/* ::/AIRLOCK/update/good/
mcopy -i "$W/stick.img" "$W"/bad/* ::/AIRLOCK/update/bad/
qemu-img create -q -f qcow2 -b "$IMG" -F raw "$W/disk.qcow2" "$(( $(stat -c %s "$IMG") + 1024 * 1024 * 1024 ))"
cp "$OVMF_VARS" "$W/vars.fd"

ACCEL=${AIRLOCK_ACCEL:-tcg}; [ "$ACCEL" = tcg ] && ACCEL=tcg,thread=multi
# Each restart of the guest ends qemu (-no-reboot) and the loop starts it again on the same disk
# and firmware variables: a power cycle. qemu's own warm reset under TCG sometimes never reaches
# the boot loader's kernel after a full boot (1 of 4 plain resets here, and the first update runs
# stalled in the firmware for 10 minutes); a cold start from the same disk and variables always
# booted. The one-shot entry, the default entry and the fallback live on the disk and in the
# variables, so a power cycle tests them as a warm restart would.
SERIAL=$OUT/serial.log
export QEMU_NO_REBOOT=1
deadline=$(( $(date +%s) + TIMEOUT )); starts=0
while [ "$(date +%s)" -lt "$deadline" ] && [ "$starts" -lt 6 ]; do
  starts=$((starts + 1))
  log "start $starts under ${ACCEL%%,*}"
  qemu_run "$ACCEL" "$SERIAL" update
  while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$QEMU_PID" 2>/dev/null; do
    grep -a -q 'AIRLOCK-MARK update-done\|AIRLOCK-MARK update-[a-z-]* FAIL' "$SERIAL" 2>/dev/null && break
    sleep 5
  done
  grep -a -q 'AIRLOCK-MARK update-done\|AIRLOCK-MARK update-[a-z-]* FAIL' "$SERIAL" 2>/dev/null && break
  kill -0 "$QEMU_PID" 2>/dev/null && break  # the deadline passed with qemu running
  stop_qemu  # the guest restarted: qemu ended; start it again
done
stop_qemu
tr -d '\r' < "$SERIAL" | grep -a -o 'AIRLOCK-MARK update-.*' > "$OUT/markers.txt" || true
failed=0
for m in update-boot-1 update-written update-oneshot update-boot-2 update-confirmed update-bad-written update-boot-3 \
         update-bad-boot update-boot-4 update-fallback update-done; do
  line=$(grep -a -m1 "^AIRLOCK-MARK $m " "$OUT/markers.txt" || true)
  case "$line" in
    "AIRLOCK-MARK $m ok"*) echo "PASS $m${line#AIRLOCK-MARK $m ok}" ;;
    "") echo "FAIL $m (no marker)" ;;
    *) echo "FAIL ${line#AIRLOCK-MARK }" ;;
  esac
done | tee "$OUT/checks.txt"
grep -q '^FAIL' "$OUT/checks.txt" && failed=1
[ "$failed" = 0 ] && log "update test passed ($OUT)" || log "update test FAILED: see $OUT/checks.txt and $OUT/serial.log"
exit "$failed"
