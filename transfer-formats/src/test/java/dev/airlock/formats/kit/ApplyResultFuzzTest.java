package dev.airlock.formats.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;
import dev.airlock.formats.outside.OutsideText;

/** Fuzz target: apply result files read back from the lab stick (seeds: the golden results). */
class ApplyResultFuzzTest {
    private static final ApplyResultReader READER = new ApplyResultReader(new CollectorRecordReader());

    @FuzzTest
    void applyResult(byte[] data) {
        ApplyResultReader.looksLikeResult(data);
        ApplyResult result = FuzzContract.accepts(data, () -> READER.read(data), MalformedRecordException.class);
        if (result != null) {
            assertThat(data.length).isLessThanOrEqualTo(ApplyResultReader.MAX_BYTES);
            assertThat(OutsideText.problem(result.machineRecord().machine().hostName())).isEmpty();
            assertThat(result.outcomes().stream().map(ApplyResult.Outcome::skuId).distinct().count())
                    .isEqualTo(result.outcomes().size());
        }
        if (FuzzContract.alsoCheckLimit(data)) {
            byte[] big = FuzzContract.padPast(data, ApplyResultReader.MAX_BYTES);
            assertThatThrownBy(() -> READER.read(big)).isInstanceOf(MalformedRecordException.class)
                    .hasMessageContaining("too large");
        }
    }
}
