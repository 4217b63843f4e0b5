#!/bin/bash
# boot-test.sh: boots the appliance image in qemu (UEFI, headless) with a FAT stick, a USB serial
# scanner and a NIC attached, reads the markers the test-only unit prints on the serial console
# (it runs only because qemu hands in the airlock.boottest credential), and checks the screen
# shows the kiosk's first-run setup (QMP screendump, read back by tesseract).
#
#   image-build/boot-test.sh [--image IMG] [--out DIR] [--timeout SECONDS]
#
# Default IMG: image-build/out/airlock-latest.img; results (serial log, screenshot, figures) go to
# DIR (default image-build/out/boot-test). KVM is used when it works here (a short probe boot),
# TCG otherwise; AIRLOCK_ACCEL=tcg|kvm forces one. Exit 0 when every marker and the screen check
# pass, 1 otherwise.
set -euo pipefail
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$HERE/lib.sh"
IMAGE=$HERE/out/airlock-latest.img
OUT=$HERE/out/boot-test
TIMEOUT=900
while [ $# -gt 0 ]; do
  case "$1" in
    --image) IMAGE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ -f "$IMAGE" ] || die "no image at $IMAGE: build it first (sudo image-build/build.sh)"
for t in qemu-system-x86_64 qemu-img socat mkfs.vfat mcopy tesseract pnmtopng; do
  command -v "$t" >/dev/null || die "$t is missing: apt-get install qemu-system-x86 qemu-utils ovmf socat dosfstools mtools tesseract-ocr netpbm"
done
[ -f "$OVMF_CODE" ] || die "no UEFI firmware at $OVMF_CODE: apt-get install ovmf"

rm -rf "$OUT"; mkdir -p "$OUT"
W=$OUT/run; mkdir -p "$W"
cleanup() {
  [ -n "$QEMU_PID" ] && kill "$QEMU_PID" 2>/dev/null || true
  [ -n "$SCAN_PID" ] && kill "$SCAN_PID" 2>/dev/null || true
  rm -f "$W/disk.qcow2" "$W/stick.img"
}
trap cleanup EXIT

# The disk: a copy-on-write layer over the image, 1 GiB larger, so first boot has room to grow
# the data partition (the image itself is never changed).
qemu-img create -q -f qcow2 -b "$(readlink -f "$IMAGE")" -F raw "$W/disk.qcow2" \
  "$(( $(stat -L -c %s "$IMAGE") + 1024 * 1024 * 1024 ))"
cp "$OVMF_VARS" "$W/vars.fd"
# The stick: 64 MiB FAT with the folder the kiosk uses.
truncate -s 64M "$W/stick.img"
mkfs.vfat -n AIRLOCKTEST "$W/stick.img" >/dev/null
MTOOLS_SKIP_CHECK=1 mmd -i "$W/stick.img" ::/AIRLOCK

# KVM if it works: /dev/kvm may exist and still not run a kernel (nested microVMs), so a probe
# boot must print the kernel's first line within 40 s.
ACCEL=${AIRLOCK_ACCEL:-auto}
if [ "$ACCEL" = auto ]; then
  ACCEL=tcg
  if [ -w /dev/kvm ]; then
    log "probing KVM"
    qemu_run kvm "$W/probe.log" 2>"$W/probe.err"
    for _ in $(seq 40); do
      grep -q 'Linux version' "$W/probe.log" 2>/dev/null && { ACCEL=kvm; break; }
      kill -0 "$QEMU_PID" 2>/dev/null || break  # qemu gave up
      grep -q "KVM internal error" "$W/probe.err" 2>/dev/null && break  # qemu pauses the VM on it
      sleep 1
    done
    stop_qemu
    cp "$OVMF_VARS" "$W/vars.fd"
    qemu-img create -q -f qcow2 -b "$(readlink -f "$IMAGE")" -F raw "$W/disk.qcow2" "$(( $(stat -L -c %s "$IMAGE") + 1024 * 1024 * 1024 ))"
  fi
fi
[ "$ACCEL" = tcg ] && ACCEL=tcg,thread=multi
log "booting $(basename "$(readlink -f "$IMAGE")") under ${ACCEL%%,*}"
T0=$(date +%s.%N)
since() { echo "$(date +%s.%N) $T0" | awk '{printf "%.1f", $1 - $2}'; }
SERIAL=$OUT/serial.log
qemu_run "$ACCEL" "$SERIAL"

# Screenshots every 10 s once the browser runs. When two in a row are the same (the page has
# settled), tesseract reads it; the check passes when it reads the setup page's title.
EXPECT='set up this appliance'
SHOT_OK=; SHOT_AT=; prev=; n=0; next_shot=0
shot() {
  n=$((n + 1)); local ppm=$W/shot-$n.ppm
  qmp "{\"execute\":\"screendump\",\"arguments\":{\"filename\":\"$ppm\"}}" || return 1
  for _ in $(seq 20); do [ -s "$ppm" ] && break; sleep 0.2; done
  [ -s "$ppm" ] || return 1
  local sum; sum=$(md5sum < "$ppm" | cut -d' ' -f1)
  if [ "$sum" = "$prev" ]; then
    pnmtopng "$ppm" > "$OUT/screen.png" 2>/dev/null
    tesseract "$OUT/screen.png" "$OUT/screen" >/dev/null 2>&1 || true
    if grep -q -i "$EXPECT" "$OUT/screen.txt" 2>/dev/null; then SHOT_AT=$(since); SHOT_OK=1; fi
  fi
  prev=$sum
  rm -f "$W/shot-$((n - 2)).ppm"
}

deadline=$(( $(date +%s) + TIMEOUT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  kill -0 "$QEMU_PID" 2>/dev/null || { log "qemu exited"; break; }
  if grep -q 'AIRLOCK-MARK browser-renderer' "$SERIAL" 2>/dev/null && [ -z "$SHOT_OK" ] && [ "$(date +%s)" -ge "$next_shot" ]; then
    shot || true; next_shot=$(( $(date +%s) + 10 ))
  fi
  if grep -q 'AIRLOCK-MARK done' "$SERIAL" 2>/dev/null && [ -n "$SHOT_OK" ]; then break; fi
  sleep 2
done
stop_qemu

# Verdict: every marker ok, all expected markers present, the screen shows the setup page.
tr -d '\r' < "$SERIAL" | grep -a -o 'AIRLOCK-MARK .*' > "$OUT/markers.txt" || true
failed=0
for m in start kiosk-answering kiosk-cds browser-renderer browser-wayland root-readonly var-tmpfs data-writable failed-units \
         nft-policies nic-down loopback-only kernel-sockets outbound-blocked kiosk-no-network stick-mounted stick-writable stick-not-exec \
         scanner-tty memory stick-eject browser-helpers done; do
  line=$(grep -a -m1 "^AIRLOCK-MARK $m " "$OUT/markers.txt" || true)
  case "$line" in
    "AIRLOCK-MARK $m ok"*) echo "PASS $m ${line#AIRLOCK-MARK $m ok}" ;;
    "") echo "FAIL $m (no marker)"; failed=1 ;;
    *) echo "FAIL $m ${line#AIRLOCK-MARK $m }"; failed=1 ;;
  esac
done | tee "$OUT/checks.txt"
grep -q '^FAIL' "$OUT/checks.txt" && failed=1
data_mb=$(sed -n 's/^AIRLOCK-MARK data-writable ok .*(\([0-9]*\))$/\1/p' "$OUT/markers.txt")
if [ -n "$data_mb" ] && [ "$data_mb" -gt $((DATA_MIB * 4)) ]; then echo "PASS data-grown ${data_mb} MiB (image: $DATA_MIB MiB)"
else echo "FAIL data-grown: the data partition is ${data_mb:-?} MiB, not grown to the disk"; failed=1; fi | tee -a "$OUT/checks.txt"
if [ -n "$SHOT_OK" ]; then echo "PASS screen: '$EXPECT' read from the screenshot, $SHOT_AT s after qemu started"
elif [ -f "$OUT/screen.png" ]; then echo "FAIL screen: the last settled screen does not show the setup page (tesseract read: $(tr '\n' ' ' < "$OUT/screen.txt" | cut -c1-200))"
else echo "FAIL screen: the screen never settled within $TIMEOUT s"; fi | tee -a "$OUT/checks.txt"
grep -q '^FAIL' "$OUT/checks.txt" && failed=1

up() { sed -n "s/^AIRLOCK-MARK $1 ok uptime=\([0-9.]*\).*/\1/p" "$OUT/markers.txt"; }
{
  echo "accel=${ACCEL%%,*}"
  echo "kiosk_answering_uptime_s=$(up kiosk-answering)"
  echo "browser_renderer_uptime_s=$(up browser-renderer)"
  echo "screen_stable_after_qemu_start_s=${SHOT_AT:-}"
  sed -n 's/^AIRLOCK-MARK memory ok //p' "$OUT/markers.txt" | tr ' ' '\n'
} > "$OUT/figures.txt"
cat "$OUT/figures.txt"
[ "$failed" = 0 ] && log "boot test passed ($OUT)" || log "boot test FAILED: see $OUT/checks.txt and $OUT/serial.log"
exit "$failed"
