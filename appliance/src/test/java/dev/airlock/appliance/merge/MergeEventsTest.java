package dev.airlock.appliance.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import dev.airlock.appliance.inventory.ProductEvent;
import org.junit.jupiter.api.Test;

/** Each merge event renders the very row the service wrote by hand before (golden strings). */
class MergeEventsTest {
    @Test
    void productsAnswered_rendersCountResponseRequestAndSource() {
        assertThat(new MergeEvents.ProductsAnswered(ProductEvent.CID_RECEIVED, 2, "9f8e7d6c", "1a2b3c4d",
                "airlock-response-9f8e7d6c.xml").row())
                .isEqualTo(new Row("product.cid_received", "products",
                        "2 products; response 9f8e7d6c to request 1a2b3c4d (airlock-response-9f8e7d6c.xml)"));
    }

    @Test
    void productsAnswered_one_isSingular() {
        assertThat(new MergeEvents.ProductsAnswered(ProductEvent.REJECT, 1, "9f8e7d6c", "1a2b3c4d", "qr").row())
                .isEqualTo(new Row("product.reject", "products",
                        "1 product; response 9f8e7d6c to request 1a2b3c4d (qr)"));
    }

    @Test
    void responseMerged_rendersWhatItCarried() {
        assertThat(new MergeEvents.ResponseMerged("9f8e7d6c", "1a2b3c4d", "resp.xml", "gateway-1", 3, 1,
                0, 2).row())
                .isEqualTo(new Row("bundle.merged", "response 9f8e7d6c",
                        "request 1a2b3c4d; from resp.xml; signer gateway-1; 3 CIDs, 1 errors, 0 skipped, 2 counts"));
    }
}
