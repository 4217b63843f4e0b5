package dev.airlock.appliance.inventory;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.appliance.store.Times;
import dev.airlock.formats.kit.MachineIdentity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The machine and product columns as the row mappers read them, and the mappers: identifiers parsed once, here. */
final class InventoryRowRepository {
    static final String MACHINE_COLUMNS = "m.id, m.host_name, m.domain, m.part_of_domain, m.fqdn,"
            + " COALESCE(m.smbios_uuid, ''), m.serial_number, m.os_caption, m.os_version, m.os_build, m.ip_addresses,"
            + " m.mac_addresses, COALESCE(g.name, ''), m.source, m.first_collected_at, m.last_collected_at";
    static final String PRODUCT_COLUMNS = "p.id, p.machine_id, m.host_name, COALESCE(g.name, ''), p.sku_id,"
            + " p.application_id, p.product_class, p.name, p.description, p.partial_key, p.channel, p.epid,"
            + " p.license_status, p.grace_minutes, p.iid, COALESCE(p.cid, ''), p.state, p.state_detail,"
            + " p.state_changed_at, p.first_seen_at, p.last_seen_at, p.forced_reuse, p.error_code";
    static final String PRODUCT_FROM = " FROM product p JOIN machine m ON m.id = p.machine_id"
            + " LEFT JOIN lab_group g ON g.id = m.group_id";

    private InventoryRowRepository() {
    }

    static Machine machine(ResultSet rs) throws SQLException {
        MachineIdentity identity = new MachineIdentity(rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), split(rs.getString(11)), split(rs.getString(12)));
        return new Machine(rs.getLong(1), identity, rs.getString(13), rs.getString(14),
                Times.parse(rs.getString(15)), Times.parse(rs.getString(16)));
    }

    /** A product row: its identifiers are parsed here, once (they were validated when they came in). */
    static Product product(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            String cid = rs.getString(16);
            return new Product(id, rs.getLong(2), rs.getString(3), rs.getString(4), SkuId.parse(rs.getString(5)),
                    ApplicationId.parse(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11), ExtendedProductId.parse(rs.getString(12)), rs.getInt(13),
                    rs.getLong(14), InstallationId.parse(rs.getString(15)),
                    cid == null || cid.isEmpty() ? Optional.empty() : Optional.of(ConfirmationId.parse(cid)),
                    ProductState.valueOf(rs.getString(17)), DetailColumns.read(rs.getString(18),
                            rs.getInt(22) == 1, rs.getString(23)), Times.parse(rs.getString(19)),
                    Times.parse(rs.getString(20)), Times.parse(rs.getString(21)));
        } catch (InvalidIdException | IllegalArgumentException e) {
            throw notParsing(id, e);
        }
    }

    static InstallationId storedIid(String digits, long productId) {
        try {
            return InstallationId.parse(digits);
        } catch (InvalidIdException e) {
            throw notParsing(productId, e);
        }
    }

    static ConfirmationId storedCid(String digits, long productId) {
        try {
            return ConfirmationId.parse(digits);
        } catch (InvalidIdException e) {
            throw notParsing(productId, e);
        }
    }

    private static IllegalStateException notParsing(long productId, Exception e) {
        return new IllegalStateException("product " + productId + " in the store holds an identifier that does not"
                + " parse (changed outside Airlock?): " + e.getMessage(), e);
    }

    /** Which of {@code values} {@code existsSql} keeps, where it sees each one as {@code j.value}. */
    static java.util.Set<String> present(dev.airlock.appliance.store.Tx tx, String existsSql,
            java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(tx.handle().createQuery("SELECT j.value FROM json_each(:values) j WHERE "
                + existsSql).bind("values", dev.airlock.appliance.store.SqlValues.jsonArray(values))
                .mapTo(String.class).list());
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(csv.split(",")));
    }
}
