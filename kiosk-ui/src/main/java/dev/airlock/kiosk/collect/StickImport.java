package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/** Which lab stick to take in (a choice only when several hold files) and the button that takes it in. */
final class StickImport {
    final RadioButtonGroup<Stick> stickChoice = new RadioButtonGroup<>();
    final Button importStick = new Button();
    private final BooleanSupplier running;

    /** {@code importFrom} takes a stick root in, expecting that many files; nothing while {@code running}. */
    StickImport(BooleanSupplier running, BiConsumer<Path, Integer> importFrom) {
        this.running = running;
        stickChoice.setId("collect-stick-choice");
        stickChoice.setLabel(stickChoice.getTranslation("collect.stick.choose"));
        stickChoice.setItemLabelGenerator(s -> stickChoice.getTranslation("collect.stick.item", s.label(),
                s.root().toString(), s.collectedFiles() + s.resultFiles()));
        stickChoice.addValueChangeListener(e -> update());
        importStick.setId("collect-stick-import");
        importStick.setIcon(VaadinIcon.DOWNLOAD.create());
        importStick.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        importStick.addClickListener(e -> {
            Stick s = stickChoice.getValue();
            if (s != null) {
                importFrom.accept(s.root(), s.collectedFiles() + s.resultFiles());
            }
        });
    }

    /** Offers the lab sticks among {@code present} holding collected or result files, keeping the choice. */
    void show(List<Stick> present) {
        List<Stick> usable = present.stream()
                .filter(s -> s.kind() == StickKind.LAB && s.collectedFiles() + s.resultFiles() > 0).toList();
        Stick chosen = stickChoice.getValue();
        stickChoice.setItems(usable);
        stickChoice.setVisible(usable.size() > 1);
        Stick keep = chosen == null ? null : usable.stream()
                .filter(s -> Objects.equals(s.root(), chosen.root())).findFirst().orElse(null);
        stickChoice.setValue(keep != null ? keep : usable.isEmpty() ? null : usable.get(0));
        update();
    }

    /** The button names the chosen stick's files; it waits while an intake runs. */
    void update() {
        Stick s = stickChoice.getValue();
        importStick.setVisible(s != null);
        if (s != null) {
            importStick.setText(importStick.getTranslation("collect.stick.import",
                    s.collectedFiles() + s.resultFiles()));
        }
        importStick.setEnabled(!running.getAsBoolean());
    }
}
