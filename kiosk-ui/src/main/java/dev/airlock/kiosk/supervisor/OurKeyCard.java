package dev.airlock.kiosk.supervisor;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.kiosk.core.Seal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * This appliance's signed key card, made once per kiosk process (and again after a restore
 * brought another key): opening the Trust tab does not sign and audit a new card every time.
 */
@Component
final class OurKeyCard {
    private final ObjectProvider<KeyService> keys;
    private final ObjectProvider<ApplianceInfo> info;
    private SignedBundle card;

    OurKeyCard(ObjectProvider<KeyService> keys, ObjectProvider<ApplianceInfo> info) {
        this.keys = keys;
        this.info = info;
    }

    synchronized SignedBundle get(Seal seal, Actor actor) throws KeysException {
        KeyService ours = keys.getObject();
        if (card == null || !card.signer().equals(ours.publicKey().id())) {
            card = ours.keyCard(info.getObject().displayName(), seal.signingKey(actor), actor);
        }
        return card;
    }
}
