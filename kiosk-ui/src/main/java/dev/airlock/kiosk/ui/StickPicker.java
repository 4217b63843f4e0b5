package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.select.Select;
import dev.airlock.appliance.devices.Stick;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A choice of stick: offers the sticks a view can use and, when the sticks change, keeps the one
 * chosen (matched by its folder), else picks the first matching the earliest preference. Label,
 * id, item label and helper text stay with the view.
 */
public final class StickPicker extends Select<Stick> {
    private final Predicate<Stick> usable;
    private final List<Predicate<Stick>> preferred;

    /** {@code usable}: the sticks offered; {@code preferred}: tried in order when none is kept. */
    @SafeVarargs
    public StickPicker(Predicate<Stick> usable, Predicate<Stick>... preferred) {
        this.usable = usable;
        this.preferred = List.of(preferred);
    }

    /** Any stick at all (for a last preference). */
    public static boolean any(Stick s) {
        return true;
    }

    /** Offers the usable ones of {@code sticks}; returns them. */
    public List<Stick> show(List<Stick> sticks) {
        Path chosen = Optional.ofNullable(getValue()).map(Stick::root).orElse(null);
        List<Stick> offered = sticks.stream().filter(usable).toList();
        setItems(offered);
        Optional<Stick> pick = offered.stream().filter(s -> s.root().equals(chosen)).findFirst();
        for (Predicate<Stick> p : preferred) {
            pick = pick.or(() -> offered.stream().filter(p).findFirst());
        }
        pick.ifPresent(this::setValue);
        return offered;
    }
}
