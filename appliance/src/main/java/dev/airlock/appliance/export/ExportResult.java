package dev.airlock.appliance.export;

import dev.airlock.appliance.bundles.QrTransfer;
import dev.airlock.appliance.ledger.OutboundBundle;
import java.nio.file.Path;
import dev.airlock.appliance.inventory.NotNeededReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished export: the bundle written and recorded, its products now EXPORTED.
 *
 * @param leftOver eligible products that did not fit (limit or one bundle's maximum): export again
 * @param skipped  chosen products whose state changed between choosing and marking (rare; not in the ledger's count)
 * @param notNeeded products left out because they need no CID, per reason (NOT_NEEDED: Licensed or KMS client)
 * @param swept     what the sweep did first with what an interrupted export had left on the stick, one line each
 */
public record ExportResult(OutboundBundle bundle, Path file, int products, List<BudgetWarning> warnings, long leftOver,
        int skipped, Optional<QrTransfer.Encoded> qr, Map<NotNeededReason, Long> notNeeded, List<String> swept) {
    public ExportResult {
        notNeeded = Map.copyOf(notNeeded);
        swept = List.copyOf(swept);
    }
}
