package dev.airlock.formats.kit;

/** WMI {@code SoftwareLicensingProduct.LicenseStatus} values. */
public enum LicenseStatus {
    UNLICENSED(0, "Unlicensed"),
    LICENSED(1, "Licensed"),
    OOB_GRACE(2, "Initial grace period"),
    OOT_GRACE(3, "Additional grace period (hardware or time changed)"),
    NON_GENUINE_GRACE(4, "Non-genuine grace period"),
    NOTIFICATION(5, "Notification (not activated)"),
    EXTENDED_GRACE(6, "Extended grace period");

    private final int code;
    private final String label;

    LicenseStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The WMI number. */
    public int code() {
        return code;
    }

    /** Plain-language description for technicians. */
    public String label() {
        return label;
    }

    /** Maps a WMI number, or throws {@link IllegalArgumentException} naming the allowed range. */
    public static LicenseStatus ofCode(int code) {
        for (LicenseStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("LicenseStatus " + code + " is not one of 0..6");
    }
}
