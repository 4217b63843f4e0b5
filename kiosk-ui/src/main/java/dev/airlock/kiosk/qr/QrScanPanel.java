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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads QR frames from the serial scanner and from a keyboard-wedge field (a focused text field
 * that takes a fast burst of keys ending in Enter or Tab; AZERTY digits are read as digits by the
 * decoder), shows the percent and "frames received n of m", explains every refused scan, and hands
 * the reassembled bundle bytes (a signed envelope, not yet verified) to {@code onComplete}.
 */
public final class QrScanPanel extends Composite<VerticalLayout> {
    private static final Pattern OTHER_ID = Pattern.compile("another bundle \\(id (\\d+)\\)");

    final TextField input = new TextField();
    final ProgressBar progress = new ProgressBar(0, 100, 0);
    final Span percent = new Span();
    final Span frames = new Span();
    final Span message = new Span();
    final Button reset = new Button();

    private final Consumer<byte[]> onComplete;
    private QrDecoder decoder = new QrDecoder();
    private boolean completed;

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
        frames.addClassName("qr-scan-frames");
        message.setId("qr-scan-message");
        message.addClassName("qr-scan-message");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");

        reset.setId("qr-scan-reset");
        reset.setText(getTranslation("qr.scan.reset"));
        reset.setIcon(VaadinIcon.REFRESH.create());
        reset.addClickListener(e -> reset());

        HorizontalLayout counts = new HorizontalLayout(percent, frames);
        counts.setAlignItems(FlexComponent.Alignment.BASELINE);
        root.add(input, progress, counts, message, reset);
        reset();
    }

    /** Forgets the frames read so far. */
    public void reset() {
        decoder = new QrDecoder();
        completed = false;
        progress.setValue(0);
        percent.setText(getTranslation("qr.scan.percent", 0));
        frames.setText(getTranslation("qr.scan.waiting"));
        say("info", getTranslation("qr.scan.ready"));
        input.setEnabled(true);
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

    /** Percent of frames in, as the decoder estimates it. */
    public int percentComplete() {
        return decoder.estimatedPercentComplete();
    }

    /** Takes one scanned code (from the serial scanner, the wedge field, or a test). */
    public ScanResult receive(String code) {
        ScanResult r = decoder.receivePart(code);
        if (r instanceof ScanResult.Complete c) {
            showPercent();
            frames.setText(getTranslation("qr.scan.complete"));
            say("ok", getTranslation("qr.scan.completeMessage"));
            if (!completed) {
                completed = true;
                onComplete.accept(c.bundle());
            }
        } else if (r instanceof ScanResult.Progress p) {
            showPercent();
            frames.setText(getTranslation("qr.scan.frames", p.received(), p.total()));
            say("ok", getTranslation("qr.scan.accepted", p.received(), p.total()));
        } else if (r instanceof ScanResult.Rejected x) {
            showPercent();
            say(x.cause() == ScanResult.Cause.EMPTY ? "info" : "error", explain(x));
        }
        return r;
    }

    private void showPercent() {
        int pct = decoder.estimatedPercentComplete();
        progress.setValue(pct);
        percent.setText(getTranslation("qr.scan.percent", pct));
    }

    private String explain(ScanResult.Rejected x) {
        return switch (x.cause()) {
            case EMPTY -> getTranslation("qr.scan.empty");
            case NOT_DIGITS, NOT_A_FRAME -> getTranslation("qr.scan.notAirlock");
            case CHECKSUM -> getTranslation("qr.scan.badFrame");
            case OTHER_BUNDLE -> {
                Matcher m = OTHER_ID.matcher(x.reason());
                yield getTranslation("qr.scan.otherBundle", m.find() ? m.group(1) : "?",
                        decoder.bundleId().orElse("?"));
            }
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
