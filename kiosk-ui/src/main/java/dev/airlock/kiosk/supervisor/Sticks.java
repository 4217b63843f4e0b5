package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.airlock.appliance.devices.Stick;
import java.nio.file.Path;
import java.util.List;

/** Small helpers for picking sticks and the files on them. */
final class Sticks {
    private Sticks() {
    }

    /** A stick picker showing label and folder. */
    static ComboBox<Stick> picker(String label, String id) {
        ComboBox<Stick> box = new ComboBox<>(label);
        box.setId(id);
        box.setItemLabelGenerator(s -> s.label() + " (" + s.root() + ")");
        box.setWidth("28em");
        box.addClassName("supervisor-picker");
        return box;
    }

    /** Replaces the items, keeping the selection when that stick is still there. */
    static void refresh(ComboBox<Stick> box, List<Stick> sticks) {
        Stick selected = box.getValue();
        box.setItems(sticks);
        if (selected != null) {
            sticks.stream().filter(s -> s.root().equals(selected.root())).findFirst().ifPresent(box::setValue);
        } else if (sticks.size() == 1) {
            box.setValue(sticks.get(0));
        }
    }

    /** Replaces the files offered, keeping the selection while that file is still there. */
    static void offer(ComboBox<Path> box, List<Path> files) {
        Path selected = box.getValue();
        box.setItems(files);
        if (selected != null && files.contains(selected)) {
            box.setValue(selected);
        }
    }
}
