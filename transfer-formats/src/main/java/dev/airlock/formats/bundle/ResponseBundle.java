package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.signature.KeyId;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A response bundle (gateway to lab): per request reference a confirmation ID or an error,
 * and MAK-count answers, bound to one request by its id and the SHA-256 of its envelope.
 * Made by {@link #answering} or read from a signed bundle ({@link SignedBundle#response()}); the
 * bytes are FORMAT.md's "Response payload", written and read by the package's codec.
 */
public final class ResponseBundle implements BundleContent {
    /** Format version of the canonical encoding. */
    public static final int FORMAT_VERSION = 1;
    /** Length of the request digest (SHA-256). */
    public static final int DIGEST_LENGTH = 32;

    /** What the gateway got for one record. */
    public sealed interface Outcome permits Confirmed, Failed {}

    /** Activation succeeded: the confirmation ID to install. */
    public record Confirmed(ConfirmationId cid) implements Outcome {
        public Confirmed {
            Objects.requireNonNull(cid, "cid");
        }
    }

    /**
     * Activation failed: an error code (unsigned 32-bit, e.g. 0x7F as BatchActivation reports it) and a short text.
     */
    public record Failed(int code, String text) implements Outcome {
        public Failed {
            String p = Texts.problem(text, 0, Texts.MAX_ERROR_TEXT_BYTES, Texts.MAX_ERROR_TEXT_BYTES);
            if (p != null) {
                throw new IllegalArgumentException("error text " + p);
            }
        }

        /** The code as {@code 0x} and upper-case hex, e.g. {@code 0x7F}. */
        public String codeText() {
            return "0x" + Integer.toHexString(code).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** The answer for one reference. */
    public record Answer(Reference ref, Outcome outcome) {
        public Answer {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Remaining activations of the MAK asked about by the request's query for ePID {@code epidIndex}. */
    public record CountResult(int epidIndex, Optional<PartialProductKey> partialKey, long remaining) {
        public CountResult {
            Objects.requireNonNull(partialKey, "partialKey");
            if (epidIndex < 0) {
                throw new IllegalArgumentException("negative ePID index");
            }
            if (remaining < 0 || remaining > MAX_REMAINING) {
                throw new IllegalArgumentException("remaining count out of range: " + remaining);
            }
        }
    }

    static final long MAX_REMAINING = 0xFFFF_FFFFL;

    private final KeyId signer;
    private final BundleId id;
    private final BundleId requestId;
    private final byte[] requestDigest;
    private final Instant created;
    private final List<Answer> answers;
    private final List<CountResult> counts;

    private ResponseBundle(KeyId signer, BundleId id, BundleId requestId, byte[] requestDigest, Instant created,
            List<Answer> answers, List<CountResult> counts) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.id = Objects.requireNonNull(id, "id");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        if (requestDigest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("a request digest has 32 bytes, not " + requestDigest.length);
        }
        this.requestDigest = requestDigest.clone();
        this.created = Objects.requireNonNull(created, "created");
        this.answers = List.copyOf(answers);
        this.counts = List.copyOf(counts);
    }

    /** A response as decoded: the codec has checked its canonical order. */
    static ResponseBundle of(KeyId signer, BundleId id, BundleId requestId, byte[] requestDigest, Instant created,
            List<Answer> answers, List<CountResult> counts) {
        return new ResponseBundle(signer, id, requestId, requestDigest, created, answers, counts);
    }

    /**
     * A response answering {@code request}: binds its id and digest, sorts answers by reference
     * and count results by ePID index.
     */
    public static ResponseBundle answering(SignedBundle request, KeyId signer, Instant created,
            RandomGenerator random, Map<Reference, Outcome> outcomes, List<CountResult> counts)
            throws MalformedBundleException {
        RequestBundle req = request.request();
        Instant t = created.truncatedTo(ChronoUnit.SECONDS);
        CreatedTime.check(t);
        List<Answer> answers = new ArrayList<>(outcomes.size());
        new TreeMap<>(outcomes).forEach((ref, outcome) -> answers.add(new Answer(ref, outcome)));
        List<CountResult> sorted = new ArrayList<>(counts);
        sorted.sort((a, b) -> Integer.compare(a.epidIndex(), b.epidIndex()));
        ResponseBundle response = new ResponseBundle(signer, BundleId.random(random), req.id(), request.digest(), t,
                answers, sorted);
        response.checkCanonical();
        try {
            response.checkAnswers(request);
        } catch (UnrelatedResponseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return response;
    }

    private void checkCanonical() {
        for (int i = 1; i < answers.size(); i++) {
            if (answers.get(i).ref().compareTo(answers.get(i - 1).ref()) <= 0) {
                throw new IllegalArgumentException("answers must have distinct references");
            }
        }
        for (int i = 1; i < counts.size(); i++) {
            if (counts.get(i).epidIndex() <= counts.get(i - 1).epidIndex()) {
                throw new IllegalArgumentException("two count results for ePID " + counts.get(i).epidIndex());
            }
        }
    }

    /**
     * Checks that this response answers exactly {@code request}: same request id and digest,
     * every reference one of the request's, every count result one of its queries.
     */
    public void checkAnswers(SignedBundle request) throws MalformedBundleException {
        RequestBundle req = request.request();
        if (!req.id().equals(requestId)) {
            throw new UnrelatedResponseException("this response answers request " + requestId.shortId()
                    + ", not request " + req.id().shortId());
        }
        if (!MessageDigest.isEqual(request.digest(), requestDigest)) {
            throw new UnrelatedResponseException("this response names request " + requestId.shortId()
                    + " but its request digest does not match that request's bytes: it answers a different or"
                    + " altered request");
        }
        Set<Reference> refs = new HashSet<>();
        req.records().forEach(e -> refs.add(e.ref()));
        for (Answer a : answers) {
            if (!refs.contains(a.ref())) {
                throw new UnrelatedResponseException("this response answers reference " + a.ref()
                        + ", which request " + req.id().shortId() + " does not contain");
            }
        }
        Set<Integer> asked = new HashSet<>();
        req.queries().forEach(q -> asked.add(q.epid()));
        for (CountResult c : counts) {
            if (!asked.contains(c.epidIndex())) {
                throw new UnrelatedResponseException("this response has a count for ePID " + c.epidIndex()
                        + ", which request " + req.id().shortId() + " did not ask about");
            }
        }
    }

    @Override
    public BundleKind kind() {
        return BundleKind.RESPONSE;
    }

    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** The key id of the gateway key that signs (signed) this response. */
    @Override
    public KeyId signer() {
        return signer;
    }

    public BundleId id() {
        return id;
    }

    public BundleId requestId() {
        return requestId;
    }

    /** SHA-256 of the answered request's envelope. */
    public byte[] requestDigest() {
        return requestDigest.clone();
    }

    public Instant created() {
        return created;
    }

    /** Answers sorted by reference. */
    public List<Answer> answers() {
        return answers;
    }

    /** Count results sorted by ePID index. */
    public List<CountResult> counts() {
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseBundle b && signer.equals(b.signer) && id.equals(b.id)
                && requestId.equals(b.requestId) && Arrays.equals(requestDigest, b.requestDigest)
                && created.equals(b.created) && answers.equals(b.answers) && counts.equals(b.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signer, id, requestId, Arrays.hashCode(requestDigest), created, answers, counts);
    }

    @Override
    public String toString() {
        return "response " + id.shortId() + " to request " + requestId.shortId() + " (" + answers.size()
                + " answers, digest " + HexFormat.of().formatHex(requestDigest, 0, 4) + "...)";
    }
}
