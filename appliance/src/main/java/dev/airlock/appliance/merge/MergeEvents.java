package dev.airlock.appliance.merge;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.inventory.ProductEvent;

/** What the audit log records about a merge: the products a response moved, and the response merged. */
sealed interface MergeEvents extends AuditEvent {
    /**
     * {@code products} products moved by {@code event} (a CID received, or an error) from one response
     * ({@code responseShortId}, 8 hex digits) to request {@code requestShortId}, read from {@code source}.
     */
    record ProductsAnswered(ProductEvent event, int products, String responseShortId, String requestShortId,
            String source) implements MergeEvents {
        @Override
        public Row row() {
            return new Row(event.auditAction(), "products", products + (products == 1 ? " product" : " products")
                    + "; response " + responseShortId + " to request " + requestShortId + " (" + source + ")");
        }
    }

    /** A response merged, signed by the gateway pinned as {@code signer}: what it carried and what was skipped. */
    record ResponseMerged(String responseShortId, String requestShortId, String source, String signer, int cids,
            int errors, int skipped, int counts) implements MergeEvents {
        @Override
        public Row row() {
            return new Row("bundle.merged", "response " + responseShortId, "request " + requestShortId + "; from "
                    + source + "; signer " + signer + "; " + cids + " CIDs, " + errors + " errors, " + skipped
                    + " skipped, " + counts + " counts");
        }
    }
}
