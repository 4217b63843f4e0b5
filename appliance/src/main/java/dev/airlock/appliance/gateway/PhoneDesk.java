package dev.airlock.appliance.gateway;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import java.io.IOException;
import java.util.List;

/**
 * Phone activation's human side: shows a record's product and IID for reading out on the call,
 * and returns the CID the operator typed, or skip / stop. The CLI reads lines
 * ({@link ConsolePhoneDesk}); a kiosk shows a form.
 */
@FunctionalInterface
public interface PhoneDesk {
    /** Shows {@code call} and waits for the operator's answer. */
    PhoneAnswer ask(PhoneCall call) throws IOException;

    /** One record to read out: number {@code number} of {@code total} still without a CID. */
    record PhoneCall(int number, int total, String reference, String productName, InstallationId iid) {
        /** The IID in its 9 groups, as the phone dialog shows it. */
        public List<String> iidGroups() {
            return iid.groups();
        }
    }

    /** What the operator did with one record. */
    sealed interface PhoneAnswer {
        /** Typed a complete, valid CID (already read back). */
        record Typed(ConfirmationId cid) implements PhoneAnswer {}

        /** Left this record for later. */
        record Skip() implements PhoneAnswer {}

        /** Ended the session; the rest stays for later. */
        record Stop() implements PhoneAnswer {}
    }
}
