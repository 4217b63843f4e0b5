package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import java.util.List;
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
    final TrustOurCard ours;
    final TrustPeerImport peerImport;
    final TrustPeers peers;
    private final Devices devices;

    TrustTab(ObjectProvider<KeyService> keys, ObjectProvider<Enroll> trust, KioskSession session, Seal seal,
            Devices devices, OurKeyCard ourKeyCard, StickFiles stickFiles) {
        this.devices = devices;
        this.ours = new TrustOurCard(keys, session, seal, ourKeyCard);
        this.peerImport = new TrustPeerImport(trust, session, devices, stickFiles, this::refresh);
        this.peers = new TrustPeers(trust, session, peerImport.message::setText);
        addClassName("supervisor-trust");
        add(new H2(getTranslation("supervisor.trust.title")), ours, peerImport, peers);
        devices.onSticksChanged(this, this::refreshSticks);
        refreshSticks();
        refresh();
    }

    /** Makes (once) and shows our signed key card as QR; signing needs the unlocked passphrase. */
    void showCard() {
        ours.showCard();
    }

    void refreshSticks() {
        List<Stick> sticks = devices.sticks();
        ours.showSticks(sticks);
        peerImport.showSticks(sticks);
    }

    void refresh() {
        peers.refresh();
    }
}
