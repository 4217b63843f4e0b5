package dev.airlock.appliance.reimage;

import dev.airlock.appliance.inventory.EarlierInstallation;
import dev.airlock.appliance.inventory.Product;

/** How a supervisor's forced reuse of a stored CID ended. */
public sealed interface ForceOutcome permits ForceOutcome.Forced, ForceOutcome.Refused {

    /** The product is REUSABLE now, with the CID of {@code earlier}. */
    record Forced(Product product, EarlierInstallation earlier) implements ForceOutcome {}

    /** Nothing changed; {@code reason} says why and what to do instead. */
    record Refused(String reason) implements ForceOutcome {}
}
