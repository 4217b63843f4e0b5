package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.fuzz.FuzzContract;
import dev.airlock.formats.signature.BadSignatureException;

/**
 * What the three bundle fuzz targets share: an input is either a whole envelope (it starts with
 * "AL", as QR frames carry it) or a payload that is wrapped in an envelope of the target's kind
 * with a zero signature, so the fuzzer spends its time in the payload decoder.
 */
final class BundleFuzzing {
    private BundleFuzzing() {}

    /** The envelope to parse for {@code data}. */
    static byte[] envelope(BundleKind kind, byte[] data) {
        if (data.length >= 2 && data[0] == 'A' && data[1] == 'L') {
            return data;
        }
        WireWriter w = new WireWriter(data.length + 80);
        w.bytes(SignedBundle.MAGIC);
        w.u8(SignedBundle.FORMAT_VERSION);
        w.u8(kind.code());
        w.varint(data.length);
        w.bytes(data);
        w.bytes(new byte[SignedBundle.SIGNATURE_LENGTH]);
        return w.toByteArray();
    }

    /** Parses {@code data} as the product parses a scanned envelope; null when it was refused as it should be. */
    static SignedBundle parse(BundleKind kind, byte[] data) {
        byte[] envelope = envelope(kind, data);
        SignedBundle bundle = FuzzContract.accepts(envelope, () -> SignedBundle.parse(envelope),
                MalformedBundleException.class);
        if (bundle != null) {
            // canonical: one encoding per bundle, and the envelope is what was read
            assertThat(bundle.envelope()).isEqualTo(envelope);
            assertThat(envelope.length).isLessThanOrEqualTo(SignedBundle.MAX_ENVELOPE_BYTES);
        }
        if (FuzzContract.alsoCheckLimit(data)) {
            byte[] big = java.util.Arrays.copyOf(envelope, SignedBundle.MAX_ENVELOPE_BYTES + 1);
            assertThatThrownBy(() -> SignedBundle.parse(big)).isInstanceOf(MalformedBundleException.class)
                    .hasMessageContaining("at most");
        }
        return bundle;
    }

    /** The allowed outcomes of reading a bundle's content. */
    @SuppressWarnings("unchecked")
    static final Class<? extends Throwable>[] REJECTIONS = new Class[] {MalformedBundleException.class,
        BadSignatureException.class};
}
