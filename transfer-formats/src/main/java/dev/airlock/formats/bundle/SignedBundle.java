package dev.airlock.formats.bundle;

import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.Signer;
import dev.airlock.formats.signature.SigningKey;
import dev.airlock.formats.signature.Verifier;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A canonical payload with its Ed25519 signature, in the envelope both renderings carry (the
 * USB file and the QR frames): {@code "AL" | version | kind | varint length | payload | signature}.
 * The signature covers the kind's domain tag ({@code airlock/<kind>/1} and 0x00) then the payload;
 * every payload starts with its signer's key id, so the key id is signed too.
 * Parsing checks structure only; whether the signer is trusted is the caller's decision.
 */
public final class SignedBundle {
    /** Envelope format version. */
    public static final int FORMAT_VERSION = 1;
    /** Largest envelope accepted (a 20,000-record request is about 650 KB). */
    public static final int MAX_ENVELOPE_BYTES = 2 << 20;
    /** Ed25519 signature length. */
    public static final int SIGNATURE_LENGTH = 64;
    static final byte[] MAGIC = {'A', 'L'};

    private final BundleKind kind;
    private final byte[] payload;
    private final byte[] signature;
    private final byte[] envelope;
    private final KeyId signer;
    private final BundleContent content;

    private SignedBundle(BundleKind kind, byte[] payload, byte[] signature, BundleContent content) {
        this.kind = kind;
        this.payload = payload;
        this.signature = signature;
        this.content = content;
        this.signer = KeyId.of(Arrays.copyOf(payload, KeyId.LENGTH));
        this.envelope = envelopeOf(kind, payload, signature);
    }

    /** The envelope bytes of a payload and signature of {@code kind}: magic, version, kind, length, payload, signature. */
    static byte[] envelopeOf(BundleKind kind, byte[] payload, byte[] signature) {
        WireWriter w = new WireWriter(payload.length + 80);
        w.bytes(MAGIC);
        w.u8(FORMAT_VERSION);
        w.u8(kind.code());
        w.varint(payload.length);
        w.bytes(payload);
        w.bytes(signature);
        return w.toByteArray();
    }

    /**
     * Signs a request, response or key card with {@code key}: the key it names as signer (a key
     * card: the key it carries).
     */
    public static SignedBundle sign(BundleContent content, SigningKey key) {
        if (content instanceof KeyCard card && !key.publicKey().equals(card.key())) {
            throw new IllegalArgumentException("a key card is signed by the key it carries");
        }
        return signEncoded(content, encode(content), key.publicKey().id(), key.signer());
    }

    /** Signs a request, response or key card with a signer held elsewhere whose key id is {@code signerId}. */
    public static SignedBundle sign(BundleContent content, KeyId signerId, Signer signer) {
        return signEncoded(content, encode(content), signerId, signer);
    }

    /** Signs a payload of {@code kind} with {@code key}; the payload must decode and name that key as signer. */
    public static SignedBundle sign(BundleKind kind, byte[] payload, SigningKey key) {
        return sign(kind, payload, key.publicKey().id(), key.signer());
    }

    /** Signs with a signer held elsewhere (e.g. behind the sealed vault) whose key id is {@code signerId}. */
    public static SignedBundle sign(BundleKind kind, byte[] payload, KeyId signerId, Signer signer) {
        Objects.requireNonNull(kind, "kind");
        BundleContent content;
        try {
            content = decodePayload(kind, payload);
        } catch (MalformedBundleException e) {
            throw new IllegalArgumentException("refusing to sign a payload that does not decode: " + e.getMessage(), e);
        }
        return signEncoded(content, payload.clone(), signerId, signer);
    }

    /** Signs {@code payload}, the encoding of {@code content} (by its codec: not decoded again), owned from here on. */
    private static SignedBundle signEncoded(BundleContent content, byte[] payload, KeyId signerId, Signer signer) {
        KeyId named = KeyId.of(Arrays.copyOf(payload, KeyId.LENGTH));
        if (!named.equals(signerId)) {
            throw new IllegalArgumentException("the payload names signer " + named + " but key " + signerId
                    + " is signing it");
        }
        byte[] sig = signer.sign(message(content.kind(), payload));
        if (sig.length != SIGNATURE_LENGTH) {
            throw new IllegalStateException("the signer returned " + sig.length + " bytes, not an Ed25519 signature");
        }
        return new SignedBundle(content.kind(), payload, sig, content);
    }

    /** Parses an envelope (as carried by QR frames), hardened: size limit, exact lengths, strict payload decoding. */
    public static SignedBundle parse(byte[] envelope) throws MalformedBundleException {
        if (envelope == null || envelope.length == 0) {
            throw new MalformedBundleException("the bundle is empty (0 bytes)");
        }
        if (envelope.length > MAX_ENVELOPE_BYTES) {
            throw new MalformedBundleException("the bundle is " + envelope.length + " bytes; at most "
                    + MAX_ENVELOPE_BYTES + " are accepted, so this is not one");
        }
        WireReader r = new WireReader(envelope, "bundle envelope");
        if (envelope.length < MAGIC.length || envelope[0] != MAGIC[0] || envelope[1] != MAGIC[1]) {
            throw new MalformedBundleException("this is not an Airlock bundle (it does not start with \"AL\")");
        }
        r.bytes(MAGIC.length, "magic");
        int version = r.u8("format version");
        if (version != FORMAT_VERSION) {
            throw new MalformedBundleException("the bundle is format version " + version + "; this Airlock reads version "
                    + FORMAT_VERSION + " (update Airlock on this side)");
        }
        int code = r.u8("kind");
        BundleKind kind = BundleKind.ofCode(code);
        if (kind == null) {
            throw new MalformedBundleException("the bundle has the unknown kind " + code
                    + "; 1 (request), 2 (response) or 3 (key card) expected");
        }
        int length = (int) r.varint("payload length", MAX_ENVELOPE_BYTES);
        if (r.remaining() < (long) length + SIGNATURE_LENGTH) {
            throw new MalformedBundleException("the bundle is truncated: " + r.remaining()
                    + " bytes follow the header, " + (length + SIGNATURE_LENGTH)
                    + " expected (payload and signature)");
        }
        if (r.remaining() > (long) length + SIGNATURE_LENGTH) {
            throw new MalformedBundleException("the bundle has " + (r.remaining() - length - SIGNATURE_LENGTH)
                    + " trailing byte(s) after the signature");
        }
        byte[] payload = r.bytes(length, "payload");
        byte[] signature = r.bytes(SIGNATURE_LENGTH, "signature");
        return assemble(kind, payload, signature);
    }

    /** From a payload and signature read elsewhere (the USB file); decodes the payload strictly. */
    static SignedBundle assemble(BundleKind kind, byte[] payload, byte[] signature) throws MalformedBundleException {
        if (signature.length != SIGNATURE_LENGTH) {
            throw new MalformedBundleException("the signature has " + signature.length + " bytes; an Ed25519 signature"
                    + " has " + SIGNATURE_LENGTH);
        }
        BundleContent content = decodePayload(kind, payload);
        return new SignedBundle(kind, payload.clone(), signature.clone(), content);
    }

    /** The canonical payload of {@code content}, from its kind's codec. */
    static byte[] encode(BundleContent content) {
        return switch (content) {
            case RequestBundle r -> RequestCodec.encode(r);
            case ResponseBundle r -> ResponseCodec.encode(r);
            case KeyCard k -> KeyCardCodec.encode(k);
        };
    }

    /** The content of a payload of {@code kind}, decoded strictly by its kind's codec. */
    static BundleContent decodePayload(BundleKind kind, byte[] payload) throws MalformedBundleException {
        return switch (kind) {
            case REQUEST -> RequestCodec.decode(payload);
            case RESPONSE -> ResponseCodec.decode(payload);
            case KEY_CARD -> KeyCardCodec.decode(payload);
        };
    }

    /** The exact bytes the signature covers: the kind's domain tag, then the payload. */
    public static byte[] message(BundleKind kind, byte[] payload) {
        byte[] tag = kind.signatureTag(FORMAT_VERSION);
        byte[] m = Arrays.copyOf(tag, tag.length + payload.length);
        System.arraycopy(payload, 0, m, tag.length, payload.length);
        return m;
    }

    /** Returns normally only if {@code verifier} accepts the signature over the tagged payload. */
    public void verify(Verifier verifier) throws BadSignatureException {
        verifier.verify(signature.clone(), signedMessage());
    }

    /** Verifies with {@code key}, first saying plainly when the bundle names a different signer. */
    public void verify(PublicKey key) throws BadSignatureException {
        if (!key.id().equals(signer)) {
            throw new BadSignatureException("this bundle was signed by key " + signer + ", not by key " + key.id());
        }
        verify(key.verifier());
    }

    public BundleKind kind() {
        return kind;
    }

    /** The envelope bytes: what the QR frames carry and what {@link #digest()} hashes. */
    public byte[] envelope() {
        return envelope.clone();
    }

    /** SHA-256 of {@link #envelope()}: what a response binds to. */
    public byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(envelope);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The signer's key id, as named (and signed) in the payload. */
    public KeyId signer() {
        return signer;
    }

    /** The canonical payload. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The 64-byte Ed25519 signature. */
    public byte[] signature() {
        return signature.clone();
    }

    /** Domain tag and payload: the exact message the signature covers. */
    public byte[] signedMessage() {
        return message(kind, payload);
    }

    /** The request this bundle carries; refuses other kinds. */
    public RequestBundle request() throws MalformedBundleException {
        return as(BundleKind.REQUEST, RequestBundle.class);
    }

    /** The response this bundle carries; refuses other kinds. */
    public ResponseBundle response() throws MalformedBundleException {
        return as(BundleKind.RESPONSE, ResponseBundle.class);
    }

    /** The key card this bundle carries, after checking its self-signature; refuses other kinds. */
    public KeyCard keyCard() throws MalformedBundleException, BadSignatureException {
        KeyCard card = as(BundleKind.KEY_CARD, KeyCard.class);
        verify(card.key());
        return card;
    }

    /** The decoded content, whatever the kind (a key card's self-signature unchecked: see {@link #keyCard()}). */
    BundleContent content() {
        return content;
    }

    private <T> T as(BundleKind wanted, Class<T> type) throws MalformedBundleException {
        if (kind != wanted) {
            throw new MalformedBundleException("this bundle is a " + kind.word() + ", not a " + wanted.word());
        }
        return type.cast(content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedBundle b && Arrays.equals(envelope, b.envelope);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(envelope);
    }

    @Override
    public String toString() {
        return kind.word() + " signed by " + signer + " (" + envelope.length + " bytes)";
    }
}
