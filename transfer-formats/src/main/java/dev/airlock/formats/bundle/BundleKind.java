package dev.airlock.formats.bundle;

import java.nio.charset.StandardCharsets;

/** What a signed bundle carries; each kind has its own code byte and signature domain tag. */
public enum BundleKind {
    /** Lab to gateway: installation IDs to activate. */
    REQUEST(1, "request"),
    /** Gateway to lab: confirmation IDs or errors, bound to one request. */
    RESPONSE(2, "response"),
    /** A public key card, signed by the key it carries. */
    KEY_CARD(3, "keycard");

    private final int code;
    private final String word;

    BundleKind(int code, String word) {
        this.code = code;
        this.word = word;
    }

    /** The kind byte in the envelope. */
    public int code() {
        return code;
    }

    /** The lower-case word used in tags, file names and the XML {@code kind} attribute. */
    public String word() {
        return word;
    }

    /** The domain-separation tag signed before the payload: ASCII {@code airlock/<word>/<version>} then 0x00. */
    public byte[] signatureTag(int formatVersion) {
        byte[] text = ("airlock/" + word + "/" + formatVersion).getBytes(StandardCharsets.US_ASCII);
        byte[] tag = new byte[text.length + 1];
        System.arraycopy(text, 0, tag, 0, text.length);
        return tag;
    }

    /** The kind with this envelope code, or null. */
    static BundleKind ofCode(int code) {
        for (BundleKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }

    /** The kind with this word, or null. */
    static BundleKind ofWord(String word) {
        for (BundleKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
