package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.config.Setting;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/** Settings the supervisor may change here, each validated by the setting itself; and "Seal now". */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class SettingsTab extends VerticalLayout {
    final TextField idle = field("settings-idle", "supervisor.settings.idle");
    final TextField scannerPort = field("settings-scanner-port", "supervisor.settings.scannerPort");
    final TextField scannerBaud = field("settings-scanner-baud", "supervisor.settings.scannerBaud");
    final Select<String> qrVersion = new Select<>();
    final Select<String> qrFps = new Select<>();
    final TextField mediaRoots = field("settings-media-roots", "supervisor.settings.mediaRoots");
    final Button save = new Button();
    final Span message = new Span();
    final Button sealNow = new Button();
    private final KioskSettings settings;
    private final Seal seal;
    private final KioskSession session;

    SettingsTab(KioskSettings settings, Seal seal, KioskSession session) {
        this.session = session;
        this.settings = settings;
        this.seal = seal;
        addClassName("supervisor-settings");
        qrVersion.setId("settings-qr-version");
        qrVersion.setLabel(getTranslation("supervisor.settings.qrVersion"));
        qrVersion.setItems("10", "15", "20");
        qrFps.setId("settings-qr-fps");
        qrFps.setLabel(getTranslation("supervisor.settings.qrFps"));
        qrFps.setItems("1", "2", "3", "4", "5");
        mediaRoots.setWidth("36em");
        save.setId("settings-save");
        save.setText(getTranslation("supervisor.settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER).listenOn(idle, scannerPort, scannerBaud, mediaRoots);
        message.setId("settings-message");
        message.addClassName("supervisor-message");
        sealNow.setId("supervisor-seal");
        sealNow.setText(getTranslation("supervisor.settings.seal"));
        sealNow.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_LARGE);
        sealNow.addClickListener(e -> sealNow());
        add(new H2(getTranslation("supervisor.settings.title")), idle, scannerPort, scannerBaud, qrVersion, qrFps,
                mediaRoots, new Paragraph(getTranslation("supervisor.settings.restartNote")), message, save,
                new H2(getTranslation("supervisor.settings.sealTitle")),
                new Paragraph(getTranslation("supervisor.settings.sealIntro")), sealNow);
        load();
    }

    private TextField field(String id, String key) {
        TextField f = new TextField(getTranslation(key));
        f.setId(id);
        f.setWidth("16em");
        return f;
    }

    private Map<Setting, String> typed() {
        Map<Setting, String> m = new LinkedHashMap<>();
        m.put(Setting.KIOSK_IDLE_LOCK_MINUTES, idle.getValue());
        m.put(Setting.SCANNER_PORT, scannerPort.getValue());
        m.put(Setting.SCANNER_BAUD, scannerBaud.getValue());
        m.put(Setting.QR_VERSION, qrVersion.getValue());
        m.put(Setting.QR_FRAMES_PER_SECOND, qrFps.getValue());
        m.put(Setting.MEDIA_ROOTS, mediaRoots.getValue());
        return m;
    }

    void load() {
        idle.setValue(settings.value(Setting.KIOSK_IDLE_LOCK_MINUTES));
        scannerPort.setValue(settings.value(Setting.SCANNER_PORT));
        scannerBaud.setValue(settings.value(Setting.SCANNER_BAUD));
        qrVersion.setValue(settings.value(Setting.QR_VERSION));
        qrFps.setValue(settings.value(Setting.QR_FRAMES_PER_SECOND));
        mediaRoots.setValue(settings.value(Setting.MEDIA_ROOTS));
    }

    /** Checks every value first (nothing is written when one is wrong), then writes the changed ones. */
    void save() {
        message.removeClassName("supervisor-ok");
        message.setText("");
        Map<Setting, String> typed = typed();
        for (Map.Entry<Setting, String> e : typed.entrySet()) {
            if (!e.getKey().accepts(e.getValue())) {
                message.setText(rejection(e.getKey(), e.getValue()));
                return;
            }
        }
        try {
            for (Map.Entry<Setting, String> e : typed.entrySet()) {
                if (!e.getValue().strip().equals(settings.value(e.getKey()))) {
                    settings.set(e.getKey(), e.getValue());
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            message.setText(Sentence.of(ex));
            return;
        }
        message.addClassName("supervisor-ok");
        message.setText(getTranslation("supervisor.settings.saved"));
        load();
    }

    /** The setting's own message for a value it does not take (Settings.set refuses before writing). */
    private String rejection(Setting s, String value) {
        try {
            settings.set(s, value == null ? "" : value);
            return "";
        } catch (IllegalArgumentException | IOException e) {
            return Sentence.of(e);
        }
    }

    void sealNow() {
        seal.sealSigningAuditHead(session.actor());
        getUI().ifPresent(ui -> ui.navigate(Routes.UNLOCK));
    }
}
