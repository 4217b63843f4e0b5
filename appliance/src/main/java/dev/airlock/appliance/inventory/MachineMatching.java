package dev.airlock.appliance.inventory;

import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.kit.MachineIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which stored machine a collection is about, and what changed in its identity. */
final class MachineMatching {
    private MachineMatching() {}

    /** The machine a record is about (empty: a new one), or why that cannot be told. */
    record Match(Optional<Machine> machine, String conflict) {}

    /**
     * SMBIOS UUID first; then host name (a machine without a UUID, or a record without one). A
     * lookup {@code absent} already answers is not made.
     */
    static Match find(MachineRepository rows, Tx tx, MachineIdentity id, KnownAbsent absent) {
        if (id.hasUsableUuid()) {
            Optional<Machine> byUuid = absent.noMachineWithUuid(id.smbiosUuid()) ? Optional.empty()
                    : rows.machineByUuid(tx, id.smbiosUuid());
            if (byUuid.isPresent()) {
                return new Match(byUuid, null);
            }
            List<Machine> noUuid = named(rows, tx, id, absent).stream()
                    .filter(m -> m.identity().smbiosUuid().isEmpty()).toList();
            if (noUuid.size() > 1) {
                return new Match(Optional.empty(), ambiguous(id.hostName(), noUuid));
            }
            return new Match(noUuid.stream().findFirst(), null);
        }
        List<Machine> byHost = named(rows, tx, id, absent);
        if (byHost.size() > 1) {
            return new Match(Optional.empty(), ambiguous(id.hostName(), byHost));
        }
        return new Match(byHost.stream().findFirst(), null);
    }

    private static List<Machine> named(MachineRepository rows, Tx tx, MachineIdentity id, KnownAbsent absent) {
        return absent.noMachineNamed(id.hostName()) ? List.of() : rows.machinesByHost(tx, id.hostName());
    }

    private static String ambiguous(String host, List<Machine> machines) {
        return "the record has no usable SMBIOS UUID and host name " + host + " matches " + machines.size()
                + " machines (ids " + ids(machines) + "); take the file in with --same-as ID to say which one";
    }

    static String ids(List<Machine> machines) {
        return String.join(", ", machines.stream().map(m -> Long.toString(m.id())).toList());
    }


    /** What differs between the stored machine and the record, field by field: {old, new}. */
    static Map<String, String[]> identityDiff(Machine machine, MachineIdentity id) {
        MachineIdentity m = machine.identity();
        Map<String, String[]> d = new LinkedHashMap<>();
        diff(d, "host name", m.hostName(), id.hostName());
        diff(d, "domain", m.domain(), id.domain());
        diff(d, "part of domain", Boolean.toString(m.partOfDomain()), Boolean.toString(id.partOfDomain()));
        diff(d, "FQDN", m.fqdn(), id.fqdn());
        if (id.hasUsableUuid()) {
            diff(d, "SMBIOS UUID", m.smbiosUuid(), id.smbiosUuid());
        }
        diff(d, "serial number", m.serialNumber(), id.serialNumber());
        diff(d, "OS", m.osCaption(), id.osCaption());
        diff(d, "OS version", m.osVersion(), id.osVersion());
        diff(d, "OS build", m.osBuild(), id.osBuild());
        diff(d, "IP addresses", String.join(",", m.ipAddresses()), String.join(",", id.ipAddresses()));
        diff(d, "MAC addresses", String.join(",", m.macAddresses()), String.join(",", id.macAddresses()));
        if (machine.source().equals("manual") && d.isEmpty()) {
            d.put("source", new String[] {"manual", "collector"});
        }
        return d;
    }

    private static void diff(Map<String, String[]> d, String field, String old, String now) {
        if (!old.equals(now)) {
            d.put(field, new String[] {old, now});
        }
    }

    static String quote(String s) {
        return s.isEmpty() ? "(none)" : s;
    }
}
