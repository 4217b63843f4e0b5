package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sizes that QR density depends on: bytes per record, and how many fit in a 666-byte (v20-M) symbol. */
class DensityTest {
    static final int V20_M_BYTES = 666;

    static SignedBundle request(int n) {
        return SignedBundle.sign(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(),
                BundleSamples.sameProduct(n, n), List.of(), Instant.parse("2026-01-01T00:00:00Z"), new Random(n))
                .bundle(), BundleSamples.LAB_KEY);
    }

    static SignedBundle response(int n) throws MalformedBundleException {
        SignedBundle req = request(n);
        Map<Reference, ResponseBundle.Outcome> out = new LinkedHashMap<>();
        Random r = new Random(n);
        req.request().records().forEach(e -> out.put(e.ref(), new ResponseBundle.Confirmed(BundleSamples.cid(r))));
        return SignedBundle.sign(ResponseBundle.answering(req, BundleSamples.GATEWAY_KEY.publicKey().id(),
                Instant.parse("2026-01-01T01:00:00Z"), r, out, List.of()), BundleSamples.GATEWAY_KEY);
    }

    /** How the ePIDs of a request's machines differ (all of one MAK: platform, key group and serial are shared). */
    enum Epids {
        /** One ePID for every machine. */
        SHARED,
        /** Each machine its own install date (day 1-365 of 2020-2026, all distinct); build 19041 for all. */
        DISTINCT_DATES,
        /** Distinct install dates, and the build that was current on that date (7 builds over the years). */
        DATES_AND_BUILD_OF_THE_DAY,
        /** Distinct install dates, and a build drawn independently of the date from those 7: a worst case. */
        DATES_AND_RANDOM_BUILD
    }

    /** Windows 10/11 builds and the (year, day of year) from which each was installed. */
    private static final int[][] BUILDS = {{19041, 2020, 1}, {19042, 2020, 294}, {19043, 2021, 139},
            {22000, 2021, 278}, {22621, 2022, 263}, {22631, 2023, 304}, {26100, 2024, 275}};

    /** {@code n} machines of one product and one MAK whose ePIDs differ as {@code how} says. */
    static List<ExportRecord> oneMak(int n, Epids how) {
        Random r = new Random(n * 31L + how.ordinal());
        Set<Integer> dates = new HashSet<>();
        List<ExportRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int year;
            int day;
            do {
                year = 2020 + r.nextInt(7);
                day = 1 + r.nextInt(365);
            } while (how != Epids.SHARED && !dates.add(year * 1000 + day));
            int build = switch (how) {
                case SHARED, DISTINCT_DATES -> 19041;
                case DATES_AND_RANDOM_BUILD -> BUILDS[r.nextInt(BUILDS.length)][0];
                case DATES_AND_BUILD_OF_THE_DAY -> {
                    int b = BUILDS[0][0];
                    for (int[] row : BUILDS) {
                        if (year * 1000 + day >= row[1] * 1000 + row[2]) {
                            b = row[0];
                        }
                    }
                    yield b;
                }
            };
            ExtendedProductId epid = how == Epids.SHARED ? BundleSamples.EPID_WIN : BundleSamples.epid(String.format(
                    Locale.ROOT, "03612-03308-000-000000-03-1033-%d.0000-%03d%04d", build, day, year));
            out.add(new ExportRecord(BundleSamples.WIN_PRO, ApplicationId.WINDOWS, "Windows(R), Professional edition",
                    epid, BundleSamples.iid(r, 63)));
        }
        return out;
    }

    static SignedBundle request(int n, Epids how) {
        return SignedBundle.sign(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(), oneMak(n, how), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"), new Random(n)).bundle(), BundleSamples.LAB_KEY);
    }

    /** Records per v20-M QR frame when {@code n} records are sent as real frames (8-byte trailer included). */
    static double recordsPerFrame(int n, SignedBundle b) {
        return n / (double) QrEncoder.frameCountFor(b.envelope().length, QrOptions.defaults());
    }

    @Test
    void twoHundredMachines_ownEpidEach_differingOnlyInInstallDate_atLeast17PerFrame() throws Exception {
        SignedBundle b = request(200, Epids.DISTINCT_DATES);
        assertThat(b.request().epids()).hasSize(200);
        assertThat(recordsPerFrame(200, b)).isGreaterThanOrEqualTo(17);
        assertThat(SignedBundle.parse(b.envelope())).isEqualTo(b);
    }

    @Test
    void twoHundredMachines_ownEpidEach_differingInBuildAndInstallDate_atLeast17PerFrame() throws Exception {
        SignedBundle b = request(200, Epids.DATES_AND_BUILD_OF_THE_DAY);
        assertThat(b.request().epids()).hasSize(200);
        assertThat(b.request().epids().stream().map(e -> e.toString().split("-")[6]).distinct()).hasSize(7);
        assertThat(recordsPerFrame(200, b)).isGreaterThanOrEqualTo(17);
        assertThat(SignedBundle.parse(b.envelope())).isEqualTo(b);
    }

    @Test
    void twoHundredMachines_sharedEpid_andResponses_meetTheTargetsInRealFrames() throws Exception {
        assertThat(recordsPerFrame(200, request(200, Epids.SHARED))).isGreaterThanOrEqualTo(17);
        assertThat(recordsPerFrame(200, response(200))).isGreaterThanOrEqualTo(24);
    }

    @Test
    void epidTableEntry_afterTheFirst_costsOneByte_whenOnlyTheInstallDayMovesALittle() {
        // 1 product; a second ePID of the same MAK installed 10 days later: 1 table byte, and slots stay 1 byte
        List<ExportRecord> one = BundleSamples.sameProduct(2, 5);
        List<ExportRecord> two = List.of(one.get(0), new ExportRecord(one.get(1).sku(), one.get(1).app(),
                one.get(1).productName(), BundleSamples.epid("03612-03308-000-000000-03-1033-9200.0000-0342016"),
                one.get(1).iid()));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        byte[] a = RequestCodec.encode(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(), one, List.of(), t,
                new Random(1)).bundle());
        byte[] b = RequestCodec.encode(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(), two, List.of(), t,
                new Random(1)).bundle());
        assertThat(b.length - a.length).isEqualTo(1);
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
        System.out.println();
        System.out.println("| request, 1 product | per record (10->200) | 200 records | v20-M frames | records/frame |");
        System.out.println("|---|---|---|---|---|");
        for (Epids how : Epids.values()) {
            SignedBundle b10 = request(10, how);
            SignedBundle b200 = request(200, how);
            System.out.printf(Locale.ROOT, "| %s | %.2f B | %d B | %d | %.1f |%n", how,
                    (b200.envelope().length - b10.envelope().length) / 190.0, b200.envelope().length,
                    QrEncoder.frameCountFor(b200.envelope().length, QrOptions.defaults()), recordsPerFrame(200, b200));
        }
        SignedBundle r200 = response(200);
        System.out.printf(Locale.ROOT, "| response | %.2f B | %d B | %d | %.1f |%n",
                (r200.envelope().length - response(10).envelope().length) / 190.0, r200.envelope().length,
                QrEncoder.frameCountFor(r200.envelope().length, QrOptions.defaults()), recordsPerFrame(200, r200));
    }
}
