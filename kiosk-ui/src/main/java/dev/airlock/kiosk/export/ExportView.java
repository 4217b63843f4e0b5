package dev.airlock.kiosk.export;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.export.BudgetWarning;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportRefusedException;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.export.Export;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.qr.QrFramesDisplay;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.LeftOut;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StickPicker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Export: choose products, see exactly what will leave the lab, then write a signed request to a
 * transfer stick (lab sticks refused, with the reason) and eject it safely, or show it as QR frames.
 */
@Route(value = "export", layout = MainLayout.class)
@ForRole(ApplianceInfo.Role.LAB)
public final class ExportView extends VerticalLayout implements HasDynamicTitle {
    /** Which products: COLLECTED only, or also EXPORTED (still waiting) and REJECTED ones once more. */
    public enum Which { COLLECTED, AGAIN }

    private static final String ALL_GROUPS = "\u0000all";

    final Select<Which> state = new Select<>();
    final Select<String> group = new Select<>();
    final IntegerField limit = new IntegerField();
    final Div preview = new Div();
    final Span previewSummary = new Span();
    /** Products left out because they need no CID, and why. */
    final Paragraph leftOut = new Paragraph();
    final Paragraph notLeaving = new Paragraph();
    final Grid<ExportRecord> previewGrid = new Grid<>();
    final Div warnings = new Div();
    final Checkbox force = new Checkbox();
    final StickPicker stick = new StickPicker(s -> true, s -> s.kind() != StickKind.LAB);
    final Button write = new Button();
    final Button showQr = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span message = new Span();
    final Div result = new Div();
    final EjectButton eject;
    final Dialog qrDialog = new Dialog();
    QrFramesDisplay qrDisplay;

    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<Export> stickExport;
    private final KioskSession session;
    private final QrStaging qrStaging;
    private final Seal seal;
    private final BackgroundWork work;
    private final Devices devices;
    private final KioskSettings settings;
    private Export.Plan plan = Export.Plan.empty();
    private Stick written;

    public ExportView(ObjectProvider<InventoryService> inventory, ObjectProvider<Export> stickExport,
            KioskSession session, QrStaging qrStaging, Seal seal, BackgroundWork work, Devices devices,
            KioskSettings settings) {
        this.inventory = inventory;
        this.stickExport = stickExport;
        this.session = session;
        this.qrStaging = qrStaging;
        this.seal = seal;
        this.work = work;
        this.devices = devices;
        this.settings = settings;
        this.eject = new EjectButton("export-eject", devices, work,
                () -> Objects.requireNonNullElse(written, stick.getValue()));
        addClassNames("kiosk-view", "export-view");
        configureChoice();
        configurePreview();
        configureDestination();
        configureResult();
        add(new H1(getTranslation("export.title")), choice(), preview, destination(), result);
        devices.onMedia(this, e -> refreshSticks());
        refreshSticks();
        refreshPreview();
    }

    // --- composition ---

    private void configureChoice() {
        state.setId("export-state");
        state.setLabel(getTranslation("export.state"));
        state.setItems(Which.values());
        state.setItemLabelGenerator(w -> getTranslation("export.state." + w.name().toLowerCase()));
        state.setValue(Which.COLLECTED);
        group.setId("export-group");
        group.setLabel(getTranslation("export.group"));
        List<String> groups = new ArrayList<>();
        groups.add(ALL_GROUPS);
        inventory.getObject().status().byGroup().keySet().stream().sorted().forEach(groups::add);
        group.setItems(groups);
        group.setItemLabelGenerator(g -> ALL_GROUPS.equals(g) ? getTranslation("export.group.all")
                : g.isEmpty() ? getTranslation("export.group.none") : g);
        group.setValue(ALL_GROUPS);
        limit.setId("export-limit");
        limit.setLabel(getTranslation("export.limit"));
        limit.setPlaceholder(getTranslation("export.limit.all"));
        limit.setMin(1);
        limit.setStepButtonsVisible(true);
        state.addValueChangeListener(e -> refreshPreview());
        group.addValueChangeListener(e -> refreshPreview());
        limit.addValueChangeListener(e -> refreshPreview());
    }

    private HorizontalLayout choice() {
        HorizontalLayout row = new HorizontalLayout(state, group, limit);
        row.addClassName("export-choice");
        row.setWrap(true);
        return row;
    }

    private void configurePreview() {
        preview.setId("export-preview");
        preview.addClassName("export-preview");
        previewSummary.addClassName("export-preview-summary");
        notLeaving.addClassName("export-not-leaving");
        leftOut.setId("export-left-out");
        leftOut.addClassName("export-left-out");
        leftOut.setVisible(false);
        notLeaving.setText(getTranslation("export.preview.notLeaving"));
        previewGrid.setId("export-preview-grid");
        previewGrid.addClassName("export-preview-grid");
        previewGrid.addColumn(r -> breakAfterDashes(r.sku().toString())).setHeader(getTranslation("export.field.sku"))
                .setFlexGrow(3);
        previewGrid.addColumn(r -> breakAfterDashes(r.app().toString())).setHeader(getTranslation("export.field.app"))
                .setFlexGrow(3);
        previewGrid.addColumn(r -> OutsideText.shown(r.productName())).setHeader(getTranslation("export.field.product"))
                .setFlexGrow(3);
        previewGrid.addColumn(r -> breakAfterDashes(r.epid().toString())).setHeader(getTranslation("export.field.epid"))
                .setFlexGrow(4);
        previewGrid.addColumn(r -> String.join(" ", r.iid().groups())).setHeader(getTranslation("export.field.iid"))
                .setFlexGrow(5);
        // long ids wrap inside their column between groups (styles.css), never inside a group
        previewGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        previewGrid.setAllRowsVisible(false);
        previewGrid.setHeight("260px");
        warnings.setId("export-warnings");
        warnings.addClassName("export-warnings");
        force.setId("export-force");
        force.setLabel(getTranslation("export.force"));
        force.addClassName("export-force");
        preview.add(new H2(getTranslation("export.preview.title")), previewSummary, leftOut, previewGrid, notLeaving,
                warnings, force);
    }

    private void configureDestination() {
        stick.setId("export-stick");
        stick.setLabel(getTranslation("export.stick"));
        stick.setItemLabelGenerator(s -> getTranslation("export.stick.item", s.label(),
                getTranslation("export.stick.kind." + s.kind().name().toLowerCase()), s.root().toString()));
        stick.setEmptySelectionAllowed(false);
        stick.addValueChangeListener(e -> message.setText(""));
        write.setId("export-write");
        write.setText(getTranslation("export.write"));
        write.setIcon(VaadinIcon.DOWNLOAD.create());
        write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        write.addClassName("export-big-button");
        write.addClickListener(e -> writeToStick());
        showQr.setId("export-show-qr");
        showQr.setText(getTranslation("export.showQr"));
        showQr.setIcon(VaadinIcon.QRCODE.create());
        showQr.addClassName("export-big-button");
        showQr.addClickListener(e -> showQrFrames());
        progress.setId("export-progress");
        progress.setVisible(false);
        message.setId("export-message");
        message.addClassName("export-message");
    }

    private VerticalLayout destination() {
        HorizontalLayout buttons = new HorizontalLayout(stick, write, showQr);
        buttons.setWrap(true);
        buttons.setAlignItems(FlexComponent.Alignment.END);
        VerticalLayout box = new VerticalLayout(new H2(getTranslation("export.destination")), buttons, progress,
                message);
        box.setPadding(false);
        box.addClassName("export-destination");
        return box;
    }

    private void configureResult() {
        result.setId("export-result");
        result.addClassName("export-result");
        result.setVisible(false);
        eject.button().addClassName("export-big-button");
        qrDialog.addClassName("export-qr-dialog");
        qrDialog.setWidth("100vw");
        qrDialog.setHeight("100vh");
        qrDialog.setCloseOnOutsideClick(false);
    }

    // --- behaviour ---

    /** Options as chosen; the stick is a placeholder until one is chosen. */
    ExportOptions options(Path stickRoot) {
        ExportOptions o = ExportOptions.to(stickRoot).withAgain(state.getValue() == Which.AGAIN)
                .withForce(force.getValue());
        String g = group.getValue();
        if (g != null && !ALL_GROUPS.equals(g)) {
            o = o.withGroup(g);
        }
        Integer n = limit.getValue();
        if (n != null && n > 0) {
            o = o.withLimit(n);
        }
        return o;
    }

    /** Re-plans and shows what would leave the lab. */
    void refreshPreview() {
        plan = stickExport.getObject().plan(options(Path.of(".")));
        List<ExportRecord> records = new ArrayList<>(plan.products().size());
        for (Product p : plan.products()) {
            records.add(p.toExportRecord());
        }
        previewGrid.setItems(records);
        previewSummary.setText(plan.products().isEmpty() ? getTranslation("export.preview.nothing")
                : getTranslation("export.preview.summary", plan.products().size())
                        + (plan.leftOver() > 0 ? " " + getTranslation("export.preview.leftOver", plan.leftOver()) : ""));
        String out = LeftOut.text(this, "export.preview.notNeeded", plan.notNeeded());
        leftOut.setText(out);
        leftOut.setVisible(!out.isEmpty());
        warnings.removeAll();
        for (BudgetWarning w : plan.warnings()) {
            Paragraph p = new Paragraph(getTranslation("export.warning", w.partialKey(), w.epidPrefix(), w.products(),
                    w.remaining(), w.products() - w.remaining()));
            p.addClassName("export-warning");
            warnings.add(p);
        }
        force.setVisible(!plan.warnings().isEmpty());
        if (plan.warnings().isEmpty()) {
            force.setValue(false);
        }
        boolean any = !plan.products().isEmpty();
        write.setEnabled(any);
        showQr.setEnabled(any);
    }

    void refreshSticks() {
        List<Stick> sticks = stick.show(devices.sticks());
        stick.setHelperText(sticks.isEmpty() ? getTranslation("export.stick.none") : null);
    }

    /** Writes the request to the chosen transfer stick (refusing a lab stick before anything happens). */
    void writeToStick() {
        message.removeClassName("export-message-error");
        message.setText("");
        Stick target = stick.getValue();
        if (target == null) {
            fail(getTranslation("export.stick.choose"));
            return;
        }
        try {
            Export.checkTransferStick(target.root());
        } catch (ExportRefusedException | IOException e) {
            fail(getTranslation("export.refused", Sentence.of(e)));
            return;
        }
        if (!plan.warnings().isEmpty() && !force.getValue()) {
            fail(getTranslation("export.needForce"));
            return;
        }
        ExportOptions o = options(target.root());
        run(o, r -> showWritten(r, target));
    }

    /** Exports into a staging folder in the data dir and shows the request as QR frames. */
    void showQrFrames() {
        message.setText("");
        if (!plan.warnings().isEmpty() && !force.getValue()) {
            fail(getTranslation("export.needForce"));
            return;
        }
        Path staging;
        try {
            staging = qrStaging.newFolder();
        } catch (IOException e) {
            fail(getTranslation("export.failed", Sentence.of(e)));
            return;
        }
        run(options(staging), r -> {
            try {
                byte[] envelope = QrStaging.envelope(r.file());
                showResult(r, false);
                openQr(envelope);
            } catch (Exception e) {
                fail(getTranslation("export.failed", Sentence.of(e)));
            }
        });
    }

    void openQr(byte[] envelope) {
        qrDisplay = new QrFramesDisplay(envelope, settings.intValue(Setting.QR_VERSION),
                settings.intValue(Setting.QR_FRAMES_PER_SECOND));
        Button close = new Button(getTranslation("export.qr.close"), VaadinIcon.CLOSE.create(), e -> qrDialog.close());
        close.setId("export-qr-close");
        close.addClassName("export-big-button");
        qrDialog.removeAll();
        qrDialog.add(qrDisplay, close);
        qrDialog.open();
    }

    private void run(ExportOptions o, java.util.function.Consumer<ExportResult> done) {
        UI ui = UI.getCurrent();
        Export export = stickExport.getObject();
        var actor = session.actor();
        setBusy(true);
        progress.setIndeterminate(true);
        message.removeClassName("export-message-error");
        message.setText(getTranslation("export.writing"));
        work.run(ui, p -> {
            try (Passphrase pass = seal.passphrase()) {
                return export.run(o, pass, actor);
            }
        }, (f, t) -> { }, r -> {
            setBusy(false);
            message.setText("");
            done.accept(r);
            refreshPreview();
            refreshSticks();
        }, e -> {
            setBusy(false);
            fail(e instanceof ExportRefusedException ? getTranslation("export.refused", Sentence.of(e))
                    : getTranslation("export.failed", Sentence.of(e)));
            refreshPreview();
        });
    }

    private void setBusy(boolean busy) {
        progress.setVisible(busy);
        write.setEnabled(!busy && !plan.products().isEmpty());
        showQr.setEnabled(!busy && !plan.products().isEmpty());
    }

    private void showWritten(ExportResult r, Stick target) {
        written = target;
        showResult(r, true);
    }

    private void showResult(ExportResult r, boolean onStick) {
        result.removeAll();
        result.add(new H2(getTranslation("export.result.title")));
        result.add(new Paragraph(getTranslation(onStick ? "export.result.stick" : "export.result.qr",
                r.file().getFileName().toString(), r.products(), r.bundle().id().substring(0, 8))));
        if (r.leftOver() > 0) {
            result.add(new Paragraph(getTranslation("export.result.leftOver", r.leftOver())));
        }
        if (r.skipped() > 0) {
            result.add(new Paragraph(getTranslation("export.result.skipped", r.skipped())));
        }
        if (onStick) {
            eject.clearMessage();
            result.add(new Paragraph(getTranslation("export.result.next")), eject);
        }
        result.setVisible(true);
    }

    private void fail(String text) {
        message.setText(text);
        message.addClassName("export-message-error");
    }

    /** The current plan (for tests). */
    Export.Plan plan() {
        return plan;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("export.title");
    }

    /**
     * The id as shown, with a break allowed after each dash: browsers never break between a dash and
     * a digit, so "03612-04219-..." would otherwise be cut anywhere. The bundle holds the id unchanged.
     */
    static String breakAfterDashes(String id) {
        return id.replace("-", "-\u200B");
    }
}
