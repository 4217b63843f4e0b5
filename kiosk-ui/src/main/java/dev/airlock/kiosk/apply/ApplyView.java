package dev.airlock.kiosk.apply;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.apply.ApplyCommand;
import dev.airlock.appliance.apply.KitWritten;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.GroupedDigits;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StateBadge;
import dev.airlock.kiosk.ui.StickPicker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Apply: write the activation kit onto the lab stick, show one product's CID in 8 big lettered
 * groups for typing at the machine (then mark it applied), and take the result files the
 * collector's Apply wrote back from the stick.
 */
@Route(value = "apply", layout = MainLayout.class)
@PageTitle("Airlock · Apply")
@ForRole(ApplianceInfo.Role.LAB)
public class ApplyView extends VerticalLayout {
    /** Most products listed at once; the rest follow when these are done. */
    static final int MAX_LISTED = 500;

    final StickPicker stick = new StickPicker(s -> s.kind() == StickKind.LAB || s.kind() == StickKind.EMPTY,
            s -> s.kind() == StickKind.LAB, StickPicker::any);
    final TextField group = new TextField();
    final Button writeKit = new Button();
    final Paragraph kitResult = new Paragraph();
    final EjectButton eject;
    final Grid<Product> machines = new Grid<>(Product.class, false);
    final Div cidPanel = new Div();
    final Checkbox verified = new Checkbox();
    final Button markApplied = new Button();
    final Span resultsInfo = new Span();
    final Button importResults = new Button();
    final ProgressBar resultsProgress = new ProgressBar();
    final Grid<FileOutcome> outcomes = new Grid<>(FileOutcome.class, false);
    final Paragraph resultsSummary = new Paragraph();
    final Span error = new Span();

    private final ObjectProvider<Apply> apply;
    private final ObjectProvider<Collect> intake;
    private final KioskSession session;
    private final Devices devices;
    private final BackgroundWork work;

    public ApplyView(ObjectProvider<Apply> apply, ObjectProvider<Collect> intake, KioskSession session,
            Devices devices, BackgroundWork work) {
        this.apply = apply;
        this.intake = intake;
        this.session = session;
        this.devices = devices;
        this.work = work;
        this.eject = new EjectButton("apply-eject", devices, work, stick::getValue);
        addClassNames("kiosk-view", "apply-view");
        configureKit();
        configureMachines();
        configureResults();
        error.addClassName("form-error");
        add(new H1(getTranslation("apply.title")), new Paragraph(getTranslation("apply.intro")), error,
                new H2(getTranslation("apply.kit.title")), kitSection(),
                new H2(getTranslation("apply.machines.title")), machinesSection(),
                new H2(getTranslation("apply.results.title")), resultsSection());
        showSticks(devices.sticks());
        devices.onMedia(this, e -> showSticks(devices.sticks()));
        refreshMachines();
    }

    // --- the activation kit ---------------------------------------------------------------

    private void configureKit() {
        stick.setId("apply-kit-stick");
        stick.setLabel(getTranslation("apply.stick"));
        stick.setEmptySelectionAllowed(false);
        stick.setItemLabelGenerator(this::stickLabel);
        stick.setWidth("28em");
        stick.addValueChangeListener(e -> stickChosen());
        group.setId("apply-kit-group");
        group.setLabel(getTranslation("apply.kit.group"));
        group.setHelperText(getTranslation("apply.kit.groupHelp"));
        group.setClearButtonVisible(true);
        writeKit.setId("apply-kit-write");
        writeKit.setText(getTranslation("apply.kit.write"));
        writeKit.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        writeKit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        writeKit.addClickListener(e -> writeKit());
        kitResult.setId("apply-kit-result");
        kitResult.addClassName("apply-result");
    }

    private VerticalLayout kitSection() {
        HorizontalLayout row = new HorizontalLayout(stick, group, writeKit, eject);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        VerticalLayout box = new VerticalLayout(row, kitResult);
        box.addClassName("apply-section");
        box.setPadding(false);
        return box;
    }

    private String stickLabel(Stick s) {
        return getTranslation("apply.stickItem", s.label(), getTranslation("apply.stickKind." + s.kind().name()),
                s.resultFiles());
    }

    /** Shows the sticks the kit may go on: lab sticks and empty ones (never a transfer stick). */
    void showSticks(List<Stick> sticks) {
        List<Stick> usable = stick.show(sticks);
        boolean transferOnly = usable.isEmpty() && sticks.stream().anyMatch(s -> s.kind() == StickKind.TRANSFER);
        stick.setHelperText(usable.isEmpty() ? getTranslation(transferOnly ? "apply.stick.transferOnly"
                : "apply.stick.none") : "");
        stickChosen();
    }

    private void stickChosen() {
        Stick s = stick.getValue();
        boolean present = s != null;
        writeKit.setEnabled(present);
        eject.setEnabled(present);
        int results = present ? s.resultFiles() : 0;
        importResults.setEnabled(results > 0);
        resultsInfo.setText(!present ? getTranslation("apply.results.noStick")
                : results == 0 ? getTranslation("apply.results.none", s.label())
                : getTranslation("apply.results.waiting", results, s.label()));
    }

    void writeKit() {
        Stick s = stick.getValue();
        error.setText("");
        if (s == null) {
            error.setText(getTranslation("apply.stick.none"));
            return;
        }
        Optional<String> g = group.getValue().isBlank() ? Optional.empty() : Optional.of(group.getValue().strip());
        var actor = session.actor();
        Apply kits = apply.getObject();
        writeKit.setEnabled(false);
        kitResult.setText(getTranslation("common.working"));
        work.<KitWritten>run(UI.getCurrent(), p -> kits.writeKit(s.root(), g, actor),
                (f, text) -> { }, kit -> {
                    StringBuilder text = new StringBuilder();
                    if (kit.machines() == 0) {
                        text.append(getTranslation("apply.kit.nothing"));
                    } else {
                        text.append(getTranslation("apply.kit.written", kit.machines(), kit.products(),
                                kit.reusedCids(), kit.kitDir().toString()));
                    }
                    if (!kit.removed().isEmpty()) {
                        text.append(' ').append(getTranslation("apply.kit.removed", kit.removed().size()));
                    }
                    kitResult.setText(text.toString());
                    writeKit.setEnabled(true);
                    devices.media().pollNow();
                }, e -> {
                    kitResult.setText("");
                    error.setText(getTranslation("apply.kit.failed", message(e)));
                    writeKit.setEnabled(true);
                });
    }

    // --- per machine: the CID to type -----------------------------------------------------

    private void configureMachines() {
        machines.setId("apply-machines");
        machines.addColumn(p -> OutsideText.shown(p.hostName())).setHeader(getTranslation("apply.col.machine")).setAutoWidth(true)
                .setFlexGrow(1);
        machines.addColumn(p -> OutsideText.shown(p.name())).setHeader(getTranslation("apply.col.product")).setFlexGrow(2);
        machines.addComponentColumn(p -> new StateBadge(p.state())).setHeader(getTranslation("apply.col.state"))
                .setAutoWidth(true);
        machines.addColumn(p -> OutsideText.shown(p.stateDetail().text())).setHeader(getTranslation("apply.col.detail")).setFlexGrow(2);
        machines.setAllRowsVisible(false);
        machines.setHeight("18em");
        machines.asSingleSelect().addValueChangeListener(e -> showCid(e.getValue()));
        cidPanel.setId("apply-cid");
        cidPanel.addClassName("apply-cid");
        verified.setId("apply-verified");
        verified.setLabel(getTranslation("apply.verified"));
        markApplied.setId("apply-mark-applied");
        markApplied.setText(getTranslation("apply.markApplied"));
        markApplied.setIcon(VaadinIcon.CHECK.create());
        markApplied.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        markApplied.addClickListener(e -> markApplied());
        markApplied.setEnabled(false);
    }

    private VerticalLayout machinesSection() {
        HorizontalLayout actions = new HorizontalLayout(verified, markApplied);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        VerticalLayout box = new VerticalLayout(machines, cidPanel, actions);
        box.addClassName("apply-section");
        box.setPadding(false);
        return box;
    }

    /** Products waiting to be applied by hand: CID received, reusable (reimaged), or applying failed. */
    void refreshMachines() {
        machines.setItems(apply.getObject().waitingForApply(MAX_LISTED));
        showCid(null);
    }

    void showCid(Product p) {
        cidPanel.removeAll();
        markApplied.setEnabled(p != null);
        if (p == null) {
            cidPanel.add(new Paragraph(getTranslation(machines.getListDataView().getItemCount() == 0
                    ? "apply.cid.nothingWaits" : "apply.cid.choose")));
            return;
        }
        Span who = new Span(getTranslation("apply.cid.for", p.name(), p.hostName()));
        who.addClassName("apply-cid-who");
        cidPanel.add(who);
        if (p.cid().isPresent()) {
            GroupedDigits cid = new GroupedDigits(p.cid().get().groups(), true);
            cid.addClassName("apply-cid-groups");
            cidPanel.add(new Paragraph(getTranslation("apply.cid.type")), cid);
        } else {
            cidPanel.add(new Paragraph(getTranslation("apply.cid.none")));
        }
        GroupedDigits iid = new GroupedDigits(p.iid().groups(), false);
        iid.addClassNames("apply-iid-groups", "grouped-digits-small");
        cidPanel.add(new Paragraph(getTranslation("apply.cid.iid")), iid);
        Span cmd = new Span(ApplyCommand.of(p).commandLine());
        cmd.addClassName("apply-command");
        cidPanel.add(new Paragraph(getTranslation("apply.cid.command")), cmd);
        if (p.state() == ProductState.REUSABLE) {
            Paragraph reused = new Paragraph(getTranslation("apply.cid.reusable"));
            reused.addClassName("apply-note");
            cidPanel.add(reused);
        }
        if (p.state() == ProductState.APPLY_FAILED) {
            Paragraph failed = new Paragraph(getTranslation("apply.cid.failedBefore", p.stateDetail().text()));
            failed.addClassName("apply-warning");
            cidPanel.add(failed);
        }
    }

    void markApplied() {
        Product p = machines.asSingleSelect().getValue();
        if (p == null) {
            return;
        }
        error.setText("");
        try {
            Product now = apply.getObject().markApplied(p.id(), verified.getValue(),
                    session.actor());
            kitResult.setText("");
            refreshMachines();
            cidPanel.removeAll();
            Paragraph done = new Paragraph(getTranslation("apply.marked", now.name(), now.hostName(),
                    StateBadge.label(now.state())));
            done.addClassName("apply-done");
            cidPanel.add(done);
            verified.setValue(false);
        } catch (IllegalArgumentException e) {
            error.setText(Sentence.of(e));
        }
    }

    // --- results from the stick ------------------------------------------------------------

    private void configureResults() {
        importResults.setId("apply-results-import");
        importResults.setText(getTranslation("apply.results.import"));
        importResults.setIcon(VaadinIcon.UPLOAD_ALT.create());
        importResults.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        importResults.addClickListener(e -> importResults());
        resultsProgress.setVisible(false);
        resultsProgress.setId("apply-results-progress");
        outcomes.setId("apply-results-outcomes");
        outcomes.addColumn(o -> getTranslation("apply.outcome." + o.kind().name()))
                .setHeader(getTranslation("apply.col.outcome")).setAutoWidth(true).setFlexGrow(0);
        outcomes.addColumn(o -> OutsideText.shown(o.file().getFileName().toString())).setHeader(getTranslation("apply.col.file"))
                .setAutoWidth(true);
        outcomes.addColumn(o -> OutsideText.shown(o.message())).setHeader(getTranslation("apply.col.message")).setFlexGrow(3);
        outcomes.setPartNameGenerator(o -> "apply-outcome-" + o.kind().name().toLowerCase(java.util.Locale.ROOT));
        outcomes.setHeight("14em");
        outcomes.setVisible(false);
        resultsSummary.setId("apply-results-summary");
    }

    private VerticalLayout resultsSection() {
        HorizontalLayout row = new HorizontalLayout(resultsInfo, importResults);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        VerticalLayout box = new VerticalLayout(row, resultsProgress, resultsSummary, outcomes);
        box.addClassName("apply-section");
        box.setPadding(false);
        return box;
    }

    void importResults() {
        Stick s = stick.getValue();
        if (s == null || s.resultFiles() == 0) {
            return;
        }
        UI ui = UI.getCurrent();
        int expected = Math.max(1, s.resultFiles());
        List<FileOutcome> seen = new ArrayList<>();
        outcomes.setItems(seen);
        outcomes.setVisible(true);
        resultsProgress.setVisible(true);
        resultsProgress.setValue(0);
        resultsSummary.setText(getTranslation("apply.results.working"));
        importResults.setEnabled(false);
        Path dir = StickLayout.Folder.RESULTS.on(s.root());
        var actor = session.actor();
        Collect results = intake.getObject();
        work.<IntakeSummary>run(ui, progress -> results.ingest(List.of(dir), IntakeOptions.defaults(), actor, o -> {
            synchronized (seen) {
                seen.add(o);
                progress.report(Math.min(1.0, seen.size() / (double) expected), o.file().getFileName().toString());
            }
        }), (fraction, text) -> {
            resultsProgress.setValue(Math.max(0, Math.min(1, fraction)));
            synchronized (seen) {
                outcomes.setItems(List.copyOf(seen));
            }
        }, summary -> {
            resultsProgress.setValue(1);
            synchronized (seen) {
                outcomes.setItems(List.copyOf(seen));
            }
            resultsSummary.setText(getTranslation("apply.results.done", summary.total(), summary.toString()));
            refreshMachines();
            devices.media().pollNow();
            stickChosen();
        }, e -> {
            resultsSummary.setText("");
            error.setText(getTranslation("apply.results.failed", message(e)));
            stickChosen();
        });
    }

    private static String message(Exception e) {
        return Sentence.of(e);
    }
}
