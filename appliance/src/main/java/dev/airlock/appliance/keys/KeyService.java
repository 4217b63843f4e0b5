package dev.airlock.appliance.keys;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditReport;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.audit.SignedHead;
import dev.airlock.appliance.keys.internal.Aead;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.Signer;
import dev.airlock.formats.signature.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The appliance's own Ed25519 key pair and the supervisor passphrase that seals it. The public
 * key is free to read; the private key is reachable only through {@link #signer}, which needs the
 * passphrase. Only export (lab) and gateway code should ask for a signer. Whenever the passphrase
 * opens the keyring, the audit log's head is signed too (the key is unsealed at that moment anyway).
 */
public final class KeyService {
    private final Store store;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random;
    private final KdfParams params;
    private final PassphraseGuard guard;
    private final KeyRepository repo = new KeyRepository();

    public KeyService(Store store, AuditService audit, Clock clock, Sleeper sleeper, SecureRandom random) {
        this(store, audit, clock, sleeper, random, KdfParams.DEFAULT);
    }

    KeyService(Store store, AuditService audit, Clock clock, Sleeper sleeper, SecureRandom random, KdfParams params) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.params = params;
        this.guard = new PassphraseGuard(store, audit, clock, sleeper);
    }

    /**
     * Generates a key pair and seals its seed under {@code passphrase} (refused when too short).
     * Slow (one Argon2id derivation); call it before opening the transaction that installs it.
     */
    public static PreparedKeys prepare(Passphrase passphrase, SecureRandom random) throws WeakPassphraseException {
        return prepare(passphrase, random, KdfParams.DEFAULT);
    }

    static PreparedKeys prepare(Passphrase passphrase, SecureRandom random, KdfParams params)
            throws WeakPassphraseException {
        passphrase.checkStrongEnoughToSet();
        byte[] salt = new byte[SealedSecret.SALT_LENGTH];
        random.nextBytes(salt);
        SigningKey key = SigningKey.generate(random);
        byte[] seed = key.revealSeed();
        try (Unlocked unlocked = Unlocked.derive(passphrase, params, salt)) {
            SealedSecret sealed = SealedSecret.seal(unlocked, seedPurpose(key.publicKey()), seed, random);
            return new PreparedKeys(params, salt, unlocked.verifier(), key.publicKey(), sealed.bytes());
        } finally {
            Aead.wipe(seed);
            key.destroy();
        }
    }

    /** Stores prepared keys inside the caller's transaction (e.g. the store's creating one), audited. */
    public void install(Tx tx, PreparedKeys keys, Actor actor) throws KeysException {
        if (repo.keyring(tx).isPresent() || repo.ownKey(tx).isPresent()) {
            throw new KeysException("this appliance already has its key pair (key "
                    + repo.ownKey(tx).map(k -> PublicKey.ofRaw(k.publicKey()).id().toString()).orElse("?")
                    + "); it is never replaced silently");
        }
        Instant now = clock.instant();
        repo.insertKeyring(tx, keys.params, keys.salt, keys.verifier, now);
        repo.insertOwnKey(tx, keys.publicKey.raw(), keys.publicKey.id().toString(),
                keys.publicKey.fingerprint().digits(), keys.sealedSeed, now, actor.name());
        audit.record(tx, actor, new KeyEvents.KeysInitialized(keys.publicKey.id(), keys.publicKey.fingerprint(),
                keys.params));
    }

    /** Gives an existing store without keys (made before keys existed) its key pair and passphrase. */
    public PublicKey initialize(Passphrase passphrase, Actor actor) throws KeysException {
        if (hasKeys()) {
            throw new KeysException("this appliance already has a key pair (" + publicKey().id()
                    + "); nothing was changed");
        }
        PreparedKeys keys = prepare(passphrase, random, params);
        store.execute(tx -> install(tx, keys, actor));
        return keys.publicKey;
    }

    /** Whether the key pair and passphrase were set up. */
    public boolean hasKeys() {
        return store.read(tx -> repo.ownKey(tx).isPresent());
    }

    /** This appliance's public key. */
    public PublicKey publicKey() throws KeysException {
        return PublicKey.ofRaw(store.read(repo::ownKey).orElseThrow(KeyService::noKeys).publicKey());
    }

    /** This appliance's role (a lab trusts gateways; a gateway trusts labs). */
    public ApplianceInfo.Role role() {
        return store.applianceInfo().role();
    }

    /** Checks the passphrase (counted and delayed like every use); e.g. for a kiosk unlock screen. */
    public void checkPassphrase(Passphrase passphrase, Actor actor) throws KeysException {
        try (Unlocked unlocked = guard.unlock(passphrase, actor)) {
            signAuditHeadWhileUnsealed(unlocked, actor);
        }
    }

    /** This appliance's public key, or empty before it has one (no passphrase needed). */
    public Optional<PublicKey> ownPublicKey() {
        return store.read(this::ownPublicKey);
    }

    /** This appliance's public key as {@code tx} sees it, or empty before it has one. */
    public Optional<PublicKey> ownPublicKey(Tx tx) {
        return repo.ownKey(tx).map(k -> PublicKey.ofRaw(k.publicKey()));
    }

    /**
     * Checks the audit log's chain and every signed head against this appliance's public key (no
     * passphrase needed): a chain recomputed after an edit is reported as tampered.
     */
    public AuditReport verifyAudit() {
        return audit.verifySigned(ownPublicKey());
    }

    /**
     * Signs the audit log's head now (appends an {@code audit.sign} row and signs the head ending
     * in it), with the private key unsealed by {@code passphrase}.
     */
    public SignedHead signAuditHead(Passphrase passphrase, Actor actor) throws KeysException {
        try (Unlocked unlocked = guard.unlock(passphrase, actor)) {
            SigningKey key = openSigningKey(unlocked);
            try {
                return audit.signHead(actor, key.publicKey(), key.signer());
            } finally {
                key.destroy();
            }
        }
    }

    /**
     * The private key is unsealed anyway (the passphrase was just used): sign the audit log's head
     * with it, unless nothing was logged since the last signed head. A damaged sealed key only
     * skips the signing (the rows stay "since the last signed head"; signing anything else says
     * so), so that a command needing just the passphrase, such as a backup, still works.
     */
    private void signAuditHeadWhileUnsealed(Unlocked unlocked, Actor actor) throws KeysException {
        SigningKey key;
        try {
            key = openSigningKey(unlocked);
        } catch (SecretTamperedException e) {
            return;
        }
        try {
            audit.signHeadIfUnsigned(actor, key.publicKey(), key.signer());
        } finally {
            key.destroy();
        }
    }

    /** Unseals the signing key's seed and checks it makes the stored public key. */
    private SigningKey openSigningKey(Unlocked unlocked) throws KeysException {
        KeyRepository.OwnKey own = store.read(repo::ownKey).orElseThrow(KeyService::noKeys);
        PublicKey expected = PublicKey.ofRaw(own.publicKey());
        byte[] seed = SealedSecret.parse(own.sealedSeed(), "signing key")
                .open(unlocked, seedPurpose(expected), "signing key");
        try {
            SigningKey key = SigningKey.fromSeed(seed);
            if (!key.publicKey().equals(expected)) {
                key.destroy();
                throw new SecretTamperedException("the signing key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new SecretTamperedException("the signing key");
        } finally {
            Aead.wipe(seed);
        }
    }

    /**
     * A signer with this appliance's private key: unsealed with the passphrase (one Argon2id
     * derivation), or the key a session holds unsealed. The one explicit way to use the private
     * key; keep the signer only as long as the signing takes.
     */
    public Signer signer(KeyAccess access, Actor actor) throws KeysException {
        switch (access) {
            case Passphrase passphrase -> {
                try (Unlocked unlocked = guard.unlock(passphrase, actor)) {
                    SigningKey key = openSigningKey(unlocked);
                    audit.signHeadIfUnsigned(actor, key.publicKey(), key.signer());
                    return key.signer();
                }
            }
            case UnsealedKey held -> {
                Signer signer = heldSigner(held);
                audit.signHeadIfUnsigned(actor, held.publicKey(), signer);
                return signer;
            }
        }
    }

    /**
     * Lets the slow part of a later {@link #signer} start now: with a passphrase, its Argon2id
     * derivation begins on a thread of its own (checked and counted only when the signer is asked
     * for; see {@link PassphraseGuard#deriveAhead}); a held key needs nothing.
     */
    public void deriveAhead(KeyAccess access) {
        if (access instanceof Passphrase passphrase) {
            guard.deriveAhead(passphrase);
        }
    }

    /**
     * Unseals the signing key with the passphrase (one Argon2id derivation, counted and delayed like
     * every use) and keeps it unsealed in memory for a session, e.g. the kiosk's after the
     * supervisor's unlock; signs the audit log's head. {@link UnsealedKey#seal()} zeroes it.
     */
    public UnsealedKey unseal(Passphrase passphrase, Actor actor) throws KeysException {
        try (Unlocked unlocked = guard.unlock(passphrase, actor)) {
            SigningKey key = openSigningKey(unlocked);
            try {
                audit.signHeadIfUnsigned(actor, key.publicKey(), key.signer());
            } catch (RuntimeException e) {
                key.destroy();
                throw e;
            }
            return new UnsealedKey(key);
        }
    }

    /**
     * Checks that {@code access} opens the key before a long run starts: the passphrase (counted
     * and delayed like every use), or that the session's key is still unsealed and ours.
     */
    public void checkAccess(KeyAccess access, Actor actor) throws KeysException {
        switch (access) {
            case Passphrase passphrase -> checkPassphrase(passphrase, actor);
            case UnsealedKey held -> heldSigner(held);
        }
    }

    /** The held key's signer, when it is still unsealed and this appliance's key (a restore may change it). */
    private Signer heldSigner(UnsealedKey held) throws KeysException {
        Signer signer = held.signer();
        if (!held.publicKey().equals(publicKey())) {
            throw new KeysException("the unsealed key (" + held.publicKey().id() + ") is not this appliance's key ("
                    + publicKey().id() + "): seal and unlock again");
        }
        return signer;
    }

    /**
     * This appliance's public key card (role, {@code label}, public key, created now), self-signed
     * with the private key; both the card file and its QR frames carry the returned bundle.
     */
    public SignedBundle keyCard(String label, KeyAccess passphrase, Actor actor) throws KeysException {
        PublicKey key = publicKey();
        KeyCard card;
        try {
            card = new KeyCard(KeyCard.Role.valueOf(role().name()), label == null ? "" : label.strip(), key,
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
        } catch (IllegalArgumentException e) {
            throw new KeysException(e.getMessage());
        }
        Signer signer = signer(passphrase, actor);
        SignedBundle signed = SignedBundle.sign(card, key.id(), signer);
        store.execute(tx -> audit.record(tx, actor, new KeyEvents.KeyCardSigned(key.id(), card.label())));
        return signed;
    }

    /** Opens the keyring for another keys service (e.g. the MAK vault). */
    Unlocked unlock(Passphrase passphrase, Actor actor) throws KeysException {
        Unlocked unlocked = guard.unlock(passphrase, actor);
        try {
            signAuditHeadWhileUnsealed(unlocked, actor);
        } catch (KeysException | RuntimeException e) {
            unlocked.close();
            throw e;
        }
        return unlocked;
    }

    SecureRandom random() {
        return random;
    }

    static KeysException noKeys() {
        return new KeysException("this appliance has no key pair or supervisor passphrase yet: run ./airlock key init");
    }

    private static String seedPurpose(PublicKey publicKey) {
        return "signing-key/" + publicKey.id();
    }
}
