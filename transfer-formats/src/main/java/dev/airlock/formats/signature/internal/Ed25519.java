package dev.airlock.formats.signature.internal;

import dev.airlock.formats.signature.BadSignatureException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 (RFC 8032, pure) through Bouncy Castle's lightweight API. */
public final class Ed25519 {
    /** Signature length. */
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {}

    public static byte[] publicKeyOf(byte[] seed) {
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    public static boolean isValidPublicKey(byte[] raw) {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(raw, 0);
    }

    public static byte[] sign(byte[] seed, byte[] data) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        s.update(data, 0, data.length);
        return s.generateSignature();
    }

    public static void verify(byte[] publicKey, byte[] signature, byte[] data) throws BadSignatureException {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new BadSignatureException("an Ed25519 signature has 64 bytes, this one has "
                    + (signature == null ? 0 : signature.length));
        }
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        v.update(data, 0, data.length);
        if (!v.verifySignature(signature)) {
            throw new BadSignatureException("the signature does not match: the data was changed after signing,"
                    + " or another key signed it");
        }
    }
}
