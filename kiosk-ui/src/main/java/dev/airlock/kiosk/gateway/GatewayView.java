package dev.airlock.kiosk.gateway;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.bundles.BundleService;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.gateway.BatchActivationConfig;
import dev.airlock.appliance.gateway.Gateway;
import dev.airlock.appliance.gateway.GatewayResult;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.PublicKey;
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
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The gateway: take a lab's request (from the transfer stick or scanned as QR frames), check who
 * signed it, then answer it online through BatchActivation or by phone (IID shown in big groups,
 * CID typed in 8 group fields, each saved at once), and hand the signed response back on the
 * stick and/or as QR frames.
 */
@Route(value = "gateway", layout = MainLayout.class)
@PageTitle("Airlock · Gateway")
@ForRole(ApplianceInfo.Role.GATEWAY)
public class GatewayView extends VerticalLayout {
    final GatewayRequestPanel requestPanel;
    final GatewayRunPanel runPanel;
    final PhoneEntryPanel phonePanel = new PhoneEntryPanel();
    final GatewayResponsePanel responsePanel;
    final Span error = new Span();

    private final ObjectProvider<Gateway> gateway;
    private final ObjectProvider<Enroll> trust;
    private final ObjectProvider<BundleService> bundles;
    private final Devices devices;
    private final GatewayDesk desk;
    /** The request checked last (a file on the stick, or written from scanned frames). */
    Path request;
    private boolean running;

    public GatewayView(ObjectProvider<Gateway> gateway, ObjectProvider<Enroll> trust,
            ObjectProvider<BundleService> bundles, KioskSession session, Devices devices, BackgroundWork work,
            Seal seal, KioskSettings settings, GatewayDesk desk) {
        this.gateway = gateway;
        this.trust = trust;
        this.bundles = bundles;
        this.desk = desk;
        this.devices = devices;
        this.runPanel = new GatewayRunPanel(gateway, session, work, seal, this::runOnline, this::runPhone);
        this.requestPanel = new GatewayRequestPanel(devices, this::verifyFile, this::scanned, this::stickChosen);
        this.responsePanel = new GatewayResponsePanel(new EjectButton("gateway-eject", devices, work,
                requestPanel.stick::getValue), settings, error::setText);
        addClassNames("kiosk-view", "gateway-view");
        updateButtons();
        error.addClassName("form-error");
        error.setId("gateway-error");
        add(new H1(getTranslation("gateway.title")), new Paragraph(getTranslation("gateway.intro")), error,
                new H2(getTranslation("gateway.request.title")), requestPanel,
                new H2(getTranslation("gateway.run.title")), runPanel, phonePanel,
                new H2(getTranslation("gateway.response.title")), responsePanel);
        devices.onSticksChanged(this, () -> showSticks(devices.sticks()));
        showSticks(devices.sticks());
    }

    /** Shows the sticks a request can come from or a response go to (never a lab stick). */
    void showSticks(List<Stick> sticks) {
        requestPanel.showSticks(sticks);
    }

    private void stickChosen(Stick s) {
        responsePanel.eject.setEnabled(s != null);
    }

    /** Checks {@code file} as the gateway service does and shows who sent it and what it asks. */
    void verifyFile(Path file) {
        error.setText("");
        requestPanel.clearSummary();
        request = null;
        responsePanel.clear();
        try {
            SignedBundle bundle = gateway.getObject().verifyRequest(file);
            String lab = trust.getObject().trusted(bundle.signer()).map(TrustedPeer::label).orElse("?");
            requestPanel.showAccepted(lab, bundle.request());
            request = file;
        } catch (Exception e) {
            requestPanel.showRefused(Sentence.of(e));
        }
        updateButtons();
    }

    /** Bytes reassembled from QR frames: kept as a request file under the data dir, then checked. */
    void scanned(byte[] envelope) {
        error.setText("");
        try {
            SignedBundle bundle = SignedBundle.parse(envelope);
            Optional<PublicKey> key = bundles.getObject().knownSigner(bundle);
            if (key.isEmpty()) {
                requestPanel.showRefused(getTranslation("gateway.scan.untrusted", bundle.signer().toString()));
                request = null;
                updateButtons();
                return;
            }
            Path file = desk.keepScanned(bundle, key.get());
            requestPanel.closeScan();
            verifyFile(file);
        } catch (Exception e) {
            requestPanel.showRefused(Sentence.of(e));
        }
    }

    private void updateButtons() {
        runPanel.setReady(request != null && !running);
        requestPanel.setRunning(running);
    }

    /** Where the response goes: the chosen stick, else the kiosk's work folder (then shown as QR). */
    private Path target() throws IOException {
        Stick s = requestPanel.stick.getValue();
        return desk.target(s != null ? s.root() : null);
    }

    void runOnline() {
        if (request == null || running) {
            return;
        }
        BatchActivationConfig config;
        Path to;
        try {
            config = desk.onlineConfig();
            to = target();
        } catch (Exception e) {
            error.setText(getTranslation("gateway.configProblem", Sentence.of(e)));
            return;
        }
        runPanel.run(UI.getCurrent(), request, (service, file, resend, pass, actor, listener) -> service
                .processOnline(file, to, config, resend, pass, actor, listener), () -> {}, this::start,
                this::finished, this::failed);
    }

    void runPhone() {
        if (request == null || running) {
            return;
        }
        Path to;
        try {
            to = target();
        } catch (IOException e) {
            error.setText(Sentence.of(e));
            return;
        }
        UI ui = UI.getCurrent();
        KioskPhoneDesk d = phonePanel.begin(ui);
        runPanel.run(ui, request, (service, file, resend, pass, actor, listener) -> service
                .processByPhone(file, to, d, resend, pass, actor, listener), phonePanel::end, this::start,
                this::finished, this::failed);
    }

    private void start() {
        running = true;
        error.setText("");
        responsePanel.clear();
        runPanel.started();
        updateButtons();
    }

    private void finished(GatewayResult r) {
        running = false;
        r.problem().ifPresent(p -> error.setText(getTranslation("gateway.result.problem", p)));
        responsePanel.show(r);
        runPanel.done();
        updateButtons();
        devices.media().pollNow();
    }

    private void failed(Exception e) {
        running = false;
        runPanel.failed();
        error.setText(getTranslation("gateway.failed", Sentence.of(e)));
        updateButtons();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        phonePanel.closeDesk();
    }
}
