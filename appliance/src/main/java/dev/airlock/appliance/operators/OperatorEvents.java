package dev.airlock.appliance.operators;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.store.Times;
import java.time.Duration;
import java.time.Instant;

/** What the audit log records about operators: added, removed, PIN reset, sign-ins, wrong PINs and lockouts. */
sealed interface OperatorEvents extends AuditEvent {
    /** The operator's row id. */
    long operatorId();

    @Override
    default String subject() {
        return "operator " + operatorId();
    }

    /** A supervisor added an operator. */
    record OperatorAdded(long operatorId, String name, OperatorRole role) implements OperatorEvents {
        @Override
        public String action() {
            return "operator.add";
        }

        @Override
        public String details() {
            return "name=" + name + "; role=" + role.id();
        }
    }

    /** A supervisor removed an operator (the row is kept, marked removed). */
    record OperatorRemoved(long operatorId, String name, OperatorRole role) implements OperatorEvents {
        @Override
        public String action() {
            return "operator.remove";
        }

        @Override
        public String details() {
            return "name=" + name + "; role=" + role.id();
        }
    }

    /** A supervisor set a new PIN, which also lifts any lockout (the PIN itself is never recorded). */
    record PinReset(long operatorId, String name) implements OperatorEvents {
        @Override
        public String action() {
            return "operator.pin-reset";
        }

        @Override
        public String details() {
            return "name=" + name + "; wrong PINs and lockouts cleared";
        }
    }

    /** The operator signed in with the right PIN. */
    record OperatorSignedIn(long operatorId, OperatorRole role) implements OperatorEvents {
        @Override
        public String action() {
            return "operator.signin";
        }

        @Override
        public String details() {
            return "signed in as " + role.id();
        }
    }

    /** A wrong PIN, the {@code inARow}th in a row, {@code left} more before a lockout. */
    record WrongPinEntered(long operatorId, int inARow, int left) implements OperatorEvents {
        @Override
        public String action() {
            return "operator.signin.wrong-pin";
        }

        @Override
        public String details() {
            return inARow + " wrong in a row; " + left + " left before a lockout";
        }
    }

    /** {@code wrongPins} wrong PINs in a row locked the operator out for {@code lock}, until {@code until}. */
    record OperatorLockedOut(long operatorId, int wrongPins, Duration lock, Instant until) implements OperatorEvents {
        @Override
        public String action() {
            return "operator.lockout";
        }

        @Override
        public String details() {
            return wrongPins + " wrong PINs in a row; locked for " + lock.toMinutes() + " min until "
                    + Times.format(until);
        }
    }
}
