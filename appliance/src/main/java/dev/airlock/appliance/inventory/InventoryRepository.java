package dev.airlock.appliance.inventory;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.MachineIdentity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** SQL for machines, products, groups and machine history. */
final class InventoryRepository {
    private static final String MACHINE_COLUMNS = "m.id, m.host_name, m.domain, m.part_of_domain, m.fqdn,"
            + " COALESCE(m.smbios_uuid, ''), m.serial_number, m.os_caption, m.os_version, m.os_build, m.ip_addresses,"
            + " m.mac_addresses, COALESCE(g.name, ''), m.source, m.first_collected_at, m.last_collected_at";
    private static final String PRODUCT_COLUMNS = "p.id, p.machine_id, m.host_name, COALESCE(g.name, ''), p.sku_id,"
            + " p.application_id, p.product_class, p.name, p.description, p.partial_key, p.channel, p.epid,"
            + " p.license_status, p.grace_minutes, p.iid, COALESCE(p.cid, ''), p.state, p.state_detail,"
            + " p.state_changed_at, p.first_seen_at, p.last_seen_at, p.forced_reuse, p.error_code";
    private static final String PRODUCT_FROM = " FROM product p JOIN machine m ON m.id = p.machine_id"
            + " LEFT JOIN lab_group g ON g.id = m.group_id";
    /**
     * The same rows walked in list order: machines by host (index machine_by_host), then each
     * machine's products by name (index product_by_machine_name). CROSS JOIN fixes that loop order
     * so SQLite never sorts the whole table for a page: a page deep in 100,000 products stays a
     * few milliseconds with or without ANALYZE statistics.
     */
    private static final String PRODUCT_FROM_IN_LIST_ORDER = " FROM machine m CROSS JOIN product p"
            + " ON m.id = p.machine_id LEFT JOIN lab_group g ON g.id = m.group_id";

    // ---- machines -------------------------------------------------------------------------

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

    List<Machine> machinesByHost(Tx tx, String host) {
        return tx.handle().createQuery("SELECT " + MACHINE_COLUMNS + " FROM machine m LEFT JOIN lab_group g"
                        + " ON g.id = m.group_id WHERE m.host_name = :host COLLATE NOCASE ORDER BY m.id")
                .bind("host", host).map((rs, ctx) -> machine(rs)).list();
    }

    long insertMachine(Tx tx, MachineIdentity id, String source, OptionalLong groupId, Instant collected) {
        String at = Times.format(collected);
        return bindIdentity(tx.handle().createUpdate("INSERT INTO machine (host_name, domain, part_of_domain, fqdn,"
                        + " smbios_uuid, serial_number, os_caption, os_version, os_build, ip_addresses, mac_addresses,"
                        + " group_id, source, first_collected_at, last_collected_at) VALUES (:host, :domain, :pod, :fqdn,"
                        + " :uuid, :serial, :caption, :version, :build, :ips, :macs, :group, :source, :at, :at)"), id)
                .bind("group", groupId.isPresent() ? groupId.getAsLong() : null)
                .bind("source", source)
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
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
    private static Update bindIdentity(Update update, MachineIdentity id) {
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

    // ---- groups ---------------------------------------------------------------------------

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

    // ---- products -------------------------------------------------------------------------

    List<Product> productsOfMachine(Tx tx, long machineId) {
        return tx.handle().createQuery("SELECT " + PRODUCT_COLUMNS + PRODUCT_FROM + " WHERE p.machine_id = :m"
                        + " ORDER BY p.application_id, p.name")
                .bind("m", machineId).map((rs, ctx) -> product(rs)).list();
    }

    /** Products with this IID on machines other than {@code exceptMachine} (-1 for none). */
    List<Product> productsWithIid(Tx tx, InstallationId iid, long exceptMachine) {
        return tx.handle().createQuery("SELECT " + PRODUCT_COLUMNS + PRODUCT_FROM
                        + " WHERE p.iid = :iid AND p.machine_id <> :m")
                .bind("iid", iid.digits()).bind("m", exceptMachine).map((rs, ctx) -> product(rs)).list();
    }

    void insertProduct(Tx tx, long machineId, ProductFacts f, ProductState state, String detail, Instant at) {
        String now = Times.format(at);
        tx.handle().createUpdate("INSERT INTO product (machine_id, sku_id, application_id, product_class, name,"
                        + " description, partial_key, channel, epid, license_status, grace_minutes, iid, state,"
                        + " state_detail, state_changed_at, first_seen_at, last_seen_at) VALUES (:m, :sku, :app, :cls,"
                        + " :name, :desc, :pk, :channel, :epid, :ls, :grace, :iid, :state, :detail, :now, :now, :now)")
                .bind("m", machineId)
                .bind("sku", f.skuId().toString())
                .bind("app", f.applicationId().toString())
                .bind("cls", f.productClass())
                .bind("name", f.name())
                .bind("desc", f.description())
                .bind("pk", f.partialKey())
                .bind("channel", f.channel())
                .bind("epid", f.epid().toString())
                .bind("ls", f.licenseStatus())
                .bind("grace", f.graceMinutes())
                .bind("iid", f.iid().digits())
                .bind("state", state.name())
                .bind("detail", detail)
                .bind("now", now)
                .execute();
    }

    /** Same installation seen again: refresh what WMI reports, keep IID, CID and state. */
    void refreshProduct(Tx tx, long productId, ProductFacts f, Instant at) {
        tx.handle().createUpdate("UPDATE product SET application_id = :app, product_class = :cls, name = :name,"
                        + " description = :desc, partial_key = CASE WHEN :pk = '' THEN partial_key ELSE :pk END,"
                        + " channel = CASE WHEN :channel = '' THEN channel ELSE :channel END, epid = :epid,"
                        + " license_status = :ls, grace_minutes = :grace,"
                        + " last_seen_at = MAX(last_seen_at, :now) WHERE id = :id")
                .bind("app", f.applicationId().toString())
                .bind("cls", f.productClass())
                .bind("name", f.name())
                .bind("desc", f.description())
                .bind("pk", f.partialKey())
                .bind("channel", f.channel())
                .bind("epid", f.epid().toString())
                .bind("ls", f.licenseStatus())
                .bind("grace", f.graceMinutes())
                .bind("now", Times.format(at))
                .bind("id", productId)
                .execute();
    }

    /** A new IID for a known product: keep the old installation in history, start over. */
    void replaceInstallation(Tx tx, Product old, ProductFacts f, ProductState newState, Instant at, String reason) {
        tx.handle().createUpdate("INSERT INTO product_history (product_id, iid, cid, epid, partial_key, state,"
                        + " archived_at, reason) VALUES (:p, :iid, :cid, :epid, :pk, :state, :at, :reason)")
                .bind("p", old.id())
                .bind("iid", old.iid().digits())
                .bind("cid", old.cid().map(ConfirmationId::digits).orElse(null))
                .bind("epid", old.epid().toString())
                .bind("pk", old.partialKey())
                .bind("state", old.state().name())
                .bind("at", Times.format(at))
                .bind("reason", reason)
                .execute();
        refreshProduct(tx, old.id(), f, at);
        tx.handle().createUpdate("UPDATE product SET iid = :iid, cid = NULL, state = :state, state_detail = '',"
                        + " forced_reuse = 0, error_code = NULL, state_changed_at = :at WHERE id = :id")
                .bind("iid", f.iid().digits()).bind("state", newState.name()).bind("at", Times.format(at))
                .bind("id", old.id()).execute();
    }

    Optional<Product> productById(Tx tx, long id) {
        return tx.handle().createQuery("SELECT " + PRODUCT_COLUMNS + PRODUCT_FROM + " WHERE p.id = :id")
                .bind("id", id).map((rs, ctx) -> product(rs)).findOne();
    }

    /** Moves a product to {@code state}; a non-null {@code cid} replaces the stored one. */
    void setState(Tx tx, long productId, ProductState state, StateDetail detail, String cid, Instant at) {
        tx.handle().createUpdate("UPDATE product SET state = :state, state_detail = :detail, forced_reuse = :forced,"
                        + " error_code = :code, cid = COALESCE(:cid, cid), state_changed_at = :at WHERE id = :id")
                .bind("state", state.name()).bind("detail", detail.words())
                .bind("forced", DetailColumns.forced(detail)).bind("code", DetailColumns.code(detail)).bind("cid", cid)
                .bind("at", Times.format(at)).bind("id", productId).execute();
    }

    /** The CID an earlier installation of this product with exactly this IID had, if one was kept. */
    Optional<ConfirmationId> historicCid(Tx tx, long productId, InstallationId iid) {
        return tx.handle().createQuery("SELECT cid FROM product_history WHERE product_id = :p AND iid = :iid"
                        + " AND cid IS NOT NULL ORDER BY id DESC LIMIT 1")
                .bind("p", productId).bind("iid", iid.digits()).mapTo(String.class).findOne()
                .map(c -> storedCid(c, productId));
    }

    Optional<EarlierInstallation> newestHistoricWithCid(Tx tx, long productId) {
        return tx.handle().createQuery("SELECT iid, cid, archived_at, reason FROM product_history"
                        + " WHERE product_id = :p AND cid IS NOT NULL ORDER BY id DESC LIMIT 1")
                .bind("p", productId)
                .map((rs, ctx) -> new EarlierInstallation(storedIid(rs.getString(1), productId),
                        storedCid(rs.getString(2), productId), Instant.parse(rs.getString(3)), rs.getString(4)))
                .findOne();
    }

    void insertActivationSaved(Tx tx, Product p, boolean forced, Instant at) {
        tx.handle().createUpdate("INSERT INTO activation_saved (product_id, iid, cid, forced, applied_at)"
                        + " VALUES (:p, :iid, :cid, :forced, :at)")
                .bind("p", p.id()).bind("iid", p.iid().digits())
                .bind("cid", p.cid().map(ConfirmationId::digits).orElse(null)).bind("forced", forced ? 1 : 0)
                .bind("at", Times.format(at)).execute();
    }

    long activationsSaved(Tx tx) {
        return tx.handle().createQuery("SELECT count(*) FROM activation_saved").mapTo(Long.class).one();
    }

    // ---- queries --------------------------------------------------------------------------

    void streamProducts(Tx tx, ProductFilter filter, long offset, long limit, Consumer<Product> sink) {
        Query q = tx.handle().createQuery(pageSql(filter)).bind("limit", limit).bind("offset", offset);
        bindFilter(q, filter);
        ResultIterable<Product> rows = q.setFetchSize(1000).map((rs, ctx) -> product(rs));
        rows.forEach(sink); // closes the result set when done
    }

    /** One page of products in list order ({@code :limit}, {@code :offset} and the filter's parameters). */
    static String pageSql(ProductFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + PRODUCT_COLUMNS + PRODUCT_FROM_IN_LIST_ORDER
                + " WHERE 1 = 1");
        appendFilter(sql, filter);
        sql.append(" ORDER BY m.host_name COLLATE NOCASE, m.id, p.name LIMIT :limit OFFSET :offset");
        return sql.toString();
    }

    private static void appendFilter(StringBuilder sql, ProductFilter filter) {
        filter.state().ifPresent(s -> sql.append(" AND p.state = :state"));
        filter.group().ifPresent(g -> sql.append(" AND g.name = :group COLLATE NOCASE"));
        filter.search().ifPresent(s -> sql.append(" AND (m.host_name LIKE :like ESCAPE '!' OR p.name LIKE :like"
                + " ESCAPE '!' OR p.iid LIKE :digits ESCAPE '!')"));
    }

    private static void bindFilter(Query q, ProductFilter filter) {
        filter.state().ifPresent(s -> q.bind("state", s.name()));
        filter.group().ifPresent(g -> q.bind("group", g));
        filter.search().ifPresent(s -> {
            q.bind("like", "%" + escapeLike(s.strip()) + "%");
            q.bind("digits", "%" + escapeLike(s.replaceAll("[\\s-]", "")) + "%");
        });
    }

    /** How many products match {@code filter}. */
    long countProducts(Tx tx, ProductFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*)" + PRODUCT_FROM + " WHERE 1 = 1");
        appendFilter(sql, filter);
        Query q = tx.handle().createQuery(sql.toString());
        bindFilter(q, filter);
        return q.mapTo(Long.class).one();
    }

    /** One row per SKU recorded, with its newest name, application, channel and ePID. */
    List<KnownProduct> knownProducts(Tx tx) {
        return tx.handle().createQuery("SELECT p.sku_id, p.application_id, p.name, p.epid, p.channel FROM product p"
                        + " WHERE p.id = (SELECT q.id FROM product q WHERE q.sku_id = p.sku_id"
                        + " ORDER BY q.last_seen_at DESC, q.id DESC LIMIT 1) ORDER BY p.name, p.sku_id")
                .map((rs, ctx) -> new KnownProduct(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    long machineCount(Tx tx) {
        return tx.handle().createQuery("SELECT count(*) FROM machine").mapTo(Long.class).one();
    }

    /** Counts per (group, state); group "" for machines without one. */
    Map<String, Map<ProductState, Long>> countsByGroupAndState(Tx tx) {
        Map<String, Map<ProductState, Long>> out = new LinkedHashMap<>();
        tx.handle().createQuery("SELECT COALESCE(g.name, ''), p.state, count(*) FROM product p"
                        + " JOIN machine m ON m.id = p.machine_id LEFT JOIN lab_group g ON g.id = m.group_id"
                        + " GROUP BY 1, 2 ORDER BY 1")
                .map((rs, ctx) -> {
                    out.computeIfAbsent(rs.getString(1), k -> zeroCounts())
                            .merge(ProductState.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
                    return 0;
                })
                .forEach(x -> { });
        return out;
    }

    /** NOT_NEEDED products per (group, reason); group "" for machines without one. */
    Map<String, Map<NotNeededReason, Long>> notNeededByGroup(Tx tx) {
        Map<String, Map<NotNeededReason, Long>> out = new LinkedHashMap<>();
        tx.handle().createQuery("SELECT COALESCE(g.name, ''), p.license_status, p.channel, count(*) FROM product p"
                        + " JOIN machine m ON m.id = p.machine_id LEFT JOIN lab_group g ON g.id = m.group_id"
                        + " WHERE p.state = 'NOT_NEEDED' GROUP BY 1, 2, 3 ORDER BY 1")
                .map((rs, ctx) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(NotNeededReason.class))
                            .merge(NotNeededReason.ofRecorded(rs.getInt(2), rs.getString(3)), rs.getLong(4),
                                    Long::sum);
                    return 0;
                })
                .forEach(x -> { });
        return out;
    }

    static Map<ProductState, Long> zeroCounts() {
        Map<ProductState, Long> m = new EnumMap<>(ProductState.class);
        Arrays.stream(ProductState.values()).forEach(s -> m.put(s, 0L));
        return m;
    }

    // ---- mapping --------------------------------------------------------------------------

    private static Machine machine(ResultSet rs) throws SQLException {
        MachineIdentity identity = new MachineIdentity(rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), split(rs.getString(11)), split(rs.getString(12)));
        return new Machine(rs.getLong(1), identity, rs.getString(13), rs.getString(14),
                Instant.parse(rs.getString(15)), Instant.parse(rs.getString(16)));
    }

    /** A product row: its identifiers are parsed here, once (they were validated when they came in). */
    private static Product product(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            String cid = rs.getString(16);
            return new Product(id, rs.getLong(2), rs.getString(3), rs.getString(4), SkuId.parse(rs.getString(5)),
                    ApplicationId.parse(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11), ExtendedProductId.parse(rs.getString(12)), rs.getInt(13),
                    rs.getLong(14), InstallationId.parse(rs.getString(15)),
                    cid == null || cid.isEmpty() ? Optional.empty() : Optional.of(ConfirmationId.parse(cid)),
                    ProductState.valueOf(rs.getString(17)), DetailColumns.read(rs.getString(18),
                            rs.getInt(22) == 1, rs.getString(23)), Instant.parse(rs.getString(19)),
                    Instant.parse(rs.getString(20)), Instant.parse(rs.getString(21)));
        } catch (InvalidIdException | IllegalArgumentException e) {
            throw notParsing(id, e);
        }
    }

    private static InstallationId storedIid(String digits, long productId) {
        try {
            return InstallationId.parse(digits);
        } catch (InvalidIdException e) {
            throw notParsing(productId, e);
        }
    }

    private static ConfirmationId storedCid(String digits, long productId) {
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

    private static List<String> split(String csv) {
        if (csv == null || csv.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(csv.split(",")));
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
