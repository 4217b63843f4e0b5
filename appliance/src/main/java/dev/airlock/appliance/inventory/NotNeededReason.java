package dev.airlock.appliance.inventory;

import dev.airlock.formats.kit.LicenseStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a collected product needs no CID from Airlock, and so is never exported, counted as
 * waiting, or put in an activation kit. Read from what WMI reports (LicenseStatus and
 * ProductKeyChannel); MAK, KMS host (CSVLK) and retail products that are not Licensed do need a
 * CID (VAMT proxies all three), and so does any channel Airlock does not know.
 */
public enum NotNeededReason {
    /** LicenseStatus 1: the product is activated already. */
    LICENSED("Licensed, nothing to do", "already licensed", "already licensed"),
    /**
     * ProductKeyChannel {@code Volume:GVLK}: a KMS client key, activated by the site's KMS host (or
     * Active Directory), never by a CID.
     */
    KMS_CLIENT("Activates against your KMS host; nothing to do here", "KMS client", "KMS clients");

    private final String detail;
    private final String one;
    private final String many;

    NotNeededReason(String detail, String one, String many) {
        this.detail = detail;
        this.one = one;
        this.many = many;
    }

    /** What the product's state detail says, for technicians: "Licensed, nothing to do". */
    public String detail() {
        return detail;
    }

    /** A few words for a count: "2 already licensed", "1 KMS client", "2 KMS clients". */
    public String count(long n) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Why a product with these WMI values needs no CID, or empty when it needs one. */
    public static Optional<NotNeededReason> of(int licenseStatus, String channel) {
        if (isKmsClient(channel)) {
            return Optional.of(KMS_CLIENT);
        }
        if (licenseStatus == LicenseStatus.LICENSED.code()) {
            return Optional.of(LICENSED);
        }
        return Optional.empty();
    }

    /** The reason for a product already recorded as NOT_NEEDED (one that no longer fits counts as licensed). */
    static NotNeededReason ofRecorded(int licenseStatus, String channel) {
        return of(licenseStatus, channel).orElse(LICENSED);
    }

    /**
     * Whether the channel is a KMS client's: {@code Volume:GVLK} from Windows 8 on, or the
     * {@code VOLUME_KMSCLIENT} token older systems put in Description (the collector passes it through).
     */
    static boolean isKmsClient(String channel) {
        String c = channel == null ? "" : channel.strip().toUpperCase(Locale.ROOT);
        return c.equals("VOLUME:GVLK") || c.equals("VOLUME_KMSCLIENT") || c.equals("VOLUME:KMSCLIENT");
    }
}
