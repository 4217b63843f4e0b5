package dev.airlock.appliance.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.ids.ConfirmationId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The set-based moves (a temp table joined with the transition table in SQL) against the state machine itself. */
class BulkTransitionsTest {
    private static final ConfirmationId CID = cid();

    @TempDir
    Path tmp;

    private Appliance app;
    private Store store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void transitionTable_holdsExactlyTheStateMachinesMoves() {
        List<ProductStateMachine.Rule> expected = new ArrayList<>();
        for (ProductState s : ProductState.values()) {
            for (ProductEvent e : ProductEvent.values()) {
                ProductStateMachine.next(s, e).ifPresent(to -> expected.add(new ProductStateMachine.Rule(s, e, to)));
            }
        }
        assertThat(ProductStateMachine.rules()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void bulkMove_ofEveryStateAndEvent_movesExactlyWhereTheStateMachineAllows() {
        app = Samples.initLab(tmp.resolve("data"));
        store = Store.open(tmp.resolve("data"));
        BulkTransitions bulk = new BulkTransitions(app.audit(), Samples.CLOCK);
        int n = 0;
        for (ProductEvent event : ProductEvent.values()) {
            // one product in each state, all moved by this event in one call
            Map<ProductState, Product> byState = new EnumMap<>(ProductState.class);
            List<BulkTransitions.Change> changes = new ArrayList<>();
            for (ProductState state : ProductState.values()) {
                Product p = productIn(++n, state);
                byState.put(state, p);
                changes.add(new BulkTransitions.Change(p.id(), p.iid(), event, StateDetail.note("bulk " + event),
                        event == ProductEvent.CID_RECEIVED ? Optional.of(CID) : Optional.empty()));
            }
            BulkTransitions.Result r = store.inTransaction(tx -> bulk.apply(tx, changes, Samples.SUPERVISOR,
                    (e, k) -> () -> new AuditEvent.Row("product.bulk", "products", k + " " + e)));
            for (ProductState state : ProductState.values()) {
                Optional<ProductState> next = ProductStateMachine.next(state, event);
                Product after = byId(byState.get(state).id());
                assertThat(after.state()).as("%s + %s", state, event).isEqualTo(next.orElse(state));
                if (next.isPresent()) {
                    assertThat(after.stateDetail().text()).isEqualTo("bulk " + event);
                }
            }
            assertThat(r.skipped()).allSatisfy(s -> assertThat(s.reason())
                    .isEqualTo(BulkTransitions.SkipReason.NOT_ALLOWED));
            assertThat(r.skipped()).extracting(s -> s.state().orElseThrow()).containsExactlyElementsOf(
                    java.util.Arrays.stream(ProductState.values())
                            .filter(s -> ProductStateMachine.next(s, event).isEmpty()).toList());
            assertThat(r.moved()).hasSize(ProductState.values().length - r.skipped().size());
        }
    }

    @Test
    void bulkMove_ofAGoneProductOrAnotherIid_isSkippedWithItsReason_andTheRestMoves() {
        app = Samples.initLab(tmp.resolve("data"));
        store = Store.open(tmp.resolve("data"));
        Product exported = productIn(1, ProductState.EXPORTED);
        Product otherIid = productIn(2, ProductState.EXPORTED);
        Product moves = productIn(3, ProductState.EXPORTED);
        List<BulkTransitions.Change> changes = List.of(
                new BulkTransitions.Change(999_999, exported.iid(), ProductEvent.CID_RECEIVED, null, Optional.of(CID)),
                new BulkTransitions.Change(otherIid.id(), exported.iid(), ProductEvent.CID_RECEIVED, null,
                        Optional.of(CID)),
                new BulkTransitions.Change(moves.id(), moves.iid(), ProductEvent.CID_RECEIVED, null, Optional.of(CID)));
        BulkTransitions.Result r = store.inTransaction(tx -> new BulkTransitions(app.audit(), Samples.CLOCK)
                .apply(tx, changes, Samples.SUPERVISOR, (e, k) -> () -> new AuditEvent.Row("product.bulk",
                        "products", k + " " + e)));
        assertThat(r.skipped()).extracting(BulkTransitions.Skipped::reason).containsExactly(
                BulkTransitions.SkipReason.GONE, BulkTransitions.SkipReason.IID_CHANGED);
        assertThat(r.skipped().get(1).state()).contains(ProductState.EXPORTED);
        assertThat(r.moved()).extracting(BulkTransitions.Change::productId).containsExactly(moves.id());
        assertThat(byId(moves.id()).cid()).contains(CID);
        assertThat(byId(otherIid.id()).state()).isEqualTo(ProductState.EXPORTED);
    }

    private Product productIn(int n, ProductState state) {
        app.inventory().addManual(Samples.manualEntry(n), Samples.TECHNICIAN);
        String iid = Samples.manualEntry(n).iid().digits();
        store.execute(tx -> tx.handle().execute("UPDATE product SET state = ? WHERE iid = ?", state.name(), iid));
        return app.inventory().products(ProductFilter.all().withSearch("LAB-PC-" + n + ""), 0, 1_000).stream()
                .filter(p -> p.iid().digits().equals(iid)).findFirst().orElseThrow();
    }

    private Product byId(long id) {
        return app.inventory().products(ProductFilter.all(), 0, 10_000).stream().filter(p -> p.id() == id)
                .findFirst().orElseThrow();
    }

    private static ConfirmationId cid() {
        try {
            return ConfirmationId.parse("0".repeat(48));
        } catch (dev.airlock.formats.ids.InvalidIdException e) {
            throw new IllegalStateException(e);
        }
    }
}
