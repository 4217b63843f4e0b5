package dev.airlock.formats.bundle;

import dev.airlock.formats.signature.PublicKey;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes {@link BundleFile}'s XML: the readable rendering ({@link BundleXml}), then the signed payload, signature and PEM key. */
final class BundleFileWriter {
    private BundleFileWriter() {}

    /** See {@link BundleFile#write}. */
    static byte[] write(SignedBundle bundle, PublicKey signerKey) {
        if (!signerKey.id().equals(bundle.signer())) {
            throw new IllegalArgumentException("the bundle is signed by " + bundle.signer() + ", not by " + signerKey.id());
        }
        BundleXml x = BundleXml.of(bundle, signerKey);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bundle.payload().length * 8 + 2048);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            Writer xw = new Writer(w);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeComment(" Airlock " + x.kind + " bundle. The readable part is checked against the signed payload"
                    + " when read; to check the signature with openssl alone, see FORMAT.md. ");
            w.writeCharacters("\n");
            w.writeStartElement("", "Bundle", BundleXml.NAMESPACE);
            w.writeDefaultNamespace(BundleXml.NAMESPACE);
            w.writeAttribute("formatVersion", x.formatVersion);
            w.writeAttribute("kind", x.kind);
            if (x.request != null) {
                writeRequest(xw, x.request);
            } else if (x.response != null) {
                writeResponse(xw, x.response);
            } else {
                BundleXml.KeyCardXml k = x.keyCard;
                xw.empty(1, "KeyCard", "role", k.role, "label", k.label, "keyId", k.keyId, "fingerprint",
                        k.fingerprint, "created", k.created);
            }
            BundleXml.SignatureXml s = x.signature;
            xw.start(1, "Signature", "algorithm", s.algorithm, "tag", s.tag, "signerKeyId", s.signerKeyId,
                    "signerFingerprint", s.signerFingerprint);
            xw.text(2, "Payload", s.payload);
            xw.text(2, "SignatureValue", s.value);
            xw.indent(2);
            w.writeStartElement("", "PublicKey", BundleXml.NAMESPACE);
            // PEM lines start at column 1 so `sed -n '/^-----BEGIN/,/^-----END/p'` extracts them
            w.writeCharacters("\n" + s.publicKey + "\n    ");
            w.writeEndElement();
            xw.end(1);
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            out.write('\n');
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeRequest(Writer xw, BundleXml.RequestXml r) throws XMLStreamException {
        xw.start(1, "Request", "id", r.id, "created", r.created, "signerKeyId", r.signerKeyId);
        xw.start(2, "Products");
        for (BundleXml.ProductXml p : r.products) {
            xw.empty(3, "Product", "index", p.index, "sku", p.sku, "application", p.application, "family", p.family,
                    "name", p.name);
        }
        xw.end(2);
        xw.start(2, "Epids");
        for (BundleXml.EpidXml e : r.epids) {
            xw.empty(3, "Epid", "index", e.index, "value", e.value);
        }
        xw.end(2);
        xw.start(2, "Records");
        for (BundleXml.RecordXml e : r.records) {
            xw.empty(3, "Record", "ref", e.ref, "product", e.product, "epid", e.epid, "iid", e.iid);
        }
        xw.end(2);
        xw.start(2, "CountQueries");
        for (BundleXml.QueryXml q : r.queries) {
            xw.empty(3, "CountQuery", "epid", q.epid, "partialKey", q.partialKey);
        }
        xw.end(2);
        xw.end(1);
    }

    private static void writeResponse(Writer xw, BundleXml.ResponseXml r) throws XMLStreamException {
        xw.start(1, "Response", "id", r.id, "requestId", r.requestId, "requestDigest", r.requestDigest, "created",
                r.created, "signerKeyId", r.signerKeyId);
        xw.start(2, "Answers");
        for (BundleXml.AnswerXml a : r.answers) {
            xw.empty(3, "Answer", "ref", a.ref, "cid", a.cid, "errorCode", a.errorCode, "errorText", a.errorText);
        }
        xw.end(2);
        xw.start(2, "Counts");
        for (BundleXml.CountXml c : r.counts) {
            xw.empty(3, "Count", "epid", c.epid, "partialKey", c.partialKey, "remaining", c.remaining);
        }
        xw.end(2);
        xw.end(1);
    }

    /** Two-space indented elements in the bundle namespace; null attributes are left out. */
    private record Writer(XMLStreamWriter w) {
        void indent(int depth) throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }

        void attributes(String... nameValues) throws XMLStreamException {
            for (int i = 0; i < nameValues.length; i += 2) {
                if (nameValues[i + 1] != null) {
                    w.writeAttribute(nameValues[i], nameValues[i + 1]);
                }
            }
        }

        void start(int depth, String name, String... attributes) throws XMLStreamException {
            indent(depth);
            w.writeStartElement("", name, BundleXml.NAMESPACE);
            attributes(attributes);
        }

        void end(int depth) throws XMLStreamException {
            indent(depth);
            w.writeEndElement();
        }

        void empty(int depth, String name, String... attributes) throws XMLStreamException {
            indent(depth);
            w.writeEmptyElement("", name, BundleXml.NAMESPACE);
            attributes(attributes);
        }

        void text(int depth, String name, String text) throws XMLStreamException {
            indent(depth);
            w.writeStartElement("", name, BundleXml.NAMESPACE);
            w.writeCharacters(text);
            w.writeEndElement();
        }
    }
}
