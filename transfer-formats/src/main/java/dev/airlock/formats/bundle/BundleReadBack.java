package dev.airlock.formats.bundle;

import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.PublicKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks the bytes of a bundle file this side has just written, as read back from the medium: the
 * signed payload and signature in them hash to the written bundle's digest and the signature
 * verifies. No XML parse and no schema check: those are for files coming in ({@link BundleFileReader}).
 */
final class BundleReadBack {
    private BundleReadBack() {}

    /** See {@link BundleFile#checkReadBack}. */
    static void check(byte[] bytes, SignedBundle written, PublicKey signerKey)
            throws MalformedBundleException, BadSignatureException {
        // ISO-8859-1 maps each byte to one char, so indexes are byte offsets; base64 is ASCII
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        byte[] payload = base64Between(text, "Payload");
        byte[] signature = base64Between(text, "SignatureValue");
        if (signature.length != SignedBundle.SIGNATURE_LENGTH) {
            throw new MalformedBundleException("the signature read back has " + signature.length
                    + " bytes, not " + SignedBundle.SIGNATURE_LENGTH);
        }
        byte[] digest = sha256(SignedBundle.envelopeOf(written.kind(), payload, signature));
        if (!MessageDigest.isEqual(digest, written.digest())) {
            throw new MalformedBundleException("the signed payload read back is not the one written (its digest"
                    + " differs)");
        }
        signerKey.verifier().verify(signature, SignedBundle.message(written.kind(), payload));
    }

    /**
     * The SHA-256 of the {@code kind} envelope that the {@code <Payload>} and {@code <SignatureValue>}
     * in {@code bytes} make, or empty when the file has no canonical pair; nothing is parsed or checked.
     */
    static java.util.Optional<byte[]> claimedDigest(byte[] bytes, BundleKind kind) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            byte[] payload = base64Between(text, "Payload");
            byte[] signature = base64Between(text, "SignatureValue");
            return java.util.Optional.of(sha256(SignedBundle.envelopeOf(kind, payload, signature)));
        } catch (MalformedBundleException e) {
            return java.util.Optional.empty();
        }
    }

    private static byte[] base64Between(String text, String element) throws MalformedBundleException {
        String open = "<" + element + ">";
        int start = text.indexOf(open);
        int end = start < 0 ? -1 : text.indexOf("</" + element + ">", start + open.length());
        if (end < 0) {
            throw new MalformedBundleException("the file read back has no complete <" + element + ">");
        }
        String base64 = text.substring(start + open.length(), end);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException("the <" + element + "> read back is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(base64)) { // e.g. unused bits changed
            throw new MalformedBundleException("the <" + element + "> read back is not the canonical base64 written");
        }
        return bytes;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
