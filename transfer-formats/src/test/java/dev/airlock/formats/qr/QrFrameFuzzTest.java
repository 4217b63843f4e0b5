package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: one scanned QR frame, as the scanner types it (seeds: the golden frames). The
 * scan is tried as it is, and again with its last 10 digits replaced by the right checksum so
 * the fuzzer also reaches the header and payload checks behind the CRC.
 */
class QrFrameFuzzTest {
    @FuzzTest
    void qrFrame(byte[] data) {
        String scanned = new String(data, StandardCharsets.UTF_8);
        check(scanned, new QrDecoder().receivePart(scanned));
        String digits = scanned.strip();
        if (digits.length() > Frame.CHECK_DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String body = digits.substring(0, digits.length() - Frame.CHECK_DIGITS);
            String check = Long.toString(Frame.checksum(body, body.length()));
            String repaired = body + "0".repeat(Frame.CHECK_DIGITS - check.length()) + check;
            ScanResult result = new QrDecoder().receivePart(repaired);
            check(repaired, result);
            if (result instanceof ScanResult.Rejected r) {
                assertThat(r.cause()).isNotEqualTo(ScanResult.Cause.CHECKSUM);
            }
        }
    }

    static void check(String scanned, ScanResult result) {
        assertThat(result).isNotNull();
        switch (result) {
            case ScanResult.Rejected r -> FuzzContract.checkMessage(r.reason(), scanned, null);
            case ScanResult.Progress p -> {
                assertThat(p.received()).isBetween(1, p.total());
                assertThat(p.percent()).isBetween(0, 100);
            }
            case ScanResult.Complete c -> assertThat(c.bundle()).isNotEmpty();
        }
    }
}
