package dev.airlock.appliance.gateway;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.formats.bundle.BundleId;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A request processed by the gateway ({@code mode} online or phone): how its records were answered
 * and the response written, if any.
 *
 * @param cids the CIDs in the response, {@code cached} of them from the cache
 */
record RequestProcessed(BundleId request, String mode, int records, int cids, int cached, int errors, int inFlight,
        int unanswered, int counts, Optional<Path> response, Optional<BundleId> responseId) implements AuditEvent {
    @Override
    public Row row() {
        return new Row("gateway.process", "request " + request, "mode " + mode + "; request " + request
                + "; records " + records + "; CIDs " + cids + " (" + cached + " from the cache); errors " + errors
                + "; in flight " + inFlight + "; unanswered " + unanswered + "; counts " + counts
                + response.map(p -> "; response " + p.getFileName()).orElse("; no response written")
                + responseId.map(id -> " (" + id + ")").orElse(""));
    }
}
