package dev.airlock.appliance.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;

/**
 * Fuzz target: BatchActivation's SOAP answer as the gateway reads it off the network, asked as a
 * CID request and as a count request (seeds: answers shaped like the service's and the stand-in's).
 */
class BatchActivationAnswerFuzzTest {
    @FuzzTest
    void batchActivationAnswer(byte[] data) {
        for (int type : new int[] {BatchActivationWire.TYPE_CID, BatchActivationWire.TYPE_REMAINING}) {
            ServiceAnswer answer = FuzzContract.accepts(data, () -> BatchActivationWire.parse(data, type),
                    BatchActivationWire.MalformedAnswer.class);
            if (answer instanceof ServiceAnswer.Remaining r) {
                assertThat(type).isEqualTo(BatchActivationWire.TYPE_REMAINING);
                assertThat(r.count()).isBetween(0L, 0xFFFF_FFFFL);
            } else if (answer instanceof ServiceAnswer.Cid) {
                assertThat(type).isEqualTo(BatchActivationWire.TYPE_CID);
            }
        }
        if (FuzzContract.alsoCheckLimit(data)) {
            byte[] big = FuzzContract.padPast(data, BatchActivationWire.MAX_ANSWER_BYTES);
            assertThat(FuzzContract.accepts(big, () -> BatchActivationWire.parse(big, BatchActivationWire.TYPE_CID),
                    BatchActivationWire.MalformedAnswer.class)).isNull();
        }
    }
}
