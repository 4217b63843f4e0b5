package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Collect: the lab stick's collected files taken in with a progress bar and one line per file,
 * and one product typed in by hand with a read-back before it is saved.
 */
@Route(value = "collect", layout = MainLayout.class)
@PageTitle("Airlock · Collect")
@ForRole(ApplianceInfo.Role.LAB)
public class CollectView extends VerticalLayout {
    /** Lines of ordinary outcomes shown; rejected files are always shown. */
    static final int SHOWN_OUTCOMES = 300;

    final Div sticks = new Div();
    final RadioButtonGroup<Stick> stickChoice = new RadioButtonGroup<>();
    final Button importStick = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div outcomes = new Div();
    final Span summary = new Span();
    final ManualEntryForm manual;
    final Span manualResult = new Span();
    final Paragraph unchangedHint = new Paragraph();
    final CollectorKitPanel kit;
    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<Collect> intake;
    private final ObjectProvider<MakVault> makVault;
    private final KioskSession session;
    private final Devices devices;
    private final BackgroundWork work;
    private boolean running;
    private int shown;
    private int hidden;

    public CollectView(ObjectProvider<InventoryService> inventory, ObjectProvider<Collect> intake,
            ObjectProvider<MakVault> makVault, KioskSession session,
            Devices devices, BackgroundWork work, Seal seal) {
        this.inventory = inventory;
        this.intake = intake;
        this.makVault = makVault;
        this.session = session;
        this.devices = devices;
        this.work = work;
        addClassNames("kiosk-view", "collect-view");
        manual = new ManualEntryForm(inventory.getObject().knownProducts());
        kit = new CollectorKitPanel(makVault, intake, session, seal, () -> devices.media().pollNow());
        configureStickPanel();
        configureManual();
        add(new H1(getTranslation("collect.title")), new H2(getTranslation("collect.stick.title")), sticks,
                stickChoice, importStick, progress, progressText, summary, unchangedHint, outcomes,
                new H2(getTranslation("collect.kit.title")), kit,
                new H2(getTranslation("collect.manual.title")), manual, manualResult);
        showSticks(devices.sticks());
        devices.onMedia(this, e -> showSticks(devices.sticks()));
    }

    private void configureStickPanel() {
        sticks.setId("collect-sticks");
        sticks.addClassName("collect-sticks");
        stickChoice.setId("collect-stick-choice");
        stickChoice.setLabel(getTranslation("collect.stick.choose"));
        stickChoice.setItemLabelGenerator(s -> getTranslation("collect.stick.item", s.label(), s.root().toString(),
                s.collectedFiles() + s.resultFiles()));
        stickChoice.addValueChangeListener(e -> updateImportButton());
        importStick.setId("collect-stick-import");
        importStick.setIcon(VaadinIcon.DOWNLOAD.create());
        importStick.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        importStick.addClickListener(e -> {
            Stick s = stickChoice.getValue();
            if (s != null) {
                importFrom(s.root(), s.collectedFiles() + s.resultFiles());
            }
        });
        progress.setId("collect-progress");
        progress.setVisible(false);
        progressText.addClassName("collect-progress-text");
        outcomes.setId("collect-outcomes");
        outcomes.addClassName("collect-outcomes");
        summary.setId("collect-summary");
        summary.addClassName("collect-summary");
        unchangedHint.setId("collect-unchanged-hint");
        unchangedHint.addClassName("collect-hint");
        unchangedHint.setVisible(false);
    }

    private void configureManual() {
        manualResult.setId("collect-manual-result");
        manualResult.addClassName("collect-manual-result");
        manual.addSaveListener(e -> save(e.entry()));
    }

    /** Larger files count as new without being read (intake says what is wrong with them). */
    private static final long MAX_FILE_BYTES = 8L << 20;

    /** Shows the sticks present; offers an import for lab sticks holding collected or result files. */
    void showSticks(List<Stick> present) {
        kit.showSticks(present);
        sticks.removeAll();
        if (present.isEmpty()) {
            sticks.add(new Span(getTranslation("collect.stick.none")));
        }
        for (Stick s : present) {
            Div card = new Div();
            card.addClassNames("collect-stick", "collect-stick-" + s.kind().name().toLowerCase(java.util.Locale.ROOT));
            Span label = new Span(s.label());
            label.addClassName("collect-stick-label");
            Span kind = new Span(getTranslation("collect.stick.kind." + s.kind().name().toLowerCase(
                    java.util.Locale.ROOT)));
            kind.addClassName("collect-stick-kind");
            Span files;
            if (s.kind() == StickKind.LAB) {
                int fresh = intake.getObject().countNew(s.root(), MAX_FILE_BYTES).total();
                files = new Span(getTranslation("collect.stick.files", s.collectedFiles(), s.resultFiles(), fresh));
            } else {
                // a transfer, empty or unknown stick holds nothing to collect: say what it is for instead
                files = new Span(getTranslation("collect.stick.note." + s.kind().name().toLowerCase(
                        java.util.Locale.ROOT)));
            }
            card.add(label, kind, files);
            sticks.add(card);
        }
        List<Stick> usable = present.stream()
                .filter(s -> s.kind() == StickKind.LAB && s.collectedFiles() + s.resultFiles() > 0).toList();
        Stick chosen = stickChoice.getValue();
        stickChoice.setItems(usable);
        stickChoice.setVisible(usable.size() > 1);
        Stick keep = chosen == null ? null : usable.stream()
                .filter(s -> Objects.equals(s.root(), chosen.root())).findFirst().orElse(null);
        stickChoice.setValue(keep != null ? keep : usable.isEmpty() ? null : usable.get(0));
        updateImportButton();
    }

    private void updateImportButton() {
        Stick s = stickChoice.getValue();
        importStick.setVisible(s != null);
        if (s != null) {
            importStick.setText(getTranslation("collect.stick.import", s.collectedFiles() + s.resultFiles()));
        }
        importStick.setEnabled(!running);
    }

    /**
     * Takes a stick root (or any folder) in, in the background; {@code expected} files (for the
     * progress bar; 0 when unknown).
     */
    void importFrom(Path root, int expected) {
        if (running) {
            return;
        }
        UI ui = UI.getCurrent();
        start(expected);
        Queue<FileOutcome> done = new ConcurrentLinkedQueue<>();
        var actor = session.actor();
        work.run(ui, p -> {
            int[] n = {0};
            return intake.getObject().ingest(List.of(root), IntakeOptions.defaults(), actor, o -> {
                done.add(o);
                n[0]++;
                p.report(expected > 0 ? Math.min(1.0, n[0] / (double) expected) : -1, "");
            });
        }, (fraction, text) -> {
            drain(done);
            showProgress(fraction, expected);
        }, result -> {
            drain(done);
            finish(result);
        }, error -> {
            drain(done);
            running = false;
            progress.setVisible(false);
            summary.setText(getTranslation("collect.failed", Sentence.of(error)));
            updateImportButton();
        });
    }

    /** Takes {@code root} in on this thread (tests; no watcher or background thread needed). */
    IntakeSummary importNow(Path root) {
        start(0);
        IntakeSummary result = intake.getObject().ingest(List.of(root), IntakeOptions.defaults(),
                session.actor(), this::addOutcome);
        finish(result);
        return result;
    }

    private void start(int expected) {
        running = true;
        shown = 0;
        hidden = 0;
        outcomes.removeAll();
        summary.setText("");
        unchangedHint.setVisible(false);
        progress.setVisible(true);
        progress.setIndeterminate(expected <= 0);
        progress.setValue(0);
        progressText.setText(getTranslation("collect.running"));
        updateImportButton();
    }

    private void showProgress(double fraction, int expected) {
        if (fraction >= 0) {
            progress.setIndeterminate(false);
            progress.setValue(fraction);
            progressText.setText(getTranslation("collect.progress", Math.round(fraction * expected), expected));
        }
    }

    private void drain(Queue<FileOutcome> done) {
        FileOutcome o;
        while ((o = done.poll()) != null) {
            addOutcome(o);
        }
    }

    private void addOutcome(FileOutcome o) {
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
        outcomes.add(line);
    }

    /** One file's outcome in {@code line}: kind, file name, message, and for a conflict the way out. */
    private void fill(Div line, FileOutcome o) {
        line.removeAll();
        line.setClassName("collect-outcome");
        line.addClassName("collect-outcome-" + o.kind().label());
        Span kind = new Span(getTranslation("collect.outcome." + o.kind().label()));
        kind.addClassName("collect-outcome-kind");
        Span file = new Span(o.file().getFileName() == null ? o.file().toString() : o.file().getFileName().toString());
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
        List<FileOutcome> again = new java.util.ArrayList<>();
        intake.getObject().ingest(List.of(o.file()), new IntakeOptions(java.util.Optional.empty(),
                java.util.OptionalLong.of(machine)), session.actor(), again::add);
        again.stream().filter(n -> n.kind() != FileOutcome.Kind.SKIPPED).findFirst().ifPresent(n -> fill(line, n));
        again.stream().findFirst().ifPresent(n -> Notification.show(getTranslation("collect.sameAsDone",
                getTranslation("collect.outcome." + n.kind().label()), n.message()), 5000,
                Notification.Position.BOTTOM_CENTER));
    }

    private void finish(IntakeSummary result) {
        running = false;
        showSticks(devices.sticks());
        progress.setIndeterminate(false);
        progress.setValue(1);
        progressText.setText("");
        if (hidden > 0) {
            outcomes.add(new Div(new Span(getTranslation("collect.moreOutcomes", hidden))));
        }
        summary.setText(getTranslation("collect.summary", result.total(), result.get(FileOutcome.Kind.ACCEPTED),
                result.get(FileOutcome.Kind.UPDATED), result.get(FileOutcome.Kind.UNCHANGED),
                result.get(FileOutcome.Kind.REJECTED)));
        summary.getElement().setAttribute("data-rejected", String.valueOf(result.anyRejected()));
        long unchanged = result.get(FileOutcome.Kind.UNCHANGED);
        unchangedHint.setText(getTranslation("collect.unchangedHint", unchanged));
        unchangedHint.setVisible(unchanged > 0);
        updateImportButton();
    }

    /** Records a confirmed manual entry and says what it did. */
    void save(ManualEntry entry) {
        CollectionOutcome outcome = intake.getObject().addManual(entry, session.actor());
        String text;
        if (outcome instanceof CollectionOutcome.Added a) {
            text = a.notNeeded().isEmpty() ? getTranslation("collect.manual.added", a.hostName())
                    : getTranslation("collect.manual.addedNotNeeded", a.hostName(), String.join("; ", a.notNeeded()));
        } else if (outcome instanceof CollectionOutcome.Updated u) {
            text = getTranslation("collect.manual.updated", u.hostName(), String.join("; ", u.changes()));
        } else if (outcome instanceof CollectionOutcome.Unchanged n) {
            text = getTranslation("collect.manual.unchanged", n.hostName(), n.why());
        } else {
            manual.showError(((CollectionOutcome.Conflict) outcome).message());
            manualResult.setText("");
            return;
        }
        manualResult.setText(text);
        manual.clearIid();
        Notification.show(text, 4000, Notification.Position.BOTTOM_CENTER);
    }
}
