package dev.airlock.kiosk.supervisor;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.kiosk.core.Seal;
import org.springframework.stereotype.Component;

/**
 * This appliance's signed key card, made once per kiosk process (and again after a restore
 * brought another key): opening the Trust tab does not sign and audit a new card every time.
 */
@Component
final class OurKeyCard {
    private SignedBundle card;

    synchronized SignedBundle get(Appliance appliance, Seal seal, Actor actor) throws KeysException {
        if (card == null || !card.signer().equals(appliance.keys().publicKey().id())) {
            try (Passphrase p = seal.passphrase()) {
                card = appliance.keys().keyCard(appliance.info().displayName(), p, actor);
            }
        }
        return card;
    }
}
