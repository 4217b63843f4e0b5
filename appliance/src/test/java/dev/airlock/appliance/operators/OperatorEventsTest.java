package dev.airlock.appliance.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each operator event renders the very row the service wrote by hand before (golden strings). */
class OperatorEventsTest {
    @Test
    void operatorAdded_rendersNameAndRole() {
        assertThat(new OperatorEvents.OperatorAdded(7, "Ann", OperatorRole.TECHNICIAN).row())
                .isEqualTo(new Row("operator.add", "operator 7", "name=Ann; role=technician"));
    }

    @Test
    void operatorRemoved_rendersNameAndRole() {
        assertThat(new OperatorEvents.OperatorRemoved(7, "Ann", OperatorRole.SUPERVISOR).row())
                .isEqualTo(new Row("operator.remove", "operator 7", "name=Ann; role=supervisor"));
    }

    @Test
    void pinReset_saysWrongPinsAndLockoutsWereCleared() {
        assertThat(new OperatorEvents.PinReset(7, "Ann").row())
                .isEqualTo(new Row("operator.pin-reset", "operator 7",
                        "name=Ann; wrong PINs and lockouts cleared"));
    }

    @Test
    void signedIn_rendersTheRole() {
        assertThat(new OperatorEvents.OperatorSignedIn(12, OperatorRole.SUPERVISOR).row())
                .isEqualTo(new Row("operator.signin", "operator 12", "signed in as supervisor"));
    }

    @Test
    void wrongPin_rendersHowManyInARowAndHowManyAreLeft() {
        assertThat(new OperatorEvents.WrongPinEntered(7, 2, 3).row())
                .isEqualTo(new Row("operator.signin.wrong-pin", "operator 7",
                        "2 wrong in a row; 3 left before a lockout"));
    }

    @Test
    void lockedOut_rendersMinutesAndTheStoredTimeItEnds() {
        assertThat(new OperatorEvents.OperatorLockedOut(7, 5, Duration.ofMinutes(10),
                Instant.parse("2025-03-04T05:16:07.089Z")).row())
                .isEqualTo(new Row("operator.lockout", "operator 7",
                        "5 wrong PINs in a row; locked for 10 min until 2025-03-04T05:16:07.089Z"));
    }
}
