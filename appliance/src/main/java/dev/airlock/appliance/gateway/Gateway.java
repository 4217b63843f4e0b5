package dev.airlock.appliance.gateway;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.keys.KeyAccess;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.UnsealedKey;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.StoreException;
import dev.airlock.appliance.support.BundleWrites;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.BundleId;
import dev.airlock.formats.bundle.BundleKind;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.Signer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The gateway flow: a verified lab request in, a signed response bound to its digest out,
 * under {@code STICK/AIRLOCK/inbound/}. CIDs come from BatchActivation ({@link #processOnline}) or
 * from a phone call ({@link #processByPhone}); either way every answer is stored in the CID cache
 * the moment it arrives and reused later, so an activation is never spent twice.
 *
 * <p>Rules (README "Gateway"): a cached CID is reused without asking; a stored error is not reused
 * (an error spends no activation, and e.g. a MAK's raised limit deserves a new try); a record left
 * IN_FLIGHT by an earlier run is not asked again unless {@code resendInFlight} is set, and is absent
 * from the response meanwhile, as are records not answered yet: a later run writes another (partial)
 * response and the lab merges each.
 */
public final class Gateway {
    private final Store store;
    private final KeyService keys;
    private final Enroll trust;
    private final AuditService audit;
    private final Clock clock;
    private final RandomGenerator random;
    private final CidCacheRepository cache = new CidCacheRepository();

    public Gateway(Store store, KeyService keys, Enroll trust, AuditService audit, Clock clock,
            RandomGenerator random) {
        this.store = store;
        this.keys = keys;
        this.trust = trust;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Reads a request file and checks it: a request bundle, signed by a pinned lab, the signature
     * valid with the pinned key, on an appliance whose role is gateway.
     */
    public SignedBundle verifyRequest(Path requestFile) throws GatewayException, IOException {
        if (keys.role() != ApplianceInfo.Role.GATEWAY) {
            throw new GatewayException("this appliance's role is " + keys.role().id() + ": requests are processed on"
                    + " a gateway (./airlock init --role gateway in its own data dir)");
        }
        SignedBundle bundle;
        try {
            bundle = BundleFile.read(requestFile);
        } catch (FormatException e) {
            throw new GatewayException(requestFile.getFileName() + ": " + e.getMessage(), e);
        }
        if (bundle.kind() != BundleKind.REQUEST) {
            throw new GatewayException(requestFile.getFileName() + " is a " + bundle.kind().word()
                    + " bundle, not a request");
        }
        Optional<TrustedPeer> peer = trust.trusted(bundle.signer());
        if (peer.isEmpty()) {
            throw new GatewayException("the request is signed by key " + bundle.signer() + ", which is not pinned"
                    + " here: compare fingerprints with the lab and run ./airlock trust add with its key card;"
                    + " nothing was asked");
        }
        if (peer.get().role() != ApplianceInfo.Role.LAB) {
            throw new GatewayException("the request is signed by '" + peer.get().label() + "', a pinned "
                    + peer.get().role().id() + ", not a lab: only labs send requests; nothing was asked");
        }
        try {
            bundle.verify(peer.get().publicKey());
        } catch (BadSignatureException e) {
            throw new GatewayException("the request's signature does not verify with the pinned key of lab '"
                    + peer.get().label() + "': it was altered or signed by another key; nothing was asked", e);
        }
        return bundle;
    }

    /**
     * Obtains CIDs (and MAK counts) from BatchActivation, then writes the signed response. At most
     * {@code config.parallel()} CID calls are in flight at once ({@link CallWindow}); records are
     * settled, reported to {@code listener} and written in the request's order whatever order the
     * answers come in.
     */
    public GatewayResult processOnline(Path requestFile, Path stick, BatchActivationConfig config,
            boolean resendInFlight, KeyAccess passphrase, Actor actor, GatewayListener listener)
            throws GatewayException, IOException {
        Run run = start(requestFile, passphrase, actor, true);
        try {
            return online(run, stick, config, resendInFlight, actor, listener);
        } finally {
            run.seal();
        }
    }

    private GatewayResult online(Run run, Path stick, BatchActivationConfig config, boolean resendInFlight,
            Actor actor, GatewayListener listener) throws GatewayException, IOException {
        Map<Key, CallWindow.Pair> pairs = new LinkedHashMap<>();
        List<RequestBundle.Entry> records = run.req.records();
        for (int i = 0; i < records.size(); i++) {
            RequestBundle.Entry e = records.get(i);
            int index = i;
            pairs.computeIfAbsent(run.key(e), k -> new CallWindow.Pair(e.iid(), run.epid(e), index));
        }
        CallWindow window = new CallWindow(store, cache, clock, config.parallel(), resendInFlight);
        window.classify(pairs.values());
        Optional<String> problem;
        try (BatchActivationClient client = new BatchActivationClient(config)) {
            problem = window.ask(List.copyOf(pairs.values()), client, new InOrder(run, pairs, listener));
            if (problem.isEmpty()) {
                for (RequestBundle.Query q : run.req.queries()) {
                    try {
                        ServiceAnswer a = client.remaining(run.req.epids().get(q.epid()));
                        if (a instanceof ServiceAnswer.Remaining r) {
                            run.counts.add(new ResponseBundle.CountResult(q.epid(), q.partialKey(), r.count()));
                        }
                    } catch (BatchActivationClient.NotDelivered | BatchActivationClient.AnswerLost x) {
                        problem = Optional.of("MAK count: " + x.getMessage() + "; run the same command again later");
                        break; // a count spends nothing, so there is nothing to mark
                    }
                }
            }
        }
        return finish(run, stick, actor, "online", problem);
    }

    /** Settles the request's records in its order as their pairs are settled, whatever order answers come in. */
    private static final class InOrder implements Runnable {
        private final Run run;
        private final Map<Key, CallWindow.Pair> pairs;
        private final GatewayListener listener;
        private int next;

        InOrder(Run run, Map<Key, CallWindow.Pair> pairs, GatewayListener listener) {
            this.run = run;
            this.pairs = pairs;
            this.listener = listener;
        }

        @Override
        public void run() {
            List<RequestBundle.Entry> records = run.req.records();
            for (; next < records.size(); next++) {
                RequestBundle.Entry e = records.get(next);
                CallWindow.Pair p = pairs.get(run.key(e));
                if (!p.settled()) {
                    return; // the next record in the request's order is still in flight
                }
                boolean first = p.index == next; // a later record of the same pair reuses its outcome
                switch (p.state()) {
                    case CACHED -> run.settle(e, Settled.CACHED, p.outcome(), listener);
                    case ANSWERED -> run.settle(e, p.outcome() instanceof ResponseBundle.Confirmed
                            ? (first ? Settled.CONFIRMED : Settled.CACHED) : Settled.FAILED, p.outcome(), listener);
                    case IN_FLIGHT -> run.settle(e, Settled.IN_FLIGHT, null, listener);
                    default -> run.settle(e, Settled.UNASKED, null, listener);
                }
            }
        }
    }

    /**
     * Phone activation: asks {@code desk} for each record without a cached CID, stores each typed CID
     * at once (an interrupted session resumes where it stopped), then writes a response with every
     * CID known so far; records still without one are absent from it.
     */
    public GatewayResult processByPhone(Path requestFile, Path stick, PhoneDesk desk, boolean resendInFlight,
            KeyAccess passphrase, Actor actor, GatewayListener listener) throws GatewayException, IOException {
        // a phone session can take an hour: the key is not held through it, the signing derives it again
        Run run = start(requestFile, passphrase, actor, false);
        List<RequestBundle.Entry> open = new ArrayList<>();
        for (RequestBundle.Entry e : run.req.records()) {
            Optional<CidCacheRepository.Cached> cached = cached(run.key(e));
            if (cached.isPresent() && cached.get().state() == CidCacheRepository.State.CID) {
                run.settle(e, Settled.CACHED, new ResponseBundle.Confirmed(CallWindow.cid(cached.get().cid())), listener);
            } else if (cached.isPresent() && cached.get().state() == CidCacheRepository.State.IN_FLIGHT
                    && !resendInFlight) {
                run.settle(e, Settled.IN_FLIGHT, null, listener);
            } else {
                open.add(e);
            }
        }
        boolean stopped = false;
        for (int i = 0; i < open.size(); i++) {
            RequestBundle.Entry e = open.get(i);
            Key key = run.key(e);
            if (stopped) {
                run.settle(e, Settled.UNASKED, null, listener);
                continue;
            }
            if (run.thisRun.containsKey(key)) {
                run.settle(e, Settled.CACHED, run.thisRun.get(key), listener);
                continue;
            }
            PhoneDesk.PhoneAnswer answer = desk.ask(new PhoneDesk.PhoneCall(i + 1, open.size(), e.ref().toString(),
                    run.req.products().get(e.product()).name(), e.iid()));
            if (answer instanceof PhoneDesk.PhoneAnswer.Typed t) {
                write(tx -> cache.storeCid(tx, key.iid, key.epid, t.cid().digits(), "phone", clock.instant()));
                ResponseBundle.Outcome o = new ResponseBundle.Confirmed(t.cid());
                run.thisRun.put(key, o);
                run.settle(e, Settled.CONFIRMED, o, listener);
            } else {
                stopped = answer instanceof PhoneDesk.PhoneAnswer.Stop;
                run.settle(e, Settled.UNASKED, null, listener);
            }
        }
        return finish(run, stick, actor, "phone", Optional.empty());
    }

    // --- one run ------------------------------------------------------------------------------

    private enum Settled { CONFIRMED, CACHED, FAILED, IN_FLIGHT, UNASKED }

    private record Key(String iid, String epid) {}

    /** The state of one process run. */
    private static final class Run {
        final SignedBundle request;
        final RequestBundle req;
        final Map<Reference, ResponseBundle.Outcome> outcomes = new LinkedHashMap<>();
        final List<ResponseBundle.CountResult> counts = new ArrayList<>();
        final Map<Key, ResponseBundle.Outcome> thisRun = new HashMap<>();
        final Map<Settled, Integer> tally = new HashMap<>();
        int done;

        /** What signs the response: the session's key, or the one this run unsealed ({@code owned}). */
        final KeyAccess access;
        private final boolean owned;

        Run(SignedBundle request, RequestBundle req, KeyAccess access, boolean owned) {
            this.request = request;
            this.req = req;
            this.access = access;
            this.owned = owned;
        }

        /** Zeroes the key this run unsealed; a session's key stays as the session keeps it. */
        void seal() {
            if (owned && access instanceof UnsealedKey held) {
                held.seal();
            }
        }

        Key key(RequestBundle.Entry e) {
            return new Key(e.iid().digits(), epid(e).toString());
        }

        ExtendedProductId epid(RequestBundle.Entry e) {
            return req.epids().get(e.epid());
        }

        void settle(RequestBundle.Entry e, Settled how, ResponseBundle.Outcome outcome, GatewayListener listener) {
            if (outcome != null) {
                outcomes.put(e.ref(), outcome);
            }
            tally.merge(how, 1, Integer::sum);
            done++;
            listener.recordSettled(done, req.records().size(), e.ref().toString(), describe(how, outcome));
        }

        int count(Settled how) {
            return tally.getOrDefault(how, 0);
        }
    }

    /** Verifies the request and checks {@code passphrase}; {@code holdKey}: unseal it for the run (the run seals it). */
    private Run start(Path requestFile, KeyAccess passphrase, Actor actor, boolean holdKey)
            throws GatewayException, IOException {
        SignedBundle request = verifyRequest(requestFile);
        RequestBundle req;
        try {
            req = request.request();
        } catch (FormatException e) {
            throw new GatewayException(requestFile.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            store.read(cache::count);
        } catch (StoreException e) {
            throw new GatewayException("the CID cache cannot be read (" + e.getMessage() + "): without it an"
                    + " activation could be spent twice, so nothing was asked", e);
        }
        // Online, a passphrase is derived once, here, and the key held for this run only (the check and
        // the signing of the response paid an Argon2id each); a session's held key is checked.
        KeyAccess access;
        try {
            if (holdKey && passphrase instanceof Passphrase p) {
                access = keys.unseal(p, actor);
            } else {
                keys.checkAccess(passphrase, actor);
                access = passphrase;
            }
        } catch (KeysException e) {
            throw new GatewayException(e.getMessage() + "; nothing was asked", e);
        }
        return new Run(request, req, access, access != passphrase);
    }

    private GatewayResult finish(Run run, Path stick, Actor actor, String mode,
            Optional<String> problem) throws GatewayException, IOException {
        Optional<Path> written = Optional.empty();
        Optional<BundleId> responseId = Optional.empty();
        if (!run.outcomes.isEmpty() || !run.counts.isEmpty()) {
            SignedBundle signed;
            try {
                Signer signer = keys.signer(run.access, actor);
                ResponseBundle response = ResponseBundle.answering(run.request, keys.publicKey().id(),
                        clock.instant(), random, run.outcomes, run.counts);
                responseId = Optional.of(response.id());
                signed = SignedBundle.sign(response, keys.publicKey().id(), signer);
                Path dir = StickLayout.Folder.INBOUND.on(stick);
                Files.createDirectories(dir);
                Path file = dir.resolve(BundleFile.fileName(signed));
                BundleWrites.write(file, signed, keys.publicKey());
                written = Optional.of(file);
            } catch (KeysException | FormatException e) {
                throw new GatewayException("the response could not be signed: " + e.getMessage()
                        + " (every CID obtained is in the cache; run the command again)", e);
            }
        }
        int confirmed = run.count(Settled.CONFIRMED) + run.count(Settled.CACHED);
        RequestProcessed processed = new RequestProcessed(run.req.id(), mode, run.req.records().size(), confirmed,
                run.count(Settled.CACHED), run.count(Settled.FAILED), run.count(Settled.IN_FLIGHT),
                run.count(Settled.UNASKED), run.counts.size(), written, responseId);
        try {
            store.execute(tx -> audit.record(tx, actor, processed));
        } catch (StoreException e) {
            throw new GatewayException("the response was written but the audit log could not be: " + e.getMessage(), e);
        }
        return new GatewayResult(run.req.id().toString(), written, run.req.records().size(), confirmed,
                run.count(Settled.CACHED), run.count(Settled.FAILED), run.count(Settled.IN_FLIGHT),
                run.count(Settled.UNASKED), run.counts.size(),
                // a phone line gives no MAK counts: phone mode never asks them, so they do not make it partial
                "phone".equals(mode) ? 0 : run.req.queries().size(), problem);
    }

    /** What the gateway holds: CIDs obtained, final errors, and pairs still in flight. */
    public record CacheSummary(long cids, long errors, long inFlight) {}

    /** Counts of the CID cache, for {@code airlock status} on a gateway. */
    public CacheSummary cacheSummary() {
        return store.read(tx -> {
            java.util.Map<CidCacheRepository.State, Long> c = cache.countsByState(tx);
            return new CacheSummary(c.get(CidCacheRepository.State.CID), c.get(CidCacheRepository.State.ERROR),
                    c.get(CidCacheRepository.State.IN_FLIGHT));
        });
    }

    // --- cache access: every write is its own committed transaction ------------------------------

    private Optional<CidCacheRepository.Cached> cached(Key key) throws GatewayException {
        try {
            return store.read(tx -> cache.find(tx, key.iid, key.epid));
        } catch (StoreException e) {
            throw new GatewayException("the CID cache cannot be read (" + e.getMessage() + "); stopped before asking"
                    + " again: every answer so far is kept", e);
        }
    }

    private void write(Store.TxConsumer<RuntimeException> work) throws GatewayException {
        try {
            store.execute(work);
        } catch (StoreException e) {
            throw new GatewayException("the CID cache cannot be written (" + e.getMessage() + "); stopped: nothing"
                    + " more is asked until it can", e);
        }
    }

    /** Plain words for BatchActivation's error codes (domain-facts.md). */
    static String explain(int code) {
        return switch (code) {
            case 0x7F -> "MAK activation limit exceeded";
            case 0x67 -> "product key blocked (often a wrong IID or ePID)";
            case 0x68 -> "invalid product key";
            case 0x86 -> "invalid key type";
            case 0x90 -> "check the Installation ID";
            default -> "BatchActivation reported an error";
        };
    }

    private static String describe(Settled how, ResponseBundle.Outcome outcome) {
        return switch (how) {
            case CONFIRMED -> "CID";
            case CACHED -> "CID (from the cache)";
            case FAILED -> outcome instanceof ResponseBundle.Failed f ? "error " + f.codeText() + ": " + f.text()
                    : "error";
            case IN_FLIGHT -> "in flight: asked before, answer not stored; not asked again without"
                    + " --resend-in-flight";
            case UNASKED -> "not answered yet";
        };
    }

}
