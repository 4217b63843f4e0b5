package dev.airlock.appliance.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;

/** Fuzz target: an update's manifest from a stick (seeds: what sign-update writes, and near misses). */
class UpdateManifestFuzzTest {
    @FuzzTest
    void updateManifest(byte[] data) {
        UpdateManifest m = FuzzContract.accepts(data, () -> UpdateManifest.parse(data), UpdateException.class);
        if (m != null) {
            assertThat(data.length).isLessThanOrEqualTo(UpdateManifest.MAX_BYTES);
            assertThat(m.size()).isBetween(1L, UpdateManifest.MAX_IMAGE_BYTES);
            assertThat(m.sha256()).matches("[0-9a-f]{64}");
            assertThat(m.image()).doesNotContain("/", "\\").doesNotStartWith(".");
        }
        if (FuzzContract.alsoCheckLimit(data)) {
            byte[] big = FuzzContract.padPast(data, UpdateManifest.MAX_BYTES);
            assertThat(FuzzContract.accepts(big, () -> UpdateManifest.parse(big), UpdateException.class)).isNull();
        }
    }
}
