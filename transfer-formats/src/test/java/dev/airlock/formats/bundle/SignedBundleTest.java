package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.FormatException;
import dev.airlock.formats.signature.BadSignatureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Negative theories for the envelope: parse is strict, verify throws for anything but the signer's signature. */
class SignedBundleTest {
    private final SignedBundle request = BundleSamples.signedRequest();

    @Test
    void verify_withTheSignersKey_passes() throws Exception {
        request.verify(BundleSamples.LAB_KEY.publicKey());
        request.verify(BundleSamples.LAB_KEY.publicKey().verifier());
    }

    @Test
    void verify_withWrongKey_throws() {
        assertThatThrownBy(() -> request.verify(BundleSamples.OTHER_KEY.publicKey()))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining("signed by key 21fe31dfa154a261");
        assertThatThrownBy(() -> request.verify(BundleSamples.OTHER_KEY.publicKey().verifier()))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void everySingleBitFlipInTheEnvelope_isRefusedByParseOrVerify() {
        byte[] env = request.envelope();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < env.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] t = env.clone();
                t[i] ^= (byte) (1 << bit);
                try {
                    SignedBundle.parse(t).verify(BundleSamples.LAB_KEY.publicKey());
                    accepted.add("byte " + i + " bit " + bit);
                } catch (FormatException expected) {
                    // MalformedBundleException or BadSignatureException
                }
            }
        }
        assertThat(accepted).as("tampered envelopes that passed").isEmpty();
    }

    @Test
    void tamperedPayloadThatStillDecodes_failsVerification() throws Exception {
        byte[] iidByte = request.payload();
        int lastIid = iidByte.length - 12 - 27 + 5; // somewhere inside the last record's IID
        iidByte[lastIid] ^= 1;
        SignedBundle forged = SignedBundle.assemble(BundleKind.REQUEST, iidByte, request.signature());
        assertThatThrownBy(() -> forged.verify(BundleSamples.LAB_KEY.publicKey()))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining("does not match");
    }

    @Test
    void tamperedSignature_failsVerification() throws Exception {
        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] sig = request.signature();
            sig[i] ^= 0x40;
            SignedBundle forged = SignedBundle.assemble(BundleKind.REQUEST, request.payload(), sig);
            assertThatThrownBy(() -> forged.verify(BundleSamples.LAB_KEY.publicKey()))
                    .as("signature byte " + i).isInstanceOf(BadSignatureException.class);
        }
    }

    @Test
    void emptyOrWrongLengthSignature_isRefused() {
        for (int len : new int[] {0, 1, 63, 65, 128}) {
            assertThatThrownBy(() -> SignedBundle.assemble(BundleKind.REQUEST, request.payload(), new byte[len]))
                    .isInstanceOf(MalformedBundleException.class).hasMessageContaining("has " + len + " bytes");
        }
    }

    @Test
    void signatureOfOneKind_doesNotVerifyAsAnother() throws Exception {
        // same payload bytes relabelled: the domain tag differs, so the signature fails
        SignedBundle card = BundleSamples.signedCard();
        byte[] env = card.envelope();
        env[3] = 1; // claim it is a request: its payload does not decode as one
        assertThatThrownBy(() -> SignedBundle.parse(env)).isInstanceOf(MalformedBundleException.class);
        byte[] msgAsResponse = SignedBundle.message(BundleKind.RESPONSE, request.payload());
        assertThat(msgAsResponse).isNotEqualTo(request.signedMessage());
    }

    @Test
    void typedDecode_refusesTheWrongKind() throws Exception {
        SignedBundle response = BundleSamples.signedResponse(request);
        assertThatThrownBy(response::request).isInstanceOf(MalformedBundleException.class)
                .hasMessage("this bundle is a response, not a request");
        assertThatThrownBy(request::response).isInstanceOf(MalformedBundleException.class)
                .hasMessage("this bundle is a request, not a response");
        assertThatThrownBy(request::keyCard).isInstanceOf(MalformedBundleException.class)
                .hasMessage("this bundle is a request, not a keycard");
        assertThat(response.response().requestId()).isEqualTo(request.request().id());
    }

    @Test
    void parse_wrongVersionMagicKind_isRefusedWithAClearMessage() {
        byte[] env = request.envelope();
        byte[] v2 = env.clone();
        v2[2] = 2;
        assertThatThrownBy(() -> SignedBundle.parse(v2)).hasMessageContaining("format version 2");
        byte[] magic = env.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> SignedBundle.parse(magic)).hasMessageContaining("not an Airlock bundle");
        byte[] kind = env.clone();
        kind[3] = 9;
        assertThatThrownBy(() -> SignedBundle.parse(kind)).hasMessageContaining("unknown kind 9");
    }

    @Test
    void parse_emptyTruncatedOversizeOrTrailing_isRefused() {
        byte[] env = request.envelope();
        assertThatThrownBy(() -> SignedBundle.parse(new byte[0])).hasMessageContaining("empty");
        for (int n = 1; n < env.length; n++) {
            byte[] cut = Arrays.copyOf(env, n);
            assertThatThrownBy(() -> SignedBundle.parse(cut)).as("cut at " + n)
                    .isInstanceOf(MalformedBundleException.class);
        }
        byte[] longer = Arrays.copyOf(env, env.length + 1);
        assertThatThrownBy(() -> SignedBundle.parse(longer)).hasMessageContaining("trailing");
        assertThatThrownBy(() -> SignedBundle.parse(new byte[SignedBundle.MAX_ENVELOPE_BYTES + 1]))
                .hasMessageContaining("at most");
    }

    @Test
    void sign_refusesAPayloadThatNamesAnotherSigner() {
        assertThatThrownBy(() -> SignedBundle.sign(BundleKind.REQUEST, request.payload(), BundleSamples.OTHER_KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names signer");
    }

    @Test
    void keyCard_isSelfSigned_andATamperedCardIsRefused() throws Exception {
        SignedBundle card = BundleSamples.signedCard();
        assertThat(card.keyCard().key()).isEqualTo(BundleSamples.LAB_KEY.publicKey());
        assertThat(card.keyCard().label()).isEqualTo("Lab appliance A");
        byte[] p = card.payload();
        p[12] ^= 1; // inside the label
        SignedBundle forged = SignedBundle.assemble(BundleKind.KEY_CARD, p, card.signature());
        assertThatThrownBy(forged::keyCard).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void response_whoseRequestDigestDoesNotMatch_isRejected() throws Exception {
        SignedBundle response = BundleSamples.signedResponse(request);
        response.response().checkAnswers(request);
        // same request id and records, re-signed at another time: different envelope, different digest
        RequestBundle.Built again = RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(),
                BundleSamples.records(), BundleSamples.queries(), BundleSamples.CREATED.plusSeconds(1), new Random(42));
        SignedBundle other = SignedBundle.sign(again.bundle(), BundleSamples.LAB_KEY);
        assertThat(other.request().id()).isEqualTo(request.request().id());
        assertThatThrownBy(() -> response.response().checkAnswers(other))
                .isInstanceOf(UnrelatedResponseException.class).hasMessageContaining("digest does not match");
        SignedBundle unrelated = SignedBundle.sign(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(),
                BundleSamples.records(), List.of(), BundleSamples.CREATED, new Random(1)).bundle(),
                BundleSamples.LAB_KEY);
        assertThatThrownBy(() -> response.response().checkAnswers(unrelated))
                .isInstanceOf(UnrelatedResponseException.class).hasMessageContaining("answers request 359d41ba");
    }

    @Test
    void digest_isSha256OfTheEnvelope() throws Exception {
        assertThat(request.digest()).isEqualTo(
                java.security.MessageDigest.getInstance("SHA-256").digest(request.envelope()));
    }
}
