package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.Sentence;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;

/** Trust's list of pinned peers, each removable after a confirmation. */
final class TrustPeers extends VerticalLayout {
    final Grid<TrustedPeer> list = new Grid<>();
    private final ObjectProvider<Enroll> trust;
    private final KioskSession session;
    private final Consumer<String> message;

    /** A peer that cannot be removed is told to {@code message}. */
    TrustPeers(ObjectProvider<Enroll> trust, KioskSession session, Consumer<String> message) {
        this.trust = trust;
        this.session = session;
        this.message = message;
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
        add(new H3(getTranslation("supervisor.trust.peers")), list);
        setPadding(false);
    }

    void remove(TrustedPeer p) {
        try {
            trust.getObject().remove(p.keyId().toString(), session.actor());
        } catch (KeysException e) {
            message.accept(Sentence.of(e));
        }
        refresh();
    }

    void refresh() {
        list.setItems(trust.getObject().list());
    }
}
