package dev.airlock.kiosk.apply;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.apply.KitWritten;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StickPicker;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;

/** Apply's kit section: the lab stick, an optional lab group, write the activation kit, eject. */
final class ApplyKitPanel extends VerticalLayout {
    final StickPicker stick = new StickPicker(s -> s.kind() == StickKind.LAB || s.kind() == StickKind.EMPTY,
            s -> s.kind() == StickKind.LAB, StickPicker::any);
    final TextField group = new TextField();
    final Button writeKit = new Button();
    final Paragraph kitResult = new Paragraph();
    final EjectButton eject;

    private final ObjectProvider<Apply> apply;
    private final KioskSession session;
    private final Devices devices;
    private final BackgroundWork work;
    private final Consumer<String> error;
    private final Consumer<Stick> stickChosen;

    /** Problems go to {@code error}; {@code stickChosen} hears of every stick chosen (or none). */
    ApplyKitPanel(ObjectProvider<Apply> apply, KioskSession session, Devices devices,
            BackgroundWork work, Consumer<String> error, Consumer<Stick> stickChosen) {
        this.apply = apply;
        this.session = session;
        this.devices = devices;
        this.work = work;
        this.error = error;
        this.stickChosen = stickChosen;
        this.eject = new EjectButton("apply-eject", devices, work, stick::getValue);
        stick.setId("apply-kit-stick");
        stick.setLabel(getTranslation("apply.stick"));
        stick.setEmptySelectionAllowed(false);
        stick.setItemLabelGenerator(s -> getTranslation("apply.stickItem", s.label(),
                getTranslation("apply.stickKind." + s.kind().name()), s.resultFiles()));
        stick.setWidth("28em");
        stick.addValueChangeListener(e -> stickChosen());
        group.setId("apply-kit-group");
        group.setLabel(getTranslation("apply.kit.group"));
        group.setHelperText(getTranslation("apply.kit.groupHelp"));
        group.setClearButtonVisible(true);
        writeKit.setId("apply-kit-write");
        writeKit.setText(getTranslation("apply.kit.write"));
        writeKit.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        writeKit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        writeKit.addClickListener(e -> writeKit());
        kitResult.setId("apply-kit-result");
        kitResult.addClassName("apply-result");
        HorizontalLayout row = new HorizontalLayout(stick, group, writeKit, eject);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row, kitResult);
        addClassName("apply-section");
        setPadding(false);
    }

    /** Shows the sticks the kit may go on: lab sticks and empty ones (never a transfer stick). */
    void showSticks(List<Stick> sticks) {
        List<Stick> usable = stick.show(sticks);
        boolean transferOnly = usable.isEmpty() && sticks.stream().anyMatch(s -> s.kind() == StickKind.TRANSFER);
        stick.setHelperText(usable.isEmpty() ? getTranslation(transferOnly ? "apply.stick.transferOnly"
                : "apply.stick.none") : "");
        stickChosen();
    }

    void stickChosen() {
        Stick s = stick.getValue();
        boolean present = s != null;
        writeKit.setEnabled(present);
        eject.setEnabled(present);
        stickChosen.accept(s);
    }

    void writeKit() {
        Stick s = stick.getValue();
        error.accept("");
        if (s == null) {
            error.accept(getTranslation("apply.stick.none"));
            return;
        }
        Optional<String> g = group.getValue().isBlank() ? Optional.empty() : Optional.of(group.getValue().strip());
        var actor = session.actor();
        Apply kits = apply.getObject();
        writeKit.setEnabled(false);
        kitResult.setText(getTranslation("common.working"));
        work.<KitWritten>run(UI.getCurrent(), p -> kits.writeKit(s.root(), g, actor),
                (f, text) -> { }, kit -> {
                    StringBuilder text = new StringBuilder();
                    if (kit.machines() == 0) {
                        text.append(getTranslation("apply.kit.nothing"));
                    } else {
                        text.append(getTranslation("apply.kit.written", kit.machines(), kit.products(),
                                kit.reusedCids(), kit.kitDir().toString()));
                    }
                    if (!kit.removed().isEmpty()) {
                        text.append(' ').append(getTranslation("apply.kit.removed", kit.removed().size()));
                    }
                    kitResult.setText(text.toString());
                    writeKit.setEnabled(true);
                    devices.media().pollNow();
                }, e -> {
                    kitResult.setText("");
                    error.accept(getTranslation("apply.kit.failed", Sentence.of(e)));
                    writeKit.setEnabled(true);
                });
    }
}
