package dev.airlock.formats.kit;

import java.nio.charset.StandardCharsets;

/** Writes activation kit files (UTF-8, two-space indent, CRLF line ends for Windows). Thread-safe. */
public final class ActivationKitWriter {
    private static final String CRLF = "\r\n";

    /** UTF-8 bytes of the kit file. */
    public byte[] write(ActivationKit kit) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>").append(CRLF);
        b.append("<ActivationKit formatVersion=\"").append(ActivationKit.FORMAT_VERSION).append("\" xmlns=\"")
                .append(ActivationKit.NAMESPACE).append("\">").append(CRLF);
        line(b, 1, "Created", kit.created().toString());
        b.append("  <Machine>").append(CRLF);
        line(b, 2, "HostName", kit.hostName());
        if (!kit.smbiosUuid().isEmpty()) {
            line(b, 2, "SmbiosUuid", kit.smbiosUuid());
        }
        b.append("  </Machine>").append(CRLF);
        b.append("  <Products>").append(CRLF);
        for (ActivationKit.Product p : kit.products()) {
            b.append("    <Product class=\"").append(p.productClass().wmiName()).append("\">").append(CRLF);
            line(b, 3, "ID", p.skuId().toString());
            line(b, 3, "Name", p.name());
            line(b, 3, "OfflineInstallationId", p.iid().digits());
            line(b, 3, "ConfirmationId", p.cid().digits());
            b.append("    </Product>").append(CRLF);
        }
        b.append("  </Products>").append(CRLF);
        b.append("</ActivationKit>").append(CRLF);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, int depth, String name, String value) {
        b.append("  ".repeat(depth)).append('<').append(name).append('>').append(KitXml.escape(value))
                .append("</").append(name).append('>').append(CRLF);
    }
}
