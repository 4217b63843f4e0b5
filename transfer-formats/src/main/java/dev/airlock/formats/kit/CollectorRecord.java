package dev.airlock.formats.kit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One machine's collector record file: identity plus every product with a key installed.
 * PII: never leaves the lab.
 */
public record CollectorRecord(
        Instant collected, String collectorVersion, MachineIdentity machine, List<CollectedProduct> products) {

    /** XML namespace of format version 1. */
    public static final String NAMESPACE = "urn:airlock:collector-record:1";
    /** The only format version this code reads and writes. */
    public static final String FORMAT_VERSION = "1";
    /** Classpath location of the XSD. */
    public static final String XSD_RESOURCE = "/dev/airlock/formats/kit/collector-record-1.xsd";

    public CollectorRecord {
        Objects.requireNonNull(collected, "collected");
        Objects.requireNonNull(collectorVersion, "collectorVersion");
        Objects.requireNonNull(machine, "machine");
        products = List.copyOf(products);
    }
}
