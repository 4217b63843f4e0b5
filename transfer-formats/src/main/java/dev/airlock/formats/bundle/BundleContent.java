package dev.airlock.formats.bundle;

import dev.airlock.formats.signature.KeyId;

/**
 * What a signed bundle carries: a request, a response or a key card. These are plain values;
 * their canonical bytes are written and read only by the package's codecs, through
 * {@link SignedBundle} (signed envelope) and {@link BundleFile} (USB file).
 */
public sealed interface BundleContent permits RequestBundle, ResponseBundle, KeyCard {
    /** The kind of bundle that carries this content. */
    BundleKind kind();

    /** The key id of the key that signs it; the payload names it first, so the signature covers it. */
    KeyId signer();
}
