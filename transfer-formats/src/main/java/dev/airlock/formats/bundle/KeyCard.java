package dev.airlock.formats.bundle;

import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.SigningKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A public key card: role, a label the supervisor chooses (never a host name), the key and when
 * it was made. Self-signed: signed by the key it carries.
 */
public record KeyCard(Role role, String label, PublicKey key, Instant created) {
    /** Which side of the gap the key belongs to. */
    public enum Role {
        LAB(1), GATEWAY(2);

        private final int code;

        Role(int code) {
            this.code = code;
        }

        /** "lab" or "gateway". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Role ofCode(int code) {
            for (Role r : values()) {
                if (r.code == code) {
                    return r;
                }
            }
            return null;
        }
    }

    public KeyCard {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(created, "created");
        String p = Texts.problem(label, 1, Texts.MAX_LABEL_CHARS, 4 * Texts.MAX_LABEL_CHARS);
        if (p != null) {
            throw new IllegalArgumentException("card label " + p);
        }
        if (created.getNano() != 0) {
            throw new IllegalArgumentException("card created time must be whole seconds");
        }
        RequestBundle.checkCreated(created);
    }

    /** A card for {@code key}'s public key, created now (truncated to seconds). */
    public static KeyCard of(Role role, String label, SigningKey key, Instant created) {
        return new KeyCard(role, label, key.publicKey(), created.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Self-signs the card: {@code key} must be the card's own key. */
    public SignedBundle sign(SigningKey signingKey) {
        if (!signingKey.publicKey().equals(key)) {
            throw new IllegalArgumentException("a key card is signed by the key it carries");
        }
        return SignedBundle.sign(BundleKind.KEY_CARD, encode(), signingKey);
    }

    /** The canonical payload bytes (FORMAT.md, "Key card payload"). */
    public byte[] encode() {
        WireWriter w = new WireWriter(128);
        w.bytes(key.id().bytes());
        w.u8(role.code);
        w.utf8(label);
        w.bytes(key.raw());
        w.instant(created);
        return w.toByteArray();
    }

    /** Decodes canonical payload bytes (does not check the self-signature; {@link SignedBundle#keyCard()} does). */
    public static KeyCard decode(byte[] payload) throws MalformedBundleException {
        WireReader r = new WireReader(payload, "key card payload");
        KeyId id = KeyId.of(r.bytes(KeyId.LENGTH, "signer key id"));
        int code = r.u8("role");
        Role role = Role.ofCode(code);
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

    /** The id of the key on the card, which is also the card's signer. */
    public KeyId signer() {
        return key.id();
    }
}
