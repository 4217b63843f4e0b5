package dev.airlock.kiosk.qr;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.qr.QrRenderer;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-qr-frames");
        t.setDaemon(true);
        return t;
    });

    final Image image = new Image();
    final Span counter = new Span();
    final Span bundleLabel = new Span();
    final Button prev = new Button();
    final Button next = new Button();
    final Button pause = new Button();
    final Select<Integer> density = new Select<>();
    final Select<Integer> speed = new Select<>();

    private final byte[] bundle; // null when built from fixed frames: no re-encoding
    private QrOptions options;
    private List<String> frames;
    private String bundleId;
    private int index;
    private boolean playing = true;
    private int fps;
    private ScheduledFuture<?> tick;

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

        prev.setId("qr-prev");
        prev.setText(getTranslation("qr.prev"));
        prev.setIcon(VaadinIcon.ARROW_LEFT.create());
        prev.addClickListener(e -> step(-1));
        next.setId("qr-next");
        next.setText(getTranslation("qr.next"));
        next.setIcon(VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(true);
        next.addClickListener(e -> step(1));
        pause.setId("qr-pause");
        pause.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pause.addClickListener(e -> setPlaying(!playing));
        for (Button b : List.of(prev, next, pause)) {
            b.addClassName("qr-frames-button");
        }

        density.setId("qr-density");
        density.setLabel(getTranslation("qr.density"));
        density.setItems(VERSIONS);
        density.setItemLabelGenerator(v -> getTranslation("qr.density.version", v));
        density.setValue(options.version());
        density.setVisible(bundle != null);
        density.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != options.version()) {
                setVersion(e.getValue());
            }
        });
        speed.setId("qr-speed");
        speed.setLabel(getTranslation("qr.speed"));
        speed.setItems(SPEEDS);
        speed.setItemLabelGenerator(v -> getTranslation("qr.speed.fps", v));
        speed.setValue(fps);
        speed.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                setFramesPerSecond(e.getValue());
            }
        });

        HorizontalLayout controls = new HorizontalLayout(prev, pause, next, density, speed);
        controls.addClassName("qr-frames-controls");
        controls.setAlignItems(FlexComponent.Alignment.END);
        controls.setWrap(true);
        controls.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
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
        updatePauseButton();
    }

    public void setFramesPerSecond(int framesPerSecond) {
        fps = clampFps(framesPerSecond);
        if (speed.getValue() == null || speed.getValue() != fps) {
            speed.setValue(fps);
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
        if (density.getValue() == null || density.getValue() != version) {
            density.setValue(version);
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
        prev.setEnabled(frames.size() > 1);
        next.setEnabled(frames.size() > 1);
        updatePauseButton();
    }

    private void updatePauseButton() {
        pause.setText(getTranslation(playing ? "qr.pause" : "qr.play"));
        pause.setIcon((playing ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        pause.setEnabled(frames.size() > 1);
    }

    private synchronized void reschedule() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        UI ui = getUI().orElse(null);
        if (!playing || ui == null || frames.size() < 2) {
            return;
        }
        long period = 1000L / fps;
        tick = TIMER.scheduleAtFixedRate(() -> {
            if (ui.isAttached()) {
                ui.access(() -> {
                    if (playing) {
                        step(1);
                    }
                });
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        reschedule();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        synchronized (this) {
            if (tick != null) {
                tick.cancel(false);
                tick = null;
            }
        }
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
