package dev.airlock.kiosk.export;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.export.Export;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportRefusedException;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.Sentence;
import java.io.IOException;
import java.nio.file.Path;
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

    final ExportChoice choice;
    final ExportPreview preview = new ExportPreview();
    final ExportDestination destination = new ExportDestination(this::writeToStick, this::showQrFrames);
    final EjectButton eject;
    final ExportResultPanel result;
    final ExportQrDialog qrDialog;

    private final ObjectProvider<Export> stickExport;
    private final KioskSession session;
    private final QrStaging qrStaging;
    private final Seal seal;
    private final BackgroundWork work;
    private final Devices devices;
    private Export.Plan plan = Export.Plan.empty();
    private Stick written;

    public ExportView(ObjectProvider<InventoryService> inventory, ObjectProvider<Export> stickExport,
            KioskSession session, QrStaging qrStaging, Seal seal, BackgroundWork work, Devices devices,
            KioskSettings settings) {
        this.stickExport = stickExport;
        this.session = session;
        this.qrStaging = qrStaging;
        this.seal = seal;
        this.work = work;
        this.devices = devices;
        this.eject = new EjectButton("export-eject", devices, work,
                () -> Objects.requireNonNullElse(written, destination.stick.getValue()));
        this.choice = new ExportChoice(inventory.getObject().status().byGroup().keySet(), this::refreshPreview);
        this.result = new ExportResultPanel(eject);
        this.qrDialog = new ExportQrDialog(settings);
        addClassNames("kiosk-view", "export-view");
        add(new H1(getTranslation("export.title")), choice, preview, destination, result);
        devices.onSticksChanged(this, this::refreshSticks);
        refreshSticks();
        refreshPreview();
    }

    /** Options as chosen; the stick is a placeholder until one is chosen. */
    ExportOptions options(Path stickRoot) {
        return choice.options(stickRoot, preview.force.getValue());
    }

    /** Re-plans and shows what would leave the lab. */
    void refreshPreview() {
        plan = stickExport.getObject().plan(options(Path.of(".")));
        preview.show(plan);
        destination.offer(!plan.products().isEmpty());
    }

    void refreshSticks() {
        destination.showSticks(devices.sticks());
    }

    /** Writes the request to the chosen transfer stick (refusing a lab stick before anything happens). */
    void writeToStick() {
        destination.message.removeClassName("export-message-error");
        destination.message.setText("");
        Stick target = destination.stick.getValue();
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
        if (!plan.warnings().isEmpty() && !preview.force.getValue()) {
            fail(getTranslation("export.needForce"));
            return;
        }
        ExportOptions o = options(target.root());
        run(o, r -> showWritten(r, target));
    }

    /** Exports into a staging folder in the data dir and shows the request as QR frames. */
    void showQrFrames() {
        destination.message.setText("");
        if (!plan.warnings().isEmpty() && !preview.force.getValue()) {
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
                result.show(r, false);
                qrDialog.show(envelope);
            } catch (Exception e) {
                fail(getTranslation("export.failed", Sentence.of(e)));
            }
        });
    }

    private void run(ExportOptions o, java.util.function.Consumer<ExportResult> done) {
        UI ui = UI.getCurrent();
        Export export = stickExport.getObject();
        var actor = session.actor();
        setBusy(true);
        destination.working();
        work.run(ui, p -> export.run(o, seal.signingKey(actor), actor), (f, t) -> { }, r -> {
            setBusy(false);
            destination.message.setText("");
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
        destination.setBusy(busy, !plan.products().isEmpty());
    }

    private void showWritten(ExportResult r, Stick target) {
        written = target;
        result.show(r, true);
    }

    private void fail(String text) {
        destination.fail(text);
    }

    /** The current plan (for tests). */
    Export.Plan plan() {
        return plan;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("export.title");
    }
}
