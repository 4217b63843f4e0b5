package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.signature.KeyId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** Builds a {@link RequestBundle} from export records: its tables, references and canonical order. */
final class RequestBuilder {
    private RequestBuilder() {}

    /** See {@link RequestBundle#build}. */
    static RequestBundle.Built build(KeyId signer, List<ExportRecord> records, List<CountQuery> queries,
            Instant created, RandomGenerator random) {
        if (records.isEmpty() && queries.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one record or count query");
        }
        if (records.size() > RequestBundle.MAX_RECORDS) {
            throw new IllegalArgumentException("at most " + RequestBundle.MAX_RECORDS
                    + " records fit in one request, got " + records.size() + "; export in several bundles");
        }
        if (queries.size() > RequestBundle.MAX_QUERIES) {
            throw new IllegalArgumentException("at most " + RequestBundle.MAX_QUERIES
                    + " count queries fit in one request");
        }
        CreatedTime.check(created.truncatedTo(ChronoUnit.SECONDS));
        BundleId id = BundleId.random(random);
        // step 1: a unique random reference per record, then records in reference order
        Map<Reference, ExportRecord> byRef = new HashMap<>();
        for (ExportRecord r : records) {
            Objects.requireNonNull(r, "record");
            Reference ref;
            do {
                ref = new Reference(random.nextInt());
            } while (byRef.containsKey(ref));
            byRef.put(ref, r);
        }
        List<Reference> refs = new ArrayList<>(byRef.keySet());
        refs.sort(null);
        // step 2: products in order of first use; ePIDs (of records and queries) sorted (EpidTable)
        Set<ExtendedProductId> asked = new HashSet<>();
        for (CountQuery q : queries) {
            Objects.requireNonNull(q, "query");
            if (!asked.add(q.epid())) {
                throw new IllegalArgumentException("two count queries for the same ePID " + q.epid());
            }
        }
        List<ExtendedProductId> epidTable = EpidTable.sorted(Stream.concat(
                records.stream().map(ExportRecord::epid), queries.stream().map(CountQuery::epid)).toList());
        Map<ExtendedProductId, Integer> epidIndex = new HashMap<>();
        for (ExtendedProductId e : epidTable) {
            epidIndex.put(e, epidIndex.size());
        }
        Map<Product, Integer> productIndex = new LinkedHashMap<>();
        List<RequestBundle.Entry> entries = new ArrayList<>(records.size());
        Map<Reference, ExportRecord> map = new LinkedHashMap<>();
        for (Reference ref : refs) {
            ExportRecord r = byRef.get(ref);
            int p = productIndex.computeIfAbsent(new Product(r.sku(), r.app(), r.productName()),
                    k -> productIndex.size());
            entries.add(new RequestBundle.Entry(ref, p, epidIndex.get(r.epid()), r.iid()));
            map.put(ref, r);
        }
        // step 3: queries, sorted by ePID index
        List<RequestBundle.Query> qs = new ArrayList<>(queries.size());
        for (CountQuery q : queries) {
            qs.add(new RequestBundle.Query(epidIndex.get(q.epid()), q.partialKey()));
        }
        qs.sort((a, b) -> Integer.compare(a.epid(), b.epid()));
        if (productIndex.size() > RequestBundle.MAX_PRODUCTS) {
            throw new IllegalArgumentException("at most " + RequestBundle.MAX_PRODUCTS
                    + " distinct products fit in one request");
        }
        RequestBundle bundle = RequestBundle.of(signer, id, created.truncatedTo(ChronoUnit.SECONDS),
                new ArrayList<>(productIndex.keySet()), epidTable, entries, qs);
        return new RequestBundle.Built(bundle, map);
    }
}
