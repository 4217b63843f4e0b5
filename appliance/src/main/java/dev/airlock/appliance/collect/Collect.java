package dev.airlock.appliance.collect;

import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.Store;
import dev.airlock.formats.ids.ProductKey;
import dev.airlock.formats.kit.CollectorRecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The collect flow: the collector kit written onto a lab stick, the files it collects (and the
 * apply results the activation kit writes back) taken into the record, and machines typed in by
 * hand. Every outcome is told in plain words; a refused file changes nothing.
 */
public final class Collect {
    /** What to do about an unchanged file, added to its outcome's message. */
    public static final String RECOLLECT_HINT = IntakeService.RECOLLECT_HINT;
    /** The warning every kit that holds a key carries, on the screen and in the CLI's output. */
    public static final String CLEAR_TEXT_WARNING = CollectorKitService.CLEAR_TEXT_WARNING;

    private final IntakeService intake;
    private final CollectorKitService kits = new CollectorKitService();
    private final InventoryService inventory;
    private final MakVault vault;

    /**
     * @param reader made on first use: compiling the XSD costs time that commands which take
     *               nothing in should not pay
     */
    public Collect(Store store, InventoryService inventory, Apply apply, MakVault vault,
            Supplier<CollectorRecordReader> reader, Clock clock) {
        this.intake = new IntakeService(store, inventory, apply, reader, clock);
        this.inventory = inventory;
        this.vault = vault;
    }

    /**
     * Writes the collector kit under {@code stickRoot}; an earlier kit's files are replaced (a stale
     * key removed). Needs no record: a lab writes kits before its first intake.
     */
    public static CollectorKitWritten writeKit(Path stickRoot, Optional<ProductKey> installKey) throws IOException {
        return new CollectorKitService().write(stickRoot, installKey);
    }

    /**
     * Writes the kit with MAK {@code makId} from the vault to install: unseals it with
     * {@code passphrase} (audited as {@code mak.reveal}) and writes it in clear text beside the
     * scripts. The key itself never leaves the appliance's code.
     *
     * @throws IllegalArgumentException when the vault holds no MAK with that id
     */
    public CollectorKitWithKey writeKitWithMak(Path stickRoot, long makId, Passphrase passphrase, Actor actor)
            throws IOException, KeysException {
        return kits.writeWithMak(stickRoot, vault, makId, passphrase, actor);
    }

    /**
     * Counts the complete files in {@code stickRoot}'s collected and results folders whose content
     * has not been taken in yet (files larger than {@code maxBytes} count as new).
     */
    public NewFiles countNew(Path stickRoot, long maxBytes) {
        return intake.countNew(stickRoot, maxBytes);
    }

    /**
     * Takes in every collector file and apply result under {@code paths} (files, folders, or stick
     * roots), reporting each file to {@code listener} in order, once its batch committed.
     */
    public IntakeSummary ingest(List<Path> paths, IntakeOptions options, Actor actor, IntakeListener listener) {
        return intake.ingest(paths, options, actor, listener);
    }

    /** Puts machines into a lab group (created when new). Returns how many moved. */
    public int assignGroup(List<Long> machineIds, String group, Actor actor) {
        return inventory.assignGroup(machineIds, group, actor);
    }

    /** Records a machine typed in by hand (its IID read off the screen), exactly like a collector file would. */
    public CollectionOutcome addManual(ManualEntry entry, Actor actor) {
        return inventory.addManual(entry, actor);
    }
}
