package dev.airlock.appliance.inventory;

import static dev.airlock.appliance.inventory.InventoryRowRepository.PRODUCT_COLUMNS;
import static dev.airlock.appliance.inventory.InventoryRowRepository.PRODUCT_FROM;
import static dev.airlock.appliance.inventory.InventoryRowRepository.product;

import dev.airlock.appliance.store.Tx;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.Query;

/** SQL over the whole inventory: product pages and counts under a filter, known products, status counts. */
final class InventoryQueryRepository {
    /**
     * The same rows walked in list order: machines by host (index machine_by_host), then each
     * machine's products by name (index product_by_machine_name). CROSS JOIN fixes that loop order
     * so SQLite never sorts the whole table for a page: a page deep in 100,000 products stays a
     * few milliseconds with or without ANALYZE statistics.
     */
    private static final String PRODUCT_FROM_IN_LIST_ORDER = " FROM machine m CROSS JOIN product p"
            + " ON m.id = p.machine_id LEFT JOIN lab_group g ON g.id = m.group_id";

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
        // by state alone: the state index counts it (every product has its machine, so the join drops none)
        boolean productOnly = filter.group().isEmpty() && filter.search().isEmpty();
        StringBuilder sql = new StringBuilder("SELECT count(*)" + (productOnly ? " FROM product p" : PRODUCT_FROM)
                + " WHERE 1 = 1");
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

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
