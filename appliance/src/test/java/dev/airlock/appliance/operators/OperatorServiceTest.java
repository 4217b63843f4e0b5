package dev.airlock.appliance.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorServiceTest {
    /** Cheap Argon2id so tests hash in about a millisecond; the real cost is measured by CostBench (tests/bench.sh costs). */
    static final OfflineCrypto.Cost CHEAP = new OfflineCrypto.Cost(64, 1);

    @TempDir
    Path tmp;

    final MutableClock clock = new MutableClock(Samples.NOW);
    Path data;
    Store store;
    AuditService audit;
    OperatorService operators;

    @BeforeEach
    void setUp() {
        data = tmp.resolve("data");
        Samples.initLab(data).close();
        reopen();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void reopen() {
        if (store != null) {
            store.close();
        }
        store = Store.open(data);
        audit = new AuditService(store, clock);
        operators = new OperatorService(store, audit, clock, new SecureRandom(), CHEAP);
    }

    private static char[] pin(String digits) {
        return digits.toCharArray();
    }

    private Operator add(String name, OperatorRole role, String pin) throws OperatorException {
        return operators.add(name, role, pin(pin), Samples.SUPERVISOR);
    }

    @Test
    void add_listsByName_findsIt_andAuditsWithoutThePin() throws Exception {
        assertThat(operators.any()).isFalse();
        Operator zoe = add("Zoe", OperatorRole.TECHNICIAN, "2468");
        Operator anna = add("  anna ", OperatorRole.SUPERVISOR, "13579135");
        assertThat(operators.any()).isTrue();
        assertThat(operators.list()).extracting(Operator::name).containsExactly("anna", "Zoe");
        assertThat(operators.find(zoe.id())).contains(zoe);
        assertThat(operators.findByName("ANNA")).contains(anna);
        assertThat(anna.role()).isEqualTo(OperatorRole.SUPERVISOR);
        List<AuditEntry> log = audit.recent(10, "");
        assertThat(log).extracting(AuditEntry::action).contains("operator.add");
        assertThat(log).allSatisfy(e -> assertThat(e.details()).doesNotContain("2468").doesNotContain("13579135"));
        assertThat(audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void add_wipesThePinArray() throws Exception {
        char[] typed = pin("1234");
        operators.add("Ben", OperatorRole.TECHNICIAN, typed, Samples.SUPERVISOR);
        assertThat(typed).containsOnly('\0');
        char[] bad = pin("12");
        assertThatThrownBy(() -> operators.add("Cy", OperatorRole.TECHNICIAN, bad, Samples.SUPERVISOR))
                .isInstanceOf(OperatorException.class);
        assertThat(bad).containsOnly('\0');
    }

    @Test
    void add_withBadPin_isRefusedWithTheRule() {
        for (String bad : new String[] {"", "123", "123456789", "12a4", "12 4", "١٢٣٤"}) {
            assertThatThrownBy(() -> add("Ben", OperatorRole.TECHNICIAN, bad)).as("PIN '%s'", bad)
                    .isInstanceOf(OperatorException.class).hasMessage("PIN must be 4 to 8 digits");
        }
        assertThat(operators.any()).isFalse();
    }

    @Test
    void add_withBadOrDuplicateName_isRefused() throws Exception {
        assertThatThrownBy(() -> add("  ", OperatorRole.TECHNICIAN, "1234"))
                .hasMessageContaining("1 to 40 characters");
        assertThatThrownBy(() -> add("x".repeat(41), OperatorRole.TECHNICIAN, "1234"))
                .hasMessageContaining("1 to 40 characters");
        add("x".repeat(40), OperatorRole.TECHNICIAN, "1234");
        add("Anna", OperatorRole.TECHNICIAN, "1234");
        assertThatThrownBy(() -> add("ANNA", OperatorRole.SUPERVISOR, "5678"))
                .isInstanceOf(OperatorException.class).hasMessage("an operator called ANNA already exists");
    }

    @Test
    void signIn_withTheRightPin_signsIn_andAudits() throws Exception {
        Operator ben = add("Ben", OperatorRole.TECHNICIAN, "1234");
        SignInResult r = operators.signIn(ben.id(), pin("1234"));
        assertThat(r).isEqualTo(new SignInResult.SignedIn(ben));
        AuditEntry last = audit.recent(1, "").get(0);
        assertThat(last.action()).isEqualTo("operator.signin");
        assertThat(last.operator()).isEqualTo("Ben");
        assertThat(last.subject()).isEqualTo("operator " + ben.id());
    }

    @Test
    void signIn_fiveWrongInARow_locksFiveMinutes_doublingPerLockout_cappedAtAnHour() throws Exception {
        Operator ben = add("Ben", OperatorRole.TECHNICIAN, "1234");
        for (int left = 4; left >= 1; left--) {
            assertThat(operators.signIn(ben.id(), pin("9999"))).isEqualTo(new SignInResult.WrongPin(left));
        }
        Instant start = clock.instant();
        assertThat(operators.signIn(ben.id(), pin("9999")))
                .isEqualTo(new SignInResult.LockedOut(start.plus(Duration.ofMinutes(5))));
        assertThat(audit.recent(1, "").get(0).action()).isEqualTo("operator.lockout");

        // While locked, even the right PIN is not checked.
        clock.advance(Duration.ofMinutes(4));
        assertThat(operators.signIn(ben.id(), pin("1234"))).isInstanceOf(SignInResult.LockedOut.class);

        long[] expectedMinutes = {10, 20, 40, 60, 60};
        for (long minutes : expectedMinutes) {
            clock.advance(Duration.ofMinutes(61));
            for (int i = 0; i < 4; i++) {
                assertThat(operators.signIn(ben.id(), pin("0000"))).isInstanceOf(SignInResult.WrongPin.class);
            }
            assertThat(operators.signIn(ben.id(), pin("0000")))
                    .isEqualTo(new SignInResult.LockedOut(clock.instant().plus(Duration.ofMinutes(minutes))));
        }
        clock.advance(Duration.ofMinutes(60));
        assertThat(operators.signIn(ben.id(), pin("1234"))).isInstanceOf(SignInResult.SignedIn.class);
        // The success reset the streak: the next lockout is 5 minutes again.
        for (int i = 0; i < 4; i++) {
            operators.signIn(ben.id(), pin("0000"));
        }
        assertThat(operators.signIn(ben.id(), pin("0000")))
                .isEqualTo(new SignInResult.LockedOut(clock.instant().plus(Duration.ofMinutes(5))));
        assertThat(audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void signIn_aSuccessResetsTheWrongCount() throws Exception {
        Operator ben = add("Ben", OperatorRole.TECHNICIAN, "1234");
        for (int i = 0; i < 4; i++) {
            operators.signIn(ben.id(), pin("9999"));
        }
        assertThat(operators.signIn(ben.id(), pin("1234"))).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(operators.signIn(ben.id(), pin("9999"))).isEqualTo(new SignInResult.WrongPin(4));
    }

    @Test
    void lockout_andWrongCount_surviveARestart() throws Exception {
        Operator ben = add("Ben", OperatorRole.TECHNICIAN, "1234");
        Operator cy = add("Cy", OperatorRole.TECHNICIAN, "5678");
        for (int i = 0; i < 5; i++) {
            operators.signIn(ben.id(), pin("9999"));
        }
        operators.signIn(cy.id(), pin("0000"));
        operators.signIn(cy.id(), pin("0000"));
        reopen();
        assertThat(operators.signIn(ben.id(), pin("1234")))
                .isEqualTo(new SignInResult.LockedOut(Samples.NOW.plus(Duration.ofMinutes(5))));
        assertThat(operators.signIn(cy.id(), pin("0000"))).isEqualTo(new SignInResult.WrongPin(2));
        clock.advance(Duration.ofMinutes(5));
        assertThat(operators.signIn(ben.id(), pin("1234"))).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void signIn_malformedPin_countsAsWrong() throws Exception {
        Operator ben = add("Ben", OperatorRole.TECHNICIAN, "1234");
        assertThat(operators.signIn(ben.id(), pin("12"))).isEqualTo(new SignInResult.WrongPin(4));
        assertThat(operators.signIn(ben.id(), pin("12x4"))).isEqualTo(new SignInResult.WrongPin(3));
    }

    @Test
    void remove_lastSupervisor_isRefused_anotherOneIsRemoved() throws Exception {
        Operator anna = add("Anna", OperatorRole.SUPERVISOR, "1234");
        Operator ben = add("Ben", OperatorRole.TECHNICIAN, "1234");
        assertThatThrownBy(() -> operators.remove(anna.id(), Samples.SUPERVISOR))
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("Anna is the last supervisor").hasMessageContaining("add another supervisor");
        operators.remove(ben.id(), Samples.SUPERVISOR);
        Operator dora = add("Dora", OperatorRole.SUPERVISOR, "1234");
        operators.remove(anna.id(), Samples.SUPERVISOR);
        assertThat(operators.list()).containsExactly(dora);
        assertThat(operators.find(anna.id())).isEmpty();
        assertThatThrownBy(() -> operators.remove(anna.id(), Samples.SUPERVISOR))
                .isInstanceOf(OperatorException.class).hasMessageContaining("no operator " + anna.id());
        assertThatThrownBy(() -> operators.signIn(anna.id(), pin("1234")))
                .isInstanceOf(IllegalArgumentException.class);
        // A removed operator's name is free again, with a new id.
        Operator anna2 = add("anna", OperatorRole.TECHNICIAN, "4321");
        assertThat(anna2.id()).isNotEqualTo(anna.id());
        assertThat(audit.recent(20, "")).extracting(AuditEntry::action).contains("operator.remove");
    }

    @Test
    void resetPin_setsTheNewPin_andLiftsTheLockout() throws Exception {
        Operator ben = add("Ben", OperatorRole.TECHNICIAN, "1234");
        for (int i = 0; i < 5; i++) {
            operators.signIn(ben.id(), pin("9999"));
        }
        assertThatThrownBy(() -> operators.resetPin(ben.id(), pin("12345678901"), Samples.SUPERVISOR))
                .hasMessage("PIN must be 4 to 8 digits");
        char[] fresh = pin("86420");
        operators.resetPin(ben.id(), fresh, Samples.SUPERVISOR);
        assertThat(fresh).containsOnly('\0');
        assertThat(operators.signIn(ben.id(), pin("1234"))).isEqualTo(new SignInResult.WrongPin(4));
        assertThat(operators.signIn(ben.id(), pin("86420"))).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(audit.recent(20, "")).extracting(AuditEntry::action).contains("operator.pin-reset");
    }

    @Test
    void role_idsRoundTrip() {
        assertThat(OperatorRole.TECHNICIAN.id()).isEqualTo("technician");
        assertThat(OperatorRole.ofId("Supervisor")).isEqualTo(OperatorRole.SUPERVISOR);
        assertThatThrownBy(() -> OperatorRole.ofId("admin")).hasMessageContaining("technician or supervisor");
    }

    @Test
    void lockoutFor_doublesFromFiveMinutesToAnHour() {
        assertThat(OperatorService.lockoutFor(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(OperatorService.lockoutFor(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(OperatorService.lockoutFor(4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(OperatorService.lockoutFor(5)).isEqualTo(Duration.ofHours(1));
        assertThat(OperatorService.lockoutFor(500)).isEqualTo(Duration.ofHours(1));
    }
}
