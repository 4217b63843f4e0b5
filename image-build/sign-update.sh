#!/bin/sh
# Signs an Airlock update: writes OUTDIR/airlock-VERSION.update (the manifest, format
# airlock-update-1) and OUTDIR/airlock-VERSION.update.sig (Ed25519 over the manifest's exact
# bytes, as `openssl pkeyutl -sign -rawin` writes it). The squashfs itself is not copied: put it
# beside the two files (AIRLOCK/update/ on the stick). Needs openssl 3 and sha256sum.
#
#   image-build/sign-update.sh KEY.pem SQUASHFS VERSION OUTDIR
#
# KEY.pem: the release's Ed25519 private key (openssl genpkey -algorithm ed25519). VERSION: dotted
# numbers, e.g. 2026.12.01.3. built= is SOURCE_DATE_EPOCH when set (reproducible), else now.
# Exit 0 written, 1 refused input, 2 usage.
set -eu

usage() {
    echo "usage: $0 KEY.pem SQUASHFS VERSION OUTDIR" >&2
    exit 2
}
fail() {
    echo "sign-update: $*" >&2
    exit 1
}

[ "$#" -eq 4 ] || usage
key=$1
image=$2
version=$3
out=$4

[ -f "$key" ] || fail "no private key file $key"
[ -f "$image" ] || fail "no image file $image"
case "$version" in
    '' | .* | *. | *..* | *[!0-9.]*) fail "version '$version' is not dotted numbers such as 2026.12.01.3" ;;
esac
name=$(basename "$image")
case "$name" in
    .* | *[!A-Za-z0-9._+-]* | *.update | *.sig) fail "image file name '$name' is not a plain file name (letters, digits, . _ + -)" ;;
esac
[ "${#name}" -le 128 ] || fail "image file name '$name' is longer than 128 characters"
command -v openssl >/dev/null 2>&1 || fail "openssl is not installed"
command -v sha256sum >/dev/null 2>&1 || fail "sha256sum is not installed"

size=$(wc -c <"$image" | tr -d ' ')
[ "$size" -gt 0 ] || fail "image $image is empty"
sha=$(sha256sum "$image" | cut -d ' ' -f 1)
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
    built=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
else
    built=$(date -u +%Y-%m-%dT%H:%M:%SZ)
fi

mkdir -p "$out"
manifest="$out/airlock-$version.update"
tmp="$out/.airlock-$version.update.$$"
trap 'rm -f "$tmp" "$tmp.sig" "$tmp.pub"' EXIT
printf 'format=airlock-update-1\nversion=%s\nimage=%s\nsize=%s\nsha256=%s\nbuilt=%s\n' \
    "$version" "$name" "$size" "$sha" "$built" >"$tmp"
openssl pkeyutl -sign -inkey "$key" -rawin -in "$tmp" -out "$tmp.sig" 2>/dev/null \
    || fail "openssl could not sign with $key (is it an Ed25519 private key?)"
# check the signature with the public half before anything is published
openssl pkey -in "$key" -pubout -out "$tmp.pub" 2>/dev/null || fail "cannot derive the public key from $key"
openssl pkeyutl -verify -pubin -inkey "$tmp.pub" -rawin -in "$tmp" -sigfile "$tmp.sig" >/dev/null 2>&1 \
    || fail "the new signature does not verify"
[ "$(wc -c <"$tmp.sig" | tr -d ' ')" -eq 64 ] || fail "the signature is not 64 bytes (not an Ed25519 key?)"
mv -f "$tmp.sig" "$manifest.sig"
mv -f "$tmp" "$manifest"
echo "Wrote $manifest and $manifest.sig (image $name, $size bytes, sha256 $sha)."
if [ "$(cd "$(dirname "$image")" && pwd -P)" != "$(cd "$out" && pwd -P)" ]; then
    echo "Put $name beside them: the three files go together into AIRLOCK/update/ on the stick."
fi
