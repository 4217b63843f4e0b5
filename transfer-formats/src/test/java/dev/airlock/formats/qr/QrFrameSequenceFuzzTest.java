package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target: the frame decoder's state machine over a sequence of scans. The fuzzer picks two
 * bundles and a density, then a sequence of steps: a frame of either bundle, a frame with a
 * digit changed (checksum fixed, so only the decoder's own checks can catch it), a cut frame,
 * a stray string, a reset. Whatever the order, the decoder never throws, its progress stays in
 * range, and a complete bundle is exactly one of the two that were encoded.
 */
class QrFrameSequenceFuzzTest {
    private static final int[] VERSIONS = {1, 5, 10};

    @FuzzTest
    void frameSequence(FuzzedDataProvider data) {
        QrOptions options = QrOptions.of(VERSIONS[data.consumeInt(0, VERSIONS.length - 1)], QrOptions.EcLevel.M);
        byte[] first = data.consumeBytes(data.consumeInt(1, 1200));
        byte[] second = data.consumeBytes(data.consumeInt(1, 300));
        if (first.length == 0 || second.length == 0) {
            return;
        }
        List<String> a = new QrEncoder(first, options).frames();
        List<String> b = new QrEncoder(second, options).frames();
        QrDecoder decoder = new QrDecoder();
        for (int step = 0; step < 200 && data.remainingBytes() > 0; step++) {
            String scan = switch (data.consumeInt(0, 6)) {
                case 0, 1 -> pick(a, data);
                case 2 -> pick(b, data);
                case 3 -> changed(pick(data.consumeBoolean() ? a : b, data), data);
                case 4 -> cut(pick(a, data), data);
                case 5 -> data.consumeString(80);
                default -> null;
            };
            if (scan == null) {
                decoder.reset();
                assertThat(decoder.estimatedPercentComplete()).isZero();
                continue;
            }
            ScanResult result = decoder.receivePart(scan);
            QrFrameFuzzTest.check(scan, result);
            assertThat(decoder.estimatedPercentComplete()).isBetween(0, 100);
            if (result instanceof ScanResult.Complete c) {
                assertThat(c.bundle()).satisfiesAnyOf(x -> assertThat(x).isEqualTo(first),
                        x -> assertThat(x).isEqualTo(second));
                Optional<byte[]> held = decoder.result();
                assertThat(held).isPresent();
                assertThat(held.get()).isEqualTo(c.bundle());
                assertThat(decoder.missingFrames()).isEmpty();
            }
        }
    }

    private static String pick(List<String> frames, FuzzedDataProvider data) {
        return frames.get(data.consumeInt(0, frames.size() - 1));
    }

    /** One digit of the header or payload changed, then the checksum made right again. */
    private static String changed(String frame, FuzzedDataProvider data) {
        int at = data.consumeInt(0, frame.length() - Frame.CHECK_DIGITS - 1);
        char digit = (char) ('0' + data.consumeInt(0, 9));
        String body = frame.substring(0, at) + digit + frame.substring(at + 1, frame.length() - Frame.CHECK_DIGITS);
        return withChecksum(body);
    }

    /** The frame cut short (as a scanner that stops early), checksum made right. */
    private static String cut(String frame, FuzzedDataProvider data) {
        int keep = data.consumeInt(1, frame.length() - Frame.CHECK_DIGITS);
        return withChecksum(frame.substring(0, keep));
    }

    private static String withChecksum(String body) {
        String check = Long.toString(Frame.checksum(body, body.length()));
        return body + "0".repeat(Frame.CHECK_DIGITS - check.length()) + check;
    }
}
