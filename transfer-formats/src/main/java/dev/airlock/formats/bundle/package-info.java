/**
 * The bundles that cross the air gap: request (lab to gateway, built only from
 * {@link dev.airlock.formats.bundle.ExportRecord}), response (bound to one request by its digest)
 * and key card. These three are plain values ({@link dev.airlock.formats.bundle.BundleContent});
 * each has one canonical binary payload, written and read strictly by a package-private codec
 * ({@code RequestCodec}, {@code ResponseCodec}, {@code KeyCardCodec} over {@code WireWriter} and
 * {@code WireReader}), signed in a {@link dev.airlock.formats.bundle.SignedBundle} envelope (what
 * QR frames carry), and rendered as a readable, self-checking USB file by
 * {@link dev.airlock.formats.bundle.BundleFile} ({@code BundleXml} is that file's readable part).
 * Byte layout and the openssl recipe: {@code FORMAT.md} in this package's resources.
 */
package dev.airlock.formats.bundle;
