package dev.airlock.formats.ids;

/** SKU ID: WMI {@code SoftwareLicensingProduct.ID}, a GUID naming one licensable product edition. */
public final class SkuId {
    private final String guid;

    private SkuId(String guid) {
        this.guid = guid;
    }

    /** Parses a GUID with or without braces and dashes, any case. */
    public static SkuId parse(String text) throws InvalidIdException {
        return new SkuId(GuidText.parse("SKU ID", text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkuId other && guid.equals(other.guid);
    }

    @Override
    public int hashCode() {
        return guid.hashCode();
    }

    /** Canonical lower-case dashed GUID. */
    @Override
    public String toString() {
        return guid;
    }
}
