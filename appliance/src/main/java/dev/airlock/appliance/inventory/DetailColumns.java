package dev.airlock.appliance.inventory;

/**
 * A {@link StateDetail} in the product table's columns: {@code forced_reuse} (0/1),
 * {@code error_code} ('0x7F' or NULL) and {@code state_detail} (the words that follow).
 */
final class DetailColumns {
    private DetailColumns() {}

    /** The forced_reuse column for {@code detail}: 1 for a forced reuse. */
    static int forced(StateDetail detail) {
        return detail instanceof StateDetail.ForcedReuse ? 1 : 0;
    }

    /** The error_code column for {@code detail}: the code of a rejection, else NULL. */
    static String code(StateDetail detail) {
        return detail instanceof StateDetail.Rejection r ? r.code().text() : null;
    }

    /** The typed detail of a row: its forced_reuse and error_code columns, then its words. */
    static StateDetail read(String words, boolean forced, String code) {
        if (forced) {
            return new StateDetail.ForcedReuse(words);
        }
        return code == null ? StateDetail.note(words) : new StateDetail.Rejection(ErrorCode.parse(code), words);
    }
}
