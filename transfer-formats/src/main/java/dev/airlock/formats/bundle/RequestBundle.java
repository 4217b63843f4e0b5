package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A request bundle (lab to gateway): installation IDs to activate, with the product and ePID
 * tables they refer to, and optional MAK-count queries. Built only from {@link ExportRecord}s
 * ({@link #build}) or decoded from signed bytes ({@link #decode}); see FORMAT.md for the bytes.
 */
public final class RequestBundle {
    /** Format version of the canonical encoding. */
    public static final int FORMAT_VERSION = 1;
    /** Most records in one bundle. */
    public static final int MAX_RECORDS = 20_000;
    /** Most distinct products in one bundle. */
    public static final int MAX_PRODUCTS = 1_000;
    /** Most count queries in one bundle. */
    public static final int MAX_QUERIES = 1_000;
    static final int MAX_EPID_CHARS = 80;
    static final int IID_LONG_DIGITS = 63;
    static final int IID_LONG_BYTES = 27;
    static final int IID_SHORT_DIGITS = 54;
    static final int IID_SHORT_BYTES = 23;

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
            references = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
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
        if (records.isEmpty() && queries.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one record or count query");
        }
        if (records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("at most " + MAX_RECORDS + " records fit in one request, got "
                    + records.size() + "; export in several bundles");
        }
        if (queries.size() > MAX_QUERIES) {
            throw new IllegalArgumentException("at most " + MAX_QUERIES + " count queries fit in one request");
        }
        checkCreated(created.truncatedTo(ChronoUnit.SECONDS));
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
        List<ExtendedProductId> epidTable = EpidTable.sorted(java.util.stream.Stream.concat(
                records.stream().map(ExportRecord::epid), queries.stream().map(CountQuery::epid)).toList());
        Map<ExtendedProductId, Integer> epidIndex = new HashMap<>();
        for (ExtendedProductId e : epidTable) {
            epidIndex.put(e, epidIndex.size());
        }
        Map<Product, Integer> productIndex = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>(records.size());
        Map<Reference, ExportRecord> map = new LinkedHashMap<>();
        for (Reference ref : refs) {
            ExportRecord r = byRef.get(ref);
            int p = productIndex.computeIfAbsent(new Product(r.sku(), r.app(), r.productName()),
                    k -> productIndex.size());
            entries.add(new Entry(ref, p, epidIndex.get(r.epid()), r.iid()));
            map.put(ref, r);
        }
        // step 3: queries, sorted by ePID index
        List<Query> qs = new ArrayList<>(queries.size());
        for (CountQuery q : queries) {
            qs.add(new Query(epidIndex.get(q.epid()), q.partialKey()));
        }
        qs.sort((a, b) -> Integer.compare(a.epid(), b.epid()));
        if (productIndex.size() > MAX_PRODUCTS) {
            throw new IllegalArgumentException("at most " + MAX_PRODUCTS + " distinct products fit in one request");
        }
        RequestBundle bundle = new RequestBundle(signer, id, created.truncatedTo(ChronoUnit.SECONDS),
                new ArrayList<>(productIndex.keySet()), epidTable, entries, qs);
        return new Built(bundle, map);
    }

    static void checkCreated(Instant created) {
        if (created.getEpochSecond() < 0 || created.getEpochSecond() > WireReader.MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException("created time " + created + " is outside 1970..9999");
        }
    }

    /** Signs this request with the lab key whose id it names. */
    public SignedBundle sign(SigningKey key) {
        return SignedBundle.sign(BundleKind.REQUEST, encode(), key);
    }

    // --- canonical encoding -------------------------------------------------------------------

    /** The canonical payload bytes (FORMAT.md, "Request payload"). */
    public byte[] encode() {
        WireWriter w = new WireWriter(64 + 40 * products.size() + 4 * epids.size() + 33 * records.size());
        w.bytes(signer.bytes());
        w.bytes(id.bytes());
        w.instant(created);
        w.varint(products.size());
        for (Product p : products) {
            Guids.writeSku(w, p.sku());
            Guids.writeApp(w, p.app());
            w.utf8(p.name());
        }
        EpidTable.write(w, epids);
        w.varint(records.size());
        long n = products.size();
        for (Entry r : records) {
            w.int32(r.ref().value());
            boolean isLong = r.iid().digits().length() == IID_LONG_DIGITS;
            w.varint(((r.epid() * n) + r.product()) * 2 + (isLong ? 1 : 0));
            w.digits(r.iid().digits(), isLong ? IID_LONG_BYTES : IID_SHORT_BYTES);
        }
        w.varint(queries.size());
        for (Query q : queries) {
            w.varint(q.epid() * 2L + (q.partialKey().isPresent() ? 1 : 0));
            q.partialKey().ifPresent(k -> w.bytes(k.toString().getBytes(StandardCharsets.US_ASCII)));
        }
        return w.toByteArray();
    }

    /** Decodes canonical payload bytes, refusing anything that {@link #encode()} would not write. */
    public static RequestBundle decode(byte[] payload) throws MalformedBundleException {
        WireReader r = new WireReader(payload, "request payload");
        KeyId signer = KeyId.of(r.bytes(KeyId.LENGTH, "signer key id"));
        BundleId id = BundleId.of(r.bytes(BundleId.LENGTH, "bundle id"));
        Instant created = r.instant("created");
        int np = r.count("product count", MAX_PRODUCTS, 18);
        List<Product> products = new ArrayList<>(np);
        Set<Product> seenProducts = new HashSet<>();
        for (int i = 0; i < np; i++) {
            String f = "product " + i;
            var sku = Guids.readSku(r, f + " SKU");
            var app = Guids.readApp(r, f + " application");
            String name = r.utf8(f + " name", Texts.MAX_PRODUCT_NAME_BYTES);
            String problem = Texts.problem(name, 1, Texts.MAX_PRODUCT_NAME_BYTES, Texts.MAX_PRODUCT_NAME_BYTES);
            if (problem != null) {
                throw r.errorAt(f + " name", problem);
            }
            Product p = new Product(sku, app, name);
            if (!seenProducts.add(p)) {
                throw r.errorAt(f, "repeats an earlier product; each product is listed once");
            }
            products.add(p);
        }
        List<ExtendedProductId> epids = EpidTable.read(r, MAX_RECORDS + MAX_QUERIES);
        int ne = epids.size();
        boolean[] epidUsed = new boolean[ne];
        int nr = r.count("record count", MAX_RECORDS, 4 + 1 + IID_SHORT_BYTES);
        List<Entry> records = new ArrayList<>(nr);
        int nextProduct = 0;
        Reference previous = null;
        long maxSlot = Math.max(1L, 2L * np * ne) - 1;
        for (int i = 0; i < nr; i++) {
            String f = "record " + i;
            Reference ref = new Reference(r.int32(f + " reference"));
            if (previous != null && ref.compareTo(previous) <= 0) {
                throw r.errorAt(f + " reference", ref.equals(previous)
                        ? "repeats reference " + ref + "; each record has its own"
                        : "is out of order; records are sorted by reference");
            }
            previous = ref;
            if (np == 0 || ne == 0) {
                throw r.errorAt(f, "refers to a product and an ePID but the tables are empty");
            }
            long slot = r.varint(f + " product/ePID", Long.MAX_VALUE);
            if (slot > maxSlot) {
                throw r.errorAt(f, "refers to ePID " + (slot / 2 / np) + " but the bundle lists only " + ne);
            }
            boolean isLong = (slot & 1) == 1;
            int product = (int) ((slot >>> 1) % np);
            int epid = (int) ((slot >>> 1) / np);
            if (product > nextProduct) {
                throw r.errorAt(f, "uses product " + product
                        + " before an earlier table entry; products are in order of first use");
            }
            nextProduct = Math.max(nextProduct, product + 1);
            epidUsed[epid] = true;
            String digits = r.digits(isLong ? IID_LONG_BYTES : IID_SHORT_BYTES,
                    isLong ? IID_LONG_DIGITS : IID_SHORT_DIGITS, f + " IID");
            InstallationId iid;
            try {
                iid = InstallationId.parse(digits);
            } catch (InvalidIdException e) {
                throw new IllegalStateException("54 or 63 digits always parse", e);
            }
            records.add(new Entry(ref, product, epid, iid));
        }
        if (nextProduct < np) {
            throw new MalformedBundleException("request payload: product " + nextProduct
                    + " is listed but no record uses it");
        }
        int nq = r.count("query count", MAX_QUERIES, 1);
        List<Query> queries = new ArrayList<>(nq);
        int previousEpid = -1;
        for (int i = 0; i < nq; i++) {
            String f = "count query " + i;
            if (ne == 0) {
                throw r.errorAt(f, "refers to an ePID but the table is empty");
            }
            long v = r.varint(f + " ePID", Long.MAX_VALUE);
            if ((v >>> 1) >= ne) {
                throw r.errorAt(f, "refers to ePID " + (v >>> 1) + " but the bundle lists only " + ne);
            }
            int epid = (int) (v >>> 1);
            if (epid <= previousEpid) {
                throw r.errorAt(f, epid == previousEpid ? "asks about ePID " + epid + " twice"
                        : "is out of order; queries are sorted by ePID index");
            }
            previousEpid = epid;
            epidUsed[epid] = true;
            Optional<PartialProductKey> key = Optional.empty();
            if ((v & 1) == 1) {
                String text = new String(r.bytes(5, f + " partial key"), StandardCharsets.US_ASCII);
                try {
                    PartialProductKey k = PartialProductKey.parse(text);
                    if (!k.toString().equals(text)) {
                        throw r.errorAt(f + " partial key", "is not in upper case");
                    }
                    key = Optional.of(k);
                } catch (InvalidIdException e) {
                    throw r.errorAt(f + " partial key", "is not a partial product key: " + e.getMessage());
                }
            }
            queries.add(new Query(epid, key));
        }
        for (int e = 0; e < ne; e++) {
            if (!epidUsed[e]) {
                throw new MalformedBundleException("request payload: ePID " + e
                        + " is listed but no record or count query uses it");
            }
        }
        r.end();
        if (nr == 0 && nq == 0) {
            throw new MalformedBundleException("request payload has no records and no count queries");
        }
        return new RequestBundle(signer, id, created, products, epids, records, queries);
    }

    // --- accessors ----------------------------------------------------------------------------

    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** The key id of the lab key that signs (signed) this request. */
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
