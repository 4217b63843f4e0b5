package dev.airlock.formats.bundle;

import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.PublicKey;
import java.time.Instant;

/** The canonical bytes of a {@link KeyCard} (FORMAT.md, "Key card payload"): writes them and reads them strictly. */
final class KeyCardCodec {
    private KeyCardCodec() {}

    /** The canonical payload bytes. */
    static byte[] encode(KeyCard card) {
        WireWriter w = new WireWriter(128);
        w.bytes(card.key().id().bytes());
        w.u8(card.role().code());
        w.utf8(card.label());
        w.bytes(card.key().raw());
        w.instant(card.created());
        return w.toByteArray();
    }

    /** Decodes canonical payload bytes (does not check the self-signature; {@link SignedBundle#keyCard()} does). */
    static KeyCard decode(byte[] payload) throws MalformedBundleException {
        WireReader r = new WireReader(payload, "key card payload");
        KeyId id = KeyId.of(r.bytes(KeyId.LENGTH, "signer key id"));
        int code = r.u8("role");
        KeyCard.Role role = KeyCard.Role.ofCode(code);
        if (role == null) {
            throw r.errorAt("role", "is " + code + "; 1 (lab) or 2 (gateway) expected");
        }
        String label = r.utf8("label", 4 * Texts.MAX_LABEL_CHARS);
        String p = Texts.problem(label, 1, Texts.MAX_LABEL_CHARS, 4 * Texts.MAX_LABEL_CHARS);
        if (p != null) {
            throw r.errorAt("label", p);
        }
        byte[] raw = r.bytes(PublicKey.LENGTH, "public key");
        PublicKey key;
        try {
            key = PublicKey.ofRaw(raw);
        } catch (IllegalArgumentException e) {
            throw r.errorAt("public key", "is not a valid Ed25519 public key");
        }
        if (!key.id().equals(id)) {
            throw new MalformedBundleException("key card payload: signer key id " + id
                    + " is not the id of the key on the card (" + key.id() + ")");
        }
        Instant created = r.instant("created");
        r.end();
        return new KeyCard(role, label, key, created);
    }
}
