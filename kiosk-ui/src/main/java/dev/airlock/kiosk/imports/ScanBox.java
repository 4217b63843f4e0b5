package dev.airlock.kiosk.imports;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.qr.QrScanPanel;
import java.util.function.Consumer;

/** The response scanned as QR frames: shown on demand, or as soon as a scan arrives. */
final class ScanBox extends Div {
    final QrScanPanel scanPanel;

    /** Each bundle the frames reassemble goes to {@code scanned}. */
    ScanBox(Devices devices, Consumer<byte[]> scanned) {
        this.scanPanel = new QrScanPanel(devices, scanned);
        addClassName("import-scan-box");
        add(new H2(getTranslation("import.scan.title")), scanPanel);
        setVisible(false);
    }

    /** Shows the box (ready for a new scan) or hides it. */
    void toggle() {
        setVisible(!isVisible());
        if (isVisible()) {
            scanPanel.reset();
            scanPanel.focusInput();
        }
    }
}
