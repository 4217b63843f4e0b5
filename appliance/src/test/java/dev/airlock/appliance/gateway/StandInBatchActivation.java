package dev.airlock.appliance.gateway;

import dev.airlock.appliance.demo.StandInActivationService;
import java.io.IOException;

/** The BatchActivation stand-in on a free loopback port, for tests (see {@link StandInActivationService}). */
public final class StandInBatchActivation extends StandInActivationService {
    private StandInBatchActivation() throws IOException {
        super(0);
    }

    /** Starts a stand-in on a free loopback port. */
    public static StandInBatchActivation start() throws IOException {
        return new StandInBatchActivation();
    }
}
