package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.devices.Stick;
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
import java.nio.file.Path;
import java.util.List;
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
    final StickCards sticks;
    final StickImport stickImport = new StickImport(() -> this.running, this::importFrom);
    final IntakeProgress intakeProgress = new IntakeProgress();
    final CollectOutcomes outcomes;
    final ManualEntryForm manual;
    final Span manualResult = new Span();
    final CollectorKitPanel kit;
    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<Collect> intake;
    private final KioskSession session;
    private final Devices devices;
    private final BackgroundWork work;
    private boolean running;

    public CollectView(ObjectProvider<InventoryService> inventory, ObjectProvider<Collect> intake,
            ObjectProvider<MakVault> makVault, KioskSession session,
            Devices devices, BackgroundWork work, Seal seal) {
        this.inventory = inventory;
        this.intake = intake;
        this.session = session;
        this.devices = devices;
        this.work = work;
        this.sticks = new StickCards(intake);
        this.outcomes = new CollectOutcomes(intake, session);
        addClassNames("kiosk-view", "collect-view");
        manual = new ManualEntryForm(inventory.getObject().knownProducts());
        kit = new CollectorKitPanel(makVault, intake, session, seal, () -> devices.media().pollNow());
        configureManual();
        add(new H1(getTranslation("collect.title")), new H2(getTranslation("collect.stick.title")), sticks,
                stickImport.stickChoice, stickImport.importStick, intakeProgress.progress, intakeProgress.progressText, intakeProgress.summary,
                intakeProgress.unchangedHint, outcomes,
                new H2(getTranslation("collect.kit.title")), kit,
                new H2(getTranslation("collect.manual.title")), manual, manualResult);
        devices.onSticksChanged(this, () -> showSticks(devices.sticks()));
        showSticks(devices.sticks());
    }

    private void configureManual() {
        manualResult.setId("collect-manual-result");
        manualResult.addClassName("collect-manual-result");
        manual.addSaveListener(e -> save(e.entry()));
    }

    /** Shows the sticks present; offers an import for lab sticks holding collected or result files. */
    void showSticks(List<Stick> present) {
        kit.showSticks(present);
        sticks.show(present);
        stickImport.show(present);
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
            intakeProgress.show(fraction, expected);
        }, result -> {
            drain(done);
            finish(result);
        }, error -> {
            drain(done);
            running = false;
            intakeProgress.failed(error);
            stickImport.update();
        });
    }

    /** Takes {@code root} in on this thread (tests; no watcher or background thread needed). */
    IntakeSummary importNow(Path root) {
        start(0);
        IntakeSummary result = intake.getObject().ingest(List.of(root), IntakeOptions.defaults(),
                session.actor(), outcomes::addOutcome);
        finish(result);
        return result;
    }

    private void start(int expected) {
        running = true;
        outcomes.clear();
        intakeProgress.start(expected);
        stickImport.update();
    }

    private void drain(Queue<FileOutcome> done) {
        FileOutcome o;
        while ((o = done.poll()) != null) {
            outcomes.addOutcome(o);
        }
    }

    private void finish(IntakeSummary result) {
        running = false;
        showSticks(devices.sticks());
        outcomes.finish();
        intakeProgress.finish(result);
        stickImport.update();
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
