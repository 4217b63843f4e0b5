package dev.airlock.appliance.inventory;

import static dev.airlock.appliance.inventory.InventoryRowRepository.PRODUCT_COLUMNS;
import static dev.airlock.appliance.inventory.InventoryRowRepository.PRODUCT_FROM;
import static dev.airlock.appliance.inventory.InventoryRowRepository.product;
import static dev.airlock.appliance.inventory.InventoryRowRepository.storedCid;
import static dev.airlock.appliance.inventory.InventoryRowRepository.storedIid;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;

/** SQL for product rows, the installations they had before (product_history) and the activations saved. */
final class ProductRepository {

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

    /** Which of {@code iids} (their digits) a stored product has, on any machine. */
    java.util.Set<String> storedIids(Tx tx, java.util.Collection<String> iids) {
        return InventoryRowRepository.present(tx, "EXISTS (SELECT 1 FROM product p WHERE p.iid = j.value)", iids);
    }

    void insertProduct(Tx tx, long machineId, ProductFacts f, ProductState state, String detail, Instant at) {
        String now = Times.format(at);
        Update insert = tx.handle().createUpdate("INSERT INTO product (machine_id, sku_id, application_id,"
                + " product_class, name, description, partial_key, channel, epid, license_status, grace_minutes, iid,"
                + " state, state_detail, state_changed_at, first_seen_at, last_seen_at) VALUES (:m, :sku, :app, :cls,"
                + " :name, :desc, :pk, :channel, :epid, :ls, :grace, :iid, :state, :detail, :now, :now, :now)");
        bindFacts(insert, f)
                .bind("m", machineId)
                .bind("sku", f.skuId().toString())
                .bind("iid", f.iid().digits())
                .bind("state", state.name())
                .bind("detail", detail)
                .bind("now", now)
                .execute();
    }

    /** Same installation seen again: refresh what WMI reports, keep IID, CID and state. */
    void refreshProduct(Tx tx, long productId, ProductFacts f, Instant at) {
        Update refresh = tx.handle().createUpdate("UPDATE product SET application_id = :app, product_class = :cls,"
                + " name = :name, description = :desc, partial_key = CASE WHEN :pk = '' THEN partial_key ELSE :pk END,"
                + " channel = CASE WHEN :channel = '' THEN channel ELSE :channel END, epid = :epid,"
                + " license_status = :ls, grace_minutes = :grace,"
                + " last_seen_at = MAX(last_seen_at, :now) WHERE id = :id");
        bindFacts(refresh, f)
                .bind("now", Times.format(at))
                .bind("id", productId)
                .execute();
    }

    /** Binds what WMI reports about a product: the columns insert and refresh share. */
    private static Update bindFacts(Update update, ProductFacts f) {
        return update.bind("app", f.applicationId().toString())
                .bind("cls", f.productClass())
                .bind("name", f.name())
                .bind("desc", f.description())
                .bind("pk", f.partialKey())
                .bind("channel", f.channel())
                .bind("epid", f.epid().toString())
                .bind("ls", f.licenseStatus())
                .bind("grace", f.graceMinutes());
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
}
