package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;

/** Fuzz target: a response bundle as the lab reads it, envelope or payload (seeds: the golden response). */
class ResponseBundleFuzzTest {
    @FuzzTest
    void responseBundle(byte[] data) {
        SignedBundle bundle = BundleFuzzing.parse(BundleKind.RESPONSE, data);
        if (bundle == null) {
            return;
        }
        ResponseBundle response = FuzzContract.accepts(bundle.envelope(), bundle::response,
                BundleFuzzing.REJECTIONS);
        if (response != null) {
            assertThat(ResponseCodec.encode(response)).isEqualTo(bundle.payload());
            assertThat(response.requestDigest()).hasSize(ResponseBundle.DIGEST_LENGTH);
            assertThat(response.answers().size()).isLessThanOrEqualTo(RequestBundle.MAX_RECORDS);
        }
    }
}
