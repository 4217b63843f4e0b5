package dev.airlock.appliance.bundles;

import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Checks bundle files against this appliance's trust store. */
public final class BundleService {
    private final KeyService keys;
    private final Enroll trust;

    public BundleService(KeyService keys, Enroll trust) {
        this.keys = keys;
        this.trust = trust;
    }

    /**
     * Reads and checks a bundle file: structure, readable part against the signed payload,
     * signature, and whether the signer is pinned here (or is this appliance).
     */
    public Inspection inspect(Path file) throws IOException, FormatException {
        return inspect(BundleFile.read(file));
    }

    /** As {@link #inspect(Path)}, for a bundle already parsed (e.g. reassembled from QR frames). */
    public Inspection inspect(SignedBundle bundle) throws FormatException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String id;
        java.time.Instant created;
        switch (bundle.kind()) {
            case REQUEST -> {
                RequestBundle r = bundle.request();
                id = r.id().toString();
                created = r.created();
                counts.put("records", r.records().size());
                counts.put("products", r.products().size());
                counts.put("ePIDs", r.epids().size());
                counts.put("count queries", r.queries().size());
            }
            case RESPONSE -> {
                ResponseBundle r = bundle.response();
                id = r.id().toString();
                created = r.created();
                int cids = 0;
                int errors = 0;
                for (ResponseBundle.Answer a : r.answers()) {
                    if (a.outcome() instanceof ResponseBundle.Confirmed) {
                        cids++;
                    } else {
                        errors++;
                    }
                }
                counts.put("CIDs", cids);
                counts.put("errors", errors);
                counts.put("count results", r.counts().size());
            }
            default -> {
                // An untrusted card's fingerprint is not shown: the operator must read it off the
                // other appliance's screen, not copy it from the file being checked.
                KeyCard card = bundle.keyCard();
                id = card.key().id().toString();
                created = card.created();
                counts.put("keys", 1);
            }
        }
        Optional<PublicKey> own = ownKey();
        if (own.isPresent() && own.get().id().equals(bundle.signer())) {
            bundle.verify(own.get());
            return new Inspection(bundle.kind(), id, bundle.signer(), Optional.of(own.get().fingerprint()),
                    Inspection.Trust.THIS_APPLIANCE, "this appliance", created, counts, Optional.empty());
        }
        Optional<TrustedPeer> peer = trust.trusted(bundle.signer());
        if (peer.isEmpty()) {
            return new Inspection(bundle.kind(), id, bundle.signer(), Optional.empty(),
                    Inspection.Trust.UNTRUSTED, "", created, counts, Optional.of("the signer's key "
                            + bundle.signer() + " is not pinned here: compare fingerprints and run ./airlock trust add"
                            + " with its key card first"));
        }
        try {
            bundle.verify(peer.get().publicKey());
        } catch (BadSignatureException e) {
            return new Inspection(bundle.kind(), id, bundle.signer(), Optional.of(peer.get().fingerprint()),
                    Inspection.Trust.UNTRUSTED, peer.get().label(), created, counts,
                    Optional.of("the signature does not verify with the pinned key of " + peer.get().label()));
        }
        return new Inspection(bundle.kind(), id, bundle.signer(), Optional.of(peer.get().fingerprint()),
                Inspection.Trust.TRUSTED_PEER, peer.get().label(), created, counts, Optional.empty());
    }

    /** The public key that signed {@code bundle}, when this appliance knows it (own or pinned). */
    public Optional<PublicKey> knownSigner(SignedBundle bundle) {
        Optional<PublicKey> own = ownKey();
        if (own.isPresent() && own.get().id().equals(bundle.signer())) {
            return own;
        }
        return trust.trusted(bundle.signer()).map(TrustedPeer::publicKey);
    }

    private Optional<PublicKey> ownKey() {
        if (!keys.hasKeys()) {
            return Optional.empty();
        }
        try {
            return Optional.of(keys.publicKey());
        } catch (KeysException e) {
            return Optional.empty();
        }
    }
}
