package dev.airlock.kiosk.qr;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.qr.QrRenderer;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

/**
 * Shows a bundle as QR frames, black on white and big: "frame n of m", auto-cycling at 1 to 5
 * frames per second on a server-side timer (pushed), with pause and step back/forward for
 * one-at-a-time scanning, and a density choice (version 10 / 15 / 20) that re-encodes.
 */
public final class QrFramesDisplay extends Composite<VerticalLayout> {
    /** Versions offered for density. */
    public static final List<Integer> VERSIONS = List.of(10, 15, 20);
    /** Speeds offered, frames per second. */
    public static final List<Integer> SPEEDS = List.of(1, 2, 3, 4, 5);
    /** Pixels per module of the rendered PNG; the browser scales it to the screen (pixelated). */
    static final int PIXELS_PER_MODULE = 8;

    final Image image = new Image();
    final Span counter = new Span();
    final Span bundleLabel = new Span();
    QrControls controls;

    private final byte[] bundle; // null when built from fixed frames: no re-encoding
    private QrOptions options;
    private List<String> frames;
    private String bundleId;
    private int index;
    private boolean playing = true;
    private int fps;
    private final FrameTimer timer = new FrameTimer();

    /** Frames of {@code bundle} (its envelope bytes) at {@code version}, level M; density can change. */
    public QrFramesDisplay(byte[] bundle, int version, int fps) {
        this.bundle = bundle.clone();
        this.fps = clampFps(fps);
        encode(QrOptions.of(version, QrOptions.DEFAULT_EC_LEVEL));
        build();
    }

    /** The frames of an existing encoder; the density choice is hidden (the bundle bytes are not known). */
    public QrFramesDisplay(QrEncoder encoder, int fps) {
        this.bundle = null;
        this.fps = clampFps(fps);
        this.options = encoder.options();
        this.frames = encoder.frames();
        this.bundleId = encoder.bundleId();
        build();
    }

    private void build() {
        VerticalLayout root = getContent();
        root.addClassName("qr-frames");
        root.setAlignItems(FlexComponent.Alignment.CENTER);
        root.setPadding(false);
        image.setId("qr-frame-image");
        image.addClassName("qr-frames-image");
        counter.setId("qr-frame-counter");
        counter.addClassName("qr-frames-counter");
        bundleLabel.addClassName("qr-frames-bundle");

        controls = new QrControls(this::step, () -> setPlaying(!playing), bundle != null, options.version(), v -> {
            if (v != options.version()) {
                setVersion(v);
            }
        }, fps, this::setFramesPerSecond);
        Div frame = new Div(image);
        frame.addClassName("qr-frames-symbol");
        root.add(frame, new HorizontalLayout(counter, bundleLabel), controls);
        show();
    }

    // --- API ---

    /** 0-based index of the frame shown. */
    public int frameIndex() {
        return index;
    }

    public int frameCount() {
        return frames.size();
    }

    /** The digits of the frame shown. */
    public String currentFrame() {
        return frames.get(index);
    }

    public List<String> frames() {
        return frames;
    }

    public QrOptions options() {
        return options;
    }

    public String bundleId() {
        return bundleId;
    }

    public boolean isPlaying() {
        return playing;
    }

    public int framesPerSecond() {
        return fps;
    }

    /** Shows the next ({@code +1}) or previous ({@code -1}) frame, wrapping around. */
    public void step(int delta) {
        int n = frames.size();
        index = ((index + delta) % n + n) % n;
        show();
    }

    /** Starts or stops the auto-cycle. */
    public void setPlaying(boolean play) {
        playing = play;
        reschedule();
        controls.showPlaying(frames.size(), playing);
    }

    public void setFramesPerSecond(int framesPerSecond) {
        fps = clampFps(framesPerSecond);
        if (controls.speed.getValue() == null || controls.speed.getValue() != fps) {
            controls.speed.setValue(fps);
        }
        reschedule();
    }

    /** Re-encodes the bundle at another version (density); starts again at frame 1. */
    public void setVersion(int version) {
        if (bundle == null) {
            throw new IllegalStateException("built from fixed frames: the density cannot change");
        }
        encode(QrOptions.of(version, QrOptions.DEFAULT_EC_LEVEL));
        index = 0;
        if (controls.density.getValue() == null || controls.density.getValue() != version) {
            controls.density.setValue(version);
        }
        show();
    }

    // --- internals ---

    private void encode(QrOptions o) {
        QrEncoder encoder = new QrEncoder(bundle, o);
        options = o;
        frames = encoder.frames();
        bundleId = encoder.bundleId();
    }

    private void show() {
        String digits = frames.get(index);
        QrOptions o = options;
        int n = index + 1;
        byte[] png = QrRenderer.png(digits, o, PIXELS_PER_MODULE);
        String name = "qr-" + bundleId + "-v" + o.version() + "-" + n + "-of-" + frames.size() + ".png";
        image.setSrc(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(png),
                name, "image/png", png.length)).inline());
        image.setAlt(getTranslation("qr.frameAlt", n, frames.size()));
        counter.setText(getTranslation("qr.counter", n, frames.size()));
        bundleLabel.setText(getTranslation("qr.bundle", bundleId, String.valueOf(o.version())));
        controls.show(frames.size(), playing);
    }

    private void reschedule() {
        UI ui = getUI().orElse(null);
        timer.restart(!playing || frames.size() < 2 ? null : ui, fps, () -> {
            if (playing) {
                step(1);
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        reschedule();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        timer.stop();
        super.onDetach(detachEvent);
    }

    private static int clampFps(int f) {
        return Math.max(1, Math.min(5, f));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "QrFramesDisplay[%d/%d %s]", index + 1, frames.size(), options);
    }
}
