package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.signature.SigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic, made-up sample bundles (no real IDs or keys) shared by the bundle tests. */
final class BundleSamples {
    /** RFC 8032 section 7.1 TEST 1 seed: the lab key of every golden vector. */
    static final SigningKey LAB_KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    /** RFC 8032 section 7.1 TEST 2 seed: the gateway key. */
    static final SigningKey GATEWAY_KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    /** RFC 8032 TEST 3 seed: a key nobody trusts. */
    static final SigningKey OTHER_KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"));

    static final Instant CREATED = Instant.parse("2026-03-14T09:26:53Z");
    static final Instant ANSWERED = Instant.parse("2026-03-14T11:02:07Z");

    static final SkuId WIN_PRO = sku("2de67392-b7a7-462a-b1ca-108dd189f588");
    static final SkuId OFFICE_PP = sku("fbdb3e18-a8ef-4fb3-9183-dffd60bd0984");
    static final SkuId WIN7_PRO = sku("b92e9980-b9d5-4821-9c94-140f632f6312");
    static final ExtendedProductId EPID_WIN = epid("03612-03308-000-000000-03-1033-9200.0000-0242016");
    static final ExtendedProductId EPID_OFFICE = epid("06401-02508-000-000000-03-1033-19041.0000-0742016");
    static final ExtendedProductId EPID_WIN7 = epid("00371-00178-000-000000-03-1033-7601.0000-0242016");
    static final ExtendedProductId EPID_MAK_ONLY = epid("03612-03308-000-000001-03-1033-9200.0000-0242016");

    private BundleSamples() {}

    static SkuId sku(String s) {
        try {
            return SkuId.parse(s);
        } catch (InvalidIdException e) {
            throw new AssertionError(e);
        }
    }

    static ExtendedProductId epid(String s) {
        try {
            return ExtendedProductId.parse(s);
        } catch (InvalidIdException e) {
            throw new AssertionError(e);
        }
    }

    static InstallationId iid(String digits) {
        try {
            return InstallationId.parse(digits);
        } catch (InvalidIdException e) {
            throw new AssertionError(e);
        }
    }

    static ConfirmationId cid(String digits) {
        try {
            return ConfirmationId.parse(digits);
        } catch (InvalidIdException e) {
            throw new AssertionError(e);
        }
    }

    static PartialProductKey partial(String s) {
        try {
            return PartialProductKey.parse(s);
        } catch (InvalidIdException e) {
            throw new AssertionError(e);
        }
    }

    /** A made-up IID of {@code length} digits drawn from {@code random}. */
    static InstallationId iid(Random random, int length) {
        StringBuilder d = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            d.append((char) ('0' + random.nextInt(10)));
        }
        return iid(d.toString());
    }

    static ConfirmationId cid(Random random) {
        StringBuilder d = new StringBuilder(48);
        for (int i = 0; i < 48; i++) {
            d.append((char) ('0' + random.nextInt(10)));
        }
        return cid(d.toString());
    }

    /** Four records: two Windows 10+ (shared ePID), one Office, one Windows 7 (54-digit IID). */
    static List<ExportRecord> records() {
        Random r = new Random(7);
        return List.of(
                new ExportRecord(WIN_PRO, ApplicationId.WINDOWS, "Windows(R), Professional edition", EPID_WIN,
                        iid(r, 63)),
                new ExportRecord(WIN_PRO, ApplicationId.WINDOWS, "Windows(R), Professional edition", EPID_WIN,
                        iid(r, 63)),
                new ExportRecord(OFFICE_PP, ApplicationId.OFFICE, "Office 21, Office21ProPlus2021VL_MAK_AE edition",
                        EPID_OFFICE, iid(r, 63)),
                new ExportRecord(WIN7_PRO, ApplicationId.WINDOWS, "Windows(R) 7, Professional edition", EPID_WIN7,
                        iid(r, 54)));
    }

    /** {@code n} Windows records sharing one product and one ePID. */
    static List<ExportRecord> sameProduct(int n, long seed) {
        Random r = new Random(seed);
        List<ExportRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ExportRecord(WIN_PRO, ApplicationId.WINDOWS, "Windows(R), Professional edition", EPID_WIN,
                    iid(r, 63)));
        }
        return out;
    }

    static List<CountQuery> queries() {
        return List.of(CountQuery.of(EPID_MAK_ONLY, partial("7JT3V")), CountQuery.of(EPID_WIN));
    }

    /** The golden request: {@link #records()} and {@link #queries()}, seeded, signed by the lab key. */
    static RequestBundle.Built request() {
        return RequestBundle.build(LAB_KEY.publicKey().id(), records(), queries(), CREATED, new Random(42));
    }

    static SignedBundle signedRequest() {
        return SignedBundle.sign(request().bundle(), LAB_KEY);
    }

    /** The golden response to {@link #signedRequest()}: three CIDs, one error, two counts. */
    static SignedBundle signedResponse(SignedBundle request) throws MalformedBundleException {
        RequestBundle req = request.request();
        Random r = new Random(9);
        Map<Reference, ResponseBundle.Outcome> outcomes = new LinkedHashMap<>();
        List<RequestBundle.Entry> recs = req.records();
        for (int i = 0; i < recs.size(); i++) {
            outcomes.put(recs.get(i).ref(), i == 2 ? new ResponseBundle.Failed(0x7F, "MAK blocked (0x7F)")
                    : new ResponseBundle.Confirmed(cid(r)));
        }
        List<ResponseBundle.CountResult> counts = new ArrayList<>();
        for (RequestBundle.Query q : req.queries()) {
            counts.add(new ResponseBundle.CountResult(q.epid(), q.partialKey(), 487));
        }
        return SignedBundle.sign(ResponseBundle.answering(request, GATEWAY_KEY.publicKey().id(), ANSWERED,
                new Random(43), outcomes, counts), GATEWAY_KEY);
    }

    static SignedBundle signedCard() {
        return SignedBundle.sign(KeyCard.of(KeyCard.Role.LAB, "Lab appliance A", LAB_KEY, CREATED), LAB_KEY);
    }
}
