package dev.airlock.kiosk.export;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.kiosk.ui.EjectButton;

/** What the last export wrote: the file, how many products, what was left over or skipped, and what to do next. */
final class ExportResultPanel extends Div {
    private final EjectButton eject;

    /** Offers {@code eject} after a request written to a stick. */
    ExportResultPanel(EjectButton eject) {
        this.eject = eject;
        setId("export-result");
        addClassName("export-result");
        setVisible(false);
        eject.button().addClassName("export-big-button");
    }

    /** Shows {@code r}, written to a stick ({@code onStick}) or staged to be shown as QR frames. */
    void show(ExportResult r, boolean onStick) {
        removeAll();
        add(new H2(getTranslation("export.result.title")));
        add(new Paragraph(getTranslation(onStick ? "export.result.stick" : "export.result.qr",
                r.file().getFileName().toString(), r.products(), r.bundle().id().substring(0, 8))));
        if (r.leftOver() > 0) {
            add(new Paragraph(getTranslation("export.result.leftOver", r.leftOver())));
        }
        if (r.skipped() > 0) {
            add(new Paragraph(getTranslation("export.result.skipped", r.skipped())));
        }
        if (onStick) {
            eject.clearMessage();
            add(new Paragraph(getTranslation("export.result.next")), eject);
        }
        setVisible(true);
    }
}
