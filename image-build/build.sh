#!/bin/bash
# build.sh: builds Airlock's bootable appliance image from Debian's archive and this checkout.
#
#   sudo image-build/build.sh [--out DIR] [--release-key KEY.pem] [--version V]
#
# Writes DIR/airlock-<version>.img (raw GPT disk: ESP with systemd-boot, root slots A and B as
# read-only squashfs, ext4 data), its .img.zst, .bmap when bmaptool is present, the update files for
# that version (airlock-<version>.root.squashfs + .update + .update.sig), packages.txt (the
# package manifest) and SHA256SUMS. Default DIR: image-build/out. Two builds of one commit give
# the same root filesystem (SOURCE_DATE_EPOCH = the commit's time; see README).
set -euo pipefail
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
REPO=$(dirname "$HERE")
. "$HERE/lib.sh"

OUT=$HERE/out
RELEASE_KEY=${AIRLOCK_RELEASE_KEY:-}
VERSION=""
REUSE_ROOT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=$2; shift 2 ;;
    --release-key) RELEASE_KEY=$2; shift 2 ;;
    --version) VERSION=$2; shift 2 ;;
    --reuse-root) REUSE_ROOT=1; shift ;;  # development: keep the last build's root, redo the rest
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ "$(id -u)" = 0 ] || die "run as root (mmdebstrap builds the root as root): sudo $0"
for t in mmdebstrap mksquashfs mkfs.vfat mmd mcopy mkfs.ext4 sfdisk zstd openssl git; do
  command -v "$t" >/dev/null || die "$t is missing: apt-get install mmdebstrap squashfs-tools dosfstools mtools e2fsprogs fdisk zstd openssl git"
done
. "$REPO/.mvn/find-jdk.sh"
airlock_find_jdk || die "no JDK 21+ found (set JAVA_HOME)"
for t in jlink jdeps; do [ -x "$JAVA_HOME/bin/$t" ] || die "$JAVA_HOME has no $t: a full JDK is needed"; done

STARTED=$(date +%s)
CACHE=${AIRLOCK_IMAGE_CACHE:-/var/cache/airlock-image}
SUITE=${AIRLOCK_SUITE:-trixie}
MIRROR=${AIRLOCK_MIRROR:-http://deb.debian.org/debian}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct)}
COMMIT=$(git -C "$REPO" rev-parse --short=12 HEAD)
[ -n "$VERSION" ] || VERSION=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y.%m.%d).$(git -C "$REPO" rev-list --count HEAD)
[[ "$VERSION" =~ ^[0-9]+(\.[0-9]+)*$ ]] || die "--version must be dotted numbers, e.g. 2026.12.01.3"
export HERE WORK=$OUT/work IMAGE_VERSION=$VERSION COMMIT
NAME=$IMG_NAME-$VERSION
mkdir -p "$OUT" "$CACHE/apt"
# 3. The release key: the image pins its public half; updates must be signed with the private one.
if [ -z "$RELEASE_KEY" ]; then
  RELEASE_KEY=$CACHE/release-dev.pem
  if [ ! -f "$RELEASE_KEY" ]; then
    log "no --release-key given: making a development key $RELEASE_KEY (keep a real release key offline)"
    (umask 077; openssl genpkey -algorithm ed25519 -out "$RELEASE_KEY")
  fi
fi
mkdir -p "$WORK"; openssl pkey -in "$RELEASE_KEY" -pubout -out "$WORK/update-key.pem.new" 2>/dev/null || die "$RELEASE_KEY is not a readable Ed25519 private key"


if [ -n "$REUSE_ROOT" ] && [ -d "$WORK/root/usr/lib/airlock" ]; then
  log "reusing the root in $WORK/root (--reuse-root): only the overlay files are copied again"
  cp -rT --preserve=mode "$HERE/rootfs" "$WORK/root"
  # the class-data archive checks file times: keep the time the root was built with
  SOURCE_DATE_EPOCH=$(cat "$WORK/source-date-epoch")
else
REUSE_ROOT=""
mv "$WORK/update-key.pem.new" "$OUT/.update-key.pem"; rm -rf "$WORK"; mkdir -p "$WORK"; mv "$OUT/.update-key.pem" "$WORK/update-key.pem"
log "building $NAME (commit $COMMIT, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH) into $OUT"

# 1. The kiosk: the Spring Boot jar of kiosk-ui, extracted into jar + lib/ (as ./airlock kiosk runs it).
KIOSK_JAR=$REPO/kiosk-ui/target/kiosk.jar
# (kiosk-ui/src/main/frontend is what Vaadin's build generates: not a source)
if [ ! -f "$KIOSK_JAR" ] || [ -n "$(find "$REPO/pom.xml" "$REPO"/{transfer-formats,appliance,kiosk-ui}/pom.xml \
    "$REPO"/{transfer-formats,appliance,kiosk-ui}/src/main -path "$REPO/kiosk-ui/src/main/frontend" -prune -o -newer "$KIOSK_JAR" -print -quit)" ]; then
  log "kiosk: building kiosk-ui (tests skipped)"
  "$REPO/mvnw" -q -B -f "$REPO/pom.xml" -Dmaven.test.skip=true -Dproject.build.outputTimestamp="$SOURCE_DATE_EPOCH" \
    -pl kiosk-ui -am package > "$WORK/maven.log" 2>&1 || { tail -40 "$WORK/maven.log" >&2; die "the kiosk build failed"; }
fi
"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$KIOSK_JAR" extract --destination "$WORK/kiosk" >/dev/null
echo "$SOURCE_DATE_EPOCH" > "$WORK/source-date-epoch"
sed "s|@KIOSK@|/usr/lib/airlock/kiosk|g" "$HERE/kiosk.classlist" > "$WORK/kiosk/kiosk.classlist"

# 2. The Java runtime: jlink of the modules jdeps finds in the kiosk, plus what it loads by name.
log "runtime: jdeps + jlink from $JAVA_HOME"
MODULES=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 21 \
  --class-path "$WORK/kiosk/lib/*" "$WORK/kiosk/kiosk.jar" "$WORK"/kiosk/lib/*.jar 2>/dev/null | tail -n 1)
MODULES=$MODULES,jdk.crypto.ec,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --include-locales=en,de,fr,es,it,nl,pl,pt,sv,da,fi,nb,cs \
  --strip-debug --no-man-pages --no-header-files --output "$WORK/runtime" >/dev/null
echo "$MODULES" > "$WORK/runtime-modules.txt"

# 4. The root: Debian packages, then customize.sh (overlay, users, services, runtime, kiosk).
log "root: mmdebstrap $SUITE (apt cache $CACHE/apt)"
PKGS=$(grep -v -e '^#' -e '^$' "$HERE/packages.txt" | paste -sd, -)
EXCLUDES=()
while read -r p; do EXCLUDES+=("--dpkgopt=path-exclude=$p"); done < <(grep -v -e '^#' -e '^$' "$HERE/path-excludes.txt")
mmdebstrap --mode=root --variant=essential --components=main --include="$PKGS" \
  --aptopt='Acquire::Languages "none"' --aptopt='APT::Install-Recommends "false"' \
  "${EXCLUDES[@]}" --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --setup-hook='mkdir -p "$1"/var/cache/apt/archives/ "$1"/etc/initramfs-tools/hooks "$1"/etc/initramfs-tools/conf.d' \
  --setup-hook="sync-in $CACHE/apt /var/cache/apt/archives/" \
  --setup-hook="copy-in $HERE/rootfs/etc/initramfs-tools/hooks/airlock /etc/initramfs-tools/hooks/" \
  --setup-hook="copy-in $HERE/rootfs/etc/initramfs-tools/conf.d/airlock.conf /etc/initramfs-tools/conf.d/" \
  --customize-hook="sync-out /var/cache/apt/archives $CACHE/apt" \
  --customize-hook='rm -f "$1"/var/cache/apt/archives/*.deb' \
  --customize-hook="$HERE/customize.sh \"\$1\"" \
  --skip=essential/unlink \
  "$SUITE" "$WORK/root" "$MIRROR" > "$WORK/mmdebstrap.log" 2>&1 || { tail -40 "$WORK/mmdebstrap.log" >&2; die "mmdebstrap failed (log: $WORK/mmdebstrap.log)"; }

fi # --reuse-root
dpkg-query --admindir="$WORK/root/usr/share/factory/var/lib/dpkg" -W -f='${Package}\t${Version}\t${Architecture}\n' > "$OUT/$NAME.packages.txt"

# 5. The root filesystem: squashfs, every time set to SOURCE_DATE_EPOCH.
log "root: squashfs"
env -u SOURCE_DATE_EPOCH mksquashfs "$WORK/root" "$WORK/root.squashfs" -noappend -quiet -comp zstd -Xcompression-level 15 -b 1M \
  -all-time "$SOURCE_DATE_EPOCH" -mkfs-time "$SOURCE_DATE_EPOCH" >/dev/null
ROOT_BYTES=$(stat -c %s "$WORK/root.squashfs")
[ "$ROOT_BYTES" -le $((SLOT_MIB * 1024 * 1024)) ] || die "the root ($ROOT_BYTES bytes) does not fit a $SLOT_MIB MiB slot"

# 6. The ESP: systemd-boot, slot A's kernel and initramfs, its boot entry (no editor, no menu).
log "esp: systemd-boot + slot A"
export MTOOLS_SKIP_CHECK=1
ESP=$WORK/esp.img
rm -f "$ESP"; truncate -s "${ESP_MIB}M" "$ESP"
mkfs.vfat -F 32 -n AIRLOCK-ESP -i "$ESP_VOLUME_ID" --invariant "$ESP" >/dev/null
B=$WORK/root/usr/lib/airlock/boot
mkdir -p "$WORK/espdir/EFI/BOOT" "$WORK/espdir/EFI/systemd" "$WORK/espdir/loader/entries" "$WORK/espdir/airlock/a"
cp "$WORK/root/usr/lib/systemd/boot/efi/systemd-bootx64.efi" "$WORK/espdir/EFI/BOOT/BOOTX64.EFI"
cp "$WORK/root/usr/lib/systemd/boot/efi/systemd-bootx64.efi" "$WORK/espdir/EFI/systemd/systemd-bootx64.efi"
cp "$B/vmlinuz" "$B/initrd.img" "$WORK/espdir/airlock/a/"
printf 'default %s\ntimeout 0\neditor no\nauto-entries no\nauto-firmware no\nconsole-mode keep\n' "$FACTORY_DEFAULT_ENTRY" > "$WORK/espdir/loader/loader.conf"
entry_file a "$VERSION" > "$WORK/espdir/loader/entries/airlock-a.conf"
find "$WORK/espdir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$WORK/espdir" && for d in $(find . -mindepth 1 -type d | sort); do mmd -i "$ESP" "::${d#.}"; done
 for f in $(find . -type f | sort); do mcopy -m -i "$ESP" "$f" "::${f#.}"; done)

# 7. The data partition: empty ext4 (first boot grows it and makes the data dir).
log "data: ext4"
mkdir -p "$WORK/datadir"; touch -d "@$SOURCE_DATE_EPOCH" "$WORK/datadir"
rm -f "$WORK/data.img"; truncate -s "${DATA_MIB}M" "$WORK/data.img"
E2FSPROGS_FAKE_TIME=$SOURCE_DATE_EPOCH mkfs.ext4 -q -L airlock-data -U "$DATA_FS_UUID" \
  -E "hash_seed=$DATA_HASH_SEED,root_owner=0:0,lazy_itable_init=0" -m 1 -d "$WORK/datadir" "$WORK/data.img"

# 8. The disk: GPT with fixed UUIDs; partitions copied in sparsely.
log "disk: GPT"
IMG=$OUT/$NAME.img
MIB=$((1024 * 1024)); SECT=512
esp_start=1; a_start=$((esp_start + ESP_MIB)); b_start=$((a_start + SLOT_MIB)); d_start=$((b_start + SLOT_MIB))
total_mib=$((d_start + DATA_MIB + 1))
rm -f "$IMG"; truncate -s "${total_mib}M" "$IMG"
sfdisk -q "$IMG" <<GPT
label: gpt
label-id: $GPT_LABEL_ID
unit: sectors
first-lba: 2048
start=$((esp_start * MIB / SECT)), size=$((ESP_MIB * MIB / SECT)), type=$GPT_TYPE_ESP, uuid=$ESP_UUID, name="esp"
start=$((a_start * MIB / SECT)), size=$((SLOT_MIB * MIB / SECT)), type=$GPT_TYPE_ROOT_X86_64, uuid=$ROOT_A_UUID, name="airlock-root-a"
start=$((b_start * MIB / SECT)), size=$((SLOT_MIB * MIB / SECT)), type=$GPT_TYPE_ROOT_X86_64, uuid=$ROOT_B_UUID, name="airlock-root-b"
start=$((d_start * MIB / SECT)), size=$((DATA_MIB * MIB / SECT)), type=$GPT_TYPE_LINUX, uuid=$DATA_UUID, name="airlock-data"
GPT
dd if="$ESP" of="$IMG" bs=1M seek=$esp_start conv=notrunc,sparse status=none
dd if="$WORK/root.squashfs" of="$IMG" bs=1M seek=$a_start conv=notrunc,sparse status=none
dd if="$WORK/data.img" of="$IMG" bs=1M seek=$d_start conv=notrunc,sparse status=none

# 9. The update files for this version, the compressed image, the manifest and the sums.
log "outputs: update files, zstd, sums"
cp "$WORK/root.squashfs" "$OUT/$NAME.root.squashfs"
"$HERE/sign-update.sh" "$RELEASE_KEY" "$OUT/$NAME.root.squashfs" "$VERSION" "$OUT" >/dev/null
rm -f "$IMG.zst"; zstd -q -3 -T0 "$IMG" -o "$IMG.zst"
if command -v bmaptool >/dev/null; then bmaptool -q create -o "$OUT/$NAME.img.bmap" "$IMG" || true; fi
cp "$WORK/runtime-modules.txt" "$OUT/$NAME.runtime-modules.txt"
(cd "$OUT" && sha256sum "$NAME.img" "$NAME.img.zst" "$NAME.root.squashfs" "$NAME.update" "$NAME.update.sig" \
   "$NAME.packages.txt" > "$NAME.SHA256SUMS")
ln -sfn "$NAME.img" "$OUT/airlock-latest.img"
ln -sfn "$NAME" "$OUT/latest"
printf 'version=%s\ncommit=%s\nsource_date_epoch=%s\nroot_sha256=%s\nroot_bytes=%s\nimage_bytes=%s\nimage_zst_bytes=%s\nbuild_seconds=%s\n' \
  "$VERSION" "$COMMIT" "$SOURCE_DATE_EPOCH" "$(sha256sum < "$WORK/root.squashfs" | cut -d' ' -f1)" "$ROOT_BYTES" \
  "$(stat -c %s "$IMG")" "$(stat -c %s "$IMG.zst")" "$(( $(date +%s) - STARTED ))" > "$OUT/$NAME.build-info"
cat "$OUT/$NAME.build-info" >&2
log "done: $IMG"
