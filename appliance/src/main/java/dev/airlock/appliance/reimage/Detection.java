package dev.airlock.appliance.reimage;

import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.ReimageRules;
import dev.airlock.appliance.inventory.StateDetail;
import dev.airlock.formats.ids.ConfirmationId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When a product collected again is a reimage: the same hardware and key give the same IID, so a
 * CID stored for that exact IID is valid again and goes in without a round trip.
 */
final class Detection implements ReimageRules {
    static final Detection INSTANCE = new Detection();
    /** How the detail of a REUSE found by intake starts; the collection's source follows. */
    static final String DETAIL = "reimaged: same IID as stored, with its CID; seen in ";
    private static final String EARLIER = "; the IID equals an earlier installation's";

    private Detection() {}

    /** Back to an IID an earlier installation had, with its CID kept: a reimage back to that installation. */
    @Override
    public Optional<Reuse> onNewIid(Product old, boolean needsNothing, Supplier<Optional<ConfirmationId>> earlierCid,
            String source) {
        if (needsNothing) {
            return Optional.empty(); // Licensed already, or a KMS client: nothing to put in
        }
        return earlierCid.get().map(cid -> new Reuse(StateDetail.note(DETAIL + source + EARLIER), Optional.of(cid)));
    }

    /**
     * Verified before with this IID and its CID, now not licensed: reimaged, reuse the CID.
     * (APPLIED is left alone: deposited but never seen Licensed is no evidence of a reimage.)
     */
    @Override
    public Optional<Reuse> onSameIid(Product old, boolean licensed, String source) {
        if (old.state() == ProductState.VERIFIED && old.cid().isPresent() && !licensed) {
            return Optional.of(new Reuse(StateDetail.note(DETAIL + source), Optional.empty()));
        }
        return Optional.empty();
    }

    /** Lost its licence with the same IID: straight to REUSABLE when an earlier installation left its CID. */
    @Override
    public Optional<Reuse> onLicenceLost(Product old, Supplier<Optional<ConfirmationId>> earlierCid, String source) {
        return earlierCid.get().map(cid -> new Reuse(StateDetail.note(DETAIL + source + EARLIER), Optional.of(cid)));
    }
}
