package dev.airlock.appliance.merge;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.inventory.BulkTransitions;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.StateDetail;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.ledger.InboundBundle;
import dev.airlock.appliance.ledger.OutboundBundle;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.BundleKind;
import dev.airlock.formats.bundle.MalformedBundleException;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.bundle.UnrelatedResponseException;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.outside.NotAFileException;
import dev.airlock.formats.outside.OutsideFiles;
import dev.airlock.formats.outside.TooLargeException;
import dev.airlock.formats.qr.QrDecoder;
import dev.airlock.formats.qr.ScanResult;
import dev.airlock.formats.signature.BadSignatureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The merge flow: imports response bundles, verifies each, then merges it in one transaction. A response is
 * refused unless its signer is pinned here as a gateway, the signature holds under that pinned
 * key, it answers a request this lab wrote (known id) and binds that request's exact digest.
 */
public final class Merge {
    private static final long MAX_FRAMES_FILE = 64L << 20;

    /** Response files already found merged: a screen parses only new or changed ones. */
    private final dev.airlock.appliance.support.DoneFiles doneFiles = new dev.airlock.appliance.support.DoneFiles();
    private final Store store;
    private final BundleLedger ledger;
    private final Enroll trust;
    private final MakVault vault;
    private final MakCounts counts;
    private final InventoryService inventory;
    private final AuditService audit;
    private final Clock clock;
    private final BulkTransitions transitions;
    /** Runs inside the merge transaction after the products moved: a no-op, a fault tests' seam (see below). */
    private final Runnable afterProductsMoved;

    public Merge(Store store, BundleLedger ledger, Enroll trust, MakVault vault, InventoryService inventory,
            AuditService audit, Clock clock) {
        this(store, ledger, trust, vault, inventory, audit, clock, () -> { });
    }

    private Merge(Store store, BundleLedger ledger, Enroll trust, MakVault vault,
            InventoryService inventory, AuditService audit, Clock clock, Runnable afterProductsMoved) {
        this.afterProductsMoved = afterProductsMoved;
        this.store = store;
        this.ledger = ledger;
        this.trust = trust;
        this.vault = vault;
        this.counts = new MakCounts(vault);
        this.inventory = inventory;
        this.audit = audit;
        this.clock = clock;
        this.transitions = new BulkTransitions(audit, clock);
    }

    /**
     * A copy of this service that runs {@code fault} inside each merge transaction after the
     * products moved, so a test can fail a merge half-way; this service stays as it is.
     */
    Merge failingAfterProductsMoved(Runnable fault) {
        return new Merge(store, ledger, trust, vault, inventory, audit, clock, fault);
    }

    /**
     * Imports every input in {@code paths}: bundle files, folders of them, stick roots (their
     * {@code AIRLOCK/inbound/*.xml}) and QR frames text files (one frame per line). Temp files
     * (names starting with a dot) are never read. Reports each outcome to {@code listener}.
     */
    public List<MergeOutcome> importPaths(List<Path> paths, Actor actor, Consumer<MergeOutcome> listener) {
        List<MergeOutcome> all = new ArrayList<>();
        for (Path input : paths) {
            if (!Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                MergeOutcome o = new MergeOutcome.Refused(input.toString(), "no such file or folder; give a response"
                        + " file, a stick's root folder or its AIRLOCK/inbound folder");
                listener.accept(o);
                all.add(o);
                continue;
            }
            List<Path> files;
            List<MergeOutcome> skipped = new ArrayList<>();
            try {
                files = ResponseFiles.expand(input, skipped);
            } catch (IOException e) {
                MergeOutcome o = new MergeOutcome.Refused(input.toString(), "cannot read: " + e.getMessage());
                listener.accept(o);
                all.add(o);
                continue;
            }
            for (MergeOutcome o : skipped) {
                listener.accept(o);
                all.add(o);
            }
            if (files.isEmpty() && skipped.isEmpty()) {
                MergeOutcome o = new MergeOutcome.Refused(input.toString(), "no response files (*.xml) in it");
                listener.accept(o);
                all.add(o);
            }
            for (Path f : files) {
                for (MergeOutcome o : importEach(f, actor)) {
                    listener.accept(o);
                    all.add(o);
                }
            }
        }
        return all;
    }

    /**
     * How many response files in {@code stickRoot}'s {@code AIRLOCK/inbound} have not been merged
     * yet, so a screen says "import it" only when there is something new. A file that cannot be
     * read as a response counts as new: importing it says what is wrong.
     */
    public int countUnmerged(Path stickRoot) {
        if (StickLayout.offTheStick(stickRoot, StickLayout.Folder.INBOUND).isPresent()) {
            return 0; // a linked folder is not looked into; import says why
        }
        return doneFiles.countNotDone(StickLayout.Folder.INBOUND.on(stickRoot), this::merged);
    }

    private boolean merged(Path file) {
        try {
            if (Files.size(file) > BundleFile.MAX_BYTES) {
                return false;
            }
            SignedBundle bundle = BundleFile.read(OutsideFiles.readLimited(file, BundleFile.MAX_BYTES));
            if (bundle.kind() != BundleKind.RESPONSE) {
                return false;
            }
            ResponseBundle response = bundle.response();
            byte[] digest = bundle.digest();
            return store.read(tx -> ledger.merged(tx, response.id(), digest)).isPresent();
        } catch (IOException | BadSignatureException | MalformedBundleException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Imports one bundle file or QR frames text file; for a frames file that held several bundles,
     * the outcome of the first (see {@link #importEach}).
     */
    public MergeOutcome importFile(Path file, Actor actor) {
        return importEach(file, actor).getFirst();
    }

    /**
     * Imports one bundle file, or each bundle of a QR frames text file: frames of several bundles
     * may be mixed in it (a stray frame of yesterday's response scanned first, two responses);
     * each complete one merges, and each incomplete one is refused in words ("2 of 5 frames of
     * bundle 318402 (missing 3, 4, 5): incomplete, not merged"). Never empty.
     */
    public List<MergeOutcome> importEach(Path file, Actor actor) {
        String source = file.toString();
        List<SignedBundle> bundles = new ArrayList<>();
        List<MergeOutcome> incomplete = new ArrayList<>();
        try {
            byte[] bytes;
            try {
                // a link, a pipe or a device is refused by its attributes, never opened
                bytes = OutsideFiles.readLimited(file, Math.max(BundleFile.MAX_BYTES, MAX_FRAMES_FILE));
            } catch (TooLargeException e) {
                return List.of(new MergeOutcome.Refused(source, "too large to be a response bundle or a frames file"));
            } catch (NotAFileException e) {
                return List.of(new MergeOutcome.Refused(source, e.getReason()));
            }
            Optional<List<String>> frames = ResponseFiles.framesLines(file, bytes);
            if (frames.isPresent()) {
                QrDecoder decoder = new QrDecoder();
                for (String line : frames.get()) {
                    if (!line.isBlank()) {
                        decoder.receivePart(line);
                    }
                }
                if (decoder.assemblies().isEmpty()) {
                    return List.of(new MergeOutcome.Refused(source, "no Airlock QR frame in it: scan the response's"
                            + " frames on the gateway's screen, one per line, and import again"));
                }
                boolean several = decoder.assemblies().size() > 1;
                for (QrDecoder.Assembly a : decoder.assemblies()) {
                    Optional<byte[]> complete = decoder.result(a.bundleId());
                    if (complete.isPresent()) {
                        bundles.add(SignedBundle.parse(complete.get()));
                    } else {
                        incomplete.add(new MergeOutcome.Refused(source + (several ? " (bundle " + a.bundleId()
                                + ")" : ""), "the QR frames are incomplete: " + a.inWords() + ": incomplete, not"
                                + " merged; scan the missing frames and import again"));
                    }
                }
            } else {
                bundles.add(BundleFile.read(bytes));
            }
        } catch (IOException e) {
            return List.of(new MergeOutcome.Refused(source, "cannot read: " + e.getMessage()));
        } catch (BadSignatureException e) {
            return List.of(new MergeOutcome.Refused(source, "tampered: the signature does not match the content ("
                    + e.getMessage() + "); get a fresh copy from the gateway"));
        } catch (MalformedBundleException e) {
            return List.of(new MergeOutcome.Refused(source, "malformed: " + e.getMessage()));
        }
        List<MergeOutcome> all = new ArrayList<>();
        for (SignedBundle bundle : bundles) {
            all.add(merge(bundle, file.getFileName().toString(), actor));
        }
        all.addAll(incomplete);
        return all;
    }

    /** Verifies and merges one response bundle. */
    public MergeOutcome merge(SignedBundle bundle, String source, Actor actor) {
        // Step 1: a response, from a gateway pinned here, signed with that pinned key.
        if (bundle.kind() != BundleKind.RESPONSE) {
            return new MergeOutcome.Refused(source, "this is a " + bundle.kind().word() + " bundle, not a response:"
                    + " import takes the gateway's responses (airlock-response-*.xml)");
        }
        Optional<TrustedPeer> peer = trust.trusted(bundle.signer());
        if (peer.isEmpty()) {
            return new MergeOutcome.Refused(source, "signed by key " + bundle.signer() + ", which is not pinned"
                    + " here: a foreign or unknown signer. If it is your gateway, pin its key card first"
                    + " (./airlock trust add) after comparing fingerprints");
        }
        if (peer.get().role() != ApplianceInfo.Role.GATEWAY) {
            return new MergeOutcome.Refused(source, "signed by " + peer.get().label() + ", which is pinned as a "
                    + peer.get().role().id() + ", not as a gateway: only a gateway's responses merge");
        }
        ResponseBundle response;
        try {
            bundle.verify(peer.get().publicKey());
            response = bundle.response();
        } catch (BadSignatureException e) {
            return new MergeOutcome.Refused(source, "tampered: the signature does not verify with the pinned key of "
                    + peer.get().label() + " (" + e.getMessage() + "); get a fresh copy from the gateway");
        } catch (MalformedBundleException e) {
            return new MergeOutcome.Refused(source, "malformed: " + e.getMessage());
        }
        String responseId = response.id().toString();
        byte[] digest = bundle.digest();
        // Step 2: merged before? Then nothing changes.
        Optional<InboundBundle> earlier = store.read(tx -> ledger.merged(tx, response.id(), digest));
        if (earlier.isPresent()) {
            return alreadyMerged(source, earlier.get(), digest);
        }
        // Step 3: it answers one of our requests, bound to its exact digest.
        Optional<SignedBundle> request = store.read(tx -> ledger.request(tx, response.requestId()));
        if (request.isEmpty()) {
            return new MergeOutcome.Refused(source, "it answers request " + response.requestId().shortId()
                    + ", which this lab never made (or whose export did not finish): was it meant for another lab?");
        }
        RequestBundle req;
        try {
            response.checkAnswers(request.get());
            req = request.get().request();
        } catch (UnrelatedResponseException e) {
            return new MergeOutcome.Refused(source, "does not match our request: " + e.getMessage());
        } catch (MalformedBundleException e) {
            return new MergeOutcome.Refused(source, "malformed: " + e.getMessage());
        }
        // Step 4: one transaction for everything it carries.
        Map<Reference, InstallationId> iidOf = new HashMap<>(req.records().size() * 2);
        req.records().forEach(e -> iidOf.put(e.ref(), e.iid()));
        String shortId = responseId.substring(0, 8);
        String why = "response " + shortId + " to request " + response.requestId().shortId() + " (" + source + ")";
        MergeOutcome result = store.inTransaction(tx -> {
            Optional<InboundBundle> raced = ledger.merged(tx, response.id(), digest);
            if (raced.isPresent()) {
                return alreadyMerged(source, raced.get(), digest);
            }
            Map<Reference, BundleLedger.ReferenceEntry> refs = ledger.references(tx, response.requestId());
            List<BulkTransitions.Change> changes = new ArrayList<>(response.answers().size());
            List<Reference> newlyAnswered = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (ResponseBundle.Answer a : response.answers()) {
                BundleLedger.ReferenceEntry entry = refs.get(a.ref());
                if (entry == null) {
                    notes.add("reference " + a.ref() + " is not in this lab's map of the request: skipped");
                    continue;
                }
                if (!entry.answered()) {
                    newlyAnswered.add(a.ref());
                }
                if (a.outcome() instanceof ResponseBundle.Confirmed c) {
                    changes.add(new BulkTransitions.Change(entry.productId(), iidOf.get(a.ref()),
                            ProductEvent.CID_RECEIVED, StateDetail.note("CID from " + why), Optional.of(c.cid())));
                } else {
                    ResponseBundle.Failed f = (ResponseBundle.Failed) a.outcome();
                    changes.add(new BulkTransitions.Change(entry.productId(), iidOf.get(a.ref()), ProductEvent.REJECT,
                            ErrorCodes.detail(f.code(), f.text()), Optional.empty()));
                }
            }
            BulkTransitions.Result moved = transitions.apply(tx, changes, actor, (event, n) ->
                    new MergeEvents.ProductsAnswered(event, n, shortId, response.requestId().shortId(), source));
            int cids = 0;
            List<MergeOutcome.Rejection> rejections = new ArrayList<>();
            for (BulkTransitions.Change c : moved.moved()) {
                if (c.event() == ProductEvent.CID_RECEIVED) {
                    cids++;
                } else if (c.detail() instanceof StateDetail.Rejection r) {
                    Optional<Product> p = inventory.product(tx, c.productId());
                    rejections.add(new MergeOutcome.Rejection(c.productId(), p.map(Product::hostName).orElse("?"),
                            p.map(Product::name).orElse("?"), r.code(), r.explanation()));
                }
            }
            for (BulkTransitions.Skipped s : moved.skipped()) {
                notes.add(skipNote(tx, s));
            }
            afterProductsMoved.run();
            InboundBundle inbound = new InboundBundle(responseId, response.requestId().toString(),
                    BundleLedger.hex(digest), bundle.signer().toString(), response.created(), source, clock.instant(),
                    actor.name(), cids, rejections.size(), notes.size(), response.counts().size());
            ledger.recordInbound(tx, inbound, newlyAnswered);
            OutboundBundle out = ledger.outbound(tx, response.requestId()).orElseThrow();
            audit.record(tx, actor, new MergeEvents.ResponseMerged(shortId, response.requestId().shortId(), source,
                    peer.get().label(), cids, rejections.size(), moved.skipped().size(), response.counts().size()));
            return new MergeOutcome.Merged(source, responseId, response.requestId().toString(), cids, rejections,
                    notes, List.of(), out.state(), out.open());
        });
        if (result instanceof MergeOutcome.Merged m && !response.counts().isEmpty()) {
            // After the commit: the vault keeps its own transactions; a count is a fact learned, safe to record late.
            return new MergeOutcome.Merged(m.source(), m.responseId(), m.requestId(), m.cids(), m.rejections(),
                    m.notes(), counts.record(req, response, actor), m.requestState(), m.requestOpen());
        }
        return result;
    }

    private String skipNote(dev.airlock.appliance.store.Tx tx, BulkTransitions.Skipped s) {
        String who = inventory.product(tx, s.change().productId()).map(p -> p.hostName() + " '" + p.name() + "'")
                .orElse("product " + s.change().productId());
        boolean cid = s.change().event() == ProductEvent.CID_RECEIVED;
        String what = cid ? "The CID" : "The error";
        return switch (s.reason()) {
            case GONE -> "Product " + s.change().productId() + " is no longer in the record: " + what.toLowerCase(
                    java.util.Locale.ROOT) + " for it was not stored. Nothing to do.";
            case IID_CHANGED -> who + " was collected again with a new IID after this request. " + what
                    + " was for the old IID and was not stored: export the product again to get a CID for its"
                    + " new IID.";
            case NOT_ALLOWED -> who + " is already " + s.state().orElseThrow() + " (" + s.state().orElseThrow()
                    .meaning() + "). " + what + " was not needed and was not stored"
                    + (pastCid(s.state().orElseThrow()) ? "; the product is not moved back" : "")
                    + ". Nothing to do.";
        };
    }

    private static boolean pastCid(ProductState s) {
        return s == ProductState.APPLIED || s == ProductState.VERIFIED || s == ProductState.REUSABLE
                || s == ProductState.APPLY_FAILED;
    }

    private static MergeOutcome alreadyMerged(String source, InboundBundle earlier, byte[] digest) {
        if (!earlier.digest().equals(BundleLedger.hex(digest))) {
            return new MergeOutcome.Refused(source, "a different response with the same id (" + earlier.id()
                    .substring(0, 8) + ") was merged on " + earlier.merged() + ": this one was altered or forged");
        }
        return new MergeOutcome.AlreadyMerged(source, earlier.id(), earlier.merged());
    }

}
