package dev.airlock.appliance.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import org.junit.jupiter.api.Test;

/** The export event renders the very row the bulk move wrote by hand before (golden strings). */
class ProductsExportedTest {
    @Test
    void productsExported_rendersCountRequestAndFile() {
        assertThat(new ProductsExported("1a2b3c4d", "airlock-request-1a2b3c4d.xml", 250).row())
                .isEqualTo(new Row("product.export", "products",
                        "250 products; request 1a2b3c4d written to airlock-request-1a2b3c4d.xml"));
    }

    @Test
    void productsExported_one_isSingular() {
        assertThat(new ProductsExported("1a2b3c4d", "r.xml", 1).row().details())
                .isEqualTo("1 product; request 1a2b3c4d written to r.xml");
    }
}
