package dev.airlock.formats.ids;

import java.util.List;

/** Shared, made-up sample identifiers for the tests in this package (none is a real ID or key). */
final class IdSamples {
    static final List<String> IID63_GROUPS = List.of(
            "1234561", "2345672", "3456783", "4567894", "5678905", "6789016", "7890127", "8901238", "9012349");
    static final String IID63_DIGITS = String.join("", IID63_GROUPS);
    static final String IID63_CANONICAL = String.join("-", IID63_GROUPS);

    static final List<String> IID54_GROUPS = List.of(
            "123451", "234562", "345673", "456784", "567895", "678906", "789017", "890128", "901239");
    static final String IID54_DIGITS = String.join("", IID54_GROUPS);
    static final String IID54_CANONICAL = String.join("-", IID54_GROUPS);

    static final List<String> CID_GROUPS = List.of(
            "111112", "222223", "333334", "444445", "555556", "666667", "777778", "888889");
    static final String CID_DIGITS = String.join("", CID_GROUPS);
    static final String CID_CANONICAL = String.join("-", CID_GROUPS);

    /** A made-up key over the product-key alphabet; not a real MAK. */
    static final String KEY = "XQ4TB-9MKW7-PCRNH-6D8YG-V2JT3";
    static final String KEY_CHARS = KEY.replace("-", "");

    static final String IID_ALLOWED = "only digits 0-9, spaces and dashes are allowed";
    static final String GUID_EXAMPLE = "55c92734-d682-4d71-983e-d6ec3f16059f";
    static final String EPID_EXAMPLE = "03612-03308-000-000000-03-1033-9200.0000-0242016";

    private IdSamples() {}

    /** Replaces the character at 0-based {@code index}. */
    static String replaceAt(String s, int index, char c) {
        return s.substring(0, index) + c + s.substring(index + 1);
    }
}
