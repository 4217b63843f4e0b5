package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;

/** One card per stick present: its label, its kind, and what it holds to collect (or what it is for). */
final class StickCards extends Div {
    /** Larger files count as new without being read (intake says what is wrong with them). */
    private static final long MAX_FILE_BYTES = 8L << 20;

    private final ObjectProvider<Collect> intake;

    StickCards(ObjectProvider<Collect> intake) {
        this.intake = intake;
        setId("collect-sticks");
        addClassName("collect-sticks");
    }

    void show(List<Stick> present) {
        removeAll();
        if (present.isEmpty()) {
            add(new Span(getTranslation("collect.stick.none")));
        }
        for (Stick s : present) {
            Div card = new Div();
            card.addClassNames("collect-stick", "collect-stick-" + s.kind().name().toLowerCase(Locale.ROOT));
            Span label = new Span(s.label());
            label.addClassName("collect-stick-label");
            Span kind = new Span(getTranslation("collect.stick.kind." + s.kind().name().toLowerCase(Locale.ROOT)));
            kind.addClassName("collect-stick-kind");
            Span files;
            if (s.kind() == StickKind.LAB) {
                int fresh = intake.getObject().countNew(s.root(), MAX_FILE_BYTES).total();
                files = new Span(getTranslation("collect.stick.files", s.collectedFiles(), s.resultFiles(), fresh));
            } else {
                // a transfer, empty or unknown stick holds nothing to collect: say what it is for instead
                files = new Span(getTranslation("collect.stick.note." + s.kind().name().toLowerCase(Locale.ROOT)));
            }
            card.add(label, kind, files);
            add(card);
        }
    }
}
