package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;

/** Fuzz target: a bundle file (request, response or key card) on a stick (seeds: the three golden files). */
class BundleFileFuzzTest {
    @FuzzTest
    void bundleFile(byte[] data) {
        SignedBundle bundle = FuzzContract.accepts(data, () -> BundleFile.read(data), BundleFuzzing.REJECTIONS);
        if (bundle != null) {
            assertThat(data.length).isLessThanOrEqualTo(BundleFile.MAX_BYTES);
        }
        if (FuzzContract.alsoCheckLimit(data)) {
            byte[] big = FuzzContract.padPast(data, BundleFile.MAX_BYTES);
            assertThatThrownBy(() -> BundleFile.read(big)).isInstanceOf(MalformedBundleException.class)
                    .hasMessageContaining("too large");
        }
    }
}
