package dev.airlock.formats.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;
import dev.airlock.formats.outside.OutsideText;

/** Fuzz target: collector record files as a stick brings them in (seeds: the golden records). */
class CollectorRecordFuzzTest {
    private static final CollectorRecordReader READER = new CollectorRecordReader();

    @FuzzTest
    void collectorRecord(byte[] data) {
        CollectorRecord record = FuzzContract.accepts(data, () -> READER.read(data), MalformedRecordException.class);
        if (record != null) {
            assertThat(data.length).isLessThanOrEqualTo(CollectorRecordReader.MAX_BYTES);
            assertThat(record.machine().hostName()).isNotBlank();
            assertThat(OutsideText.problem(record.machine().hostName())).isEmpty();
            assertThat(record.products().stream().map(CollectedProduct::skuId).distinct().count())
                    .isEqualTo(record.products().size());
        }
        if (FuzzContract.alsoCheckLimit(data)) {
            byte[] big = FuzzContract.padPast(data, CollectorRecordReader.MAX_BYTES);
            assertThatThrownBy(() -> READER.read(big)).isInstanceOf(MalformedRecordException.class)
                    .hasMessageContaining("too large");
        }
    }
}
