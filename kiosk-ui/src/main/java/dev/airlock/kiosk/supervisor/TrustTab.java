package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.qr.QrScanPanel;
import dev.airlock.kiosk.ui.DigitGroupsField;
import dev.airlock.kiosk.ui.GroupedDigits;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * Trust: our key card (QR and file), and pinning a peer's card only after the supervisor typed the
 * fingerprint read from the peer's screen.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class TrustTab extends VerticalLayout {
    /** Cards are small: one version-10 symbol is plenty, and reads easily from a screen (as the CLI). */
    final Div cardQr = new Div();
    final ComboBox<Stick> cardStick;
    final Button cardWrite = new Button();
    final ComboBox<Path> cardFile = new ComboBox<>();
    final QrScanPanel scan;
    final Span scanned = new Span();
    final DigitGroupsField fingerprint;
    final Button confirm = new Button();
    final Span message = new Span();
    final Grid<TrustedPeer> list = new Grid<>();
    private final ObjectProvider<KeyService> keys;
    private final ObjectProvider<Enroll> trust;
    private final KioskSession session;
    private final Seal seal;
    private final Devices devices;
    private SignedBundle card;
    private final OurKeyCard ourKeyCard;
    private final StickFiles stickFiles;
    /** A peer card read from its QR code (self-signature checked), used instead of a file when set. */
    private KeyCard scannedCard;

    TrustTab(ObjectProvider<KeyService> keys, ObjectProvider<Enroll> trust, KioskSession session, Seal seal,
            Devices devices, OurKeyCard ourKeyCard, StickFiles stickFiles) {
        this.keys = keys;
        this.trust = trust;
        this.session = session;
        this.seal = seal;
        this.devices = devices;
        this.ourKeyCard = ourKeyCard;
        this.stickFiles = stickFiles;
        this.cardStick = Sticks.picker(getTranslation("supervisor.trust.stick"), "trust-card-stick");
        this.fingerprint = new DigitGroupsField(6, 5, getTranslation("supervisor.trust.group"));
        this.scan = new QrScanPanel(devices, this::cardScanned);
        this.scan.setAutofocus(false); // the tab opens at its top; touching the scan field focuses it
        addClassName("supervisor-trust");
        add(new H2(getTranslation("supervisor.trust.title")), ourCard(), importForm(), configureGrid());
        devices.onMedia(this, e -> refreshSticks());
        refreshSticks();
        refresh();
    }

    private VerticalLayout ourCard() {
        cardQr.setId("trust-card-qr");
        cardQr.addClassName("supervisor-trust-qr");
        cardWrite.setId("trust-card-write");
        cardWrite.setText(getTranslation("supervisor.trust.write"));
        cardWrite.addThemeVariants(ButtonVariant.LUMO_LARGE);
        cardWrite.addClickListener(e -> writeCard());
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("supervisor.trust.ours")),
                new Paragraph(getTranslation("supervisor.trust.oursIntro")), fingerprintOfOurs(), cardQr,
                stickAndWrite());
        box.setPadding(false);
        return box;
    }

    private HorizontalLayout stickAndWrite() {
        HorizontalLayout row = new HorizontalLayout(cardStick, cardWrite);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.END);
        row.addClassName("supervisor-trust-write-row");
        return row;
    }

    private Div fingerprintOfOurs() {
        Div box = new Div();
        box.setId("trust-our-fingerprint");
        box.addClassName("supervisor-trust-fingerprint");
        try {
            box.add(new GroupedDigits(keys.getObject().publicKey().fingerprint().groups(), false));
        } catch (KeysException e) {
            box.add(new Span(Sentence.of(e)));
        }
        return box;
    }

    private VerticalLayout importForm() {
        cardFile.setId("trust-import");
        cardFile.setLabel(getTranslation("supervisor.trust.cardFile"));
        cardFile.setItemLabelGenerator(p -> p.getFileName() + " (" + p.getParent() + ")");
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
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("supervisor.trust.import")),
                new Paragraph(getTranslation("supervisor.trust.importIntro")), cardFile,
                new Span(getTranslation("supervisor.trust.orScan")), scan, scanned,
                new Span(getTranslation("supervisor.trust.typeFingerprint")), fingerprint, message, confirm);
        box.setPadding(false);
        return box;
    }

    private VerticalLayout configureGrid() {
        list.setId("trust-list");
        list.addColumn(p -> getTranslation("role." + p.role().id())).setHeader(getTranslation("supervisor.trust.colRole"))
                .setAutoWidth(true);
        list.addColumn(p -> OutsideText.shown(p.label())).setHeader(getTranslation("supervisor.trust.colLabel")).setAutoWidth(true);
        list.addColumn(p -> String.join(" ", p.fingerprint().groups()))
                .setHeader(getTranslation("supervisor.trust.colFingerprint")).setFlexGrow(1);
        list.addComponentColumn(p -> {
            Button remove = new Button(getTranslation("supervisor.trust.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            remove.addClassName("supervisor-row-button");
            remove.addClickListener(c -> new Confirm(getTranslation("supervisor.trust.removeTitle"),
                    getTranslation("supervisor.trust.removeText", p.label()), getTranslation("supervisor.trust.remove"),
                    () -> remove(p)).open());
            return remove;
        }).setAutoWidth(true);
        list.setAllRowsVisible(true);
        list.setWidthFull();
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("supervisor.trust.peers")), list);
        box.setPadding(false);
        return box;
    }

    /** Makes (once) and shows our signed key card as QR; signing needs the unlocked passphrase. */
    void showCard() {
        if (card != null) {
            return;
        }
        try {
            card = ourKeyCard.get(seal, session.actor());
        } catch (KeysException | RuntimeException e) {
            cardQr.removeAll();
            cardQr.add(new Span(Sentence.of(e)));
            return;
        }
        cardQr.removeAll();
        List<byte[]> pngs = Enroll.cardQrPngs(card);
        for (int i = 0; i < pngs.size(); i++) {
            Image img = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(pngs.get(i)),
                    getTranslation("supervisor.trust.qrAlt", i + 1, pngs.size()));
            img.addClassName("supervisor-trust-qr-image");
            cardQr.add(img);
        }
    }

    /** Writes the card file and its QR PNG(s) to the chosen stick's root (as {@code key card --to}). */
    void writeCard() {
        Stick stick = cardStick.getValue();
        if (stick == null) {
            Notification.show(getTranslation("supervisor.pickStick"), 4000, Notification.Position.MIDDLE);
            return;
        }
        showCard();
        if (card == null) {
            return;
        }
        try {
            PublicKey key = keys.getObject().publicKey();
            String name = Enroll.writeCard(stick.root(), card, key).card().getFileName().toString();
            Notification.show(getTranslation("supervisor.trust.written", name, stick.label()), 5000,
                    Notification.Position.MIDDLE);
        } catch (Exception e) {
            Notification.show(Sentence.of(e), 6000, Notification.Position.MIDDLE);
        }
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
            refresh();
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

    void remove(TrustedPeer p) {
        try {
            trust.getObject().remove(p.keyId().toString(), session.actor());
        } catch (KeysException e) {
            message.setText(Sentence.of(e));
        }
        refresh();
    }

    void refreshSticks() {
        List<Stick> sticks = devices.sticks();
        Sticks.refresh(cardStick, sticks);
        List<Path> cards = stickFiles.keyCards(sticks);
        Path selected = cardFile.getValue();
        cardFile.setItems(cards);
        if (selected != null && cards.contains(selected)) {
            cardFile.setValue(selected);
        }
    }

    void refresh() {
        list.setItems(trust.getObject().list());
    }
}
