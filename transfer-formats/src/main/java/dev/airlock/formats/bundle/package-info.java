/**
 * The bundles that cross the air gap: request (lab to gateway, built only from
 * {@link dev.airlock.formats.bundle.ExportRecord}), response (bound to one request by its digest)
 * and key card; one canonical binary payload per kind, signed in a
 * {@link dev.airlock.formats.bundle.SignedBundle} envelope (what QR frames carry), and rendered
 * as a readable, self-checking USB file by {@link dev.airlock.formats.bundle.BundleFile}.
 * Byte layout and the openssl recipe: {@code FORMAT.md} in this package's resources.
 */
package dev.airlock.formats.bundle;
