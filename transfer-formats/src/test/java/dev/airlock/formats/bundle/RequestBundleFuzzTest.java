package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;

/** Fuzz target: a request bundle as the gateway reads it, envelope or payload (seeds: the golden request). */
class RequestBundleFuzzTest {
    @FuzzTest
    void requestBundle(byte[] data) {
        SignedBundle bundle = BundleFuzzing.parse(BundleKind.REQUEST, data);
        if (bundle == null) {
            return;
        }
        RequestBundle request = FuzzContract.accepts(bundle.envelope(), bundle::request, BundleFuzzing.REJECTIONS);
        if (request != null) {
            assertThat(RequestCodec.encode(request)).isEqualTo(bundle.payload());
            assertThat(request.records().size()).isLessThanOrEqualTo(RequestBundle.MAX_RECORDS);
            assertThat(request.products().size()).isLessThanOrEqualTo(RequestBundle.MAX_PRODUCTS);
            assertThat(request.queries().size()).isLessThanOrEqualTo(RequestBundle.MAX_QUERIES);
        }
    }
}
