package dev.airlock.appliance.inventory;

import dev.airlock.formats.ids.ConfirmationId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reimage flow's say while a collection is recorded: whether a known product seen again is
 * a reimage whose stored CID can go in again. Inventory asks and applies the answer (REUSE); the
 * rules themselves live in {@code dev.airlock.appliance.reimage}, which hands them in.
 */
public interface ReimageRules {

    /**
     * A stored CID goes in again: the product becomes REUSABLE with {@code detail}, and with
     * {@code cid} as its current CID when one is given (else it keeps the CID it has).
     */
    record Reuse(StateDetail detail, Optional<ConfirmationId> cid) {}

    /**
     * {@code old} came back with a new IID.
     *
     * @param needsNothing the new installation needs no CID (Licensed already, or a KMS client)
     * @param earlierCid   looks up the CID an earlier installation with the new IID left, if any
     * @param source       where the collection came from, e.g. the file name
     */
    Optional<Reuse> onNewIid(Product old, boolean needsNothing, Supplier<Optional<ConfirmationId>> earlierCid,
            String source);

    /** {@code old} came back with the same IID, Licensed or not. */
    Optional<Reuse> onSameIid(Product old, boolean licensed, String source);

    /**
     * {@code old} needed no CID and lost its licence with the same IID (it is back in the flow).
     *
     * @param earlierCid looks up the CID an earlier installation with this IID left, if any
     */
    Optional<Reuse> onLicenceLost(Product old, Supplier<Optional<ConfirmationId>> earlierCid, String source);
}
