package dev.airlock.formats.qr;

import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.signature.SigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Signed request and response envelopes of n records, built with the bundle package, for the
 * density bench: one product, a random 63-digit IID per machine, and either a distinct ePID per
 * machine or one ePID shared by all (the two ends of what a lab sends). Distinct ePIDs are those
 * of one MAK, as in a lab: they differ only in the install date (FORMAT.md, "ePID table").
 */
final class RealBundles {
    private static final Instant CREATED = Instant.parse("2026-01-15T09:30:00Z");

    private final SigningKey lab = SigningKey.fromSeed(new byte[32]);
    private final SigningKey gateway = SigningKey.fromSeed(QrSamples.seeded(1, 32));

    /** The signed request envelope bytes for {@code n} machines. */
    byte[] request(int n, boolean distinctEpids) throws Exception {
        return signedRequest(n, distinctEpids).envelope();
    }

    /** The signed response envelope bytes answering {@code n} machines with a CID each. */
    byte[] response(int n) throws Exception {
        SignedBundle request = signedRequest(n, true);
        Random random = new Random(n + 1000);
        Map<Reference, ResponseBundle.Outcome> outcomes = new LinkedHashMap<>();
        for (RequestBundle.Entry entry : request.request().records()) {
            outcomes.put(entry.ref(), new ResponseBundle.Confirmed(ConfirmationId.parse(digits(random, 48))));
        }
        return SignedBundle.sign(ResponseBundle.answering(request, gateway.publicKey().id(), CREATED,
                new Random(n + 2000), outcomes, List.of()), gateway).envelope();
    }

    private SignedBundle signedRequest(int n, boolean distinctEpids) throws Exception {
        Random random = new Random(n);
        SkuId sku = SkuId.parse("2de67392-b7a7-462a-b1ca-108dd189f588");
        List<ExportRecord> records = new ArrayList<>(n);
        ExtendedProductId shared = ExtendedProductId.parse("03612-03308-000-000000-03-1033-9200.0000-0242016");
        Set<String> dates = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ExtendedProductId epid = shared;
            if (distinctEpids) {
                // one MAK, so everything but the install date is shared: a distinct day 1-365 of 2020-2026 each
                String date;
                do {
                    date = String.format(Locale.ROOT, "%03d%04d", 1 + random.nextInt(365), 2020 + random.nextInt(7));
                } while (!dates.add(date));
                epid = ExtendedProductId.parse("03612-03308-000-000000-03-1033-9200.0000-" + date);
            }
            records.add(new ExportRecord(sku, ApplicationId.WINDOWS, "Windows(R), Professional edition", epid,
                    InstallationId.parse(digits(random, 63))));
        }
        return SignedBundle.sign(RequestBundle.build(lab.publicKey().id(), records, List.of(), CREATED,
                new Random(n + 3000)).bundle(), lab);
    }

    private static String digits(Random random, int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
