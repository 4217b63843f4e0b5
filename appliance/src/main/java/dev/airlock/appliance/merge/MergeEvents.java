package dev.airlock.appliance.merge;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.inventory.ProductEvent;

/** What the audit log records about a merge: the products a response moved, and the response merged. */
sealed interface MergeEvents extends AuditEvent {
    /** The response's 8 hex digits. */
    String responseShortId();

    /** The request it answers, by its 8 hex digits. */
    String requestShortId();

    /** Where the response came from (its file name). */
    String source();

    /** {@code products} products moved by {@code event} (a CID received, or an error) from one response. */
    record ProductsAnswered(ProductEvent event, int products, String responseShortId, String requestShortId,
            String source) implements MergeEvents {
        @Override
        public String action() {
            return event.auditAction();
        }

        @Override
        public String subject() {
            return "products";
        }

        @Override
        public String details() {
            return products + (products == 1 ? " product" : " products") + "; response " + responseShortId
                    + " to request " + requestShortId + " (" + source + ")";
        }
    }

    /** A response merged, signed by the gateway pinned as {@code signer}: what it carried and what was skipped. */
    record ResponseMerged(String responseShortId, String requestShortId, String source, String signer, int cids,
            int errors, int skipped, int counts) implements MergeEvents {
        @Override
        public String action() {
            return "bundle.merged";
        }

        @Override
        public String subject() {
            return "response " + responseShortId;
        }

        @Override
        public String details() {
            return "request " + requestShortId + "; from " + source + "; signer " + signer + "; " + cids + " CIDs, "
                    + errors + " errors, " + skipped + " skipped, " + counts + " counts";
        }
    }
}
