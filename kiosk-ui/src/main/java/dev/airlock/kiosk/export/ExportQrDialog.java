package dev.airlock.kiosk.export;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.airlock.appliance.config.Setting;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.qr.QrFramesDisplay;

/** The exported request as QR frames, full screen, with a big close button. */
final class ExportQrDialog extends Dialog {
    private final KioskSettings settings;
    /** The frames shown last, null before the first. */
    QrFramesDisplay qrDisplay;

    /** Shows frames of the QR version and speed {@code settings} hold. */
    ExportQrDialog(KioskSettings settings) {
        this.settings = settings;
        addClassName("export-qr-dialog");
        setWidth("100vw");
        setHeight("100vh");
        setCloseOnOutsideClick(false);
    }

    /** Opens with {@code envelope} as QR frames. */
    void show(byte[] envelope) {
        qrDisplay = new QrFramesDisplay(envelope, settings.intValue(Setting.QR_VERSION),
                settings.intValue(Setting.QR_FRAMES_PER_SECOND));
        Button close = new Button(getTranslation("export.qr.close"), VaadinIcon.CLOSE.create(), e -> close());
        close.setId("export-qr-close");
        close.addClassName("export-big-button");
        removeAll();
        add(qrDisplay, close);
        open();
    }
}
