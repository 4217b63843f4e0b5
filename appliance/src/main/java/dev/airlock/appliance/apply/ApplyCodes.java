package dev.airlock.appliance.apply;

import dev.airlock.formats.kit.ApplyResult;

/**
 * Plain words for the codes {@code DepositOfflineConfirmationId} returns. Only codes whose
 * meaning is documented (domain-facts.md) are named; any other is shown as its hex value.
 */
final class ApplyCodes {
    /** SL_E_CIDIID_INVALID_CHECK_DIGITS. */
    public static final long INVALID_CHECK_DIGITS = 0xC004F04DL;

    private ApplyCodes() {}

    /** e.g. "0xC004F04D: the IID or CID has wrong check digits (...)". */
    public static String explain(long code) {
        String hex = ApplyResult.hex(code);
        if (code == 0) {
            return hex + ": success";
        }
        if ((code & 0xFFFFFFFFL) == INVALID_CHECK_DIGITS) {
            return hex + ": the IID or the CID has wrong check digits (SL_E_CIDIID_INVALID_CHECK_DIGITS): the CID"
                    + " does not belong to this IID or was damaged; check it with ./airlock cid show, or collect the"
                    + " machine again";
        }
        return hex + ": Windows refused the CID (code not known to Airlock; look it up with 'slmgr /?' or Microsoft's"
                + " activation error list); collect the machine again, or type the CID by hand (./airlock cid show)";
    }
}
