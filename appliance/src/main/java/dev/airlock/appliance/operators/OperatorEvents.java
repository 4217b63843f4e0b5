package dev.airlock.appliance.operators;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.store.Times;
import java.time.Duration;
import java.time.Instant;

/** What the audit log records about operators: added, removed, PIN reset, sign-ins, wrong PINs and lockouts. */
sealed interface OperatorEvents extends AuditEvent {
    /** A supervisor added an operator. */
    record OperatorAdded(long operatorId, String name, OperatorRole role) implements OperatorEvents {
        @Override
        public Row row() {
            return new Row("operator.add", "operator " + operatorId, "name=" + name + "; role=" + role.id());
        }
    }

    /** A supervisor removed an operator (the row is kept, marked removed). */
    record OperatorRemoved(long operatorId, String name, OperatorRole role) implements OperatorEvents {
        @Override
        public Row row() {
            return new Row("operator.remove", "operator " + operatorId, "name=" + name + "; role=" + role.id());
        }
    }

    /** A supervisor set a new PIN, which also lifts any lockout (the PIN itself is never recorded). */
    record PinReset(long operatorId, String name) implements OperatorEvents {
        @Override
        public Row row() {
            return new Row("operator.pin-reset", "operator " + operatorId, "name=" + name
                    + "; wrong PINs and lockouts cleared");
        }
    }

    /** The operator signed in with the right PIN. */
    record OperatorSignedIn(long operatorId, OperatorRole role) implements OperatorEvents {
        @Override
        public Row row() {
            return new Row("operator.signin", "operator " + operatorId, "signed in as " + role.id());
        }
    }

    /** A wrong PIN, the {@code inARow}th in a row, {@code left} more before a lockout. */
    record WrongPinEntered(long operatorId, int inARow, int left) implements OperatorEvents {
        @Override
        public Row row() {
            return new Row("operator.signin.wrong-pin", "operator " + operatorId, inARow + " wrong in a row; " + left
                    + " left before a lockout");
        }
    }

    /** {@code wrongPins} wrong PINs in a row locked the operator out for {@code lock}, until {@code until}. */
    record OperatorLockedOut(long operatorId, int wrongPins, Duration lock, Instant until) implements OperatorEvents {
        @Override
        public Row row() {
            return new Row("operator.lockout", "operator " + operatorId, wrongPins + " wrong PINs in a row; locked for "
                    + lock.toMinutes() + " min until " + Times.format(until));
        }
    }
}
