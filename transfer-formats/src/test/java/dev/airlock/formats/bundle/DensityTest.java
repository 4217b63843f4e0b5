package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sizes that QR density depends on: bytes per record, and how many fit in a 666-byte (v20-M) symbol. */
class DensityTest {
    static final int V20_M_BYTES = 666;

    static SignedBundle request(int n) {
        return RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(), BundleSamples.sameProduct(n, n),
                List.of(), Instant.parse("2026-01-01T00:00:00Z"), new Random(n)).bundle().sign(BundleSamples.LAB_KEY);
    }

    static SignedBundle response(int n) throws MalformedBundleException {
        SignedBundle req = request(n);
        Map<Reference, ResponseBundle.Outcome> out = new LinkedHashMap<>();
        Random r = new Random(n);
        req.request().records().forEach(e -> out.put(e.ref(), new ResponseBundle.Confirmed(BundleSamples.cid(r))));
        return ResponseBundle.answering(req, BundleSamples.GATEWAY_KEY.publicKey().id(),
                Instant.parse("2026-01-01T01:00:00Z"), r, out, List.of()).sign(BundleSamples.GATEWAY_KEY);
    }

    @Test
    void requestRecord_costs32Bytes_andResponseAnswer_25() throws Exception {
        assertThat(request(101).envelope().length - request(100).envelope().length).isEqualTo(32);
        assertThat(response(101).envelope().length - response(100).envelope().length).isEqualTo(25);
    }

    @Test
    void manyRecords_averageAtLeast17RequestAnd24ResponseRecordsPer666Bytes() throws Exception {
        // spread over frames the fixed part is paid once; allow 12 bytes per frame for the QR layer's header
        int n = 200;
        double requestFrames = Math.ceil(request(n).envelope().length / (double) (V20_M_BYTES - 12));
        double responseFrames = Math.ceil(response(n).envelope().length / (double) (V20_M_BYTES - 12));
        assertThat(n / requestFrames).isGreaterThanOrEqualTo(17);
        assertThat(n / responseFrames).isGreaterThanOrEqualTo(24);
    }

    /** Prints the size table for the report. */
    public static void main(String[] args) throws Exception {
        int singleRequest = 0;
        int singleResponse = 0;
        while (request(singleRequest + 1).envelope().length <= V20_M_BYTES) {
            singleRequest++;
        }
        while (response(singleResponse + 1).envelope().length <= V20_M_BYTES) {
            singleResponse++;
        }
        System.out.printf("one 666-byte envelope holds %d request records / %d response answers%n", singleRequest,
                singleResponse);
        System.out.printf("request fixed part (1 product, 1 ePID): %d bytes; response fixed part: %d bytes%n",
                request(1).envelope().length - 32, response(1).envelope().length - 25);
        for (int n : new int[] {10, 17, 24, 50, 200, 10_000}) {
            System.out.printf("n=%5d request %7d bytes  response %7d bytes%n", n, request(n).envelope().length,
                    response(n).envelope().length);
        }
    }
}
