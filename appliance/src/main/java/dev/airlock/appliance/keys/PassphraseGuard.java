package dev.airlock.appliance.keys;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks the supervisor passphrase against the keyring's verifier. Counts wrong ones in a row in
 * the store (so restarting does not reset the count); from the {@value #FREE_FAILURES}th on, the
 * next try first waits 30 s, doubling with each further wrong one up to an hour.
 */
final class PassphraseGuard {
    /** Wrong passphrases in a row before tries are delayed. */
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofHours(1);

    private final Store store;
    private final AuditService audit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final KeyRepository repo = new KeyRepository();

    PassphraseGuard(Store store, AuditService audit, Clock clock, Sleeper sleeper) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The delay before the try after {@code failures} wrong ones in a row. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /**
     * Starts deriving {@code passphrase}'s key on a thread of its own, so that a caller with other
     * work before it needs the key (an export plans and builds its request first) overlaps the two;
     * {@link #unlock} then takes the result. Nothing is compared or counted here: a wrong passphrase
     * still counts only when {@code unlock} checks it, so a command that turns out to need no key
     * counts nothing. Not started while a delay after wrong passphrases is pending: then the try
     * waits the delay out before its derivation begins, as always.
     */
    void deriveAhead(Passphrase passphrase) {
        Optional<KeyRepository.Keyring> keyring = store.read(repo::keyring);
        if (keyring.isEmpty()
                || keyring.get().nextTryAt().filter(next -> clock.instant().isBefore(next)).isPresent()) {
            return;
        }
        KdfParams params = keyring.get().params();
        byte[] salt = keyring.get().salt();
        // a derivation that fails completes exceptionally: unlock then derives anew and reports it
        passphrase.startedAhead(new Passphrase.Ahead(params, salt, java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Unlocked.derive(passphrase, params, salt),
                dev.airlock.appliance.support.DaemonThreads.named("passphrase-derivation"))));
    }

    /**
     * Opens the keyring with {@code passphrase}: waits out any pending delay (through the sleeper),
     * then derives the key and compares the verifier. A wrong passphrase is counted and audited.
     */
    Unlocked unlock(Passphrase passphrase, Actor actor) throws KeysException {
        KeyRepository.Keyring keyring = store.read(repo::keyring).orElseThrow(KeyService::noKeys);
        Optional<Instant> nextTry = keyring.nextTryAt();
        Instant now = clock.instant();
        if (nextTry.isPresent() && now.isBefore(nextTry.get())) {
            Duration wait = Duration.between(now, nextTry.get());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeysException("interrupted while waiting after wrong passphrases; nothing was checked");
            }
        }
        Unlocked unlocked = passphrase.takeAhead(keyring.params(), keyring.salt())
                .orElseGet(() -> Unlocked.derive(passphrase, keyring.params(), keyring.salt()));
        if (unlocked.matches(keyring.verifier())) {
            if (keyring.failures() > 0) {
                store.execute(repo::resetFailures);
            }
            return unlocked;
        }
        unlocked.close();
        int failures = store.inTransaction(tx -> {
            int n = repo.failures(tx) + 1;
            Instant at = clock.instant();
            Duration delay = delayAfter(n);
            repo.recordFailure(tx, at, delay.isZero() ? Optional.empty() : Optional.of(at.plus(delay)), n);
            audit.record(tx, actor, new KeyEvents.PassphraseWrong(n, delay));
            return n;
        });
        throw new WrongPassphraseException(failures, delayAfter(failures));
    }
}
