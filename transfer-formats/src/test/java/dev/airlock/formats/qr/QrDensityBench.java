package dev.airlock.formats.qr;

import com.sparrowwallet.hummingbird.UR;
import com.sparrowwallet.hummingbird.UREncoder;
import java.util.Locale;

/**
 * Bench (not a test): payload efficiency at v20-M and frame counts for 10/50/200-record request
 * and response bundles, ours beside hummingbird's UR encoder (bytewords in alphanumeric mode) at
 * the same QR version and level. See {@link BenchSupport} to run.
 */
public final class QrDensityBench {
    /** Size model from the brief when real bundles cannot be built: bytes per record + envelope overhead. */
    private static final int REQUEST_RECORD = 34;
    private static final int REQUEST_OVERHEAD = 100;
    private static final int RESPONSE_RECORD = 25;
    private static final int RESPONSE_OVERHEAD = 120;
    private static final int[] RECORDS = {10, 50, 200};

    private QrDensityBench() {
    }

    public static void main(String[] args) throws Exception {
        QrOptions options = QrOptions.defaults();
        int perFrame = QrEncoder.bytesPerFrame(options);
        System.out.printf(Locale.ROOT, "Density at %s: numeric capacity %d digits, byte capacity %d, alphanumeric %d%n",
                options, options.numericCapacity(), options.byteCapacity(), options.alphanumericCapacity());
        System.out.printf(Locale.ROOT, "  bundle bytes per full frame: %d; payload efficiency %d/%d = %.4f  [target >= 0.97] %s%n",
                perFrame, perFrame, options.byteCapacity(), perFrame / (double) options.byteCapacity(),
                perFrame >= 0.97 * options.byteCapacity() ? "OK" : "MISSED");
        System.out.printf(Locale.ROOT, "  records per frame by the size model: request %d (%d B), response %d (%d B)%n",
                perFrame / REQUEST_RECORD, REQUEST_RECORD, perFrame / RESPONSE_RECORD, RESPONSE_RECORD);

        RealBundles real = new RealBundles();
        boolean realOk = true;
        try {
            marginal("request, distinct-date ePIDs", real.request(10, true).length, real.request(200, true).length, perFrame);
            marginal("request, shared ePID", real.request(10, false).length, real.request(200, false).length, perFrame);
            marginal("response, CIDs", real.response(10).length, real.response(200).length, perFrame);
        } catch (Exception | LinkageError e) {
            realOk = false;
            System.out.println("  real bundles unavailable (" + e + "); table uses the size model only");
        }

        System.out.println();
        System.out.println("| bundle | records | bytes | Airlock frames | UR (hummingbird) frames | UR max fragment |");
        System.out.println("|---|---|---|---|---|---|");
        for (String kind : new String[] {"request", "response"}) {
            for (int n : RECORDS) {
                int modelled = kind.equals("request") ? REQUEST_OVERHEAD + REQUEST_RECORD * n
                        : RESPONSE_OVERHEAD + RESPONSE_RECORD * n;
                row(kind + " (model)", n, QrSamples.seeded(n, modelled), options);
                if (realOk && kind.equals("request")) {
                    row("request (real, distinct-date ePIDs)", n, real.request(n, true), options);
                    row("request (real, shared ePID)", n, real.request(n, false), options);
                } else if (realOk) {
                    row("response (real)", n, real.response(n), options);
                }
            }
        }
    }

    /** Prints the per-record cost and records per frame of a real envelope from its 10- and 200-record sizes. */
    private static void marginal(String what, int size10, int size200, int perFrame) {
        double perRecord = (size200 - size10) / 190.0;
        double overhead = size10 - 10 * perRecord;
        System.out.printf(Locale.ROOT, "  real %s: %.1f B/record + %.0f B envelope; %d records fit one frame, "
                + "%d per full frame in a multi-frame bundle%n", what, perRecord, overhead,
                (int) ((perFrame - 8 - overhead) / perRecord), (int) (perFrame / perRecord));
    }

    private static void row(String kind, int records, byte[] bundle, QrOptions options) throws Exception {
        QrEncoder ours = new QrEncoder(bundle, options);
        int[] ur = urFrames(bundle, options.alphanumericCapacity());
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %s |%n", kind, records, bundle.length,
                ours.frameCount(), ur[0], ur[0] == 1 ? "single part" : Integer.toString(ur[1]));
    }

    /**
     * Hummingbird's pure-part count for {@code bundle}, with the largest max fragment length whose
     * parts (upper-cased, as QR alphanumeric mode needs) all fit {@code alphanumericCapacity}.
     *
     * @return {seqLen, maxFragmentLen}
     */
    static int[] urFrames(byte[] bundle, int alphanumericCapacity) throws Exception {
        UR ur = UR.fromBytes(bundle);
        int low = 10;
        int high = alphanumericCapacity; // bytewords take two letters per byte, so this is far too high
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (fits(ur, mid, alphanumericCapacity)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (!fits(ur, low, alphanumericCapacity)) {
            throw new AssertionError("no UR fragment length fits " + alphanumericCapacity + " characters");
        }
        return new int[] {new UREncoder(ur, low, 10, 0).getSeqLen(), low};
    }

    private static boolean fits(UR ur, int maxFragmentLen, int capacity) {
        UREncoder encoder = new UREncoder(ur, maxFragmentLen, 10, 0);
        for (int i = 0; i < encoder.getSeqLen(); i++) {
            String part = encoder.nextPart().toUpperCase(Locale.ROOT);
            if (part.length() > capacity || !part.chars().allMatch(c -> "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
