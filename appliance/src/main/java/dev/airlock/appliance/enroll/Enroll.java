package dev.airlock.appliance.enroll;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The enroll flow: this appliance's key card as files to carry across, and the peers it trusts. A
 * peer is pinned only when the fingerprint a person typed from the peer's screen matches its key,
 * and only across the gap: a lab pins gateways, a gateway pins labs.
 */
public final class Enroll {
    /** Longest label accepted. */
    public static final int MAX_LABEL = 64;
    private final Store store;
    private final AuditService audit;
    private final Clock clock;
    private final TrustRepository repo = new TrustRepository();
    private final KeyService keys;

    public Enroll(Store store, KeyService keys, AuditService audit, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes {@code card} and its QR code(s) into {@code dir} (each file atomically): the signed card
     * ({@code airlock-keycard-….xml}) and one PNG when it fits one sturdy code, else {@code -1of3.png} ….
     */
    public static CardWritten writeCard(Path dir, SignedBundle card, PublicKey key) throws IOException {
        return KeyCardFiles.write(dir, card, key);
    }

    /** The card's QR code(s) as PNG images, in frame order: one sturdy code when it fits, else the default density. */
    public static List<byte[]> cardQrPngs(SignedBundle card) {
        return KeyCardFiles.qrPngs(card);
    }

    /** The trusted peer whose key has {@code id}, if any. */
    public Optional<TrustedPeer> trusted(KeyId id) {
        return store.read(tx -> repo.byKeyId(tx, id.toString()));
    }

    /** Every trusted peer, by role and label. */
    public List<TrustedPeer> list() {
        return store.read(repo::all);
    }

    /**
     * Pins {@code key} as a {@code role} peer called {@code label}, when {@code typed} (read from the
     * other screen) equals its fingerprint. Otherwise nothing is stored and the message says why.
     */
    public TrustedPeer pin(ApplianceInfo.Role role, String label, PublicKey key, Fingerprint typed, Actor actor)
            throws KeysException {
        String name = checkLabel(label);
        Fingerprint actual = key.fingerprint();
        if (!actual.equals(typed)) {
            throw new KeysException("the fingerprint you typed does not match the card's (" + firstDifference(actual,
                    typed) + "): compare it again with the other screen; nothing was stored");
        }
        ApplianceInfo.Role own = store.applianceInfo().role();
        if (role == own) {
            throw new KeysException("this card is from a " + role.id() + "; a " + own.id() + " trusts only "
                    + (own == ApplianceInfo.Role.LAB ? "gateways" : "labs") + "; nothing was stored");
        }
        return store.inTransaction(tx -> {
            if (keys.ownPublicKey(tx).map(key::equals).orElse(false)) {
                throw new KeysException("this is this appliance's own card; nothing was stored");
            }
            Optional<TrustedPeer> same = repo.byKeyId(tx, key.id().toString());
            if (same.isPresent()) {
                throw new KeysException("this key is already trusted as '" + same.get().label() + "'; nothing was"
                        + " changed");
            }
            if (repo.byLabel(tx, name).isPresent()) {
                throw new KeysException("another trusted peer is already called '" + name + "'; choose another"
                        + " label; nothing was stored");
            }
            TrustedPeer peer = new TrustedPeer(0, role, name, key, clock.instant(), actor.name());
            long id = repo.insert(tx, peer);
            audit.record(tx, actor, new TrustEvents.PeerTrusted(key.id(), role, name, actual));
            return new TrustedPeer(id, role, name, key, peer.added(), actor.name());
        });
    }

    /**
     * Pins the peer on a key card whose self-signature was checked, under the card's label or
     * {@code label} when given; see {@link #pin(ApplianceInfo.Role, String, PublicKey, Fingerprint, Actor)}.
     */
    public TrustedPeer pin(KeyCard card, Optional<String> label, Fingerprint typed, Actor actor) throws KeysException {
        return pin(ApplianceInfo.Role.valueOf(card.role().name()), label.orElse(card.label()), card.key(), typed,
                actor);
    }

    /** Removes the peer with this key id (16 hex digits) or label. */
    public TrustedPeer remove(String keyIdOrLabel, Actor actor) throws KeysException {
        String wanted = keyIdOrLabel == null ? "" : keyIdOrLabel.strip();
        return store.inTransaction(tx -> {
            Optional<TrustedPeer> peer = repo.byLabel(tx, wanted);
            if (peer.isEmpty() && wanted.matches("[0-9A-Fa-f]{16}")) {
                peer = repo.byKeyId(tx, wanted.toLowerCase(java.util.Locale.ROOT));
            }
            TrustedPeer p = peer.orElseThrow(() -> new KeysException("no trusted peer with key id or label '" + wanted
                    + "' (see ./airlock trust list)"));
            repo.delete(tx, p.id());
            audit.record(tx, actor, new TrustEvents.PeerRemoved(p.keyId(), p.role(), p.label()));
            return p;
        });
    }

    private static String checkLabel(String label) throws KeysException {
        String text = label == null ? "" : label.strip();
        if (text.isEmpty()) {
            throw new KeysException("the label is empty: name the peer, e.g. 'Gateway A' (not a host name)");
        }
        if (text.length() > MAX_LABEL) {
            throw new KeysException("the label is longer than " + MAX_LABEL + " characters");
        }
        Optional<String> problem = OutsideText.problem(text);
        if (problem.isPresent()) {
            throw new KeysException("the label must be one line of plain text; it " + problem.get());
        }
        return text;
    }

    private static String firstDifference(Fingerprint a, Fingerprint b) {
        for (int i = 0; i < a.groups().size(); i++) {
            if (!a.groups().get(i).equals(b.groups().get(i))) {
                return "group " + (i + 1) + " differs";
            }
        }
        return "they differ";
    }
}
