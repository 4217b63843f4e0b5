package dev.airlock.formats.kit;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a collector record exactly as {@code Collect.ps1} does (same elements, order and
 * omissions), for demo data, tests and benchmarks. Thread-safe.
 */
public final class CollectorRecordWriter {
    private static final String NS = CollectorRecord.NAMESPACE;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** UTF-8 bytes of the record, indented by two spaces. */
    public byte[] write(CollectorRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            Indenting x = new Indenting(w);
            w.writeStartDocument("utf-8", "1.0");
            x.start("MachineRecord");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("formatVersion", CollectorRecord.FORMAT_VERSION);
            w.writeAttribute("collectorVersion", record.collectorVersion());
            x.text("Collected", record.collected().toString());
            MachineIdentity m = record.machine();
            x.start("Machine");
            x.text("HostName", m.hostName());
            x.optional("Domain", m.domain());
            if (!m.domain().isEmpty()) {
                x.text("PartOfDomain", Boolean.toString(m.partOfDomain()));
            }
            x.optional("Fqdn", m.fqdn());
            x.optional("SmbiosUuid", m.smbiosUuid());
            x.optional("SerialNumber", m.serialNumber());
            x.optional("OsCaption", m.osCaption());
            x.optional("OsVersion", m.osVersion());
            x.optional("OsBuild", m.osBuild());
            x.list("IpAddresses", "IpAddress", m.ipAddresses());
            x.list("MacAddresses", "MacAddress", m.macAddresses());
            x.end();
            x.start("Products");
            for (CollectedProduct p : record.products()) {
                x.start("Product");
                w.writeAttribute("class", p.productClass().wmiName());
                x.text("ID", p.skuId().toString());
                x.text("ApplicationID", p.applicationId().toString());
                x.text("Name", p.name());
                x.optional("Description", p.description());
                x.text("PartialProductKey", p.partialKey().toString());
                x.text("ProductKeyID", p.epid().toString());
                x.text("ProductKeyChannel", p.channel());
                x.text("LicenseStatus", Integer.toString(p.licenseStatus().code()));
                x.text("GracePeriodRemaining", Long.toString(p.graceMinutes()));
                x.text("OfflineInstallationId", p.iid().digits());
                x.end();
            }
            x.end();
            x.end();
            w.writeEndDocument();
            w.close();
            out.write('\n');
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Writes elements in the default namespace with two-space indentation. */
    private static final class Indenting {
        private final XMLStreamWriter w;
        private int depth;
        private boolean hasChildren;

        Indenting(XMLStreamWriter w) {
            this.w = w;
        }

        void start(String name) throws XMLStreamException {
            newline();
            w.writeStartElement("", name, NS);
            depth++;
            hasChildren = false;
        }

        void end() throws XMLStreamException {
            depth--;
            if (hasChildren) {
                newline();
            }
            w.writeEndElement();
            hasChildren = true;
        }

        void text(String name, String value) throws XMLStreamException {
            newline();
            w.writeStartElement("", name, NS);
            w.writeCharacters(value);
            w.writeEndElement();
            hasChildren = true;
        }

        void optional(String name, String value) throws XMLStreamException {
            if (value != null && !value.isEmpty()) {
                text(name, value);
            }
        }

        void list(String wrapper, String item, List<String> values) throws XMLStreamException {
            if (values.isEmpty()) {
                return;
            }
            start(wrapper);
            for (String v : values) {
                text(item, v);
            }
            end();
        }

        private void newline() throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

}
