package dev.airlock.appliance.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash that links a row to the one before it: SHA-256 over length-prefixed fields. */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    static String hash(long seq, String at, String operator, String action, String subject, String details,
            String prevHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        for (String field : new String[] {Long.toString(seq), at, operator, action, subject, details, prevHash}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
