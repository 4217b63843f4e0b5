package dev.airlock.appliance.merge;

import dev.airlock.appliance.inventory.ErrorCode;
import dev.airlock.appliance.inventory.StateDetail;

/**
 * Plain-language meaning and next step for BatchActivation error codes (codes per Microsoft's
 * ActivationWs sources, see domain-facts.md).
 */
final class ErrorCodes {
    private ErrorCodes() {}

    /** What the code means and what to do next, in one line. */
    static String explain(int code) {
        return switch (code) {
            case 0x7F -> "MAK activation limit reached: add activations to the MAK (licensing portal) or install"
                    + " another MAK on the machine, then collect it again and export";
            case 0x67 -> "the key is blocked, often because of a wrong IID or ePID: collect the machine again and"
                    + " export the new record";
            case 0x68 -> "invalid product key: the installed key is not a valid MAK; install the right MAK, collect"
                    + " the machine again and export";
            case 0x86 -> "invalid key type: the installed key is not a MAK (retail, OEM or KMS?); install a MAK,"
                    + " collect the machine again and export";
            case 0x90 -> "the IID was not accepted: check the IID; collect the machine again (do not retype it) and"
                    + " export";
            default -> "error " + codeText(code) + " is not a known BatchActivation code: see the gateway's log and"
                    + " ask the licensing contact";
        };
    }

    /** {@code 0x} and upper-case hex. */
    static String codeText(int code) {
        return new ErrorCode(code).text();
    }

    /**
     * The state detail stored with a rejection: the code as a value, then the explanation and the
     * gateway's own words (shown as "0x7F: explanation (gateway: words)").
     */
    static StateDetail.Rejection detail(int code, String gatewayText) {
        String text = gatewayText == null ? "" : gatewayText.strip();
        return new StateDetail.Rejection(new ErrorCode(code), explain(code)
                + (text.isEmpty() ? "" : " (gateway: " + text + ")"));
    }
}
