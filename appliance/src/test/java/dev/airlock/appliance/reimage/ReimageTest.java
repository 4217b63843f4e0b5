package dev.airlock.appliance.reimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.ReimageRules;
import dev.airlock.appliance.inventory.StateDetail;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reimage flow's facade: its detection rules, and a supervisor's forced reuse of a stored CID. */
class ReimageTest {
    private static final String CID = "111111222222333333444444555555666666777777888888";

    @TempDir
    Path tmp;

    Store store;
    InventoryService inventory;
    Reimage reimage;
    Apply activation;
    AuditService audit;

    @BeforeEach
    void open() {
        Samples.initLab(tmp.resolve("data")).close();
        store = Store.open(tmp.resolve("data"));
        audit = new AuditService(store, Samples.CLOCK);
        inventory = new InventoryService(store, audit, Samples.CLOCK, Reimage.rules());
        reimage = new Reimage(store, inventory);
        activation = new Apply(store, inventory, audit, Samples.CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void forceReuse_ofAnUnknownProduct_isRefused() {
        assertThat(reimage.forceReuse(999, Samples.SUPERVISOR)).asInstanceOf(type(ForceOutcome.Refused.class))
                .extracting(ForceOutcome.Refused::reason).asString()
                .isEqualTo("there is no product with id 999 (see ./airlock list)");
    }

    @Test
    void forceReuse_withoutAnEarlierCid_isRefused_andChangesNothing() {
        inventory.addManual(Samples.manualEntry(1), Samples.TECHNICIAN);
        Product p = only();

        ForceOutcome outcome = reimage.forceReuse(p.id(), Samples.SUPERVISOR);

        assertThat(outcome).asInstanceOf(type(ForceOutcome.Refused.class)).extracting(ForceOutcome.Refused::reason)
                .asString().isEqualTo("product " + p.id() + " has no earlier installation with a CID in its history:"
                        + " there is nothing to reuse; export it for a new CID");
        assertThat(only()).isEqualTo(p);
    }

    @Test
    void forceReuse_afterANewIid_takesTheEarlierCid_asATypedForcedReuse_andItsApplyCountsAsForced() throws Exception {
        long id = withCid(Samples.manualEntry(1));
        ManualEntry reinstalled = newIid(Samples.manualEntry(1), Samples.manualEntry(2).iid());
        assertThat(inventory.addManual(reinstalled, Samples.TECHNICIAN)).isInstanceOf(CollectionOutcome.Updated.class);
        assertThat(only().state()).isEqualTo(ProductState.COLLECTED);

        ForceOutcome.Forced forced = (ForceOutcome.Forced) reimage.forceReuse(id, Samples.SUPERVISOR);

        Product p = forced.product();
        assertThat(p.state()).isEqualTo(ProductState.REUSABLE);
        assertThat(p.cid().orElseThrow().digits()).isEqualTo(CID);
        assertThat(forced.earlier().iid()).isEqualTo(Samples.manualEntry(1).iid());
        assertThat(p.stateDetail()).isInstanceOf(StateDetail.ForcedReuse.class);
        assertThat(p.stateDetail().text()).isEqualTo("forced reuse by supervisor: CID of the earlier IID "
                + Samples.manualEntry(1).iid().digits() + " (archived " + forced.earlier().archivedAt() + ") for IID "
                + Samples.manualEntry(2).iid().digits() + "; " + Reimage.FORCE_WARNING);
        assertThat(audit.recent(5, "product " + id)).extracting(AuditEntry::details)
                .anyMatch(d -> d.endsWith("COLLECTED -> REUSABLE; " + p.stateDetail().text()));
        assertThat(reimage.reusable(10)).extracting(Product::id).containsExactly(id);

        activation.markApplied(id, false, Samples.TECHNICIAN);

        assertThat(reimage.activationsSaved()).isEqualTo(1);
        assertThat(sql("SELECT forced FROM activation_saved")).isEqualTo("1");
    }

    @Test
    void intake_ofAVerifiedProductNoLongerLicensed_withTheSameIid_isReusable_andItsApplyIsNotForced() throws Exception {
        long id = withCid(Samples.manualEntry(1));
        store.execute(tx -> {
            inventory.transition(tx, id, ProductEvent.APPLY, "", Optional.empty(), Samples.TECHNICIAN);
            inventory.transition(tx, id, ProductEvent.VERIFY, "", Optional.empty(), Samples.TECHNICIAN);
        });

        // the same product entered again: same IID, not licensed: a reimage, its stored CID goes in again
        inventory.addManual(Samples.manualEntry(1), Samples.TECHNICIAN);

        Product p = only();
        assertThat(p.state()).isEqualTo(ProductState.REUSABLE);
        assertThat(p.cid().orElseThrow().digits()).isEqualTo(CID);
        assertThat(p.stateDetail()).isEqualTo(StateDetail.note("reimaged: same IID as stored, with its CID; seen in"
                + " manual entry"));
        assertThat(reimage.reusable(10)).extracting(Product::id).containsExactly(id);
        activation.markApplied(id, false, Samples.TECHNICIAN);
        assertThat(reimage.activationsSaved()).isEqualTo(1);
        assertThat(sql("SELECT forced FROM activation_saved")).isEqualTo("0");
    }

    @Test
    void rules_aNewIidThatNeedsNothing_isNoReimage_andTheHistoryIsNotAsked() {
        AtomicBoolean asked = new AtomicBoolean();
        Product p = product(ProductState.VERIFIED, Optional.of(cid()));

        assertThat(Reimage.rules().onNewIid(p, true, () -> {
            asked.set(true);
            return Optional.of(cid());
        }, "f.xml")).isEmpty();
        assertThat(asked).isFalse();
    }

    @Test
    void rules_aNewIidEqualToAnEarlierInstallations_reusesItsCid() {
        Product p = product(ProductState.COLLECTED, Optional.empty());

        assertThat(Reimage.rules().onNewIid(p, false, () -> Optional.of(cid()), "f.xml")).hasValue(
                new ReimageRules.Reuse(StateDetail.note("reimaged: same IID as stored, with its CID; seen in f.xml;"
                        + " the IID equals an earlier installation's"), Optional.of(cid())));
        assertThat(Reimage.rules().onNewIid(p, false, Optional::empty, "f.xml")).isEmpty();
    }

    @Test
    void rules_sameIid_onlyAVerifiedProductWithACidNowUnlicensed_isAReimage() {
        assertThat(Reimage.rules().onSameIid(product(ProductState.VERIFIED, Optional.of(cid())), false, "s"))
                .isPresent();
        assertThat(Reimage.rules().onSameIid(product(ProductState.VERIFIED, Optional.of(cid())), true, "s")).isEmpty();
        assertThat(Reimage.rules().onSameIid(product(ProductState.APPLIED, Optional.of(cid())), false, "s"))
                .as("deposited but never seen Licensed is no evidence of a reimage").isEmpty();
        assertThat(Reimage.rules().onSameIid(product(ProductState.VERIFIED, Optional.empty()), false, "s")).isEmpty();
    }

    @Test
    void rules_aLostLicence_reusesTheCidAnEarlierInstallationLeft_only() {
        Product p = product(ProductState.NOT_NEEDED, Optional.empty());

        assertThat(Reimage.rules().onLicenceLost(p, () -> Optional.of(cid()), "s")).map(ReimageRules.Reuse::cid)
                .hasValue(Optional.of(cid()));
        assertThat(Reimage.rules().onLicenceLost(p, Optional::empty, "s")).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Records {@code e} and gives its product a CID (exported, answered); returns the product id. */
    private long withCid(ManualEntry e) {
        inventory.addManual(e, Samples.TECHNICIAN);
        long id = only().id();
        store.execute(tx -> {
            inventory.transition(tx, id, ProductEvent.EXPORT, "", Optional.empty(), Samples.TECHNICIAN);
            inventory.transition(tx, id, ProductEvent.CID_RECEIVED, "", Optional.of(cid()), Samples.TECHNICIAN);
        });
        return id;
    }

    private static ManualEntry newIid(ManualEntry e, InstallationId iid) {
        return new ManualEntry(e.hostName(), e.group(), e.skuId(), e.applicationId(), e.productName(), e.epid(), iid,
                e.partialKey(), e.channel(), e.licenseStatus());
    }

    private Product only() {
        return inventory.products(ProductFilter.all(), 0, 10).get(0);
    }

    private static Product product(ProductState state, Optional<ConfirmationId> cid) {
        ManualEntry e = Samples.manualEntry(1);
        Instant t = Samples.NOW;
        return new Product(7, 1, e.hostName(), "", e.skuId(), e.applicationId(), "", e.productName(), "", "",
                e.channel(), e.epid(), 5, 0, e.iid(), cid, state, StateDetail.none(), t, t, t);
    }

    private static ConfirmationId cid() {
        try {
            return ConfirmationId.parse(CID);
        } catch (dev.airlock.formats.ids.InvalidIdException e) {
            throw new AssertionError(e);
        }
    }

    private String sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data").resolve(
                Store.FILE_NAME)); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
