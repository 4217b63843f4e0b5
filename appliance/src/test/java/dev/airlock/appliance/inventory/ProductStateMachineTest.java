package dev.airlock.appliance.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, event) pair against a table written out here from the architecture, not copied
 * from the production table: {@code COLLECTED → EXPORTED → CID_RECEIVED → APPLIED → VERIFIED};
 * {@code REJECTED} may be exported again and a later CID still counts; {@code REUSABLE}
 * (reimage, or supervisor override without an IID match) goes to {@code APPLIED}; a failed
 * apply may be retried; a new IID starts over at {@code COLLECTED} from anywhere; a product that
 * needs no CID (Licensed, or a KMS client) is {@code NOT_NEEDED} until it loses its licence.
 */
class ProductStateMachineTest {
    /** Rows: from-state; columns: event; cells: next state, or "-" where the event is illegal. */
    private static final String EXPECTED = """
            from \\ event  EXPORT    CID_RECEIVED  REJECT    APPLY    APPLY_FAIL    VERIFY    REUSE     FORCE_REUSE  NEW_IID    NEEDS_NOTHING  NEEDS_CID
            COLLECTED      EXPORTED  -             -         -        -             -         REUSABLE  REUSABLE     COLLECTED  NOT_NEEDED     -
            EXPORTED       EXPORTED  CID_RECEIVED  REJECTED  -        -             -         -         -            COLLECTED  -              -
            CID_RECEIVED   -         -             -         APPLIED  APPLY_FAILED  -         -         -            COLLECTED  -              -
            APPLIED        -         -             -         -        -             VERIFIED  REUSABLE  -            COLLECTED  -              -
            VERIFIED       -         -             -         -        -             -         REUSABLE  -            COLLECTED  -              -
            REJECTED       EXPORTED  CID_RECEIVED  -         -        -             -         -         REUSABLE     COLLECTED  NOT_NEEDED     -
            REUSABLE       -         -             -         APPLIED  APPLY_FAILED  -         -         -            COLLECTED  -              -
            APPLY_FAILED   -         -             -         APPLIED  APPLY_FAILED  -         REUSABLE  -            COLLECTED  -              -
            NOT_NEEDED     -         -             -         -        -             -         -         -            COLLECTED  NOT_NEEDED     COLLECTED
            """;
    // Why the less obvious cells are what they are:
    //  EXPORTED  + EXPORT      : a bundle lost on the way may be exported again while waiting.
    //  REJECTED  + EXPORT      : re-export after a key change; REJECTED + CID_RECEIVED: a later CID beats an error.
    //  APPLIED/VERIFIED/APPLY_FAILED + REUSE : reimaged with the same IID, stored CID goes back on.
    //  COLLECTED/REJECTED + FORCE_REUSE      : supervisor override, IID differs from the stored one.
    //  COLLECTED/REJECTED + NEEDS_NOTHING    : collected Licensed or as a KMS client before anything was spent
    //                                          on it; further along (e.g. APPLIED + Licensed) it keeps its way.
    //  NOT_NEEDED + NEEDS_NOTHING            : the reason changed (Licensed -> KMS client); NEEDS_CID: lost its
    //                                          licence, back into the flow; it never exports from NOT_NEEDED.
    //  APPLY_FAILED + APPLY / APPLY_FAIL     : retry, which may fail again.

    private static final Map<ProductState, Map<ProductEvent, Optional<ProductState>>> TABLE = parse(EXPECTED);

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ProductState s : ProductState.values()) {
            for (ProductEvent e : ProductEvent.values()) {
                pairs.add(Arguments.of(s, e, TABLE.get(s).get(e)));
            }
        }
        return pairs.stream();
    }

    @Test
    void expectedTable_coversEveryStateAndEvent() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(ProductState.values());
        for (Map<ProductEvent, Optional<ProductState>> row : TABLE.values()) {
            assertThat(row.keySet()).containsExactlyInAnyOrder(ProductEvent.values());
        }
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyPair")
    void apply_everyStateAndEvent_followsTheTable(ProductState from, ProductEvent event,
            Optional<ProductState> expected) {
        assertThat(ProductStateMachine.next(from, event)).isEqualTo(expected);
        if (expected.isPresent()) {
            assertThat(ProductStateMachine.apply(from, event)).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> ProductStateMachine.apply(from, event))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, ex -> {
                        assertThat(ex.from()).isEqualTo(from);
                        assertThat(ex.event()).isEqualTo(event);
                    })
                    .hasMessageContaining("state " + from + " ")
                    .hasMessageEndingWith("event " + event);
        }
    }

    @Test
    void apply_happyPath_endsVerified() {
        ProductState s = ProductState.COLLECTED;
        for (ProductEvent e : List.of(ProductEvent.EXPORT, ProductEvent.CID_RECEIVED, ProductEvent.APPLY,
                ProductEvent.VERIFY)) {
            s = ProductStateMachine.apply(s, e);
        }
        assertThat(s).isEqualTo(ProductState.VERIFIED);
    }

    @Test
    void apply_reimagedVerifiedProduct_isAppliedAgainWithoutARoundTrip() {
        ProductState s = ProductStateMachine.apply(ProductState.VERIFIED, ProductEvent.REUSE);
        assertThat(ProductStateMachine.apply(s, ProductEvent.APPLY)).isEqualTo(ProductState.APPLIED);
    }

    @Test
    void verified_cannotBeExportedAgain_soAnActivationIsNeverSpentTwice() {
        assertThat(EnumSet.allOf(ProductState.class).stream()
                .filter(s -> ProductStateMachine.next(s, ProductEvent.EXPORT).isPresent()))
                .containsExactlyInAnyOrder(ProductState.COLLECTED, ProductState.EXPORTED, ProductState.REJECTED);
    }

    @Test
    void notNeeded_isNeverExported_andComesBackToCollectedWhenItLosesItsLicence() {
        ProductState s = ProductStateMachine.apply(ProductState.COLLECTED, ProductEvent.NEEDS_NOTHING);
        assertThat(s).isEqualTo(ProductState.NOT_NEEDED);
        assertThat(ProductStateMachine.next(s, ProductEvent.EXPORT)).isEmpty();
        assertThat(ProductStateMachine.apply(s, ProductEvent.NEEDS_CID)).isEqualTo(ProductState.COLLECTED);
    }

    @Test
    void appliedProductReportingLicensed_isVerified_notLeftOut() {
        assertThat(ProductStateMachine.next(ProductState.APPLIED, ProductEvent.NEEDS_NOTHING)).isEmpty();
        assertThat(ProductStateMachine.apply(ProductState.APPLIED, ProductEvent.VERIFY))
                .isEqualTo(ProductState.VERIFIED);
    }

    private static Map<ProductState, Map<ProductEvent, Optional<ProductState>>> parse(String grid) {
        List<String> lines = grid.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).strip().split("\\s+"));
        List<ProductEvent> events = header.subList(3, header.size()).stream().map(ProductEvent::valueOf).toList();
        Map<ProductState, Map<ProductEvent, Optional<ProductState>>> table = new EnumMap<>(ProductState.class);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.strip().split("\\s+");
            if (cells.length != events.size() + 1) {
                throw new IllegalStateException("row has " + cells.length + " cells, expected "
                        + (events.size() + 1) + ": " + line);
            }
            Map<ProductEvent, Optional<ProductState>> row = new EnumMap<>(ProductEvent.class);
            for (int i = 0; i < events.size(); i++) {
                String cell = cells[i + 1];
                row.put(events.get(i), cell.equals("-") ? Optional.empty() : Optional.of(ProductState.valueOf(cell)));
            }
            if (table.put(ProductState.valueOf(cells[0]), row) != null) {
                throw new IllegalStateException("state listed twice: " + cells[0]);
            }
        }
        return table;
    }
}
