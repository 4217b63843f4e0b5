# The appliance's disk layout: fixed identifiers of the GPT and its partitions, the kernel
# command line and the boot entries of the two root slots. Sourced by image-build/lib.sh at
# build time and by the update and boot-confirm helpers on the appliance: one definition for both.
IMG_NAME=airlock
# GPT: fixed disk and partition UUIDs (a clone of the image on two PCs is fine: nothing on the
# appliance identifies itself by them beyond this disk).
GPT_LABEL_ID=6a1f6b2e-3c1d-4b8e-9a8f-a1b0c0ffee01
ESP_UUID=6a1f6b2e-3c1d-4b8e-9a8f-a1b0c0ffee10
ROOT_A_UUID=6a1f6b2e-3c1d-4b8e-9a8f-a1b0c0ffee2a
ROOT_B_UUID=6a1f6b2e-3c1d-4b8e-9a8f-a1b0c0ffee2b
DATA_UUID=6a1f6b2e-3c1d-4b8e-9a8f-a1b0c0ffee30
DATA_FS_UUID=6a1f6b2e-3c1d-4b8e-9a8f-a1b0c0ffee31
DATA_HASH_SEED=6a1f6b2e-3c1d-4b8e-9a8f-a1b0c0ffee32
ESP_VOLUME_ID=A1C0FFEE
GPT_TYPE_ESP=C12A7328-F81F-11D2-BA4B-00A0C93EC93B
GPT_TYPE_ROOT_X86_64=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709
GPT_TYPE_LINUX=0FC63DAF-8483-4772-8E79-3D69D8477DE4

# Sizes in MiB. A root slot holds the whole squashfs root; the data partition starts small and
# grows to the disk on first boot.
ESP_MIB=256
SLOT_MIB=1024
DATA_MIB=64

# The kernel command line shared by both slots (the slot adds root= and airlock.slot=).
# panic=10: a kernel or initramfs failure reboots (to the other slot after a failed update) and
# never drops to a shell; the kiosk owns tty1, the serial console only shows messages.
KERNEL_OPTIONS="rootfstype=squashfs ro console=tty1 console=ttyS0,115200 panic=10 loglevel=4 sysrq_always_enabled=0 systemd.show_status=auto"

# slot_uuid a|b: the root partition UUID of a slot.
slot_uuid() { case "$1" in a) echo "$ROOT_A_UUID" ;; b) echo "$ROOT_B_UUID" ;; *) echo "no slot $1" >&2; return 1 ;; esac; }

# entry_file SLOT VERSION: the systemd-boot entry of a root slot (kernel and initramfs on the ESP
# under /airlock/SLOT/, root by partition UUID).
entry_file() {
  printf 'title Airlock %s (slot %s)\nversion %s\nlinux /airlock/%s/vmlinuz\ninitrd /airlock/%s/initrd.img\noptions root=PARTUUID=%s airlock.slot=%s %s\n' \
    "$2" "$(echo "$1" | tr ab AB)" "$2" "$1" "$1" "$(slot_uuid "$1")" "$1" "$KERNEL_OPTIONS"
}

# The entry the firmware boots when no other default was set (a fresh image boots slot A).
FACTORY_DEFAULT_ENTRY=airlock-a.conf
