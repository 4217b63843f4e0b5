package dev.airlock.formats.kit;

import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the collector kit's apply mode did on one machine: per product of its activation kit
 * file an {@link Outcome}, plus a fresh collection of the machine. PII: never leaves the lab.
 */
public record ApplyResult(Instant applied, String collectorVersion, String kitFile, List<Outcome> outcomes,
        CollectorRecord machineRecord) {

    /** XML namespace of format version 1. */
    public static final String NAMESPACE = "urn:airlock:apply-result:1";
    /** The only format version this code reads and writes. */
    public static final String FORMAT_VERSION = "1";
    /** Classpath location of the XSD (compiled together with the collector record's). */
    public static final String XSD_RESOURCE = "/dev/airlock/formats/kit/apply-result-1.xsd";
    /** The root element, by which intake tells a result file from a collector record. */
    public static final String ROOT = "ApplyResult";

    public ApplyResult {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(collectorVersion, "collectorVersion");
        kitFile = kitFile == null ? "" : kitFile;
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(machineRecord, "machineRecord");
    }

    /** What apply mode did with one product. */
    public enum Result {
        /** {@code DepositOfflineConfirmationId} returned 0. */
        DEPOSITED("Deposited"),
        /** The deposit returned or threw an error code. */
        FAILED("Failed"),
        /** The machine reports another IID than the kit's: not applied, re-collect. */
        IID_CHANGED("IidChanged"),
        /** No product with that SKU and a key installed on the machine: not applied. */
        NOT_FOUND("NotFound");

        private final String xmlName;

        Result(String xmlName) {
            this.xmlName = xmlName;
        }

        /** The value in the file. */
        public String xmlName() {
            return xmlName;
        }

        /** Maps the value in the file, or throws {@link IllegalArgumentException}. */
        public static Result ofXmlName(String name) {
            for (Result r : values()) {
                if (r.xmlName.equals(name)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("Result '" + name + "' is not Deposited, Failed, IidChanged or NotFound");
        }
    }

    /**
     * One product's outcome.
     *
     * @param iid           the kit's IID for the product (what the CID belongs to)
     * @param returnCode    the deposit's code as an unsigned 32-bit value (Deposited, Failed)
     * @param licenseStatus after RefreshLicenseStatus, when the product was found
     * @param message       Windows' error text, "" when none
     */
    public record Outcome(SkuId skuId, InstallationId iid, Result result, OptionalLong returnCode,
            Optional<LicenseStatus> licenseStatus, String message) {
        public Outcome {
            Objects.requireNonNull(skuId, "skuId");
            Objects.requireNonNull(iid, "iid");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(returnCode, "returnCode");
            Objects.requireNonNull(licenseStatus, "licenseStatus");
            message = message == null ? "" : message;
        }

        /** The return code as the script writes it, e.g. {@code 0xC004F04D}; "" when none. */
        public String returnCodeHex() {
            return returnCode.isPresent() ? hex(returnCode.getAsLong()) : "";
        }
    }

    /** {@code 0x} and 8 upper-case hex digits of an unsigned 32-bit code. */
    public static String hex(long code) {
        return String.format(java.util.Locale.ROOT, "0x%08X", code & 0xFFFFFFFFL);
    }
}
