package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.SigningKey;
import java.nio.charset.StandardCharsets;
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
 */
public final class ResponseBundle {
    /** Format version of the canonical encoding. */
    public static final int FORMAT_VERSION = 1;
    /** Length of the request digest (SHA-256). */
    public static final int DIGEST_LENGTH = 32;
    static final int CID_BYTES = 20;
    static final int CID_DIGITS = 48;

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

    /**
     * A response answering {@code request}: binds its id and digest, sorts answers by reference
     * and count results by ePID index.
     */
    public static ResponseBundle answering(SignedBundle request, KeyId signer, Instant created,
            RandomGenerator random, Map<Reference, Outcome> outcomes, List<CountResult> counts)
            throws MalformedBundleException {
        RequestBundle req = request.request();
        Instant t = created.truncatedTo(ChronoUnit.SECONDS);
        RequestBundle.checkCreated(t);
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

    /** Signs this response with the gateway key whose id it names. */
    public SignedBundle sign(SigningKey key) {
        return SignedBundle.sign(BundleKind.RESPONSE, encode(), key);
    }

    /** The canonical payload bytes (FORMAT.md, "Response payload"). */
    public byte[] encode() {
        WireWriter w = new WireWriter(100 + 25 * answers.size() + 8 * counts.size());
        w.bytes(signer.bytes());
        w.bytes(id.bytes());
        w.bytes(requestId.bytes());
        w.bytes(requestDigest);
        w.instant(created);
        w.varint(answers.size());
        for (Answer a : answers) {
            w.int32(a.ref().value());
            if (a.outcome() instanceof Confirmed c) {
                w.varint(0);
                w.digits(c.cid().digits(), CID_BYTES);
            } else if (a.outcome() instanceof Failed f) {
                w.varint(1);
                w.varint(Integer.toUnsignedLong(f.code()));
                w.utf8(f.text());
            }
        }
        w.varint(counts.size());
        for (CountResult c : counts) {
            w.varint(c.epidIndex() * 2L + (c.partialKey().isPresent() ? 1 : 0));
            c.partialKey().ifPresent(k -> w.bytes(k.toString().getBytes(StandardCharsets.US_ASCII)));
            w.varint(c.remaining());
        }
        return w.toByteArray();
    }

    /** Decodes canonical payload bytes, refusing anything that {@link #encode()} would not write. */
    public static ResponseBundle decode(byte[] payload) throws MalformedBundleException {
        WireReader r = new WireReader(payload, "response payload");
        KeyId signer = KeyId.of(r.bytes(KeyId.LENGTH, "signer key id"));
        BundleId id = BundleId.of(r.bytes(BundleId.LENGTH, "bundle id"));
        BundleId requestId = BundleId.of(r.bytes(BundleId.LENGTH, "request id"));
        byte[] digest = r.bytes(DIGEST_LENGTH, "request digest");
        Instant created = r.instant("created");
        int na = r.count("answer count", RequestBundle.MAX_RECORDS, 4 + 1 + 1);
        List<Answer> answers = new ArrayList<>(na);
        Reference previous = null;
        for (int i = 0; i < na; i++) {
            String f = "answer " + i;
            Reference ref = new Reference(r.int32(f + " reference"));
            if (previous != null && ref.compareTo(previous) <= 0) {
                throw r.errorAt(f + " reference", ref.equals(previous)
                        ? "repeats reference " + ref + "; each record is answered once"
                        : "is out of order; answers are sorted by reference");
            }
            previous = ref;
            int tag = (int) r.varint(f + " outcome", 1);
            Outcome outcome;
            if (tag == 0) {
                String digits = r.digits(CID_BYTES, CID_DIGITS, f + " CID");
                try {
                    outcome = new Confirmed(ConfirmationId.parse(digits));
                } catch (InvalidIdException e) {
                    throw new IllegalStateException("48 digits always parse", e);
                }
            } else {
                long code = r.varint(f + " error code", MAX_REMAINING);
                String text = r.utf8(f + " error text", Texts.MAX_ERROR_TEXT_BYTES);
                String p = Texts.problem(text, 0, Texts.MAX_ERROR_TEXT_BYTES, Texts.MAX_ERROR_TEXT_BYTES);
                if (p != null) {
                    throw r.errorAt(f + " error text", p);
                }
                outcome = new Failed((int) code, text);
            }
            answers.add(new Answer(ref, outcome));
        }
        int nc = r.count("count result count", RequestBundle.MAX_QUERIES, 2);
        List<CountResult> counts = new ArrayList<>(nc);
        int previousEpid = -1;
        for (int i = 0; i < nc; i++) {
            String f = "count result " + i;
            long v = r.varint(f + " ePID", 2L * (RequestBundle.MAX_RECORDS + RequestBundle.MAX_QUERIES));
            int epid = (int) (v >>> 1);
            if (epid <= previousEpid) {
                throw r.errorAt(f, epid == previousEpid ? "answers ePID " + epid + " twice"
                        : "is out of order; count results are sorted by ePID index");
            }
            previousEpid = epid;
            Optional<PartialProductKey> key = Optional.empty();
            if ((v & 1) == 1) {
                String text = new String(r.bytes(5, f + " partial key"), StandardCharsets.US_ASCII);
                try {
                    PartialProductKey k = PartialProductKey.parse(text);
                    if (!k.toString().equals(text)) {
                        throw r.errorAt(f + " partial key", "is not in upper case");
                    }
                    key = Optional.of(k);
                } catch (InvalidIdException e) {
                    throw r.errorAt(f + " partial key", "is not a partial product key: " + e.getMessage());
                }
            }
            long remaining = r.varint(f + " remaining", MAX_REMAINING);
            counts.add(new CountResult(epid, key, remaining));
        }
        r.end();
        return new ResponseBundle(signer, id, requestId, digest, created, answers, counts);
    }

    public int formatVersion() {
        return FORMAT_VERSION;
    }

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
