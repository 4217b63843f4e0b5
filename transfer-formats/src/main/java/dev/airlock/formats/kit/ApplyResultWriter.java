package dev.airlock.formats.kit;

import java.nio.charset.StandardCharsets;

/**
 * Writes an apply result exactly as {@code Collect.ps1 -Apply} does (same elements, order and
 * omissions), for tests, demos and benchmarks. Thread-safe.
 */
public final class ApplyResultWriter {
    private final CollectorRecordWriter records = new CollectorRecordWriter();

    /** UTF-8 bytes of the result, indented by two spaces. */
    public byte[] write(ApplyResult result) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        b.append("<ApplyResult formatVersion=\"").append(ApplyResult.FORMAT_VERSION).append("\" collectorVersion=\"")
                .append(KitXml.escape(result.collectorVersion())).append("\" xmlns=\"").append(ApplyResult.NAMESPACE)
                .append("\">\n");
        line(b, 1, "Applied", result.applied().toString());
        line(b, 1, "KitFile", result.kitFile());
        if (result.outcomes().isEmpty()) {
            b.append("  <Outcomes />\n");
        } else {
            b.append("  <Outcomes>\n");
            for (ApplyResult.Outcome o : result.outcomes()) {
                b.append("    <Outcome>\n");
                line(b, 3, "ID", o.skuId().toString());
                line(b, 3, "OfflineInstallationId", o.iid().digits());
                line(b, 3, "Result", o.result().xmlName());
                if (o.returnCode().isPresent()) {
                    line(b, 3, "ReturnCode", o.returnCodeHex());
                }
                o.licenseStatus().ifPresent(s -> line(b, 3, "LicenseStatus", Integer.toString(s.code())));
                if (!o.message().isEmpty()) {
                    line(b, 3, "Message", o.message());
                }
                b.append("    </Outcome>\n");
            }
            b.append("  </Outcomes>\n");
        }
        String record = new String(records.write(result.machineRecord()), StandardCharsets.UTF_8).strip();
        record = record.substring(record.indexOf("?>") + 2).strip();
        for (String l : record.split("\n")) {
            b.append("  ").append(l).append('\n');
        }
        b.append("</ApplyResult>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, int depth, String name, String value) {
        b.append("  ".repeat(depth)).append('<').append(name).append('>').append(KitXml.escape(value))
                .append("</").append(name).append(">\n");
    }
}
