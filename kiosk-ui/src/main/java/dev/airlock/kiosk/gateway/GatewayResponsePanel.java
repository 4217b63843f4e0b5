package dev.airlock.kiosk.gateway;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.gateway.GatewayResult;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.qr.QrFramesDisplay;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** The gateway's response section: what the run answered, the response as QR frames, eject the stick. */
final class GatewayResponsePanel extends VerticalLayout {
    final Paragraph result = new Paragraph();
    final Button showQr = new Button();
    final Div qrHolder = new Div();
    final EjectButton eject;

    private final KioskSettings settings;
    private final Consumer<String> error;
    /** The response the last run wrote. */
    Optional<Path> response = Optional.empty();

    /** Shows {@code eject} beside the QR button; a response that cannot be shown is told to {@code error}. */
    GatewayResponsePanel(EjectButton eject, KioskSettings settings, Consumer<String> error) {
        this.eject = eject;
        this.settings = settings;
        this.error = error;
        result.setId("gateway-result");
        result.addClassName("gateway-result");
        showQr.setId("gateway-show-qr");
        showQr.setText(getTranslation("gateway.showQr"));
        showQr.setIcon(VaadinIcon.QRCODE.create());
        showQr.addThemeVariants(ButtonVariant.LUMO_LARGE);
        showQr.setEnabled(false);
        showQr.addClickListener(e -> showQr());
        qrHolder.setId("gateway-qr");
        HorizontalLayout row = new HorizontalLayout(showQr, eject);
        row.setWrap(true);
        add(result, row, qrHolder);
        setPadding(false);
        addClassName("gateway-section");
    }

    /** Forgets the last response: no result text, no QR frames. */
    void clear() {
        result.setText("");
        qrHolder.removeAll();
        response = Optional.empty();
        showQr.setEnabled(false);
    }

    /** What the run settled and where its response went; its QR frames are offered when there is one. */
    void show(GatewayResult r) {
        StringBuilder text = new StringBuilder(getTranslation("gateway.result.counts", r.records(), r.confirmed(),
                r.fromCache(), r.failed(), r.inFlight(), r.unanswered()));
        if (r.responseFile().isPresent()) {
            text.append(' ').append(getTranslation(r.complete() ? "gateway.result.written"
                    : "gateway.result.partial", r.responseFile().get().toString()));
        } else {
            text.append(' ').append(getTranslation("gateway.result.none"));
        }
        if (r.inFlight() > 0) {
            text.append(' ').append(getTranslation("gateway.result.inFlight", r.inFlight()));
        }
        result.setText(text.toString());
        result.getElement().setAttribute("data-complete", String.valueOf(r.complete()));
        response = r.responseFile();
        showQr.setEnabled(response.isPresent());
    }

    void showQr() {
        if (response.isEmpty()) {
            return;
        }
        qrHolder.removeAll();
        try {
            byte[] envelope = GatewayDesk.envelope(response.get());
            qrHolder.add(new QrFramesDisplay(envelope, settings.intValue(Setting.QR_VERSION),
                    settings.intValue(Setting.QR_FRAMES_PER_SECOND)));
        } catch (Exception e) {
            error.accept(getTranslation("gateway.qrFailed", Sentence.of(e)));
        }
    }
}
