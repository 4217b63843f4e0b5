package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.qr.QrOptions.EcLevel;
import dev.airlock.formats.qr.ScanResult.Cause;
import dev.airlock.formats.qr.ScanResult.Complete;
import dev.airlock.formats.qr.ScanResult.Rejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Lossy-channel round trips (like Sparrow's BBQRDecoderTest): frames shuffled, duplicated, ~30%
 * dropped then re-sent, mixed with another bundle's frames, AZERTY-typed, with scanner suffixes.
 */
class QrLossyChannelTest {
    private static final String[] SUFFIXES = {"", "\r", "\n", "\r\n", "\t"};

    @Property(tries = 300)
    void lossyChannel_anyBundleAnyDensity_reassemblesExactly(
            @ForAll @IntRange(min = 1, max = 20_000) int length,
            @ForAll long seed,
            @ForAll("versions") int version,
            @ForAll EcLevel level) {
        QrOptions options = QrOptions.of(version, level);
        Random channel = new Random(seed);
        byte[] bundle = QrSamples.seeded(seed, length);
        byte[] otherBundle = QrSamples.seeded(~seed, 1 + channel.nextInt(3000));
        QrEncoder encoder = new QrEncoder(bundle, options);
        QrEncoder other = new QrEncoder(otherBundle, options);
        Assume.that(!other.bundleId().equals(encoder.bundleId()));
        QrDecoder decoder = new QrDecoder();

        // Pass 1: one of ours first, then every frame shuffled with repeats, ~30% dropped, and the
        // other bundle's frames mixed in (each bundle has its own set: the other's never disturb ours).
        List<String> pass = new ArrayList<>();
        for (String frame : encoder.frames()) {
            if (channel.nextDouble() >= 0.3) {
                pass.add(frame);
                if (channel.nextDouble() < 0.2) {
                    pass.add(frame);
                }
            }
        }
        Collections.shuffle(pass, channel);
        for (String frame : other.frames()) {
            if (channel.nextDouble() < 0.3) {
                pass.add(channel.nextInt(pass.size() + 1), frame);
            }
        }
        pass.addFirst(encoder.frames().get(channel.nextInt(encoder.frameCount())));

        ScanResult last = null;
        for (String frame : pass) {
            last = feed(decoder, frame, channel, other, options);
        }
        // Pass 2..n: the display keeps cycling (nextPart) and the scanner still misses ~30%.
        int guard = 0;
        while (!(last instanceof Complete c && Arrays.equals(c.bundle(), bundle))) {
            String frame = encoder.nextPart();
            if (channel.nextDouble() >= 0.3) {
                last = feed(decoder, frame, channel, other, options);
            }
            assertThat(++guard).as("frames shown before completion").isLessThan(100 * encoder.frameCount() + 100);
        }

        assertThat(((Complete) last).bundle()).isEqualTo(bundle);
        assertThat(decoder.result()).hasValueSatisfying(b -> assertThat(b).isEqualTo(bundle));
        assertThat(decoder.estimatedPercentComplete()).isEqualTo(100);
    }

    @Property(tries = 200)
    void decoder_neverCompletesBeforeEveryFrameIsIn(
            @ForAll @IntRange(min = 1, max = 8000) int length, @ForAll long seed) {
        byte[] bundle = QrSamples.seeded(seed, length);
        QrEncoder encoder = new QrEncoder(bundle, QrOptions.of(10, EcLevel.L));
        List<String> frames = new ArrayList<>(encoder.frames());
        Collections.shuffle(frames, new Random(seed));
        QrDecoder decoder = new QrDecoder();

        for (int i = 0; i < frames.size(); i++) {
            ScanResult result = decoder.receivePart(frames.get(i));
            if (i < frames.size() - 1) {
                assertThat(result).isEqualTo(new ScanResult.Progress(i + 1, frames.size(), (i + 1) * 100 / frames.size()));
            } else {
                assertThat(result).isEqualTo(new Complete(bundle));
            }
        }
    }

    @Provide
    Arbitrary<Integer> versions() {
        return Arbitraries.of(10, 15, 20);
    }

    /** Sends one frame through the scanner: maybe AZERTY-typed, with a random suffix. */
    private static ScanResult feed(QrDecoder decoder, String frame, Random channel, QrEncoder other, QrOptions options) {
        String typed = channel.nextDouble() < 0.25 ? QrSamples.azerty(frame) : frame;
        ScanResult result = decoder.receivePart(typed + SUFFIXES[channel.nextInt(SUFFIXES.length)]);
        if (other.frames().contains(frame)) {
            assertThat(result).as("a frame of the other bundle fills its own set").isNotInstanceOf(Rejected.class);
        } else {
            assertThat(result).as("our frame at %s", options).isNotInstanceOf(Rejected.class);
        }
        return result;
    }
}
