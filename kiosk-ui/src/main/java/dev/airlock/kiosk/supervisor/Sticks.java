package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.airlock.appliance.devices.Stick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Small helpers for picking sticks and files on them. */
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

    /** Regular files directly in {@code dir} matching {@code wanted}, newest name last. */
    static List<Path> files(Path dir, Predicate<String> wanted) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> wanted.test(p.getFileName().toString())).sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            // an unreadable stick just lists nothing
        }
        return out;
    }
}
