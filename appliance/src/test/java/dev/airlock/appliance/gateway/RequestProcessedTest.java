package dev.airlock.appliance.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import dev.airlock.formats.bundle.BundleId;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gateway's event renders the very row the service wrote by hand before (golden strings). */
class RequestProcessedTest {
    private static final BundleId REQUEST = BundleId.parse("1a2b3c4d00112233445566778899aabb");
    private static final BundleId RESPONSE = BundleId.parse("9f8e7d6c00112233445566778899aabb");

    @Test
    void requestProcessed_withResponse_rendersCountsFileAndResponseId() {
        assertThat(new RequestProcessed(REQUEST, "online", 5, 3, 1, 1, 1, 0, 2,
                Optional.of(Path.of("/media/STICK/AIRLOCK/inbound/airlock-response-9f8e7d6c.xml")),
                Optional.of(RESPONSE)).row())
                .isEqualTo(new Row("gateway.process", "request 1a2b3c4d00112233445566778899aabb",
                        "mode online; request 1a2b3c4d00112233445566778899aabb; records 5; CIDs 3 (1 from the cache);"
                                + " errors 1; in flight 1; unanswered 0; counts 2;"
                                + " response airlock-response-9f8e7d6c.xml (9f8e7d6c00112233445566778899aabb)"));
    }

    @Test
    void requestProcessed_withoutResponse_saysNoneWasWritten() {
        assertThat(new RequestProcessed(REQUEST, "phone", 2, 0, 0, 0, 0, 2, 0, Optional.empty(), Optional.empty())
                .row().details()).isEqualTo("mode phone; request 1a2b3c4d00112233445566778899aabb; records 2; CIDs 0"
                        + " (0 from the cache); errors 0; in flight 0; unanswered 2; counts 0; no response written");
    }
}
