package dev.airlock.appliance.operators;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Times;
import dev.airlock.formats.outside.OutsideText;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kiosk's operators and their PIN sign-in. Every PIN passed in is overwritten before the
 * method returns. Adding, removing and resetting are supervisor acts: the caller checks the
 * supervisor passphrase (KeyService.checkPassphrase) before calling them.
 */
public final class OperatorService {
    /** Wrong PINs in a row that lock an operator out. */
    static final int MAX_FAILURES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofMinutes(5);
    static final Duration MAX_LOCKOUT = Duration.ofHours(1);
    static final int MAX_NAME = 40;
    private static final String PIN_RULE = "PIN must be 4 to 8 digits";

    private final Store store;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random;
    private final OfflineCrypto.Cost cost;
    private final OperatorRepository repo = new OperatorRepository();

    public OperatorService(Store store, AuditService audit, Clock clock, SecureRandom random) {
        this(store, audit, clock, random, OfflineCrypto.PIN_COST);
    }

    /** With another Argon2id cost for new PIN hashes (tests use a cheap one). */
    OperatorService(Store store, AuditService audit, Clock clock, SecureRandom random, OfflineCrypto.Cost cost) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.cost = cost;
    }

    /** The lockout after the {@code lockouts}th lockout in a row: 5 min, doubling, at most 1 h. */
    static Duration lockoutFor(int lockouts) {
        int doublings = Math.min(Math.max(lockouts - 1, 0), 20);
        Duration d = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return d.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : d;
    }

    /** Active operators, by name. */
    public List<Operator> list() {
        return store.read(repo::list);
    }

    /** Whether any operator exists (false on first run: the kiosk then asks for the first supervisor). */
    public boolean any() {
        return store.read(repo::any);
    }

    /** The active operator with {@code id}. */
    public Optional<Operator> find(long id) {
        return store.read(tx -> repo.find(tx, id)).map(OperatorRepository.Row::operator);
    }

    /** The active operator called {@code name} (case-insensitive). */
    public Optional<Operator> findByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return store.read(tx -> repo.findByName(tx, name.strip())).map(OperatorRepository.Row::operator);
    }

    /** Adds an operator with {@code pin} (4 to 8 digits); the name must be new (ignoring case). Audited. */
    public Operator add(String name, OperatorRole role, char[] pin, Actor actor) throws OperatorException {
        try {
            String clean = checkName(name);
            if (role == null) {
                throw new OperatorException("say which role: technician or supervisor");
            }
            checkPin(pin);
            if (findByName(clean).isPresent()) {
                throw exists(clean);
            }
            byte[] salt = salt();
            byte[] hash = OfflineCrypto.pinHash(pin, salt, cost); // slow: outside the transaction
            Instant now = clock.instant();
            return store.inTransaction(tx -> {
                if (repo.findByName(tx, clean).isPresent()) {
                    throw exists(clean);
                }
                long id = repo.insert(tx, clean, role, cost, salt, hash, now, actor.name());
                Operator op = new Operator(id, clean, role, Times.parse(Times.format(now)));
                audit.record(tx, actor, new OperatorEvents.OperatorAdded(id, clean, role));
                return op;
            });
        } finally {
            wipe(pin);
        }
    }

    /** Removes an operator (the row is kept, marked removed); refuses to remove the last supervisor. Audited. */
    public void remove(long id, Actor actor) throws OperatorException {
        store.execute(tx -> {
            Operator op = repo.find(tx, id).orElseThrow(() -> unknown(id)).operator();
            if (op.role() == OperatorRole.SUPERVISOR && repo.activeSupervisors(tx) <= 1) {
                throw new OperatorException(op.name() + " is the last supervisor and cannot be removed: add another"
                        + " supervisor first");
            }
            repo.markRemoved(tx, id, clock.instant(), actor.name());
            audit.record(tx, actor, new OperatorEvents.OperatorRemoved(id, op.name(), op.role()));
        });
    }

    /** Sets a new PIN and lifts any lockout. Audited (the PIN never is). */
    public void resetPin(long id, char[] newPin, Actor actor) throws OperatorException {
        try {
            checkPin(newPin);
            Operator op = find(id).orElseThrow(() -> unknown(id));
            byte[] salt = salt();
            byte[] hash = OfflineCrypto.pinHash(newPin, salt, cost);
            store.execute(tx -> {
                if (repo.find(tx, id).isEmpty()) {
                    throw unknown(id);
                }
                repo.updatePin(tx, id, cost, salt, hash);
                audit.record(tx, actor, new OperatorEvents.PinReset(id, op.name()));
            });
        } finally {
            wipe(newPin);
        }
    }

    /**
     * Checks {@code pin} for operator {@code id}. While locked out no PIN is checked. A success
     * clears wrong PINs and lockouts; the {@value #MAX_FAILURES}th wrong PIN in a row locks the
     * operator out. Success, wrong PINs and lockouts are audited with the operator as actor.
     *
     * @throws IllegalArgumentException when there is no active operator {@code id} (removed meanwhile)
     */
    public SignInResult signIn(long id, char[] pin) {
        try {
            OperatorRepository.Row row = store.read(tx -> repo.find(tx, id))
                    .orElseThrow(() -> new IllegalArgumentException("no operator " + id + " (removed?)"));
            Instant now = clock.instant();
            if (lockedAt(row, now).isPresent()) {
                return new SignInResult.LockedOut(row.lockedUntil().orElseThrow());
            }
            boolean right = wellFormed(pin)
                    && OfflineCrypto.sameHash(OfflineCrypto.pinHash(pin, row.salt(), row.cost()), row.hash());
            return store.inTransaction(tx -> {
                OperatorRepository.Row fresh = repo.find(tx, id)
                        .orElseThrow(() -> new IllegalArgumentException("no operator " + id + " (removed?)"));
                Optional<Instant> locked = lockedAt(fresh, now);
                if (locked.isPresent()) {
                    return new SignInResult.LockedOut(locked.get()); // locked by a concurrent try
                }
                Operator op = fresh.operator();
                Actor actor = new Actor(op.name());
                if (right) {
                    if (fresh.failures() > 0 || fresh.lockouts() > 0 || fresh.lockedUntil().isPresent()) {
                        repo.setCounters(tx, id, 0, 0, Optional.empty());
                    }
                    audit.record(tx, actor, new OperatorEvents.OperatorSignedIn(id, op.role()));
                    return new SignInResult.SignedIn(op);
                }
                int failures = fresh.failures() + 1;
                if (failures >= MAX_FAILURES) {
                    int lockouts = fresh.lockouts() + 1;
                    Duration lock = lockoutFor(lockouts);
                    Instant until = Times.parse(Times.format(now.plus(lock)));
                    repo.setCounters(tx, id, 0, lockouts, Optional.of(until));
                    audit.record(tx, actor, new OperatorEvents.OperatorLockedOut(id, MAX_FAILURES, lock, until));
                    return new SignInResult.LockedOut(until);
                }
                repo.setCounters(tx, id, failures, fresh.lockouts(), fresh.lockedUntil());
                audit.record(tx, actor, new OperatorEvents.WrongPinEntered(id, failures, MAX_FAILURES - failures));
                return new SignInResult.WrongPin(MAX_FAILURES - failures);
            });
        } finally {
            wipe(pin);
        }
    }

    private static Optional<Instant> lockedAt(OperatorRepository.Row row, Instant now) {
        return row.lockedUntil().filter(now::isBefore);
    }

    private static String checkName(String name) throws OperatorException {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new OperatorException("an operator's name must be 1 to " + MAX_NAME + " characters");
        }
        Optional<String> problem = OutsideText.problem(clean);
        if (problem.isPresent()) {
            throw new OperatorException("an operator's name must be one line of plain text; this one "
                    + problem.get());
        }
        return clean;
    }

    private static void checkPin(char[] pin) throws OperatorException {
        if (!wellFormed(pin)) {
            throw new OperatorException(PIN_RULE);
        }
    }

    private static boolean wellFormed(char[] pin) {
        if (pin == null || pin.length < 4 || pin.length > 8) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private byte[] salt() {
        byte[] salt = new byte[OfflineCrypto.SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }

    private static OperatorException exists(String name) {
        return new OperatorException("an operator called " + name + " already exists");
    }

    private static OperatorException unknown(long id) {
        return new OperatorException("no operator " + id + " (removed already?): see the operator list");
    }

    private static void wipe(char[] pin) {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }
}
