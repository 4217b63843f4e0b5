/**
 * Airlock's wire formats: identifiers ({@code ids}), collector and kit files ({@code kit});
 * later bundles, signatures and QR framing. Pure library: no storage, no UI, no devices.
 */
package dev.airlock.formats;
