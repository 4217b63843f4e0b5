package dev.airlock.appliance.gateway;

import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.StoreException;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CID calls of one online run: at most {@code parallel} in flight, each on a worker thread of
 * its own, while every write to the CID cache happens on the caller's thread, in as few
 * transactions as the in-flight rule allows: the pairs about to be sent are marked in flight in one
 * transaction that commits before any of them is sent, together with the answers that arrived
 * since the last one. Each (IID, ePID) pair is asked at most once per run (the caller passes each
 * pair once, however many records share it).
 *
 * <p>A run starts with one call and doubles the calls in flight after each round that was wholly
 * answered, up to {@code parallel}; from then on a new call starts as soon as one ends. The first
 * failure stops new calls: the calls already in flight finish and are recorded (an answer is
 * stored, a call that may have been processed stays in flight, one that provably never left is
 * cleared), pairs not sent yet are not marked. So a service that fails from the start leaves one
 * record in flight, not {@code parallel}.
 */
final class CallWindow {
    /** Where a pair stands. */
    enum State {
        /** To be asked in this run. */
        TO_ASK,
        /** Marked in flight and sent; no answer yet. */
        ASKING,
        /** Answered in this run: a CID or the service's error code ({@link Pair#outcome}). */
        ANSWERED,
        /** A CID already in the cache ({@link Pair#outcome}). */
        CACHED,
        /** In flight: asked before (or in this run) with no answer stored. */
        IN_FLIGHT,
        /** Not asked in this run (it stopped first). */
        UNASKED
    }

    /** One (IID, ePID) pair of the request; its fields change on the caller's thread only. */
    static final class Pair {
        final String iid;
        final String epid;
        final InstallationId installationId;
        final ExtendedProductId productId;
        /** Position of its first record in the request (failures are reported in request order). */
        final int index;
        // settled by the window only (on the caller's thread); read through state() and outcome()
        private State state = State.TO_ASK;
        private ResponseBundle.Outcome outcome;
        /** The cache held it in flight when the run started, and the operator said to ask again. */
        private boolean resending;
        private String failure;

        Pair(InstallationId iid, ExtendedProductId epid, int index) {
            this.installationId = iid;
            this.productId = epid;
            this.iid = iid.digits();
            this.epid = epid.toString();
            this.index = index;
        }

        boolean settled() {
            return state != State.TO_ASK && state != State.ASKING;
        }

        State state() {
            return state;
        }

        /** The answer, or the cached CID; null while not settled, in flight or not asked. */
        ResponseBundle.Outcome outcome() {
            return outcome;
        }
    }

    /** What a worker brings back for one call. */
    private record Done(Pair pair, ServiceAnswer answer, Exception failure, RuntimeException unexpected) {}

    private final Store store;
    private final CidCacheRepository cache;
    private final Clock clock;
    private final int parallel;
    private final boolean resendInFlight;

    CallWindow(Store store, CidCacheRepository cache, Clock clock, int parallel, boolean resendInFlight) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.parallel = parallel;
        this.resendInFlight = resendInFlight;
    }

    /**
     * Reads what the cache holds for every pair in one read: a CID makes it CACHED, an in-flight
     * mark makes it IN_FLIGHT (unless resending); the rest stay TO_ASK.
     */
    void classify(Collection<Pair> pairs) throws GatewayException {
        List<Optional<CidCacheRepository.Cached>> found;
        try {
            found = store.read(tx -> {
                List<Optional<CidCacheRepository.Cached>> out = new ArrayList<>(pairs.size());
                for (Pair p : pairs) {
                    out.add(cache.find(tx, p.iid, p.epid));
                }
                return out;
            });
        } catch (StoreException e) {
            throw new GatewayException("the CID cache cannot be read (" + e.getMessage() + "); stopped before asking:"
                    + " every answer so far is kept", e);
        }
        int i = 0;
        for (Pair p : pairs) {
            Optional<CidCacheRepository.Cached> c = found.get(i++);
            if (c.isPresent() && c.get().state() == CidCacheRepository.State.CID) {
                p.state = State.CACHED;
                p.outcome = new ResponseBundle.Confirmed(cid(c.get().cid()));
            } else if (c.isPresent() && c.get().state() == CidCacheRepository.State.IN_FLIGHT) {
                if (resendInFlight) {
                    p.resending = true;
                } else {
                    p.state = State.IN_FLIGHT;
                }
            }
        }
    }

    /**
     * Asks every TO_ASK pair of {@code pairs} (in their order), calling {@code progress} on this
     * thread after each write so the caller can settle what is ready. Returns why the run stopped
     * early, if it did; pairs left unasked are UNASKED.
     */
    Optional<String> ask(List<Pair> pairs, BatchActivationClient client, Runnable progress) throws GatewayException {
        Deque<Pair> waiting = new ArrayDeque<>();
        for (Pair p : pairs) {
            if (p.state == State.TO_ASK) {
                waiting.add(p);
            }
        }
        if (waiting.isEmpty()) {
            progress.run();
            return Optional.empty();
        }
        BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallel, waiting.size()), r -> {
            Thread t = new Thread(r, "airlock-gateway-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Pair> failed = new ArrayList<>();
        RuntimeException unexpected = null;
        boolean interrupted = false;
        try {
            int window = 1;
            int inFlight = 0;
            List<Done> arrived = new ArrayList<>();
            while (true) {
                boolean stopped = !failed.isEmpty() || unexpected != null || interrupted;
                List<Pair> next = new ArrayList<>();
                boolean room = window == parallel ? inFlight < window : inFlight == 0;
                while (!stopped && room && !waiting.isEmpty() && inFlight + next.size() < window) {
                    next.add(waiting.poll());
                }
                List<Pair> marked = arrived.isEmpty() && next.isEmpty() ? List.of() : record(arrived, next);
                arrived.clear();
                for (Pair p : marked) {
                    p.state = State.ASKING;
                    inFlight++;
                    workers.execute(() -> finished.add(call(client, p)));
                }
                progress.run();
                if (inFlight == 0) {
                    if (stopped || waiting.isEmpty()) {
                        break;
                    }
                    continue; // every pair of this round was settled by someone else meanwhile: take more
                }
                try {
                    arrived.add(finished.take());
                } catch (InterruptedException e) {
                    interrupted = true; // stop sending; the calls in flight still end and are recorded
                    continue;
                }
                finished.drainTo(arrived);
                inFlight -= arrived.size();
                for (Done d : arrived) {
                    if (d.unexpected() != null) {
                        unexpected = unexpected == null ? d.unexpected() : unexpected;
                    } else if (d.failure() != null) {
                        failed.add(d.pair());
                    }
                }
                if (inFlight == 0 && window < parallel) {
                    window = Math.min(parallel, window * 2); // a whole round answered: twice as many next
                }
            }
        } finally {
            workers.shutdownNow();
            for (Pair p : waiting) {
                p.state = State.UNASKED;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        progress.run();
        if (unexpected != null) {
            throw unexpected;
        }
        if (failed.isEmpty()) {
            return interrupted ? Optional.of("the run was interrupted; nothing more was asked, run the same command"
                    + " again to go on") : Optional.empty();
        }
        failed.sort((a, b) -> Integer.compare(a.index, b.index));
        String problem = failed.get(0).failure;
        if (failed.size() > 1) {
            long lost = failed.stream().filter(p -> p.state == State.IN_FLIGHT).count();
            problem += "; " + (failed.size() - 1) + " other call" + (failed.size() == 2 ? "" : "s")
                    + " in flight at the same time failed too (" + lost + " record" + (lost == 1 ? "" : "s")
                    + " in flight in all)";
        }
        return Optional.of(problem);
    }

    /** One call on a worker thread: never throws, the caller's thread records what happened. */
    private static Done call(BatchActivationClient client, Pair p) {
        try {
            ServiceAnswer a = client.confirmationId(p.productId, p.installationId);
            if (a instanceof ServiceAnswer.Remaining) {
                return new Done(p, null, new BatchActivationClient.AnswerLost("the service answered a CID request"
                        + " with a count"), null);
            }
            return new Done(p, a, null, null);
        } catch (BatchActivationClient.NotDelivered | BatchActivationClient.AnswerLost e) {
            return new Done(p, null, e, null);
        } catch (RuntimeException e) {
            return new Done(p, null, null, e);
        }
    }

    /**
     * One write transaction: stores what {@code arrived} brought (CID, error, or the in-flight mark
     * cleared after a call that provably never left) and marks {@code next} in flight, each only if
     * the cache still says it may be asked (another run may have answered or sent it meanwhile).
     * Returns the pairs marked, to be sent after the commit.
     */
    private List<Pair> record(List<Done> arrived, List<Pair> next) throws GatewayException {
        List<Pair> marked;
        List<Optional<CidCacheRepository.Cached>> skipped = new ArrayList<>();
        try {
            marked = store.inTransaction(tx -> {
                for (Done d : arrived) {
                    store(tx, d);
                }
                List<Pair> out = new ArrayList<>(next.size());
                for (Pair p : next) {
                    Optional<CidCacheRepository.Cached> now = cache.find(tx, p.iid, p.epid);
                    boolean askable = now.isEmpty() || now.get().state() == CidCacheRepository.State.ERROR
                            || (now.get().state() == CidCacheRepository.State.IN_FLIGHT && p.resending);
                    if (askable) {
                        cache.markInFlight(tx, p.iid, p.epid, clock.instant());
                        out.add(p);
                    }
                    skipped.add(askable ? Optional.empty() : now);
                }
                return out;
            });
        } catch (StoreException e) {
            throw new GatewayException("the CID cache cannot be written (" + e.getMessage() + "); stopped: nothing"
                    + " more is asked until it can (calls still in flight stay in flight)", e);
        }
        for (Done d : arrived) {
            settle(d);
        }
        for (int i = 0; i < next.size(); i++) {
            Optional<CidCacheRepository.Cached> now = skipped.get(i);
            if (now.isPresent()) {
                Pair p = next.get(i);
                if (now.get().state() == CidCacheRepository.State.CID) {
                    p.state = State.CACHED;
                    p.outcome = new ResponseBundle.Confirmed(cid(now.get().cid()));
                } else {
                    p.state = State.IN_FLIGHT;
                }
            }
        }
        return marked;
    }

    private void store(Tx tx, Done d) {
        Pair p = d.pair();
        if (d.answer() instanceof ServiceAnswer.Cid c) {
            cache.storeCid(tx, p.iid, p.epid, c.cid().digits(), "online", clock.instant());
        } else if (d.answer() instanceof ServiceAnswer.Error err) {
            cache.storeError(tx, p.iid, p.epid, err.code(), Gateway.explain(err.code()), clock.instant());
        } else if (d.failure() instanceof BatchActivationClient.NotDelivered) {
            cache.release(tx, p.iid, p.epid);
        }
        // AnswerLost, or a fault of our own: the mark stays, the pair is in flight
    }

    private static void settle(Done d) {
        Pair p = d.pair();
        if (d.answer() instanceof ServiceAnswer.Cid c) {
            p.state = State.ANSWERED;
            p.outcome = new ResponseBundle.Confirmed(c.cid());
        } else if (d.answer() instanceof ServiceAnswer.Error err) {
            p.state = State.ANSWERED;
            p.outcome = new ResponseBundle.Failed(err.code(), Gateway.explain(err.code()));
        } else if (d.failure() instanceof BatchActivationClient.NotDelivered nd) {
            p.state = State.UNASKED;
            p.failure = nd.getMessage() + "; nothing was spent, run the same command again later";
        } else {
            p.state = State.IN_FLIGHT;
            if (d.failure() != null) {
                p.failure = d.failure().getMessage() + "; the service may have processed it, so the record stays in"
                        + " flight: it is asked again only with --resend-in-flight (which may spend an activation"
                        + " again)";
            }
        }
    }

    static ConfirmationId cid(String digits) throws GatewayException {
        try {
            return ConfirmationId.parse(digits);
        } catch (InvalidIdException e) {
            throw new GatewayException("the CID cache holds a damaged CID: " + e.getMessage(), e);
        }
    }
}
