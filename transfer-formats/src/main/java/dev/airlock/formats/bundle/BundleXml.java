package dev.airlock.formats.bundle;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.signature.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The readable XML of a bundle file (bundle-1.xsd), as plain strings: the writer renders it,
 * the reader binds it with Jackson and compares it, field by field, with the one built from
 * the signed payload.
 */
final class BundleXml {
    static final String NAMESPACE = "urn:airlock:bundle:1";
    static final String FORMAT_VERSION = "1";

    @JacksonXmlProperty(isAttribute = true, localName = "formatVersion")
    String formatVersion;
    @JacksonXmlProperty(isAttribute = true, localName = "kind")
    String kind;
    @JacksonXmlProperty(localName = "Request")
    RequestXml request;
    @JacksonXmlProperty(localName = "Response")
    ResponseXml response;
    @JacksonXmlProperty(localName = "KeyCard")
    KeyCardXml keyCard;
    @JacksonXmlProperty(localName = "Signature")
    SignatureXml signature;

    static final class RequestXml {
        @JacksonXmlProperty(isAttribute = true) String id;
        @JacksonXmlProperty(isAttribute = true) String created;
        @JacksonXmlProperty(isAttribute = true) String signerKeyId;
        @JacksonXmlElementWrapper(localName = "Products")
        @JacksonXmlProperty(localName = "Product")
        List<ProductXml> products;
        @JacksonXmlElementWrapper(localName = "Epids")
        @JacksonXmlProperty(localName = "Epid")
        List<EpidXml> epids;
        @JacksonXmlElementWrapper(localName = "Records")
        @JacksonXmlProperty(localName = "Record")
        List<RecordXml> records;
        @JacksonXmlElementWrapper(localName = "CountQueries")
        @JacksonXmlProperty(localName = "CountQuery")
        List<QueryXml> queries;
    }

    static final class ProductXml {
        @JacksonXmlProperty(isAttribute = true) String index;
        @JacksonXmlProperty(isAttribute = true) String sku;
        @JacksonXmlProperty(isAttribute = true) String application;
        @JacksonXmlProperty(isAttribute = true) String family;
        @JacksonXmlProperty(isAttribute = true) String name;
    }

    static final class EpidXml {
        @JacksonXmlProperty(isAttribute = true) String index;
        @JacksonXmlProperty(isAttribute = true) String value;
    }

    static final class RecordXml {
        @JacksonXmlProperty(isAttribute = true) String ref;
        @JacksonXmlProperty(isAttribute = true) String product;
        @JacksonXmlProperty(isAttribute = true) String epid;
        @JacksonXmlProperty(isAttribute = true) String iid;
    }

    static final class QueryXml {
        @JacksonXmlProperty(isAttribute = true) String epid;
        @JacksonXmlProperty(isAttribute = true) String partialKey;
    }

    static final class ResponseXml {
        @JacksonXmlProperty(isAttribute = true) String id;
        @JacksonXmlProperty(isAttribute = true) String requestId;
        @JacksonXmlProperty(isAttribute = true) String requestDigest;
        @JacksonXmlProperty(isAttribute = true) String created;
        @JacksonXmlProperty(isAttribute = true) String signerKeyId;
        @JacksonXmlElementWrapper(localName = "Answers")
        @JacksonXmlProperty(localName = "Answer")
        List<AnswerXml> answers;
        @JacksonXmlElementWrapper(localName = "Counts")
        @JacksonXmlProperty(localName = "Count")
        List<CountXml> counts;
    }

    static final class AnswerXml {
        @JacksonXmlProperty(isAttribute = true) String ref;
        @JacksonXmlProperty(isAttribute = true) String cid;
        @JacksonXmlProperty(isAttribute = true) String errorCode;
        @JacksonXmlProperty(isAttribute = true) String errorText;
    }

    static final class CountXml {
        @JacksonXmlProperty(isAttribute = true) String epid;
        @JacksonXmlProperty(isAttribute = true) String partialKey;
        @JacksonXmlProperty(isAttribute = true) String remaining;
    }

    static final class KeyCardXml {
        @JacksonXmlProperty(isAttribute = true) String role;
        @JacksonXmlProperty(isAttribute = true) String label;
        @JacksonXmlProperty(isAttribute = true) String keyId;
        @JacksonXmlProperty(isAttribute = true) String fingerprint;
        @JacksonXmlProperty(isAttribute = true) String created;
    }

    static final class SignatureXml {
        @JacksonXmlProperty(isAttribute = true) String algorithm;
        @JacksonXmlProperty(isAttribute = true) String tag;
        @JacksonXmlProperty(isAttribute = true) String signerKeyId;
        @JacksonXmlProperty(isAttribute = true) String signerFingerprint;
        @JacksonXmlProperty(localName = "Payload") String payload;
        @JacksonXmlProperty(localName = "SignatureValue") String value;
        @JacksonXmlProperty(localName = "PublicKey") String publicKey;
    }

    /** The readable form of {@code bundle}, whose signer's key is {@code key}. */
    static BundleXml of(SignedBundle bundle, PublicKey key) {
        BundleXml x = new BundleXml();
        x.formatVersion = FORMAT_VERSION;
        x.kind = bundle.kind().word();
        switch (bundle.content()) {
            case RequestBundle r -> x.request = request(r);
            case ResponseBundle r -> x.response = response(r);
            case KeyCard c -> x.keyCard = keyCard(c);
        }
        SignatureXml s = new SignatureXml();
        s.algorithm = "Ed25519";
        s.tag = new String(bundle.kind().signatureTag(SignedBundle.FORMAT_VERSION), StandardCharsets.US_ASCII)
                .replace("\0", "");
        s.signerKeyId = bundle.signer().toString();
        s.signerFingerprint = key.fingerprint().toString();
        s.payload = Base64.getEncoder().encodeToString(bundle.payload());
        s.value = Base64.getEncoder().encodeToString(bundle.signature());
        s.publicKey = key.toPem().strip();
        x.signature = s;
        return x;
    }

    private static RequestXml request(RequestBundle b) {
        RequestXml x = new RequestXml();
        x.id = b.id().toString();
        x.created = b.created().toString();
        x.signerKeyId = b.signer().toString();
        x.products = new ArrayList<>();
        for (int i = 0; i < b.products().size(); i++) {
            Product p = b.products().get(i);
            ProductXml px = new ProductXml();
            px.index = Integer.toString(i);
            px.sku = p.sku().toString();
            px.application = p.app().toString();
            px.family = p.app().family();
            px.name = p.name();
            x.products.add(px);
        }
        x.epids = new ArrayList<>();
        for (int i = 0; i < b.epids().size(); i++) {
            ExtendedProductId e = b.epids().get(i);
            EpidXml ex = new EpidXml();
            ex.index = Integer.toString(i);
            ex.value = e.toString();
            x.epids.add(ex);
        }
        x.records = new ArrayList<>();
        for (RequestBundle.Entry e : b.records()) {
            RecordXml rx = new RecordXml();
            rx.ref = e.ref().toString();
            rx.product = Integer.toString(e.product());
            rx.epid = Integer.toString(e.epid());
            rx.iid = e.iid().toString();
            x.records.add(rx);
        }
        x.queries = new ArrayList<>();
        for (RequestBundle.Query q : b.queries()) {
            QueryXml qx = new QueryXml();
            qx.epid = Integer.toString(q.epid());
            qx.partialKey = q.partialKey().map(Object::toString).orElse(null);
            x.queries.add(qx);
        }
        return x;
    }

    private static ResponseXml response(ResponseBundle b) {
        ResponseXml x = new ResponseXml();
        x.id = b.id().toString();
        x.requestId = b.requestId().toString();
        x.requestDigest = HexFormat.of().formatHex(b.requestDigest());
        x.created = b.created().toString();
        x.signerKeyId = b.signer().toString();
        x.answers = new ArrayList<>();
        for (ResponseBundle.Answer a : b.answers()) {
            AnswerXml ax = new AnswerXml();
            ax.ref = a.ref().toString();
            if (a.outcome() instanceof ResponseBundle.Confirmed c) {
                ax.cid = c.cid().toString();
            } else if (a.outcome() instanceof ResponseBundle.Failed f) {
                ax.errorCode = f.codeText();
                ax.errorText = f.text();
            }
            x.answers.add(ax);
        }
        x.counts = new ArrayList<>();
        for (ResponseBundle.CountResult c : b.counts()) {
            CountXml cx = new CountXml();
            cx.epid = Integer.toString(c.epidIndex());
            cx.partialKey = c.partialKey().map(Object::toString).orElse(null);
            cx.remaining = Long.toString(c.remaining());
            x.counts.add(cx);
        }
        return x;
    }

    private static KeyCardXml keyCard(KeyCard c) {
        KeyCardXml x = new KeyCardXml();
        x.role = c.role().word();
        x.label = c.label();
        x.keyId = c.key().id().toString();
        x.fingerprint = c.key().fingerprint().toString();
        x.created = c.created().toString();
        return x;
    }

    /** Jackson leaves an empty list wrapper as null; the writer always writes one. */
    void normalize() {
        if (request != null) {
            request.products = nonNull(request.products);
            request.epids = nonNull(request.epids);
            request.records = nonNull(request.records);
            request.queries = nonNull(request.queries);
        }
        if (response != null) {
            response.answers = nonNull(response.answers);
            response.counts = nonNull(response.counts);
        }
        if (signature != null && signature.publicKey != null) {
            signature.publicKey = signature.publicKey.strip();
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
