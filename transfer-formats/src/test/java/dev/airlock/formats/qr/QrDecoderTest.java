package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.qr.QrOptions.EcLevel;
import dev.airlock.formats.qr.ScanResult.Cause;
import dev.airlock.formats.qr.ScanResult.Complete;
import dev.airlock.formats.qr.ScanResult.Progress;
import dev.airlock.formats.qr.ScanResult.Rejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrDecoderTest {
    private static final QrOptions V10_M = QrOptions.of(10, EcLevel.M);
    private final byte[] bundle = QrSamples.seeded(11, 900);
    private final QrEncoder encoder = new QrEncoder(bundle, V10_M);
    private final List<String> frames = encoder.frames();
    private final QrDecoder decoder = new QrDecoder();

    @Test
    void receivePart_framesInReverseOrderWithRepeats_completesOnLastMissingFrame() {
        assertThat(frames).hasSize(5);
        assertThat(decoder.estimatedPercentComplete()).isZero();

        assertThat(decoder.receivePart(frames.get(4))).isEqualTo(new Progress(1, 5, 20));
        assertThat(decoder.receivePart(frames.get(4))).isEqualTo(new Progress(1, 5, 20));
        assertThat(decoder.receivePart(frames.get(2))).isEqualTo(new Progress(2, 5, 40));
        assertThat(decoder.receivePart(frames.get(0))).isEqualTo(new Progress(3, 5, 60));
        assertThat(decoder.missingFrames()).containsExactly(2, 4);
        assertThat(decoder.receivePart(frames.get(3))).isEqualTo(new Progress(4, 5, 80));
        assertThat(decoder.result()).isEmpty();
        assertThat(decoder.receivePart(frames.get(1))).isEqualTo(new Complete(bundle));

        assertThat(decoder.result()).hasValueSatisfying(b -> assertThat(b).isEqualTo(bundle));
        assertThat(decoder.estimatedPercentComplete()).isEqualTo(100);
        assertThat(decoder.missingFrames()).isEmpty();
        assertThat(decoder.receivePart(frames.get(2))).as("repeat after completion").isEqualTo(new Complete(bundle));
    }

    @Test
    void receivePart_singleFrameBundle_completesAtOnce() {
        byte[] small = QrSamples.seeded(12, 40);
        assertThat(decoder.receivePart(new QrEncoder(small).frames().getFirst())).isEqualTo(new Complete(small));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n", "\t", " \r\n", "\n\n"})
    void receivePart_withScannerSuffix_accepts(String suffix) {
        assertThat(decoder.receivePart(frames.get(0) + suffix)).isEqualTo(new Progress(1, 5, 20));
        assertThat(decoder.receivePart("\n" + frames.get(1))).isEqualTo(new Progress(2, 5, 40));
    }

    @Test
    void receivePart_azertyTopRowCharacters_readAsDigits() {
        for (String frame : frames) {
            decoder.receivePart(QrSamples.azerty(frame) + "\r\n");
        }
        assertThat(decoder.result()).hasValueSatisfying(b -> assertThat(b).isEqualTo(bundle));
    }

    @Test
    void receivePart_mixOfAzertyAndDigits_readsAsDigits() {
        String frame = frames.get(0);
        String mixed = QrSamples.azerty(frame.substring(0, 100)) + frame.substring(100);
        assertThat(decoder.receivePart(mixed)).isInstanceOf(Progress.class);
    }

    @Test
    void receivePart_frameOfAnotherBundle_startsItsOwnSetAndKeepsProgress() {
        QrEncoder other = new QrEncoder(QrSamples.seeded(99, 900), V10_M);
        decoder.receivePart(frames.get(0));

        ScanResult result = decoder.receivePart(other.frames().get(1));

        assertThat(result).isEqualTo(new Progress(1, other.frameCount(), 100 / other.frameCount()));
        assertThat(decoder.bundleId()).as("current: the last frame's bundle").contains(other.bundleId());
        assertThat(decoder.receivePart(frames.get(1))).isEqualTo(new Progress(2, 5, 40));
        assertThat(decoder.bundleId()).contains(encoder.bundleId());
        assertThat(decoder.assemblies()).extracting(QrDecoder.Assembly::bundleId, QrDecoder.Assembly::received)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(encoder.bundleId(), 2),
                        org.assertj.core.groups.Tuple.tuple(other.bundleId(), 1));
    }

    @Test
    void receivePart_strayFrameWithValidCrcFirst_doesNotBlockTheGenuineSet() {
        QrEncoder yesterday = new QrEncoder(QrSamples.seeded(98, 2000), V10_M);
        decoder.receivePart(yesterday.frames().get(2));

        ScanResult last = null;
        for (String frame : frames) {
            last = decoder.receivePart(frame);
        }

        assertThat(last).isEqualTo(new Complete(bundle));
        assertThat(decoder.result()).hasValueSatisfying(b -> assertThat(b).isEqualTo(bundle));
        assertThat(decoder.assemblies()).hasSize(2).filteredOn(QrDecoder.Assembly::complete).singleElement()
                .extracting(QrDecoder.Assembly::bundleId).isEqualTo(encoder.bundleId());
        QrDecoder.Assembly stray = decoder.assemblies().getFirst();
        assertThat(stray.bundleId()).isEqualTo(yesterday.bundleId());
        assertThat(stray.received()).isEqualTo(1);
        assertThat(stray.missingFrames()).hasSize(yesterday.frameCount() - 1).doesNotContain(3);
    }

    @Test
    void receivePart_twoSetsInterleaved_bothComplete() {
        byte[] otherBundle = QrSamples.seeded(97, 1500);
        List<String> others = new QrEncoder(otherBundle, V10_M).frames();
        List<ScanResult> completes = new ArrayList<>();
        for (int i = 0; i < Math.max(frames.size(), others.size()); i++) {
            for (List<String> set : List.of(frames, others)) {
                if (i < set.size() && decoder.receivePart(set.get(i)) instanceof Complete c) {
                    completes.add(c);
                }
            }
        }

        assertThat(completes).containsExactlyInAnyOrder(new Complete(bundle), new Complete(otherBundle));
        assertThat(decoder.assemblies()).allMatch(QrDecoder.Assembly::complete).hasSize(2);
        assertThat(decoder.result(new QrEncoder(otherBundle, V10_M).bundleId()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(otherBundle));
    }

    @Test
    void receivePart_oneCompleteOnePartial_reportsThePartialOnesMissingFrames() {
        QrEncoder other = new QrEncoder(QrSamples.seeded(96, 2500), V10_M);
        decoder.receivePart(other.frames().get(0));
        frames.forEach(decoder::receivePart);
        decoder.receivePart(other.frames().get(1));

        assertThat(decoder.bundleId()).contains(other.bundleId());
        assertThat(decoder.result()).as("the current one is partial").isEmpty();
        assertThat(decoder.result(encoder.bundleId())).hasValueSatisfying(b -> assertThat(b).isEqualTo(bundle));
        QrDecoder.Assembly partial = decoder.assemblies().getFirst();
        assertThat(partial.complete()).isFalse();
        assertThat(partial.received()).isEqualTo(2);
        assertThat(partial.missingFrames()).first().isEqualTo(3);
    }

    @Test
    void drop_forgetsOneBundleOnly_andTheOtherKeepsItsFrames() {
        QrEncoder other = new QrEncoder(QrSamples.seeded(95, 2500), V10_M);
        decoder.receivePart(frames.get(0));
        decoder.receivePart(frames.get(1));
        decoder.receivePart(other.frames().get(0));

        assertThat(decoder.drop(other.bundleId())).isTrue();

        assertThat(decoder.bundleId()).as("back to the one read before").contains(encoder.bundleId());
        assertThat(decoder.assemblies()).singleElement().extracting(QrDecoder.Assembly::received).isEqualTo(2);
        assertThat(decoder.drop(other.bundleId())).isFalse();
    }

    @Test
    void receivePart_frameOfOneBundleTooMany_isRefusedNamingTheOthers() {
        for (int i = 0; i < QrDecoder.MAX_BUNDLES; i++) {
            assertThat(decoder.receivePart(new QrEncoder(QrSamples.seeded(1000 + i, 2500), V10_M).frames().get(0)))
                    .isInstanceOf(Progress.class);
        }
        assertRejected(decoder.receivePart(frames.get(0)), Cause.OTHER_BUNDLE, "bundles are being read already");
        assertThat(decoder.assemblies()).hasSize(QrDecoder.MAX_BUNDLES);
    }

    @Test
    void reset_afterOtherBundleFrame_forgetsEveryBundle() {
        byte[] otherBundle = QrSamples.seeded(99, 300);
        QrEncoder other = new QrEncoder(otherBundle, V10_M);
        decoder.receivePart(frames.get(0));
        decoder.receivePart(other.frames().get(0));

        decoder.reset();

        assertThat(decoder.estimatedPercentComplete()).isZero();
        assertThat(decoder.bundleId()).isEmpty();
        assertThat(decoder.assemblies()).isEmpty();
        ScanResult last = null;
        for (String frame : other.frames()) {
            last = decoder.receivePart(frame);
        }
        assertThat(last).isEqualTo(new Complete(otherBundle));
    }

    // ---------------------------------------------------------------------------------------
    // Rejections
    // ---------------------------------------------------------------------------------------

    @Test
    void receivePart_ean13ProductCode_rejected() {
        assertRejected(decoder.receivePart("4006381333931"), Cause.NOT_A_FRAME, "product barcode");
        assertRejected(decoder.receivePart("4006381333931\r\n"), Cause.NOT_A_FRAME, "product barcode");
    }

    @Test
    void receivePart_longDigitStringThatIsNoFrame_rejectedByChecksum() {
        // A stray code long enough to look like a frame: 13 digits of EAN-13 repeated.
        assertRejected(decoder.receivePart("4006381333931".repeat(5)), Cause.CHECKSUM, "checksum does not match");
    }

    @Test
    void receivePart_oneDigitChangedAnywhere_rejectedByChecksum() {
        String frame = frames.get(1);
        List<String> absorbed = new ArrayList<>();
        for (int position = 0; position < frame.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (frame.charAt(position) == digit) {
                    continue;
                }
                char[] changed = frame.toCharArray();
                changed[position] = digit;
                ScanResult result = decoder.receivePart(new String(changed));
                if (!(result instanceof Rejected r && r.cause() == Cause.CHECKSUM)) {
                    absorbed.add("position " + position + " -> " + digit + ": " + result);
                }
            }
        }
        assertThat(absorbed).as("every header, payload and checksum position").isEmpty();
        assertThat(decoder.estimatedPercentComplete()).isZero();
    }

    @Test
    void receivePart_adjacentDigitsSwapped_rejectedByChecksum() {
        String frame = frames.get(0);
        List<Integer> absorbed = new ArrayList<>();
        for (int i = 0; i + 1 < frame.length(); i++) {
            char[] c = frame.toCharArray();
            if (c[i] == c[i + 1]) {
                continue;
            }
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
            if (!(decoder.receivePart(new String(c)) instanceof Rejected)) {
                absorbed.add(i);
            }
        }
        assertThat(absorbed).isEmpty();
    }

    @Test
    void receivePart_truncatedFrame_rejected() {
        String frame = frames.get(0);
        for (int cut : new int[] {1, 10, frame.length() / 2, frame.length() - 20}) {
            ScanResult result = decoder.receivePart(frame.substring(0, frame.length() - cut));
            assertThat(result).as("cut %d", cut).isInstanceOf(Rejected.class);
        }
        assertRejected(decoder.receivePart(frame.substring(0, 20)), Cause.NOT_A_FRAME, "too few");
    }

    @Test
    void receivePart_frameWithWrongTotal_rejected() {
        decoder.receivePart(frames.get(0));
        Frame genuine = parse(frames.get(1));
        String forged = new Frame(genuine.bundleId(), 2, 6, genuine.payload()).text();

        assertRejected(decoder.receivePart(forged), Cause.INCONSISTENT, "has 6 frames, but earlier frames said 5");
    }

    @Test
    void receivePart_indexBeyondTotal_rejected() {
        Frame genuine = parse(frames.get(1));
        assertRejected(decoder.receivePart(new Frame(genuine.bundleId(), 6, 5, genuine.payload()).text()),
                Cause.MALFORMED, "number 6 of 5");
        assertRejected(decoder.receivePart(new Frame(genuine.bundleId(), 0, 5, genuine.payload()).text()),
                Cause.MALFORMED, "number 0 of 5");
    }

    @Test
    void receivePart_sameIndexWithOtherContent_rejected() {
        decoder.receivePart(frames.get(1));
        Frame genuine = parse(frames.get(1));
        byte[] changed = genuine.payload().clone();
        changed[0] ^= 1;
        assertRejected(decoder.receivePart(new Frame(genuine.bundleId(), 2, 5, changed).text()),
                Cause.INCONSISTENT, "differs from the copy read before");
    }

    @Test
    void receivePart_frameOfSameBundleAtOtherDensity_rejected() {
        QrEncoder denser = new QrEncoder(bundle, QrOptions.of(10, EcLevel.L));
        decoder.receivePart(frames.get(0));
        Frame other = parse(denser.frames().get(1));
        // Same bundle id, forged to claim the same total, but a different frame size.
        assertRejected(decoder.receivePart(new Frame(other.bundleId(), 2, 5, other.payload()).text()),
                Cause.INCONSISTENT, "different QR density");
    }

    @Test
    void receivePart_framesThatFailTheBundleDigest_rejectedAndRestarted() {
        Frame first = parse(frames.get(0));
        byte[] changed = first.payload().clone();
        changed[5] ^= 0x40;
        decoder.receivePart(new Frame(first.bundleId(), 1, 5, changed).text());
        for (String frame : frames.subList(1, 4)) {
            decoder.receivePart(frame);
        }

        assertRejected(decoder.receivePart(frames.get(4)), Cause.BUNDLE_DIGEST, "reading restarted");
        assertThat(decoder.estimatedPercentComplete()).isZero();
        assertThat(decoder.bundleId()).isEmpty();
    }

    @Test
    void receivePart_unknownFormatDigit_rejected() {
        String frame = frames.get(0);
        String body = "2" + frame.substring(1, frame.length() - 10);
        String reformatted = body + String.format("%010d", Frame.checksum(body, body.length()));
        assertRejected(decoder.receivePart(reformatted), Cause.UNSUPPORTED_FORMAT, "frame format 2");
    }

    @Test
    void receivePart_payloadBlockOutOfRange_rejected() {
        String header = frames.get(0).substring(0, 15);
        String body = header + "9".repeat(29);
        assertRejected(decoder.receivePart(body + String.format("%010d", Frame.checksum(body, body.length()))),
                Cause.MALFORMED, "malformed payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\n", "\t", "   "})
    void receivePart_emptyScan_rejected(String scanned) {
        assertRejected(decoder.receivePart(scanned), Cause.EMPTY, "nothing was scanned");
    }

    @Test
    void receivePart_null_rejectedAsEmpty() {
        assertRejected(decoder.receivePart(null), Cause.EMPTY, "nothing was scanned");
    }

    @Test
    void receivePart_letters_rejected() {
        assertRejected(decoder.receivePart("UR:BYTES/1-3/LPADAXCFAXHFCY"), Cause.NOT_DIGITS, "a letter at position 1");
        String frame = frames.get(0);
        assertRejected(decoder.receivePart(frame.substring(0, 30) + "A" + frame.substring(31)),
                Cause.NOT_DIGITS, "position 31");
        assertRejected(decoder.receivePart(frame.substring(0, 30) + "!" + frame.substring(31)),
                Cause.NOT_DIGITS, "U+0021");
    }

    @Test
    void rejections_leaveProgressUnchanged() {
        decoder.receivePart(frames.get(0));
        for (String junk : Arrays.asList("4006381333931", "", "abc", frames.get(1).substring(0, 100))) {
            decoder.receivePart(junk);
        }
        assertThat(decoder.receivePart(frames.get(0))).isEqualTo(new Progress(1, 5, 20));
    }

    private static Frame parse(String frame) {
        try {
            return Frame.parse(frame);
        } catch (FrameRejected e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRejected(ScanResult result, Cause cause, String messagePart) {
        assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.cause()).isEqualTo(cause);
            assertThat(r.reason()).contains(messagePart);
        });
    }
}
