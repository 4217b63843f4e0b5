package dev.airlock.appliance.export;

import dev.airlock.appliance.audit.AuditEvent;

/** Products put into a request written to a stick ({@code requestShortId}: the request's 8 hex digits). */
record ProductsExported(String requestShortId, String fileName, int products) implements AuditEvent {
    @Override
    public Row row() {
        return new Row("product.export", "products", products + (products == 1 ? " product" : " products")
                + "; request " + requestShortId + " written to " + fileName);
    }
}
