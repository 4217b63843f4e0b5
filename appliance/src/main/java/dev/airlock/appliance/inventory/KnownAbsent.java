package dev.airlock.appliance.inventory;

import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import java.util.HashSet;
import java.util.Set;

/**
 * The SMBIOS UUIDs, host names and IIDs of a batch of collector records that the store held none
 * of when the batch's transaction began ({@link InventoryService#absentAmong}): recording a record
 * then skips the lookups whose answer is already known to be "none" (a new machine in an intake is
 * the common case, and those lookups were a third of its time). What a record names is forgotten
 * once it is recorded, because its writes may add it, so what is left stays true for the records
 * after it; a write of machines or products by anything else in the same transaction must call
 * {@link #forgetAll}. A forgotten value is simply looked up again, so forgetting too much is always
 * safe. Belongs to one transaction and one thread.
 */
public final class KnownAbsent {
    private final Set<String> uuids;
    private final Set<String> hosts;
    private final Set<String> iids;

    KnownAbsent(Set<String> uuids, Set<String> hosts, Set<String> iids) {
        this.uuids = new HashSet<>(uuids);
        this.hosts = new HashSet<>();
        hosts.forEach(h -> this.hosts.add(nocase(h)));
        this.iids = new HashSet<>(iids);
    }

    /** Knows of nothing absent: every lookup is made. */
    public static KnownAbsent nothing() {
        return new KnownAbsent(Set.of(), Set.of(), Set.of());
    }

    /** No stored machine has this SMBIOS UUID. */
    boolean noMachineWithUuid(String uuid) {
        return uuids.contains(uuid);
    }

    /** No stored machine has this host name (in any letter case). */
    boolean noMachineNamed(String host) {
        return hosts.contains(nocase(host));
    }

    /** No stored product, on any machine, has this IID. */
    boolean noProductWithIid(InstallationId iid) {
        return iids.contains(iid.digits());
    }

    /** Forgets what {@code record} names: it is being recorded, and its writes may add any of it. */
    void forget(CollectorRecord record) {
        uuids.remove(record.machine().smbiosUuid());
        hosts.remove(nocase(record.machine().hostName()));
        for (CollectedProduct p : record.products()) {
            iids.remove(p.iid().digits());
        }
    }

    /**
     * A host name as SQLite's {@code NOCASE} compares it (machines are matched by host name so):
     * ASCII letters folded, nothing else; "LAB-C" and "lab-c" are one name, "Ä" and "ä" are two.
     */
    private static String nocase(String host) {
        char[] c = host.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) (c[i] + ('a' - 'A'));
            }
        }
        return new String(c);
    }

    /** Forgets everything: something other than a recorded collection wrote machines or products. */
    public void forgetAll() {
        uuids.clear();
        hosts.clear();
        iids.clear();
    }
}
