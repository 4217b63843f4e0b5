package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.qr.QrScanPanel;
import dev.airlock.kiosk.ui.DigitGroupsField;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Trust's import section: a peer's card from a stick file or scanned as QR, pinned only after the
 * supervisor typed the fingerprint read from the peer's screen.
 */
final class TrustPeerImport extends VerticalLayout {
    final ComboBox<Path> cardFile = new ComboBox<>();
    final QrScanPanel scan;
    final Span scanned = new Span();
    final DigitGroupsField fingerprint;
    final Button confirm = new Button();
    final Span message = new Span();
    private final ObjectProvider<Enroll> trust;
    private final KioskSession session;
    private final StickFiles stickFiles;
    private final Runnable pinned;
    /** A peer card read from its QR code (self-signature checked), used instead of a file when set. */
    private KeyCard scannedCard;

    /** {@code pinned} runs after a peer was pinned. */
    TrustPeerImport(ObjectProvider<Enroll> trust, KioskSession session, Devices devices, StickFiles stickFiles,
            Runnable pinned) {
        this.trust = trust;
        this.session = session;
        this.stickFiles = stickFiles;
        this.pinned = pinned;
        this.fingerprint = new DigitGroupsField(6, 5, getTranslation("supervisor.trust.group"));
        this.scan = new QrScanPanel(devices, this::cardScanned);
        this.scan.setAutofocus(false); // the tab opens at its top; touching the scan field focuses it
        cardFile.setId("trust-import");
        cardFile.setLabel(getTranslation("supervisor.trust.cardFile"));
        cardFile.setItemLabelGenerator(p -> OutsideText.shown(p.getFileName() + " (" + p.getParent() + ")"));
        cardFile.setWidth("36em");
        cardFile.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                scannedCard = null;
                scanned.setText("");
            }
        });
        scan.setId("trust-scan");
        scanned.setId("trust-scanned");
        scanned.addClassName("supervisor-scanned");
        fingerprint.setId("trust-fingerprint");
        confirm.setId("trust-confirm");
        confirm.setText(getTranslation("supervisor.trust.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        confirm.addClickListener(e -> pin());
        fingerprint.addCompleteListener(digits -> confirm.focus());
        message.setId("trust-message");
        message.addClassName("supervisor-message");
        add(new H3(getTranslation("supervisor.trust.import")),
                new Paragraph(getTranslation("supervisor.trust.importIntro")), cardFile,
                new Span(getTranslation("supervisor.trust.orScan")), scan, scanned,
                new Span(getTranslation("supervisor.trust.typeFingerprint")), fingerprint, message, confirm);
        setPadding(false);
    }

    /** Offers the key card files on {@code sticks}, keeping the choice while its file is still there. */
    void showSticks(List<Stick> sticks) {
        Sticks.offer(cardFile, stickFiles.keyCards(sticks));
    }

    /** Pins the chosen card when the typed fingerprint matches; otherwise stores nothing and says so. */
    void pin() {
        message.setText("");
        message.removeClassName("supervisor-ok");
        Path file = cardFile.getValue();
        if (file == null && scannedCard == null) {
            message.setText(getTranslation("supervisor.trust.pickCard"));
            return;
        }
        Optional<String> problem = fingerprint.problem();
        if (problem.isPresent()) {
            message.setText(problem.get());
            return;
        }
        Fingerprint typed;
        try {
            typed = Fingerprint.parse(fingerprint.value());
        } catch (IllegalArgumentException e) {
            message.setText(getTranslation("supervisor.trust.badFingerprint", Sentence.of(e)));
            return;
        }
        KeyCard peerCard = scannedCard;
        if (file != null) {
            try {
                peerCard = stickFiles.readKeyCard(file);
            } catch (Exception e) {
                message.setText(getTranslation("supervisor.trust.badCard", file.getFileName(), Sentence.of(e)));
                return;
            }
        }
        try {
            TrustedPeer peer = trust.getObject().pin(peerCard, Optional.empty(), typed,
                    session.actor());
            fingerprint.clear();
            cardFile.clear();
            scannedCard = null;
            scanned.setText("");
            scan.reset();
            message.addClassName("supervisor-ok");
            message.setText(getTranslation("supervisor.trust.pinned", getTranslation("role." + peer.role().id()),
                    peer.label()));
            pinned.run();
        } catch (KeysException e) {
            message.setText(Sentence.of(e));
        }
    }

    /** A whole key card came in through the QR scanner: check its self-signature, then wait for the typed digits. */
    void cardScanned(byte[] envelope) {
        message.setText("");
        try {
            KeyCard read = SignedBundle.parse(envelope).keyCard();
            scannedCard = read;
            cardFile.clear();
            scanned.setText(getTranslation("supervisor.trust.scannedCard", getTranslation("role." + ApplianceInfo.Role
                    .valueOf(read.role().name()).id()), read.label()));
            fingerprint.focus();
        } catch (Exception e) {
            scannedCard = null;
            scanned.setText("");
            message.setText(getTranslation("supervisor.trust.badScan", Sentence.of(e)));
            scan.reset();
        }
    }
}
