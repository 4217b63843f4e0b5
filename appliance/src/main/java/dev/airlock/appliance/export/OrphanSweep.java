package dev.airlock.appliance.export;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.BundleId;
import dev.airlock.formats.bundle.BundleKind;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.outside.OutsideFiles;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.formats.signature.KeyId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Before an export writes, looks at the transfer stick's {@code AIRLOCK/outbound} for what an
 * interrupted export of this appliance left: a request under its final name that the ledger does
 * not hold (killed between a rename and its commit, or written before a restore) is deleted, since
 * the lab would refuse its answer (an activation spent for nothing); an unfinished temp copy of a
 * request the ledger does hold (killed between the commit and the rename) is put in place; any other
 * temp copy of a request is deleted. Each step is said in words.
 */
final class OrphanSweep {
    private static final String REQUEST_PREFIX = "airlock-request-";

    private final Store store;
    private final BundleLedger ledger;

    OrphanSweep(Store store, BundleLedger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    /** Sweeps {@code stick}'s outbound folder for requests signed by {@code ours}; returns what it did, one line each. */
    List<String> sweep(Path stick, KeyId ours) throws IOException {
        Path outbound = StickLayout.Folder.OUTBOUND.on(stick);
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(outbound, LinkOption.NOFOLLOW_LINKS)) {
            return done;
        }
        List<Path> names = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(outbound)) {
            dir.forEach(names::add);
        }
        names.sort(null);
        Set<String> recordedNames = store.read(ledger::outboundFileNames);
        for (Path file : names) {
            String name = file.getFileName().toString();
            boolean temp = AtomicFiles.isTempName(name, REQUEST_PREFIX);
            if (!temp && !(name.startsWith(REQUEST_PREFIX) && name.endsWith(".xml"))) {
                continue;
            }
            if (!temp && recordedNames.contains(name)) {
                continue; // a request the ledger wrote under this name: not read again (a stick gathers many)
            }
            byte[] bytes;
            try {
                bytes = OutsideFiles.readLimited(file, BundleFile.MAX_BYTES);
            } catch (IOException | RuntimeException e) {
                bytes = null; // unreadable or too large: not a request of ours (as a failed read below)
            }
            if (!temp && bytes != null && recorded(bytes)) {
                continue; // its signed part is a request the ledger holds: nothing to do, no need to parse it
            }
            BundleId id = bytes == null ? null : ownRequest(bytes, ours);
            if (id == null) {
                if (temp) {
                    Files.deleteIfExists(file);
                    done.add("removed " + OutsideText.shown(name) + ": an unfinished copy an interrupted export left");
                }
                continue;
            }
            boolean known = store.read(tx -> ledger.outbound(tx, id)).isPresent();
            String shortId = id.shortId();
            if (temp && known) {
                Path target = outbound.resolve(AtomicFiles.finalName(name));
                AtomicFiles.moveInPlace(file, target);
                done.add("finished request " + shortId + " (" + target.getFileName() + "): an interrupted export"
                        + " had recorded it but not yet put it in place");
            } else if (!known) {
                Files.deleteIfExists(file);
                done.add("removed " + (temp ? "an unfinished copy of " : "") + "request " + shortId + " ("
                        + OutsideText.shown(name) + "): an interrupted export wrote it but never recorded it, so an"
                        + " answer to it could never merge; its products were not marked and go out now");
            }
        }
        if (!done.isEmpty()) {
            AtomicFiles.syncDirectory(outbound);
        }
        return done;
    }

    /** Whether the signed part {@code bytes} claim is, digest for digest, a request the ledger holds. */
    private boolean recorded(byte[] bytes) {
        return BundleFile.claimedDigest(bytes, BundleKind.REQUEST)
                .map(digest -> store.read(tx -> ledger.holdsOutbound(tx, digest))).orElse(false);
    }

    /** The id of the request in {@code bytes} when it is a whole request signed by this appliance's key, else null. */
    private static BundleId ownRequest(byte[] bytes, KeyId ours) {
        try {
            SignedBundle b = BundleFile.read(bytes);
            if (b.kind() != BundleKind.REQUEST || !b.signer().equals(ours)) {
                return null;
            }
            return b.request().id();
        } catch (FormatException | RuntimeException e) {
            return null;
        }
    }
}
