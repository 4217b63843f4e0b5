package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.signature.KeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The canonical bytes of a {@link RequestBundle} (FORMAT.md, "Request payload"): writes them and reads them strictly. */
final class RequestCodec {
    static final int MAX_EPID_CHARS = 80;
    static final int IID_LONG_DIGITS = 63;
    static final int IID_LONG_BYTES = 27;
    static final int IID_SHORT_DIGITS = 54;
    static final int IID_SHORT_BYTES = 23;

    private RequestCodec() {}

    /** The canonical payload bytes. */
    static byte[] encode(RequestBundle b) {
        List<Product> products = b.products();
        WireWriter w = new WireWriter(64 + 40 * products.size() + 4 * b.epids().size() + 33 * b.records().size());
        w.bytes(b.signer().bytes());
        w.bytes(b.id().bytes());
        w.instant(b.created());
        w.varint(products.size());
        for (Product p : products) {
            Guids.writeSku(w, p.sku());
            Guids.writeApp(w, p.app());
            w.utf8(p.name());
        }
        EpidTable.write(w, b.epids());
        w.varint(b.records().size());
        long n = products.size();
        for (RequestBundle.Entry r : b.records()) {
            w.int32(r.ref().value());
            boolean isLong = r.iid().digits().length() == IID_LONG_DIGITS;
            w.varint(((r.epid() * n) + r.product()) * 2 + (isLong ? 1 : 0));
            w.digits(r.iid().digits(), isLong ? IID_LONG_BYTES : IID_SHORT_BYTES);
        }
        w.varint(b.queries().size());
        for (RequestBundle.Query q : b.queries()) {
            w.flaggedPartialKey(q.epid(), q.partialKey());
        }
        return w.toByteArray();
    }

    /** Decodes canonical payload bytes, refusing anything that {@link #encode} would not write. */
    static RequestBundle decode(byte[] payload) throws MalformedBundleException {
        WireReader r = new WireReader(payload, "request payload");
        KeyId signer = KeyId.of(r.bytes(KeyId.LENGTH, "signer key id"));
        BundleId id = BundleId.of(r.bytes(BundleId.LENGTH, "bundle id"));
        Instant created = r.instant("created");
        List<Product> products = readProducts(r);
        List<ExtendedProductId> epids = EpidTable.read(r, RequestBundle.MAX_RECORDS + RequestBundle.MAX_QUERIES);
        boolean[] epidUsed = new boolean[epids.size()];
        List<RequestBundle.Entry> records = readRecords(r, products.size(), epidUsed);
        List<RequestBundle.Query> queries = readQueries(r, epidUsed);
        for (int e = 0; e < epidUsed.length; e++) {
            if (!epidUsed[e]) {
                throw new MalformedBundleException("request payload: ePID " + e
                        + " is listed but no record or count query uses it");
            }
        }
        r.end();
        if (records.isEmpty() && queries.isEmpty()) {
            throw new MalformedBundleException("request payload has no records and no count queries");
        }
        return RequestBundle.of(signer, id, created, products, epids, records, queries);
    }

    private static List<Product> readProducts(WireReader r) throws MalformedBundleException {
        int np = r.count("product count", RequestBundle.MAX_PRODUCTS, 18);
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
        return products;
    }

    /** Records in reference order; marks the ePIDs they use and checks every product is used, in order. */
    private static List<RequestBundle.Entry> readRecords(WireReader r, int np, boolean[] epidUsed)
            throws MalformedBundleException {
        int ne = epidUsed.length;
        int nr = r.count("record count", RequestBundle.MAX_RECORDS, 4 + 1 + IID_SHORT_BYTES);
        List<RequestBundle.Entry> records = new ArrayList<>(nr);
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
            records.add(new RequestBundle.Entry(ref, product, epid, iid));
        }
        if (nextProduct < np) {
            throw new MalformedBundleException("request payload: product " + nextProduct
                    + " is listed but no record uses it");
        }
        return records;
    }

    /** Count queries in ePID order; marks the ePIDs they use. */
    private static List<RequestBundle.Query> readQueries(WireReader r, boolean[] epidUsed)
            throws MalformedBundleException {
        int ne = epidUsed.length;
        int nq = r.count("query count", RequestBundle.MAX_QUERIES, 1);
        List<RequestBundle.Query> queries = new ArrayList<>(nq);
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
            Optional<PartialProductKey> key = (v & 1) == 1
                    ? Optional.of(r.partialKey(f + " partial key")) : Optional.empty();
            queries.add(new RequestBundle.Query(epid, key));
        }
        return queries;
    }
}
