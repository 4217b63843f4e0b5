package dev.airlock.kiosk.qr;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.airlock.formats.qr.QrDecoder;
import dev.airlock.formats.qr.ScanResult;
import dev.airlock.kiosk.core.Devices;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads QR frames from the serial scanner and from a keyboard-wedge field (a focused text field
 * that takes a fast burst of keys ending in Enter or Tab; AZERTY digits are read as digits by the
 * decoder), shows which bundle it is filling with the percent and "frames received n of m",
 * explains every refused scan, and hands each reassembled bundle (a signed envelope, not yet
 * verified) to {@code onComplete}, once per bundle. Frames of other bundles are kept apart, each
 * with a button to drop it; the bundle being filled is the one with the most frames in (on a tie,
 * the one scanned last).
 */
public final class QrScanPanel extends Composite<VerticalLayout> {
    final TextField input = new TextField();
    final ProgressBar progress = new ProgressBar(0, 100, 0);
    final Span percent = new Span();
    final Span frames = new Span();
    final Span message = new Span();
    final Button reset = new Button();
    /** "Filling bundle 318402". */
    final Span filling = new Span();
    /** One line per other bundle of which frames are in, each with its drop button. */
    final VerticalLayout others = new VerticalLayout();

    private final Consumer<byte[]> onComplete;
    private QrDecoder decoder = new QrDecoder();
    private final Set<String> completed = new HashSet<>();
    /** The bundle shown as being filled. */
    private String fillingId;

    /** A panel fed by the keyboard-wedge field only (e.g. tests); see {@link #listenTo(Devices)}. */
    public QrScanPanel(Consumer<byte[]> onComplete) {
        this.onComplete = onComplete;
        build();
    }

    /** A panel fed by the serial scanner of {@code devices} and the keyboard-wedge field. */
    public QrScanPanel(Devices devices, Consumer<byte[]> onComplete) {
        this(onComplete);
        listenTo(devices);
    }

    /** Also takes the serial scanner's codes while attached. */
    public QrScanPanel listenTo(Devices devices) {
        devices.onCode(this, code -> receive(code.code()));
        return this;
    }

    private void build() {
        VerticalLayout root = getContent();
        root.addClassName("qr-scan");
        root.setPadding(false);
        input.setId("qr-scan-input");
        input.addClassName("qr-scan-input");
        input.setLabel(getTranslation("qr.scan.input"));
        input.setHelperText(getTranslation("qr.scan.inputHelp"));
        input.setWidthFull();
        input.setAutofocus(true);
        input.setClearButtonVisible(false);
        // "change" fires on Enter and when Tab moves the focus away: the end of one scanned code.
        input.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        input.addValueChangeListener(e -> {
            String code = e.getValue();
            if (code == null || code.isBlank()) {
                return;
            }
            input.clear();
            receive(code);
            input.focus();
        });
        input.addKeyDownListener(Key.TAB, e -> input.focus());

        progress.setId("qr-scan-progress");
        progress.addClassName("qr-scan-progress");
        percent.addClassName("qr-scan-percent");
        frames.setId("qr-scan-frames");
        frames.addClassName("qr-scan-frames");
        message.setId("qr-scan-message");
        message.addClassName("qr-scan-message");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");

        reset.setId("qr-scan-reset");
        reset.setText(getTranslation("qr.scan.reset"));
        reset.setIcon(VaadinIcon.REFRESH.create());
        reset.addClickListener(e -> reset());

        filling.setId("qr-scan-filling");
        filling.addClassName("qr-scan-filling");
        others.setId("qr-scan-others");
        others.addClassName("qr-scan-others");
        others.setPadding(false);
        HorizontalLayout counts = new HorizontalLayout(percent, frames);
        counts.setAlignItems(FlexComponent.Alignment.BASELINE);
        root.add(input, filling, progress, counts, message, others, reset);
        reset();
    }

    /** Forgets the frames read so far, of every bundle. */
    public void reset() {
        decoder = new QrDecoder();
        completed.clear();
        showFilling();
        say("info", getTranslation("qr.scan.ready"));
        input.setEnabled(true);
    }

    /** Forgets the frames of one bundle only; the bundle being filled keeps its frames. */
    public void drop(String bundleId) {
        decoder.drop(bundleId);
        showFilling();
        say("info", getTranslation("qr.scan.dropped", bundleId));
    }

    /**
     * Whether the scan field takes the focus when shown (default yes). A panel that sits inside a longer
     * form turns it off so the page opens at its top instead of scrolling to the field.
     */
    public void setAutofocus(boolean autofocus) {
        input.setAutofocus(autofocus);
    }

    /** Puts the keyboard focus in the scan field (a keyboard-wedge scanner types there). */
    public void focusInput() {
        input.focus();
    }

    /** Percent of frames in of the bundle being filled. */
    public int percentComplete() {
        return fillingAssembly().map(a -> a.complete() ? 100 : a.percent()).orElse(0);
    }

    /** Takes one scanned code (from the serial scanner, the wedge field, or a test). */
    public ScanResult receive(String code) {
        Optional<String> previous = decoder.bundleId();
        int setsBefore = decoder.assemblies().size();
        ScanResult r = decoder.receivePart(code);
        boolean newSet = decoder.assemblies().size() > setsBefore;
        String id = decoder.bundleId().orElse("");
        showFilling();
        if (r instanceof ScanResult.Complete c) {
            frames.setText(getTranslation("qr.scan.complete"));
            say("ok", getTranslation("qr.scan.completeMessage", id));
            if (completed.add(id)) {
                onComplete.accept(c.bundle());
            }
        } else if (r instanceof ScanResult.Progress p) {
            boolean anotherOpen = decoder.assemblies().stream().anyMatch(a -> !a.complete()
                    && !a.bundleId().equals(id));
            boolean keptApart = !id.equals(fillingId);
            if (previous.isPresent() && !previous.get().equals(id) && anotherOpen && (newSet || keptApart)) {
                say("info", getTranslation("qr.scan.otherBundle", id, previous.get(), p.received(), p.total()));
            } else {
                say("ok", getTranslation("qr.scan.accepted", p.received(), p.total()));
            }
        } else if (r instanceof ScanResult.Rejected x) {
            say(x.cause() == ScanResult.Cause.EMPTY ? "info" : "error", explain(x));
        }
        return r;
    }

    /**
     * The bundle being filled: of those not yet complete, the one with the most frames in, on a tie
     * the one the last frame belonged to. A bundle just completed stays shown until a frame of
     * another one comes.
     */
    private Optional<QrDecoder.Assembly> fillingAssembly() {
        Optional<String> current = decoder.bundleId();
        QrDecoder.Assembly best = null;
        for (QrDecoder.Assembly a : decoder.assemblies()) {
            boolean isCurrent = current.map(a.bundleId()::equals).orElse(false);
            if (a.complete()) {
                if (isCurrent) {
                    return Optional.of(a);
                }
                continue;
            }
            if (best == null || a.received() > best.received() || a.received() == best.received() && isCurrent) {
                best = a;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The bundle being filled (its id, percent and frames) and a line with a drop button for each other one. */
    private void showFilling() {
        Optional<QrDecoder.Assembly> f = fillingAssembly();
        fillingId = f.map(QrDecoder.Assembly::bundleId).orElse(null);
        int pct = percentComplete();
        progress.setValue(pct);
        percent.setText(getTranslation("qr.scan.percent", pct));
        filling.setText(f.map(a -> getTranslation("qr.scan.filling", a.bundleId())).orElse(""));
        filling.setVisible(f.isPresent());
        frames.setText(f.map(a -> a.complete() ? getTranslation("qr.scan.complete")
                : getTranslation("qr.scan.frames", a.received(), a.total())).orElse(getTranslation("qr.scan.waiting")));
        others.removeAll();
        for (QrDecoder.Assembly a : decoder.assemblies()) {
            if (a.complete() || a.bundleId().equals(fillingId)) {
                continue;
            }
            Span line = new Span(getTranslation("qr.scan.otherLine", a.received(), a.total(), a.bundleId()));
            Button drop = new Button(getTranslation("qr.scan.drop", a.bundleId()), e -> drop(a.bundleId()));
            drop.setId("qr-scan-drop-" + a.bundleId());
            drop.addClassName("qr-scan-drop");
            HorizontalLayout row = new HorizontalLayout(line, drop);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassName("qr-scan-other");
            others.add(row);
        }
        // never hidden: an invisible layout would keep its old rows on the page; an empty one takes no room
    }

    private String explain(ScanResult.Rejected x) {
        return switch (x.cause()) {
            case EMPTY -> getTranslation("qr.scan.empty");
            case NOT_DIGITS, NOT_A_FRAME -> getTranslation("qr.scan.notAirlock");
            case CHECKSUM -> getTranslation("qr.scan.badFrame");
            case OTHER_BUNDLE -> getTranslation("qr.scan.tooMany", QrDecoder.MAX_BUNDLES);
            case BUNDLE_DIGEST -> getTranslation("qr.scan.digest");
            case UNSUPPORTED_FORMAT, MALFORMED, INCONSISTENT -> getTranslation("qr.scan.refused", x.reason());
        };
    }

    private void say(String kind, String text) {
        message.setText(text);
        message.removeClassNames("qr-scan-message-ok", "qr-scan-message-error", "qr-scan-message-info");
        message.addClassName("qr-scan-message-" + kind);
    }
}
