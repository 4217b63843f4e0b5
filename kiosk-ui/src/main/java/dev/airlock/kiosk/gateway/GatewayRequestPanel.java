package dev.airlock.kiosk.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.qr.QrScanPanel;
import dev.airlock.kiosk.ui.StickPicker;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The gateway's request section: the stick and request file to check (or QR frames to scan), and
 * the summary of who sent the request and what it asks, or why it was refused.
 */
final class GatewayRequestPanel extends VerticalLayout {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    final StickPicker stick = new StickPicker(s -> s.kind() == StickKind.TRANSFER || s.kind() == StickKind.EMPTY,
            s -> s.requestFiles() > 0, StickPicker::any);
    final Select<Path> requestFile = new Select<>();
    final Button verify = new Button();
    final Button scan = new Button();
    final Div scanHolder = new Div();
    final Div summary = new Div();

    private final Devices devices;
    private final Consumer<byte[]> scanned;
    private final Consumer<Stick> stickChosen;
    private boolean running;

    /** Checks a chosen file with {@code verify}, hands scanned bytes to {@code scanned}, tells {@code stickChosen}. */
    GatewayRequestPanel(Devices devices, Consumer<Path> verify, Consumer<byte[]> scanned,
            Consumer<Stick> stickChosen) {
        this.devices = devices;
        this.scanned = scanned;
        this.stickChosen = stickChosen;
        stick.setId("gateway-stick");
        stick.setLabel(getTranslation("gateway.stick"));
        stick.setItemLabelGenerator(s -> getTranslation("gateway.stickItem", s.label(), s.requestFiles()));
        stick.setWidth("24em");
        stick.addValueChangeListener(e -> stickChosen());
        requestFile.setId("gateway-request");
        requestFile.setLabel(getTranslation("gateway.requestFile"));
        requestFile.setItemLabelGenerator(p -> OutsideText.shown(p.getFileName().toString()));
        requestFile.setWidth("28em");
        this.verify.setId("gateway-verify");
        this.verify.setText(getTranslation("gateway.verify"));
        this.verify.setIcon(VaadinIcon.CHECK_CIRCLE.create());
        this.verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        this.verify.addClickListener(e -> {
            Path f = requestFile.getValue();
            if (f != null) {
                verify.accept(f);
            }
        });
        scan.setId("gateway-scan");
        scan.setText(getTranslation("gateway.scan"));
        scan.setIcon(VaadinIcon.QRCODE.create());
        scan.addThemeVariants(ButtonVariant.LUMO_LARGE);
        scan.addClickListener(e -> startScan());
        scanHolder.setId("gateway-scan-panel");
        summary.setId("gateway-summary");
        summary.addClassName("gateway-summary");
        HorizontalLayout row = new HorizontalLayout(stick, requestFile, this.verify, scan);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row, scanHolder, summary);
        setPadding(false);
        addClassName("gateway-section");
    }

    /** Shows the sticks a request can come from or a response go to (never a lab stick). */
    void showSticks(List<Stick> sticks) {
        List<Stick> usable = stick.show(sticks);
        stick.setHelperText(usable.isEmpty() ? getTranslation(sticks.stream().anyMatch(s -> s.kind() == StickKind.LAB)
                ? "gateway.stick.labRefused" : "gateway.stick.none") : "");
        stickChosen();
    }

    private void stickChosen() {
        Stick s = stick.getValue();
        List<Path> files = s == null ? List.of() : GatewayDesk.requestFiles(s.root());
        requestFile.setItems(files);
        if (!files.isEmpty()) {
            requestFile.setValue(files.get(0));
        }
        requestFile.setHelperText(s != null && files.isEmpty() ? getTranslation("gateway.requestFile.none") : "");
        verify.setEnabled(!files.isEmpty() && !running);
        stickChosen.accept(s);
    }

    /** Verify and scan wait while a run goes on. */
    void setRunning(boolean running) {
        this.running = running;
        verify.setEnabled(requestFile.getValue() != null && !running);
        scan.setEnabled(!running);
    }

    private void startScan() {
        scanHolder.removeAll();
        QrScanPanel panel = new QrScanPanel(devices, scanned);
        Button close = new Button(getTranslation("common.close"), e -> scanHolder.removeAll());
        close.setId("gateway-scan-close");
        scanHolder.add(panel, close);
    }

    void closeScan() {
        scanHolder.removeAll();
    }

    void clearSummary() {
        summary.removeAll();
    }

    /** The checked request: which lab sent it, its id and date, what it holds. */
    void showAccepted(String lab, RequestBundle req) {
        summary.removeClassName("gateway-refused");
        summary.add(line(getTranslation("gateway.summary.lab", lab)),
                line(getTranslation("gateway.summary.request", req.id().toString(), WHEN.format(req.created()))),
                line(getTranslation("gateway.summary.records", req.records().size(), req.products().size(),
                        req.queries().size())),
                line(getTranslation("gateway.summary.next")));
    }

    /** Why the request was refused. */
    void showRefused(String reason) {
        summary.removeAll();
        summary.addClassName("gateway-refused");
        summary.add(line(getTranslation("gateway.summary.refused", reason)));
    }

    private static Paragraph line(String text) {
        return new Paragraph(text);
    }
}
