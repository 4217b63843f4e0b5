package dev.airlock.appliance.operators;

import java.time.Instant;

/** The outcome of a PIN sign-in. */
public sealed interface SignInResult permits SignInResult.SignedIn, SignInResult.WrongPin, SignInResult.LockedOut {
    /** The PIN was right. */
    record SignedIn(Operator operator) implements SignInResult {}

    /** The PIN was wrong; {@code attemptsLeft} more wrong ones lock the operator out. */
    record WrongPin(int attemptsLeft) implements SignInResult {}

    /** Too many wrong PINs: no PIN is checked before {@code until}. */
    record LockedOut(Instant until) implements SignInResult {}
}
