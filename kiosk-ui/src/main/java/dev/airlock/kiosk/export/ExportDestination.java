package dev.airlock.kiosk.export;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.kiosk.ui.StickPicker;
import java.util.List;

/** Where the request goes: the stick to write it to, or QR frames; the progress and the message of the export. */
final class ExportDestination extends VerticalLayout {
    final StickPicker stick = new StickPicker(s -> true, s -> s.kind() != StickKind.LAB);
    final Button write = new Button();
    final Button showQr = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span message = new Span();

    /** {@code write} writes to the chosen stick, {@code showQr} shows the request as QR frames. */
    ExportDestination(Runnable write, Runnable showQr) {
        stick.setId("export-stick");
        stick.setLabel(getTranslation("export.stick"));
        stick.setItemLabelGenerator(s -> getTranslation("export.stick.item", s.label(),
                getTranslation("export.stick.kind." + s.kind().name().toLowerCase()), s.root().toString()));
        stick.setEmptySelectionAllowed(false);
        stick.addValueChangeListener(e -> message.setText(""));
        this.write.setId("export-write");
        this.write.setText(getTranslation("export.write"));
        this.write.setIcon(VaadinIcon.DOWNLOAD.create());
        this.write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        this.write.addClassName("export-big-button");
        this.write.addClickListener(e -> write.run());
        this.showQr.setId("export-show-qr");
        this.showQr.setText(getTranslation("export.showQr"));
        this.showQr.setIcon(VaadinIcon.QRCODE.create());
        this.showQr.addClassName("export-big-button");
        this.showQr.addClickListener(e -> showQr.run());
        progress.setId("export-progress");
        progress.setVisible(false);
        message.setId("export-message");
        message.addClassName("export-message");
        HorizontalLayout buttons = new HorizontalLayout(stick, this.write, this.showQr);
        buttons.setWrap(true);
        buttons.setAlignItems(FlexComponent.Alignment.END);
        add(new H2(getTranslation("export.destination")), buttons, progress, message);
        setPadding(false);
        addClassName("export-destination");
    }

    void showSticks(List<Stick> sticks) {
        List<Stick> shown = stick.show(sticks);
        stick.setHelperText(shown.isEmpty() ? getTranslation("export.stick.none") : null);
    }

    /** Write and QR are offered when {@code any} product would leave. */
    void offer(boolean any) {
        write.setEnabled(any);
        showQr.setEnabled(any);
    }

    /** Write and QR are offered when {@code any} product would leave, and not while an export runs. */
    void setBusy(boolean busy, boolean any) {
        progress.setVisible(busy);
        write.setEnabled(!busy && any);
        showQr.setEnabled(!busy && any);
    }

    void working() {
        progress.setIndeterminate(true);
        message.removeClassName("export-message-error");
        message.setText(getTranslation("export.writing"));
    }

    void fail(String text) {
        message.setText(text);
        message.addClassName("export-message-error");
    }
}
