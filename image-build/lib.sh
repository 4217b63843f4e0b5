# Shared by build.sh, boot-test.sh and bench.sh: names, fixed identifiers and small helpers.
# Sourced, not run. Every identifier below is fixed so two builds of one commit are identical.

. "$(dirname -- "${BASH_SOURCE:-$0}")/rootfs/usr/lib/airlock/slots.sh"

log() { printf '%s %s\n' "[$(date -u +%H:%M:%S)]" "$*" >&2; }
die() { printf 'image-build: %s\n' "$*" >&2; exit 1; }

