package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.signature.KeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The canonical bytes of a {@link ResponseBundle} (FORMAT.md, "Response payload"): writes them and reads them strictly. */
final class ResponseCodec {
    static final int CID_BYTES = 20;
    static final int CID_DIGITS = 48;

    private ResponseCodec() {}

    /** The canonical payload bytes. */
    static byte[] encode(ResponseBundle b) {
        WireWriter w = new WireWriter(100 + 25 * b.answers().size() + 8 * b.counts().size());
        w.bytes(b.signer().bytes());
        w.bytes(b.id().bytes());
        w.bytes(b.requestId().bytes());
        w.bytes(b.requestDigest());
        w.instant(b.created());
        w.varint(b.answers().size());
        for (ResponseBundle.Answer a : b.answers()) {
            w.int32(a.ref().value());
            if (a.outcome() instanceof ResponseBundle.Confirmed c) {
                w.varint(0);
                w.digits(c.cid().digits(), CID_BYTES);
            } else if (a.outcome() instanceof ResponseBundle.Failed f) {
                w.varint(1);
                w.varint(Integer.toUnsignedLong(f.code()));
                w.utf8(f.text());
            }
        }
        w.varint(b.counts().size());
        for (ResponseBundle.CountResult c : b.counts()) {
            w.flaggedPartialKey(c.epidIndex(), c.partialKey());
            w.varint(c.remaining());
        }
        return w.toByteArray();
    }

    /** Decodes canonical payload bytes, refusing anything that {@link #encode} would not write. */
    static ResponseBundle decode(byte[] payload) throws MalformedBundleException {
        WireReader r = new WireReader(payload, "response payload");
        KeyId signer = KeyId.of(r.bytes(KeyId.LENGTH, "signer key id"));
        BundleId id = BundleId.of(r.bytes(BundleId.LENGTH, "bundle id"));
        BundleId requestId = BundleId.of(r.bytes(BundleId.LENGTH, "request id"));
        byte[] digest = r.bytes(ResponseBundle.DIGEST_LENGTH, "request digest");
        Instant created = r.instant("created");
        List<ResponseBundle.Answer> answers = readAnswers(r);
        List<ResponseBundle.CountResult> counts = readCounts(r);
        r.end();
        return ResponseBundle.of(signer, id, requestId, digest, created, answers, counts);
    }

    private static List<ResponseBundle.Answer> readAnswers(WireReader r) throws MalformedBundleException {
        int na = r.count("answer count", RequestBundle.MAX_RECORDS, 4 + 1 + 1);
        List<ResponseBundle.Answer> answers = new ArrayList<>(na);
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
            ResponseBundle.Outcome outcome;
            if (tag == 0) {
                String digits = r.digits(CID_BYTES, CID_DIGITS, f + " CID");
                try {
                    outcome = new ResponseBundle.Confirmed(ConfirmationId.parse(digits));
                } catch (InvalidIdException e) {
                    throw new IllegalStateException("48 digits always parse", e);
                }
            } else {
                long code = r.varint(f + " error code", ResponseBundle.MAX_REMAINING);
                String text = r.utf8(f + " error text", Texts.MAX_ERROR_TEXT_BYTES);
                String p = Texts.problem(text, 0, Texts.MAX_ERROR_TEXT_BYTES, Texts.MAX_ERROR_TEXT_BYTES);
                if (p != null) {
                    throw r.errorAt(f + " error text", p);
                }
                outcome = new ResponseBundle.Failed((int) code, text);
            }
            answers.add(new ResponseBundle.Answer(ref, outcome));
        }
        return answers;
    }

    private static List<ResponseBundle.CountResult> readCounts(WireReader r) throws MalformedBundleException {
        int nc = r.count("count result count", RequestBundle.MAX_QUERIES, 2);
        List<ResponseBundle.CountResult> counts = new ArrayList<>(nc);
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
            Optional<PartialProductKey> key = (v & 1) == 1
                    ? Optional.of(r.partialKey(f + " partial key")) : Optional.empty();
            long remaining = r.varint(f + " remaining", ResponseBundle.MAX_REMAINING);
            counts.add(new ResponseBundle.CountResult(epid, key, remaining));
        }
        return counts;
    }
}
