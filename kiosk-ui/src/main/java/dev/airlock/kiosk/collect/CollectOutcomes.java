package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.KioskSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;

/** One line per file taken in (rejected ones always, ordinary ones up to a limit); a conflict offers its way out. */
final class CollectOutcomes extends Div {
    /** Lines of ordinary outcomes shown; rejected files are always shown. */
    static final int SHOWN_OUTCOMES = 300;

    private final ObjectProvider<Collect> intake;
    private final KioskSession session;
    private int shown;
    private int hidden;

    CollectOutcomes(ObjectProvider<Collect> intake, KioskSession session) {
        this.intake = intake;
        this.session = session;
        setId("collect-outcomes");
        addClassName("collect-outcomes");
    }

    /** A new intake starts: no lines. */
    void clear() {
        shown = 0;
        hidden = 0;
        removeAll();
    }

    void addOutcome(FileOutcome o) {
        if (o.kind() == FileOutcome.Kind.SKIPPED) {
            return;
        }
        if (shown >= SHOWN_OUTCOMES && o.kind() != FileOutcome.Kind.REJECTED) {
            hidden++;
            return;
        }
        shown++;
        Div line = new Div();
        fill(line, o);
        add(line);
    }

    /** The intake is over: says how many ordinary lines were not shown, if any. */
    void finish() {
        if (hidden > 0) {
            add(new Div(new Span(getTranslation("collect.moreOutcomes", hidden))));
        }
    }

    /** One file's outcome in {@code line}: kind, file name, message, and for a conflict the way out. */
    private void fill(Div line, FileOutcome o) {
        line.removeAll();
        line.setClassName("collect-outcome");
        line.addClassName("collect-outcome-" + o.kind().label());
        Span kind = new Span(getTranslation("collect.outcome." + o.kind().label()));
        kind.addClassName("collect-outcome-kind");
        Span file = new Span(OutsideText.shown(o.file().getFileName() == null ? o.file().toString()
                : o.file().getFileName().toString()));
        file.addClassName("collect-outcome-file");
        Span message = new Span(o.message());
        message.addClassName("collect-outcome-message");
        line.add(kind, file, message);
        o.sameAs().ifPresent(machine -> line.add(sameAsButton(o, machine, line)));
    }

    /** For a conflict: the operator says the file is that machine (renamed, new board), as intake --same-as. */
    private Button sameAsButton(FileOutcome o, long machine, Div line) {
        Button b = new Button(getTranslation("collect.sameAs", machine));
        b.addClassName("collect-same-as");
        b.getElement().setAttribute("data-machine", String.valueOf(machine));
        b.addClickListener(e -> takeInAs(o, machine, line));
        return b;
    }

    /** Takes one refused file in again as machine {@code machine}; its line shows the new outcome. */
    void takeInAs(FileOutcome o, long machine, Div line) {
        List<FileOutcome> again = new ArrayList<>();
        intake.getObject().ingest(List.of(o.file()), new IntakeOptions(Optional.empty(),
                OptionalLong.of(machine)), session.actor(), again::add);
        again.stream().filter(n -> n.kind() != FileOutcome.Kind.SKIPPED).findFirst().ifPresent(n -> fill(line, n));
        again.stream().findFirst().ifPresent(n -> Notification.show(getTranslation("collect.sameAsDone",
                getTranslation("collect.outcome." + n.kind().label()), n.message()), 5000,
                Notification.Position.BOTTOM_CENTER));
    }
}
