package dev.airlock.appliance.cli;

import dev.airlock.appliance.audit.AuditReport;
import dev.airlock.appliance.audit.SignedHead;
import dev.airlock.formats.signature.Fingerprint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code audit verify} says about a report, in lines a supervisor reads, and as JSON for scripts. */
final class AuditWords {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AuditWords() {}

    static String when(Instant at) {
        return WHEN.format(at);
    }

    static List<String> intact(AuditReport.Intact ok) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Audit log intact: %d row%s, each hashing the one before.", ok.rows(),
                Words.s(ok.rows())));
        if (ok.lastSigned().isEmpty()) {
            lines.add("No signed head yet: nothing proves these rows were not rewritten by someone who could edit"
                    + " the database. Run ./airlock audit sign to sign them.");
            return lines;
        }
        SignedHead last = ok.lastSigned().get();
        String checked = ok.signedHeads() == 1 ? "checked" : "each checked";
        lines.add(String.format("Signed: rows 1 to %d are proven by the head signed %s (%d signed head%s, %s"
                + " against this appliance's key %s).", last.rows(), when(last.signedAt()), ok.signedHeads(),
                Words.s(ok.signedHeads()), checked, ok.keyFingerprint().map(Fingerprint::parse).map(Object::toString)
                        .orElse("?")));
        long since = ok.rowsSinceLastSigned();
        if (since == 0) {
            lines.add("Every row is under a signed head.");
        } else {
            lines.add(String.format("%d row%s since the last signed head (signed %s): chained, but not yet signed."
                    + " Run ./airlock audit sign to sign %s.", since, Words.s(since), when(last.signedAt()),
                    since == 1 ? "it" : "them"));
        }
        return lines;
    }

    static List<String> tampered(AuditReport.Tampered bad) {
        List<String> lines = new ArrayList<>();
        lines.add("airlock: audit log TAMPERED at row " + bad.seq() + ": " + bad.reason());
        bad.provenBy().ifPresent(h -> lines.add("  proven by the head signed " + when(h.signedAt()) + " over rows 1 to "
                + h.rows() + " (key " + Fingerprint.parse(h.keyFingerprint()) + ")"));
        lines.add("  The database was changed outside Airlock. Keep it as it is, and restore the newest backup"
                + " whose audit log verifies.");
        return lines;
    }

    static Map<String, Object> json(AuditReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (report instanceof AuditReport.Intact ok) {
            doc.put("status", "intact");
            doc.put("rows", ok.rows());
            doc.put("signedHeads", ok.signedHeads());
            doc.put("lastSignedHead", ok.lastSigned().map(AuditWords::head).orElse(null));
            doc.put("rowsSinceLastSignedHead", ok.rowsSinceLastSigned());
            doc.put("keyFingerprint", ok.keyFingerprint().orElse(null));
        } else {
            AuditReport.Tampered bad = (AuditReport.Tampered) report;
            doc.put("status", "tampered");
            doc.put("row", bad.seq());
            doc.put("reason", bad.reason());
            doc.put("provenBy", bad.provenBy().map(AuditWords::head).orElse(null));
        }
        return doc;
    }

    private static Map<String, Object> head(SignedHead h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", h.rows());
        m.put("lastHash", h.lastHash());
        m.put("signedAt", h.signedAt().toString());
        m.put("keyFingerprint", h.keyFingerprint());
        return m;
    }
}
