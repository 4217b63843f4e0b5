package dev.airlock.kiosk.imports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.merge.Merge;
import dev.airlock.appliance.merge.MergeOutcome;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.BundlesList;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StickPicker;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Import: a transfer stick holding the gateway's response is detected, verified and merged with
 * progress, then summarised (CIDs received, rejections explained, already merged, refused files);
 * or the response is scanned as QR frames and merged the same way.
 */
@Route(value = "import", layout = MainLayout.class)
@ForRole(ApplianceInfo.Role.LAB)
public final class ImportView extends VerticalLayout implements HasDynamicTitle {
    final StickPicker stick = new StickPicker(s -> s.responseFiles() > 0, StickPicker::any);
    final Span stickStatus = new Span();
    final Button stickImport = new Button();
    final Button scan = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final MergeSummary summary = new MergeSummary();
    final ScanBox scanBox;
    final BundlesList bundles;

    private final ObjectProvider<BundleLedger> ledger;
    private final ObjectProvider<Merge> merge;
    private final KioskSession session;
    private final BackgroundWork work;
    private final Devices devices;

    public ImportView(ObjectProvider<BundleLedger> ledger, ObjectProvider<Merge> merge, KioskSession session,
            BackgroundWork work, Devices devices) {
        this.ledger = ledger;
        this.merge = merge;
        this.session = session;
        this.work = work;
        this.devices = devices;
        this.scanBox = new ScanBox(devices, this::scanned);
        this.bundles = new BundlesList(ledger);
        addClassNames("kiosk-view", "import-view");
        configureStick();
        configureScan();
        add(new H1(getTranslation("import.title")), stickBox(), scanBox, progress, progressText, summary,
                new H2(getTranslation("bundles.title")), bundles);
        devices.onSticksChanged(this, this::refreshSticks);
        devices.onCode(this, code -> scanBox.setVisible(true)); // a scan arrives: show what it did
        refreshSticks();
    }

    // --- composition ---

    private void configureStick() {
        stick.setId("import-stick");
        stick.setLabel(getTranslation("import.stick"));
        stick.setItemLabelGenerator(s -> getTranslation("import.stick.item", s.label(), s.responseFiles(),
                s.root().toString()));
        stick.addValueChangeListener(e -> updateStickStatus());
        stickStatus.setId("import-stick-status");
        stickStatus.addClassName("import-stick-status");
        stickImport.setId("import-stick-import");
        stickImport.setText(getTranslation("import.verifyAndImport"));
        stickImport.setIcon(VaadinIcon.CHECK_CIRCLE.create());
        stickImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stickImport.addClassName("import-big-button");
        stickImport.addClickListener(e -> importStick());
        progress.setId("import-progress");
        progress.setVisible(false);
        progressText.setId("import-progress-text");
    }

    private VerticalLayout stickBox() {
        HorizontalLayout row = new HorizontalLayout(stick, stickImport, scan);
        row.setAlignItems(FlexComponent.Alignment.END);
        row.setWrap(true);
        VerticalLayout box = new VerticalLayout(stickStatus, row);
        box.setPadding(false);
        box.addClassName("import-stick-box");
        return box;
    }

    private void configureScan() {
        scan.setId("import-scan");
        scan.setText(getTranslation("import.scan"));
        scan.setIcon(VaadinIcon.QRCODE.create());
        scan.addClassName("import-big-button");
        scan.addClickListener(e -> scanBox.toggle());
    }

    // --- behaviour ---

    void refreshSticks() {
        stick.show(devices.sticks());
        updateStickStatus();
    }

    private void updateStickStatus() {
        Stick s = stick.getValue();
        stickImport.setEnabled(s != null);
        stickStatus.setText(s == null ? getTranslation("import.stick.none")
                : getTranslation("import.stick.found", s.label(), s.responseFiles(),
                        merge.getObject().countUnmerged(s.root())));
        stickStatus.setClassName("import-stick-found", s != null);
    }

    /** Verifies and merges every response on the chosen stick. */
    void importStick() {
        Stick s = stick.getValue();
        if (s == null) {
            return;
        }
        Merge merge = this.merge.getObject();
        Actor actor = session.actor();
        int files = Math.max(1, s.responseFiles());
        start(getTranslation("import.verifying", s.label()));
        work.run(UI.getCurrent(), p -> {
            List<MergeOutcome> done = new ArrayList<>();
            merge.importPaths(List.of(s.root()), actor, o -> {
                done.add(o);
                p.report(Math.min(1.0, done.size() / (double) files),
                        getTranslation("import.progress", done.size(), files));
            });
            return done;
        }, this::progress, this::showSummary, this::failed);
    }

    /** The scan panel reassembled a bundle: verify and merge it like a file. */
    void scanned(byte[] envelope) {
        SignedBundle bundle;
        try {
            bundle = SignedBundle.parse(envelope);
        } catch (FormatException e) {
            showSummary(List.of(new MergeOutcome.Refused(getTranslation("import.qrSource"),
                    getTranslation("import.qrMalformed", Sentence.of(e)))));
            return;
        }
        Merge merge = this.merge.getObject();
        Actor actor = session.actor();
        String source = getTranslation("import.qrSource");
        start(getTranslation("import.verifyingQr"));
        work.run(UI.getCurrent(), p -> List.of(merge.merge(bundle, source, actor)), this::progress,
                this::showSummary, this::failed);
    }

    private void start(String text) {
        stickImport.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText(text);
        summary.setVisible(false);
    }

    private void progress(double fraction, String text) {
        if (fraction >= 0) {
            progress.setIndeterminate(false);
            progress.setValue(fraction);
        }
        progressText.setText(text);
    }

    private void failed(Exception e) {
        progress.setVisible(false);
        progressText.setText(getTranslation("import.failed", Sentence.of(e)));
        updateStickStatus();
    }

    void showSummary(List<MergeOutcome> outcomes) {
        progress.setVisible(false);
        progressText.setText("");
        summary.show(outcomes);
        bundles.refresh();
        refreshSticks();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }
}
