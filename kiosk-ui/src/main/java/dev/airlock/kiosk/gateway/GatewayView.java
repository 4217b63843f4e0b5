package dev.airlock.kiosk.gateway;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.bundles.BundleService;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.gateway.BatchActivationConfig;
import dev.airlock.appliance.gateway.GatewayListener;
import dev.airlock.appliance.gateway.GatewayResult;
import dev.airlock.appliance.gateway.GatewayService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.qr.QrFramesDisplay;
import dev.airlock.kiosk.qr.QrScanPanel;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StickPicker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    final StickPicker stick = new StickPicker(s -> s.kind() == StickKind.TRANSFER || s.kind() == StickKind.EMPTY,
            s -> s.requestFiles() > 0, StickPicker::any);
    final Select<Path> requestFile = new Select<>();
    final Button verify = new Button();
    final Button scan = new Button();
    final Div scanHolder = new Div();
    final Div summary = new Div();
    final Checkbox resendInFlight = new Checkbox();
    final Span resendWarning = new Span();
    final Button online = new Button();
    final Button phone = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div log = new Div();
    final PhoneEntryPanel phonePanel = new PhoneEntryPanel();
    final Paragraph result = new Paragraph();
    final Button showQr = new Button();
    final Div qrHolder = new Div();
    final EjectButton eject;
    final Span error = new Span();

    private final ObjectProvider<GatewayService> gateway;
    private final ObjectProvider<Enroll> trust;
    private final ObjectProvider<BundleService> bundles;
    private final KioskSession session;
    private final Devices devices;
    private final BackgroundWork work;
    private final Seal seal;
    private final KioskSettings settings;
    private final GatewayDesk desk;
    /** The request checked last (a file on the stick, or written from scanned frames). */
    Path request;
    /** The response the last run wrote. */
    Optional<Path> response = Optional.empty();
    private boolean running;

    public GatewayView(ObjectProvider<GatewayService> gateway, ObjectProvider<Enroll> trust,
            ObjectProvider<BundleService> bundles, KioskSession session, Devices devices, BackgroundWork work,
            Seal seal, KioskSettings settings, GatewayDesk desk) {
        this.gateway = gateway;
        this.trust = trust;
        this.bundles = bundles;
        this.session = session;
        this.desk = desk;
        this.devices = devices;
        this.work = work;
        this.seal = seal;
        this.settings = settings;
        this.eject = new EjectButton("gateway-eject", devices, work, stick::getValue);
        addClassNames("kiosk-view", "gateway-view");
        configureRequest();
        configureRun();
        configureResponse();
        error.addClassName("form-error");
        error.setId("gateway-error");
        add(new H1(getTranslation("gateway.title")), new Paragraph(getTranslation("gateway.intro")), error,
                new H2(getTranslation("gateway.request.title")), requestSection(),
                new H2(getTranslation("gateway.run.title")), runSection(), phonePanel,
                new H2(getTranslation("gateway.response.title")), responseSection());
        showSticks(devices.sticks());
        devices.onMedia(this, e -> showSticks(devices.sticks()));
    }

    // --- 1. the request ------------------------------------------------------------------------

    private void configureRequest() {
        stick.setId("gateway-stick");
        stick.setLabel(getTranslation("gateway.stick"));
        stick.setItemLabelGenerator(s -> getTranslation("gateway.stickItem", s.label(), s.requestFiles()));
        stick.setWidth("24em");
        stick.addValueChangeListener(e -> stickChosen());
        requestFile.setId("gateway-request");
        requestFile.setLabel(getTranslation("gateway.requestFile"));
        requestFile.setItemLabelGenerator(p -> p.getFileName().toString());
        requestFile.setWidth("28em");
        verify.setId("gateway-verify");
        verify.setText(getTranslation("gateway.verify"));
        verify.setIcon(VaadinIcon.CHECK_CIRCLE.create());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        verify.addClickListener(e -> verifySelected());
        scan.setId("gateway-scan");
        scan.setText(getTranslation("gateway.scan"));
        scan.setIcon(VaadinIcon.QRCODE.create());
        scan.addThemeVariants(ButtonVariant.LUMO_LARGE);
        scan.addClickListener(e -> startScan());
        scanHolder.setId("gateway-scan-panel");
        summary.setId("gateway-summary");
        summary.addClassName("gateway-summary");
    }

    private VerticalLayout requestSection() {
        HorizontalLayout row = new HorizontalLayout(stick, requestFile, verify, scan);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        VerticalLayout box = new VerticalLayout(row, scanHolder, summary);
        box.setPadding(false);
        box.addClassName("gateway-section");
        return box;
    }

    /** Shows the sticks a request can come from or a response go to (never a lab stick). */
    void showSticks(List<Stick> sticks) {
        List<Stick> usable = stick.show(sticks);
        stick.setHelperText(usable.isEmpty() ? getTranslation(sticks.stream().anyMatch(s -> s.kind() == StickKind.LAB)
                ? "gateway.stick.labRefused" : "gateway.stick.none") : "");
        stickChosen();
    }

    private void stickChosen() {
        Stick s = stick.getValue();
        List<Path> files = s == null ? List.of() : GatewayDesk.requestFiles(s.root());
        requestFile.setItems(files);
        if (!files.isEmpty()) {
            requestFile.setValue(files.get(0));
        }
        requestFile.setHelperText(s != null && files.isEmpty() ? getTranslation("gateway.requestFile.none") : "");
        verify.setEnabled(!files.isEmpty() && !running);
        eject.setEnabled(s != null);
    }

    void verifySelected() {
        Path f = requestFile.getValue();
        if (f != null) {
            verifyFile(f);
        }
    }

    /** Checks {@code file} as the gateway service does and shows who sent it and what it asks. */
    void verifyFile(Path file) {
        error.setText("");
        summary.removeAll();
        request = null;
        response = Optional.empty();
        result.setText("");
        qrHolder.removeAll();
        showQr.setEnabled(false);
        try {
            SignedBundle bundle = gateway.getObject().verifyRequest(file);
            RequestBundle req = bundle.request();
            String lab = trust.getObject().trusted(bundle.signer()).map(TrustedPeer::label).orElse("?");
            summary.removeClassName("gateway-refused");
            summary.add(line(getTranslation("gateway.summary.lab", lab)),
                    line(getTranslation("gateway.summary.request", req.id().toString(), WHEN.format(req.created()))),
                    line(getTranslation("gateway.summary.records", req.records().size(), req.products().size(),
                            req.queries().size())),
                    line(getTranslation("gateway.summary.next")));
            request = file;
        } catch (Exception e) {
            summary.addClassName("gateway-refused");
            summary.add(line(getTranslation("gateway.summary.refused", message(e))));
        }
        updateButtons();
    }

    private static Paragraph line(String text) {
        return new Paragraph(text);
    }

    private void startScan() {
        scanHolder.removeAll();
        QrScanPanel panel = new QrScanPanel(devices, this::scanned);
        Button close = new Button(getTranslation("common.close"), e -> scanHolder.removeAll());
        close.setId("gateway-scan-close");
        scanHolder.add(panel, close);
    }

    /** Bytes reassembled from QR frames: kept as a request file under the data dir, then checked. */
    void scanned(byte[] envelope) {
        error.setText("");
        try {
            SignedBundle bundle = SignedBundle.parse(envelope);
            Optional<PublicKey> key = bundles.getObject().knownSigner(bundle);
            if (key.isEmpty()) {
                summary.removeAll();
                summary.addClassName("gateway-refused");
                summary.add(line(getTranslation("gateway.summary.refused", getTranslation("gateway.scan.untrusted",
                        bundle.signer().toString()))));
                request = null;
                updateButtons();
                return;
            }
            Path file = desk.keepScanned(bundle, key.get());
            scanHolder.removeAll();
            verifyFile(file);
        } catch (Exception e) {
            summary.removeAll();
            summary.addClassName("gateway-refused");
            summary.add(line(getTranslation("gateway.summary.refused", message(e))));
        }
    }

    // --- 2. online or by phone ----------------------------------------------------------------

    private void configureRun() {
        resendInFlight.setId("gateway-resend");
        resendInFlight.setLabel(getTranslation("gateway.resend"));
        resendWarning.setText(getTranslation("gateway.resendWarning"));
        resendWarning.addClassName("gateway-warning");
        resendWarning.setVisible(false);
        resendInFlight.addValueChangeListener(e -> resendWarning.setVisible(e.getValue()));
        online.setId("gateway-online");
        online.setText(getTranslation("gateway.online"));
        online.setIcon(VaadinIcon.CLOUD.create());
        online.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        online.addClickListener(e -> runOnline());
        phone.setId("gateway-phone");
        phone.setText(getTranslation("gateway.phone"));
        phone.setIcon(VaadinIcon.PHONE.create());
        phone.addThemeVariants(ButtonVariant.LUMO_LARGE);
        phone.addClickListener(e -> runPhone());
        progress.setId("gateway-progress");
        progress.setVisible(false);
        progressText.setId("gateway-progress-text");
        log.setId("gateway-log");
        log.addClassName("gateway-log");
        updateButtons();
    }

    private VerticalLayout runSection() {
        HorizontalLayout row = new HorizontalLayout(online, phone);
        row.setWrap(true);
        VerticalLayout box = new VerticalLayout(new HorizontalLayout(resendInFlight), resendWarning, row, progress,
                progressText, log);
        box.setPadding(false);
        box.addClassName("gateway-section");
        return box;
    }

    private void updateButtons() {
        boolean ready = request != null && !running;
        online.setEnabled(ready);
        phone.setEnabled(ready);
        verify.setEnabled(requestFile.getValue() != null && !running);
        scan.setEnabled(!running);
    }

    /** Where the response goes: the chosen stick, else the kiosk's work folder (then shown as QR). */
    private Path target() throws IOException {
        Stick s = stick.getValue();
        return desk.target(s != null ? s.root() : null);
    }

    /** One settled record, from the worker thread to the screen. */
    private record Settled(int done, int total, String reference, String outcome) {}

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
            error.setText(getTranslation("gateway.configProblem", message(e)));
            return;
        }
        Path file = request;
        boolean resend = resendInFlight.getValue();
        Actor actor = session.actor();
        ConcurrentLinkedQueue<Settled> settled = new ConcurrentLinkedQueue<>();
        GatewayService service = gateway.getObject();
        start();
        work.run(UI.getCurrent(), p -> {
            try (Passphrase pass = seal.passphrase()) {
                return service.processOnline(file, to, config, resend, pass, actor,
                        listener(settled, p));
            }
        }, (f, text) -> showProgress(f, settled), this::finished, this::failed);
    }

    void runPhone() {
        if (request == null || running) {
            return;
        }
        Path to;
        try {
            to = target();
        } catch (IOException e) {
            error.setText(message(e));
            return;
        }
        Path file = request;
        boolean resend = resendInFlight.getValue();
        Actor actor = session.actor();
        UI ui = UI.getCurrent();
        ConcurrentLinkedQueue<Settled> settled = new ConcurrentLinkedQueue<>();
        KioskPhoneDesk d = new KioskPhoneDesk(call -> {
            if (ui.isAttached()) {
                ui.access(() -> phonePanel.showCall(call));
            }
        });
        phonePanel.begin(d);
        GatewayService service = gateway.getObject();
        start();
        work.run(ui, p -> {
            try (Passphrase pass = seal.passphrase()) {
                return service.processByPhone(file, to, d, resend, pass, actor, listener(settled, p));
            }
        }, (f, text) -> showProgress(f, settled), r -> {
            phonePanel.end();
            finished(r);
        }, e -> {
            phonePanel.end();
            failed(e);
        });
    }

    private static GatewayListener listener(ConcurrentLinkedQueue<Settled> settled, BackgroundWork.Progress p) {
        return (done, total, ref, outcome) -> {
            settled.add(new Settled(done, total, ref, outcome));
            p.report(total == 0 ? 1 : done / (double) total, ref);
        };
    }

    private void start() {
        running = true;
        error.setText("");
        result.setText("");
        log.removeAll();
        qrHolder.removeAll();
        response = Optional.empty();
        showQr.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        progressText.setText(getTranslation("common.working"));
        updateButtons();
    }

    private void showProgress(double fraction, ConcurrentLinkedQueue<Settled> settled) {
        progress.setValue(Math.max(0, Math.min(1, fraction)));
        Settled s;
        while ((s = settled.poll()) != null) {
            progressText.setText(getTranslation("gateway.progress", s.done(), s.total()));
            Div row = new Div();
            row.addClassName("gateway-log-line");
            row.setText(getTranslation("gateway.logLine", s.done(), s.total(), s.reference(), s.outcome()));
            log.addComponentAsFirst(row);
        }
    }

    private void finished(GatewayResult r) {
        running = false;
        progress.setValue(1);
        StringBuilder text = new StringBuilder(getTranslation("gateway.result.counts", r.records(), r.confirmed(),
                r.fromCache(), r.failed(), r.inFlight(), r.unanswered()));
        if (r.responseFile().isPresent()) {
            text.append(' ').append(getTranslation(r.complete() ? "gateway.result.written"
                    : "gateway.result.partial", r.responseFile().get().toString()));
        } else {
            text.append(' ').append(getTranslation("gateway.result.none"));
        }
        if (r.inFlight() > 0) {
            text.append(' ').append(getTranslation("gateway.result.inFlight", r.inFlight()));
        }
        r.problem().ifPresent(p -> error.setText(getTranslation("gateway.result.problem", p)));
        result.setText(text.toString());
        result.getElement().setAttribute("data-complete", String.valueOf(r.complete()));
        response = r.responseFile();
        showQr.setEnabled(response.isPresent());
        progressText.setText(getTranslation("gateway.progressDone"));
        updateButtons();
        devices.media().pollNow();
    }

    private void failed(Exception e) {
        running = false;
        progress.setVisible(false);
        progressText.setText("");
        error.setText(getTranslation("gateway.failed", message(e)));
        updateButtons();
    }

    // --- 3. the response ----------------------------------------------------------------------

    private void configureResponse() {
        result.setId("gateway-result");
        result.addClassName("gateway-result");
        showQr.setId("gateway-show-qr");
        showQr.setText(getTranslation("gateway.showQr"));
        showQr.setIcon(VaadinIcon.QRCODE.create());
        showQr.addThemeVariants(ButtonVariant.LUMO_LARGE);
        showQr.setEnabled(false);
        showQr.addClickListener(e -> showQr());
        qrHolder.setId("gateway-qr");
    }

    private VerticalLayout responseSection() {
        HorizontalLayout row = new HorizontalLayout(showQr, eject);
        row.setWrap(true);
        VerticalLayout box = new VerticalLayout(result, row, qrHolder);
        box.setPadding(false);
        box.addClassName("gateway-section");
        return box;
    }

    void showQr() {
        if (response.isEmpty()) {
            return;
        }
        qrHolder.removeAll();
        try {
            byte[] envelope = GatewayDesk.envelope(response.get());
            qrHolder.add(new QrFramesDisplay(envelope, settings.intValue(Setting.QR_VERSION),
                    settings.intValue(Setting.QR_FRAMES_PER_SECOND)));
        } catch (Exception e) {
            error.setText(getTranslation("gateway.qrFailed", message(e)));
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        phonePanel.closeDesk();
    }

    private static String message(Exception e) {
        return Sentence.of(e);
    }
}
