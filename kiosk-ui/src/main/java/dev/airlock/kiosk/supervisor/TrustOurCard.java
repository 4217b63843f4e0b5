package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.GroupedDigits;
import dev.airlock.kiosk.ui.Sentence;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** Trust's own-card section: our fingerprint, our signed key card as QR, and the card written to a stick. */
final class TrustOurCard extends VerticalLayout {
    final Div cardQr = new Div();
    final ComboBox<Stick> cardStick;
    final Button cardWrite = new Button();
    private final ObjectProvider<KeyService> keys;
    private final KioskSession session;
    private final Seal seal;
    private final OurKeyCard ourKeyCard;
    private SignedBundle card;

    TrustOurCard(ObjectProvider<KeyService> keys, KioskSession session, Seal seal, OurKeyCard ourKeyCard) {
        this.keys = keys;
        this.session = session;
        this.seal = seal;
        this.ourKeyCard = ourKeyCard;
        this.cardStick = Sticks.picker(getTranslation("supervisor.trust.stick"), "trust-card-stick");
        cardQr.setId("trust-card-qr");
        cardQr.addClassName("supervisor-trust-qr");
        cardWrite.setId("trust-card-write");
        cardWrite.setText(getTranslation("supervisor.trust.write"));
        cardWrite.addThemeVariants(ButtonVariant.LUMO_LARGE);
        cardWrite.addClickListener(e -> writeCard());
        HorizontalLayout row = new HorizontalLayout(cardStick, cardWrite);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.END);
        row.addClassName("supervisor-trust-write-row");
        add(new H3(getTranslation("supervisor.trust.ours")),
                new Paragraph(getTranslation("supervisor.trust.oursIntro")), fingerprintOfOurs(), cardQr, row);
        setPadding(false);
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

    void showSticks(List<Stick> sticks) {
        Sticks.refresh(cardStick, sticks);
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
}
