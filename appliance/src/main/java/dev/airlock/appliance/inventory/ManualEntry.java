package dev.airlock.appliance.inventory;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * One product typed in by hand (IID read off {@code slmgr /dti} or the phone activation dialog).
 *
 * @param group       lab group for a new machine (or to move it to), empty for none
 * @param partialKey  last 5 of the key when known
 */
public record ManualEntry(
        String hostName,
        Optional<String> group,
        SkuId skuId,
        ApplicationId applicationId,
        String productName,
        ExtendedProductId epid,
        InstallationId iid,
        Optional<PartialProductKey> partialKey,
        String channel,
        LicenseStatus licenseStatus) {

    public ManualEntry {
        Objects.requireNonNull(hostName, "hostName");
        if (hostName.isBlank()) {
            throw new IllegalArgumentException("host name is empty");
        }
        hostName = hostName.strip();
        plain("host name", hostName);
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(epid, "epid");
        Objects.requireNonNull(iid, "iid");
        Objects.requireNonNull(partialKey, "partialKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(licenseStatus, "licenseStatus");
        Objects.requireNonNull(group, "group");
        plain("product name", productName);
        plain("channel", channel);
        group.ifPresent(g -> plain("group", g));
    }

    /** Typed or pasted text follows the rule for text from outside: one plain line. */
    private static void plain(String what, String value) {
        dev.airlock.formats.outside.OutsideText.problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(what + " '" + dev.airlock.formats.outside.OutsideText.shown(value)
                    + "' " + p + ": type it as one plain line");
        });
    }
}
