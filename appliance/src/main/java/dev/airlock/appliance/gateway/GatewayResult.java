package dev.airlock.appliance.gateway;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one {@code process} run did: the response file written (none when nothing could be
 * answered), and how the request's records were settled. {@code problem} says why the run stopped
 * early (e.g. the service was unreachable), when it did.
 */
public record GatewayResult(String requestId, Optional<Path> responseFile, int records, int confirmed,
        int fromCache, int failed, int inFlight, int unanswered, int counts, int countQueries,
        Optional<String> problem) {
    /** Every record has a CID or an error in the response, and every count query was answered. */
    public boolean complete() {
        return confirmed + failed == records && counts == countQueries && problem.isEmpty();
    }
}
