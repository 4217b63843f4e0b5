package dev.airlock.appliance.cli;

/** Small helpers for plain-English output. */
final class Words {
    private Words() {}

    /** The plural "s" for a count: "" for 1, "s" otherwise ({@code "%d file%s"}). */
    static String s(long count) {
        return count == 1 ? "" : "s";
    }
}
