package dev.airlock.appliance.keys;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.keys.internal.Aead;
import dev.airlock.appliance.store.Store;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.ProductKey;
import dev.airlock.formats.outside.OutsideText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The MAKs this appliance installs, each sealed under the supervisor passphrase. Listing shows
 * only the last 5 characters; the whole key comes out only through {@link #reveal}, which needs
 * the passphrase and is audited. Messages and audit rows never hold a key.
 */
public final class MakVault {
    /** Longest description accepted. */
    public static final int MAX_DESCRIPTION = 200;
    private final Store store;
    private final AuditService audit;
    private final Clock clock;
    private final KeyService keys;
    private final MakRepository repo = new MakRepository();

    public MakVault(Store store, AuditService audit, Clock clock, KeyService keys) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.keys = keys;
    }

    /** Seals {@code key} into the vault (refuses a key already there); returns its entry. */
    public MakEntry add(ProductKey key, String description, Passphrase passphrase, Actor actor) throws KeysException {
        String text = checkDescription(description);
        try (Unlocked unlocked = keys.unlock(passphrase, actor)) {
            return store.inTransaction(tx -> {
                for (MakRepository.Sealed s : repo.allSealed(tx)) {
                    if (open(unlocked, s.id(), s.blob()).equals(key)) {
                        throw new KeysException("this MAK is already in the vault as id " + s.id()
                                + "; nothing was added");
                    }
                }
                Instant now = clock.instant();
                long id = repo.insert(tx, key.partialKey().toString(), text, now, actor.name());
                byte[] plain = key.revealForInstall().getBytes(StandardCharsets.US_ASCII);
                try {
                    repo.setSealed(tx, id, SealedSecret.seal(unlocked, purpose(id), plain, keys.random()).bytes());
                } finally {
                    Aead.wipe(plain);
                }
                audit.record(tx, actor, new MakEvents.MakAdded(id, key.partialKey(), text));
                return repo.byId(tx, id).orElseThrow();
            });
        }
    }

    /** Every MAK, oldest first: id, last 5 characters, description, last known remaining count. */
    public List<MakEntry> list() {
        return store.read(repo::all);
    }

    /** One MAK's entry. */
    public Optional<MakEntry> find(long id) {
        return store.read(tx -> repo.byId(tx, id));
    }

    /** Removes MAK {@code id} from the vault, audited. */
    public MakEntry remove(long id, Actor actor) throws KeysException {
        return store.inTransaction(tx -> {
            MakEntry entry = repo.byId(tx, id).orElseThrow(() -> unknown(id));
            repo.delete(tx, id);
            audit.record(tx, actor, new MakEvents.MakRemoved(id, entry.partialKey()));
            return entry;
        });
    }

    /**
     * The whole key of MAK {@code id}, unsealed with {@code passphrase}, for {@code purpose} (written
     * to the audit log, e.g. "collector kit on /media/STICK"). Secret: never log or show it.
     */
    public ProductKey reveal(long id, Passphrase passphrase, Actor actor, String purpose) throws KeysException {
        byte[] blob = store.read(tx -> repo.sealed(tx, id)).orElseThrow(() -> unknown(id));
        try (Unlocked unlocked = keys.unlock(passphrase, actor)) {
            ProductKey key = open(unlocked, id, blob);
            store.execute(tx -> audit.record(tx, actor, new MakEvents.MakRevealed(id, key.partialKey(), purpose)));
            return key;
        }
    }

    /** Records what the gateway learned about MAK {@code id}'s remaining activations. */
    public void recordRemaining(long id, int remaining, Instant learned, Actor actor) throws KeysException {
        if (remaining < 0) {
            throw new IllegalArgumentException("a remaining-activation count is not negative");
        }
        store.inTransaction(tx -> {
            if (!repo.updateRemaining(tx, id, remaining, learned)) {
                throw unknown(id);
            }
            audit.record(tx, actor, new MakEvents.MakRemainingLearned(id, remaining, learned));
            return null;
        });
    }

    private static ProductKey open(Unlocked unlocked, long id, byte[] blob) throws KeysException {
        String what = "MAK " + id;
        byte[] plain = SealedSecret.parse(blob, what).open(unlocked, purpose(id), what);
        try {
            return ProductKey.parse(new String(plain, StandardCharsets.US_ASCII));
        } catch (InvalidIdException e) {
            throw new SecretTamperedException("the sealed " + what);
        } finally {
            Aead.wipe(plain);
        }
    }

    private static String checkDescription(String description) {
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("the description is longer than " + MAX_DESCRIPTION + " characters");
        }
        OutsideText.problem(text).ifPresent(p -> {
            throw new IllegalArgumentException("the description must be one line of plain text; it " + p);
        });
        return text;
    }

    private static KeysException unknown(long id) {
        return new KeysException("no MAK with id " + id + " in the vault (see ./airlock mak list)");
    }

    private static String purpose(long id) {
        return "mak/" + id;
    }
}
