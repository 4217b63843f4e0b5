package dev.airlock.formats.qr;

/** Bench (not a test): encode one full v20-M frame to PNG; target ≤ 30 ms warm. See {@link BenchSupport} to run. */
public final class QrEncodeBench {
    private QrEncodeBench() {
    }

    public static void main(String[] args) {
        QrOptions options = QrOptions.defaults();
        byte[] bundle = QrSamples.seeded(2024, 5000);
        String frame = new QrEncoder(bundle, options).frames().getFirst();
        System.out.printf("QR frame encode, %s, %d-digit frame (numeric capacity %d)%n", options, frame.length(),
                options.numericCapacity());
        for (int ppm : new int[] {4, 8}) {
            double[] ms = BenchSupport.time(300, 200, () -> QrRenderer.png(frame, options, ppm));
            System.out.printf("  frame -> PNG at %d px/module (%d px): %s  [target <= 30 ms] %s%n", ppm,
                    (options.modules() + 8) * ppm, BenchSupport.summary(ms), BenchSupport.median(ms) <= 30 ? "OK" : "MISSED");
        }
        double[] split = BenchSupport.time(20, 50, () -> new QrEncoder(bundle, options));
        System.out.printf("  split a %d-byte bundle into frames (no rendering): %s%n", bundle.length, BenchSupport.summary(split));
    }
}
