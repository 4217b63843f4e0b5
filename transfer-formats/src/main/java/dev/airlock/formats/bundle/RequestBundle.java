package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.signature.KeyId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A request bundle (lab to gateway): installation IDs to activate, with the product and ePID
 * tables they refer to, and optional MAK-count queries. Built only from {@link ExportRecord}s
 * ({@link #build}) or read from a signed bundle ({@link SignedBundle#request()}); the bytes are
 * FORMAT.md's "Request payload", written and read by the package's codec.
 */
public final class RequestBundle implements BundleContent {
    /** Format version of the canonical encoding. */
    public static final int FORMAT_VERSION = 1;
    /** Most records in one bundle. */
    public static final int MAX_RECORDS = 20_000;
    /** Most distinct products in one bundle. */
    public static final int MAX_PRODUCTS = 1_000;
    /** Most count queries in one bundle. */
    public static final int MAX_QUERIES = 1_000;

    /** One record: a random reference, indexes into the tables, and the IID. */
    public record Entry(Reference ref, int product, int epid, InstallationId iid) {
        public Entry {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(iid, "iid");
        }
    }

    /** One MAK-count query: an index into the ePID table and, optionally, the MAK's partial key. */
    public record Query(int epid, Optional<PartialProductKey> partialKey) {
        public Query {
            Objects.requireNonNull(partialKey, "partialKey");
        }
    }

    /** What {@link #build} returns: the bundle, and the reference map the lab keeps (never exported). */
    public record Built(RequestBundle bundle, Map<Reference, ExportRecord> references) {
        public Built {
            references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
        }
    }

    private final KeyId signer;
    private final BundleId id;
    private final Instant created;
    private final List<Product> products;
    private final List<ExtendedProductId> epids;
    private final List<Entry> records;
    private final List<Query> queries;

    private RequestBundle(KeyId signer, BundleId id, Instant created, List<Product> products,
            List<ExtendedProductId> epids, List<Entry> records, List<Query> queries) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.id = Objects.requireNonNull(id, "id");
        this.created = Objects.requireNonNull(created, "created");
        this.products = List.copyOf(products);
        this.epids = List.copyOf(epids);
        this.records = List.copyOf(records);
        this.queries = List.copyOf(queries);
    }

    /** A request of tables already in canonical order (the builder's and the decoder's result). */
    static RequestBundle of(KeyId signer, BundleId id, Instant created, List<Product> products,
            List<ExtendedProductId> epids, List<Entry> records, List<Query> queries) {
        return new RequestBundle(signer, id, created, products, epids, records, queries);
    }

    /**
     * Builds a request from export records: dedupes products and ePIDs into tables, draws a
     * unique random reference per record, orders everything canonically.
     *
     * @param signer  the key id of the lab key that will sign it
     * @param created when; truncated to whole seconds
     * @param random  source of the bundle id and references (inject a seeded one in tests)
     */
    public static Built build(KeyId signer, List<ExportRecord> records, List<CountQuery> queries, Instant created,
            RandomGenerator random) {
        return RequestBuilder.build(signer, records, queries, created, random);
    }

    @Override
    public BundleKind kind() {
        return BundleKind.REQUEST;
    }

    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** The key id of the lab key that signs (signed) this request. */
    @Override
    public KeyId signer() {
        return signer;
    }

    public BundleId id() {
        return id;
    }

    /** When the bundle was made, UTC, whole seconds. */
    public Instant created() {
        return created;
    }

    public List<Product> products() {
        return products;
    }

    /** The distinct ePIDs of records and count queries, in the canonical order of FORMAT.md ("ePID table"). */
    public List<ExtendedProductId> epids() {
        return epids;
    }

    /** Records sorted by reference. */
    public List<Entry> records() {
        return records;
    }

    /** Count queries sorted by ePID index. */
    public List<Query> queries() {
        return queries;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestBundle b && signer.equals(b.signer) && id.equals(b.id) && created.equals(b.created)
                && products.equals(b.products) && epids.equals(b.epids) && records.equals(b.records)
                && queries.equals(b.queries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signer, id, created, products, epids, records, queries);
    }

    @Override
    public String toString() {
        return "request " + id.shortId() + " (" + records.size() + " records, " + queries.size() + " count queries)";
    }
}
