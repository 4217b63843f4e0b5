# Shared by build.sh, boot-test.sh and bench.sh: names, fixed identifiers and small helpers.
# Sourced, not run. Every identifier below is fixed so two builds of one commit are identical.

. "$(dirname -- "${BASH_SOURCE:-$0}")/rootfs/usr/lib/airlock/slots.sh"

log() { printf '%s %s\n' "[$(date -u +%H:%M:%S)]" "$*" >&2; }
die() { printf 'image-build: %s\n' "$*" >&2; exit 1; }


# --- qemu, for boot-test.sh and update-test.sh (they set W, OVMF_CODE and the files in $W) ---
OVMF_CODE=/usr/share/OVMF/OVMF_CODE_4M.fd; OVMF_VARS=/usr/share/OVMF/OVMF_VARS_4M.fd
QEMU_PID=; SCAN_PID=
# qemu_run ACCEL SERIAL_LOG [CREDENTIAL_VALUE]: boots $W/disk.qcow2 with $W/stick.img in the
# background; the serial console is appended to SERIAL_LOG. With QEMU_NO_REBOOT=1 a restart of the
# guest ends qemu instead (update-test.sh then starts it again: a power cycle, see there).
qemu_run() {
  local accel=$1 serial=$2 cred=${3:-1} cpu=max
  [ "$accel" = kvm ] && cpu=host
  rm -f "$W/qmp.sock" "$W/scan.sock"
  qemu-system-x86_64 -machine q35 -accel "$accel" -cpu "$cpu" -smp 2 -m 2048 \
    -nodefaults -display none -device VGA,xres=1024,yres=600 \
    -drive if=pflash,format=raw,readonly=on,file="$OVMF_CODE" -drive if=pflash,format=raw,file="$W/vars.fd" \
    -drive if=none,id=disk,file="$W/disk.qcow2",format=qcow2 -device virtio-blk-pci,drive=disk \
    -device qemu-xhci,id=xhci \
    -drive if=none,id=stick,file="$W/stick.img",format=raw -device usb-storage,bus=xhci.0,drive=stick \
    -chardev socket,id=scan,path="$W/scan.sock",server=on,wait=off -device usb-serial,bus=xhci.0,chardev=scan,always-plugged=on \
    -netdev user,id=n0,restrict=on -device e1000,netdev=n0 \
    -chardev file,id=console,path="$serial",append=on -serial chardev:console ${QEMU_NO_REBOOT:+-no-reboot} -qmp unix:"$W/qmp.sock",server=on,wait=off \
    -smbios type=11,value=io.systemd.credential:airlock.boottest="$cred" &
  QEMU_PID=$!
  for _ in $(seq 50); do [ -S "$W/scan.sock" ] && break; sleep 0.1; done
  # qemu's usb-serial appears to the guest only while its chardev is connected: hold it open.
  socat -u UNIX-CONNECT:"$W/scan.sock" OPEN:"$W/scanner-out.txt",creat,append &
  SCAN_PID=$!
}
qmp() { printf '{"execute":"qmp_capabilities"}\n%s\n' "$1" | socat -t 5 - UNIX-CONNECT:"$W/qmp.sock" >/dev/null 2>&1; }
stop_qemu() {
  qmp '{"execute":"quit"}' || true
  for _ in $(seq 50); do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.1; done
  kill "$QEMU_PID" "$SCAN_PID" 2>/dev/null || true; wait "$QEMU_PID" 2>/dev/null || true; QEMU_PID=; SCAN_PID=
}
