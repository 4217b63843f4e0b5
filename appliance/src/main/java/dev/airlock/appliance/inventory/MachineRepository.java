package dev.airlock.appliance.inventory;

import static dev.airlock.appliance.inventory.InventoryRowRepository.MACHINE_COLUMNS;
import static dev.airlock.appliance.inventory.InventoryRowRepository.machine;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.kit.MachineIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for machine rows, their lab groups and their history of changes. */
final class MachineRepository {

    Optional<Machine> machineById(Tx tx, long id) {
        return tx.handle().createQuery("SELECT " + MACHINE_COLUMNS + " FROM machine m LEFT JOIN lab_group g"
                        + " ON g.id = m.group_id WHERE m.id = :id")
                .bind("id", id).map((rs, ctx) -> machine(rs)).findOne();
    }

    Optional<Machine> machineByUuid(Tx tx, String uuid) {
        return tx.handle().createQuery("SELECT " + MACHINE_COLUMNS + " FROM machine m LEFT JOIN lab_group g"
                        + " ON g.id = m.group_id WHERE m.smbios_uuid = :uuid")
                .bind("uuid", uuid).map((rs, ctx) -> machine(rs)).findOne();
    }

    /** Which of {@code uuids} a stored machine has. */
    java.util.Set<String> storedUuids(Tx tx, java.util.Collection<String> uuids) {
        return InventoryRowRepository.present(tx, "EXISTS (SELECT 1 FROM machine m WHERE m.smbios_uuid = j.value)",
                uuids);
    }

    /** Which of {@code hosts} a stored machine has, in any letter case (as {@link #machinesByHost} matches). */
    java.util.Set<String> storedHosts(Tx tx, java.util.Collection<String> hosts) {
        return InventoryRowRepository.present(tx, "EXISTS (SELECT 1 FROM machine m WHERE m.host_name = j.value"
                + " COLLATE NOCASE)", hosts);
    }

    List<Machine> machinesByHost(Tx tx, String host) {
        return tx.handle().createQuery("SELECT " + MACHINE_COLUMNS + " FROM machine m LEFT JOIN lab_group g"
                        + " ON g.id = m.group_id WHERE m.host_name = :host COLLATE NOCASE ORDER BY m.id")
                .bind("host", host).map((rs, ctx) -> machine(rs)).list();
    }

    long insertMachine(Tx tx, MachineIdentity id, String source, OptionalLong groupId, Instant collected) {
        String at = Times.format(collected);
        return bindIdentity(tx.handle().createQuery("INSERT INTO machine (host_name, domain, part_of_domain, fqdn,"
                        + " smbios_uuid, serial_number, os_caption, os_version, os_build, ip_addresses, mac_addresses,"
                        + " group_id, source, first_collected_at, last_collected_at) VALUES (:host, :domain, :pod, :fqdn,"
                        + " :uuid, :serial, :caption, :version, :build, :ips, :macs, :group, :source, :at, :at)"
                        + " RETURNING id"), id)
                .bind("group", groupId.isPresent() ? groupId.getAsLong() : null)
                .bind("source", source)
                .bind("at", at)
                .mapTo(Long.class).one(); // RETURNING: a statement kept for reuse, unlike generated keys
    }

    void updateMachineIdentity(Tx tx, long machineId, MachineIdentity id, Instant collected) {
        bindIdentity(tx.handle().createUpdate("UPDATE machine SET host_name = :host, domain = :domain,"
                        + " part_of_domain = :pod, fqdn = :fqdn, smbios_uuid = COALESCE(:uuid, smbios_uuid),"
                        + " serial_number = :serial, os_caption = :caption, os_version = :version, os_build = :build,"
                        + " ip_addresses = :ips, mac_addresses = :macs, source = 'collector', last_collected_at = :at"
                        + " WHERE id = :id"), id)
                .bind("at", Times.format(collected))
                .bind("id", machineId)
                .execute();
    }

    /** Binds the identity columns shared by insert and update. */
    private static <S extends SqlStatement<S>> S bindIdentity(S update, MachineIdentity id) {
        return update.bind("host", id.hostName())
                .bind("domain", id.domain())
                .bind("pod", id.partOfDomain() ? 1 : 0)
                .bind("fqdn", id.fqdn())
                .bind("uuid", id.hasUsableUuid() ? id.smbiosUuid() : null)
                .bind("serial", id.serialNumber())
                .bind("caption", id.osCaption())
                .bind("version", id.osVersion())
                .bind("build", id.osBuild())
                .bind("ips", String.join(",", id.ipAddresses()))
                .bind("macs", String.join(",", id.macAddresses()));
    }

    void touchMachine(Tx tx, long machineId, Instant collected) {
        tx.handle().createUpdate("UPDATE machine SET last_collected_at = MAX(last_collected_at, :at) WHERE id = :id")
                .bind("at", Times.format(collected)).bind("id", machineId).execute();
    }

    void setGroup(Tx tx, long machineId, OptionalLong groupId) {
        tx.handle().createUpdate("UPDATE machine SET group_id = :g WHERE id = :id")
                .bind("g", groupId.isPresent() ? groupId.getAsLong() : null).bind("id", machineId).execute();
    }

    void insertChange(Tx tx, long machineId, Instant at, String field, String oldValue, String newValue,
            String source) {
        tx.handle().createUpdate("INSERT INTO machine_change (machine_id, changed_at, field, old_value, new_value,"
                        + " source) VALUES (:m, :at, :f, :o, :n, :s)")
                .bind("m", machineId).bind("at", Times.format(at)).bind("f", field).bind("o", oldValue)
                .bind("n", newValue).bind("s", source).execute();
    }

    List<MachineChange> changes(Tx tx, long machineId, int limit) {
        return tx.handle().createQuery("SELECT changed_at, field, COALESCE(old_value, ''), COALESCE(new_value, ''),"
                        + " source FROM machine_change WHERE machine_id = :m ORDER BY id DESC LIMIT :limit")
                .bind("m", machineId).bind("limit", limit)
                .map((rs, ctx) -> new MachineChange(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    long groupId(Tx tx, String name, Instant now) {
        Optional<Long> existing = tx.handle().createQuery("SELECT id FROM lab_group WHERE name = :n")
                .bind("n", name).mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        return tx.handle().createUpdate("INSERT INTO lab_group (name, created_at) VALUES (:n, :at)")
                .bind("n", name).bind("at", Times.format(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
