package dev.airlock.kiosk.gateway;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.gateway.Gateway;
import dev.airlock.appliance.gateway.GatewayListener;
import dev.airlock.appliance.gateway.GatewayResult;
import dev.airlock.appliance.keys.KeyAccess;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The gateway's run section: resend in-flight records or not, answer online or by phone, and the
 * progress of the run with one log line per settled record.
 */
final class GatewayRunPanel extends VerticalLayout {
    final Checkbox resendInFlight = new Checkbox();
    final Span resendWarning = new Span();
    final Button online = new Button();
    final Button phone = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div log = new Div();

    private final ObjectProvider<Gateway> gateway;
    private final KioskSession session;
    private final BackgroundWork work;
    private final Seal seal;

    /** One settled record, from the worker thread to the screen. */
    private record Settled(int done, int total, String reference, String outcome) {}

    /** One way to answer a request, run on the worker thread. */
    interface Run {
        GatewayResult run(Gateway service, Path file, boolean resend, KeyAccess pass, Actor actor,
                GatewayListener listener) throws Exception;
    }

    GatewayRunPanel(ObjectProvider<Gateway> gateway, KioskSession session, BackgroundWork work, Seal seal,
            Runnable runOnline, Runnable runPhone) {
        this.gateway = gateway;
        this.session = session;
        this.work = work;
        this.seal = seal;
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
        online.addClickListener(e -> runOnline.run());
        phone.setId("gateway-phone");
        phone.setText(getTranslation("gateway.phone"));
        phone.setIcon(VaadinIcon.PHONE.create());
        phone.addThemeVariants(ButtonVariant.LUMO_LARGE);
        phone.addClickListener(e -> runPhone.run());
        progress.setId("gateway-progress");
        progress.setVisible(false);
        progressText.setId("gateway-progress-text");
        log.setId("gateway-log");
        log.addClassName("gateway-log");
        HorizontalLayout row = new HorizontalLayout(online, phone);
        row.setWrap(true);
        add(new HorizontalLayout(resendInFlight), resendWarning, row, progress, progressText, log);
        setPadding(false);
        addClassName("gateway-section");
    }

    /** Online and phone are offered only for a checked request while no run goes on. */
    void setReady(boolean ready) {
        online.setEnabled(ready);
        phone.setEnabled(ready);
    }

    /**
     * Runs {@code how} on {@code file} in the background as the signed-in operator, with the signing
     * key the seal holds unsealed; {@code start} runs once the run is set up, then {@code after} and
     * {@code finished} or {@code failed}.
     */
    void run(UI ui, Path file, Run how, Runnable after, Runnable start, Consumer<GatewayResult> finished,
            Consumer<Exception> failed) {
        boolean resend = resendInFlight.getValue();
        Actor actor = session.actor();
        ConcurrentLinkedQueue<Settled> settled = new ConcurrentLinkedQueue<>();
        Gateway service = gateway.getObject();
        start.run();
        work.run(ui, p -> how.run(service, file, resend, seal.signingKey(actor), actor, listener(settled, p)),
                (f, text) -> showProgress(f, settled), r -> {
            after.run();
            finished.accept(r);
        }, e -> {
            after.run();
            failed.accept(e);
        });
    }

    /** Feeds each settled record to {@code settled} and the progress bar of the worker. */
    private static GatewayListener listener(ConcurrentLinkedQueue<Settled> settled, BackgroundWork.Progress p) {
        return (done, total, ref, outcome) -> {
            settled.add(new Settled(done, total, ref, outcome));
            p.report(total == 0 ? 1 : done / (double) total, ref);
        };
    }

    void started() {
        log.removeAll();
        progress.setVisible(true);
        progress.setValue(0);
        progressText.setText(getTranslation("common.working"));
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

    void done() {
        progress.setValue(1);
        progressText.setText(getTranslation("gateway.progressDone"));
    }

    void failed() {
        progress.setVisible(false);
        progressText.setText("");
    }
}
