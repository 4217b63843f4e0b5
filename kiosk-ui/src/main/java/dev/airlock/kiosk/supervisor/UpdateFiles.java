package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.update.UpdateService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The updates found on the inserted sticks, each named with the stick it is on. */
final class UpdateFiles extends ComboBox<Path> {
    /** The label of the stick each offered update is on. */
    private final Map<Path, String> stickOf = new HashMap<>();
    private boolean refreshing;

    /** {@code chosen} runs when the supervisor picks another file (not when the sticks are read again). */
    UpdateFiles(Runnable chosen) {
        setId("update-file");
        setLabel(getTranslation("supervisor.update.file"));
        setItemLabelGenerator(p -> getTranslation("supervisor.update.fileOn", p.getFileName(),
                stickOf.getOrDefault(p, "?")));
        setWidth("36em");
        addValueChangeListener(e -> {
            if (!refreshing) {
                chosen.run();
            }
        });
    }

    /**
     * Offers the updates {@code updates} finds on {@code sticks}, keeping the choice while its file
     * is still there (or picking the only one); tells whether the choice changed.
     */
    boolean show(List<Stick> sticks, UpdateService updates) {
        List<Path> found = new ArrayList<>();
        stickOf.clear();
        for (Stick s : sticks) {
            for (Path p : updates.find(s.root())) {
                found.add(p);
                stickOf.put(p, s.label());
            }
        }
        Path selected = getValue();
        refreshing = true;
        try {
            setItems(found);
            if (selected != null && found.contains(selected)) {
                setValue(selected);
            } else if (found.size() == 1) {
                setValue(found.get(0));
            }
        } finally {
            refreshing = false;
        }
        boolean changed = !Objects.equals(selected, getValue());
        setHelperText(found.isEmpty() ? getTranslation("supervisor.update.none") : null);
        return changed;
    }
}
