package dev.airlock.formats.ids;

/** Application ID: the GUID of the licensing application (Windows, Office 2013+, Office 2010). */
public final class ApplicationId {
    /** Windows. */
    public static final ApplicationId WINDOWS = new ApplicationId("55c92734-d682-4d71-983e-d6ec3f16059f");
    /** Office 2013 and later. */
    public static final ApplicationId OFFICE = new ApplicationId("0ff1ce15-a989-479d-af46-f275c6370663");
    /** Office 2010 (via OfficeSoftwareProtectionProduct). */
    public static final ApplicationId OFFICE_2010 = new ApplicationId("59a52881-a989-479d-af46-f275c6370663");

    private final String guid;

    private ApplicationId(String guid) {
        this.guid = guid;
    }

    /** Parses a GUID with or without braces and dashes, any case. */
    public static ApplicationId parse(String text) throws InvalidIdException {
        return new ApplicationId(GuidText.parse("Application ID", text));
    }

    /** A plain-language family name: "Windows", "Office", "Office 2010" or "other". */
    public String family() {
        if (equals(WINDOWS)) {
            return "Windows";
        }
        if (equals(OFFICE)) {
            return "Office";
        }
        if (equals(OFFICE_2010)) {
            return "Office 2010";
        }
        return "other";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationId other && guid.equals(other.guid);
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
