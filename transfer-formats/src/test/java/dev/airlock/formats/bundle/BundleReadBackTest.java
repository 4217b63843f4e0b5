package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.FormatException;
import dev.airlock.formats.signature.BadSignatureException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read-back of a file just written: digest and signature over the bytes on the medium. */
class BundleReadBackTest {
    private final SignedBundle request = BundleSamples.signedRequest();
    private final byte[] written = BundleFile.write(request, BundleSamples.LAB_KEY.publicKey());

    @Test
    void checkReadBack_ofTheBytesWritten_passes_forEveryKind() throws Exception {
        SignedBundle response = BundleSamples.signedResponse(request);
        SignedBundle card = BundleSamples.signedCard();
        assertThatCode(() -> {
            BundleFile.checkReadBack(written, request, BundleSamples.LAB_KEY.publicKey());
            BundleFile.checkReadBack(BundleFile.write(response, BundleSamples.GATEWAY_KEY.publicKey()), response,
                    BundleSamples.GATEWAY_KEY.publicKey());
            BundleFile.checkReadBack(BundleFile.write(card, card.keyCard().key()), card, card.keyCard().key());
        }).doesNotThrowAnyException();
    }

    @Test
    void checkReadBack_withAnyCharacterOfThePayloadOrSignatureChanged_throws() {
        String text = new String(written, StandardCharsets.US_ASCII);
        List<Integer> accepted = new ArrayList<>();
        for (String element : List.of("Payload", "SignatureValue")) {
            int from = text.indexOf("<" + element + ">") + element.length() + 2;
            int to = text.indexOf("</" + element + ">");
            for (int i = from; i < to; i += Math.max(1, (to - from) / 97)) {
                byte[] changed = written.clone();
                changed[i] = (byte) (changed[i] == 'A' ? 'B' : 'A');
                try {
                    BundleFile.checkReadBack(changed, request, BundleSamples.LAB_KEY.publicKey());
                    accepted.add(i);
                } catch (FormatException expected) {
                    // refused, as it must be
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(accepted).isEmpty();
    }

    @Test
    void checkReadBack_ofAShortWrite_throws() {
        for (int keep : new int[] {0, 100, written.length / 2, written.length - 200}) {
            assertThatThrownBy(() -> BundleFile.checkReadBack(Arrays.copyOf(written, keep), request,
                    BundleSamples.LAB_KEY.publicKey())).isInstanceOf(MalformedBundleException.class);
        }
    }

    @Test
    void checkReadBack_ofAnotherBundleOrWithAnotherKey_throws() throws Exception {
        SignedBundle response = BundleSamples.signedResponse(request);
        byte[] other = BundleFile.write(response, BundleSamples.GATEWAY_KEY.publicKey());
        assertThatThrownBy(() -> BundleFile.checkReadBack(other, request, BundleSamples.LAB_KEY.publicKey()))
                .isInstanceOf(MalformedBundleException.class).hasMessageContaining("digest");
        assertThatThrownBy(() -> BundleFile.checkReadBack(written, request, BundleSamples.OTHER_KEY.publicKey()))
                .isInstanceOf(BadSignatureException.class);
    }
}
