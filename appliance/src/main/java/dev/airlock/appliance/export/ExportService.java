package dev.airlock.appliance.export;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.KeyAccess;
import dev.airlock.formats.bundle.CountQuery;
import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.Signer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Builds and signs request bundles from chosen products. */
final class ExportService {
    private final KeyService keys;
    private final Clock clock;
    private final RandomGenerator random;

    ExportService(KeyService keys, Clock clock, RandomGenerator random) {
        this.keys = keys;
        this.clock = clock;
        this.random = random;
    }

    /**
     * A signed request for {@code products}: each reduced to its {@link ExportRecord}, given a
     * random reference, signed with this appliance's key (unsealed with {@code passphrase}).
     */
    BuiltRequest buildRequest(List<Product> products, List<CountQuery> countQueries, KeyAccess passphrase,
            Actor actor) throws KeysException {
        if (products.isEmpty()) {
            throw new IllegalArgumentException("no products to export");
        }
        List<ExportRecord> records = new ArrayList<>(products.size());
        Map<ExportRecord, Long> productOf = new HashMap<>();
        for (Product p : products) {
            ExportRecord r = p.toExportRecord();
            Long earlier = productOf.putIfAbsent(r, p.id());
            if (earlier != null) {
                throw new IllegalArgumentException("products " + earlier + " and " + p.id()
                        + " would export the same record (same IID): resolve the conflict first");
            }
            records.add(r);
        }
        RequestBundle.Built built = RequestBundle.build(keys.publicKey().id(), records, countQueries,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), random);
        Signer signer = keys.signer(passphrase, actor); // after the build: a derivation started ahead has had longer
        SignedBundle signed = SignedBundle.sign(built.bundle(), keys.publicKey().id(), signer);
        Map<Reference, Long> ids = new HashMap<>();
        built.references().forEach((ref, record) -> ids.put(ref, productOf.get(record)));
        return new BuiltRequest(built.bundle(), signed, ids);
    }
}
