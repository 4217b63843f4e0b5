package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Random valid bundles survive encode → decode, envelope → parse and file → read unchanged. */
class RoundTripPropertiesTest {
    private static final String[] NAMES = {"Windows(R), Professional edition", "Office 21, Office21ProPlus2021VL_MAK_AE edition",
            "Windows(R), Enterprise édition ünïcödé 企業版", "X"};

    static List<ExportRecord> randomRecords(Random r, int n, int products, int epids) throws InvalidIdException {
        List<SkuId> skus = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            skus.add(SkuId.parse(String.format("%08x-0000-4000-8000-%012x", r.nextInt(), (long) i)));
        }
        List<ExtendedProductId> eps = new ArrayList<>();
        for (int i = 0; i < epids; i++) {
            eps.add(ExtendedProductId.parse(String.format("%05d-%05d-000-%06d-03-1033-%d.%04d-%07d", r.nextInt(99999),
                    r.nextInt(99999), i, r.nextInt(30000), r.nextInt(9999), r.nextInt(9999999))));
        }
        ApplicationId[] apps = {ApplicationId.WINDOWS, ApplicationId.OFFICE, ApplicationId.OFFICE_2010,
                ApplicationId.parse("11111111-2222-3333-4444-555555555555")};
        List<ExportRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = r.nextInt(products);
            out.add(new ExportRecord(skus.get(p), apps[p % apps.length], NAMES[p % NAMES.length],
                    eps.get(r.nextInt(epids)), BundleSamples.iid(r, r.nextBoolean() ? 63 : 54)));
        }
        return out;
    }

    @Property(tries = 200)
    void request_encodeDecode_isIdentity(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 5) int products, @ForAll @IntRange(min = 1, max = 12) int epids,
            @ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds) throws Exception {
        Random r = new Random(seed);
        List<ExportRecord> records = randomRecords(r, n, products, epids);
        List<CountQuery> queries = r.nextBoolean() ? List.of()
                : List.of(CountQuery.of(records.get(0).epid(), BundleSamples.partial("BCDFG")),
                        CountQuery.of(BundleSamples.EPID_MAK_ONLY));
        RequestBundle.Built built = RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(), records, queries,
                Instant.ofEpochSecond(seconds), r);
        RequestBundle b = built.bundle();
        assertThat(RequestCodec.decode(RequestCodec.encode(b))).isEqualTo(b);
        assertThat(built.references()).hasSize(n);
        // every reference maps back to its export record
        for (RequestBundle.Entry e : b.records()) {
            ExportRecord x = built.references().get(e.ref());
            assertThat(e.iid()).isEqualTo(x.iid());
            assertThat(b.epids().get(e.epid())).isEqualTo(x.epid());
            assertThat(b.products().get(e.product()).sku()).isEqualTo(x.sku());
        }
        SignedBundle signed = SignedBundle.sign(b, BundleSamples.LAB_KEY);
        SignedBundle parsed = SignedBundle.parse(signed.envelope());
        assertThat(parsed).isEqualTo(signed);
        assertThat(parsed.request()).isEqualTo(b);
        parsed.verify(BundleSamples.LAB_KEY.publicKey());
    }

    @Property(tries = 100)
    void response_encodeDecode_isIdentity(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n)
            throws Exception {
        Random r = new Random(seed);
        SignedBundle request = SignedBundle.sign(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(),
                randomRecords(r, n, 2, 3), List.of(CountQuery.of(BundleSamples.EPID_MAK_ONLY)),
                BundleSamples.CREATED, r).bundle(), BundleSamples.LAB_KEY);
        Map<Reference, ResponseBundle.Outcome> outcomes = new LinkedHashMap<>();
        for (RequestBundle.Entry e : request.request().records()) {
            if (r.nextInt(5) == 0) {
                continue; // not every record need be answered
            }
            outcomes.put(e.ref(), r.nextBoolean() ? new ResponseBundle.Confirmed(BundleSamples.cid(r))
                    : new ResponseBundle.Failed(r.nextInt(), r.nextBoolean() ? "" : "blocked ✗ " + r.nextInt()));
        }
        int queried = request.request().queries().get(0).epid();
        ResponseBundle b = ResponseBundle.answering(request, BundleSamples.GATEWAY_KEY.publicKey().id(),
                BundleSamples.ANSWERED, r, outcomes, List.of(new ResponseBundle.CountResult(queried,
                        java.util.Optional.empty(), r.nextLong(0, 0xFFFF_FFFFL))));
        assertThat(ResponseCodec.decode(ResponseCodec.encode(b))).isEqualTo(b);
        SignedBundle signed = SignedBundle.sign(b, BundleSamples.GATEWAY_KEY);
        SignedBundle parsed = SignedBundle.parse(signed.envelope());
        assertThat(parsed.response()).isEqualTo(b);
        parsed.response().checkAnswers(request);
        assertThat(BundleFile.read(BundleFile.write(signed, BundleSamples.GATEWAY_KEY.publicKey()))).isEqualTo(signed);
    }

    @Property(tries = 50)
    void request_fileWriteRead_isIdentity(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n)
            throws Exception {
        Random r = new Random(seed);
        SignedBundle signed = SignedBundle.sign(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(),
                randomRecords(r, n, 3, 4), List.of(), BundleSamples.CREATED, r).bundle(), BundleSamples.LAB_KEY);
        assertThat(BundleFile.read(BundleFile.write(signed, BundleSamples.LAB_KEY.publicKey()))).isEqualTo(signed);
    }
}
