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
 * it was made. Self-signed ({@link SignedBundle#sign(BundleContent, SigningKey)} with the key it
 * carries); the bytes are FORMAT.md's "Key card payload", written and read by the package's codec.
 */
public record KeyCard(Role role, String label, PublicKey key, Instant created) implements BundleContent {
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

        /** The role byte of the payload. */
        int code() {
            return code;
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
        CreatedTime.check(created);
    }

    /** A card for {@code key}'s public key, created now (truncated to seconds). */
    public static KeyCard of(Role role, String label, SigningKey key, Instant created) {
        return new KeyCard(role, label, key.publicKey(), created.truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public BundleKind kind() {
        return BundleKind.KEY_CARD;
    }

    /** The id of the key on the card, which is also the card's signer. */
    @Override
    public KeyId signer() {
        return key.id();
    }
}
