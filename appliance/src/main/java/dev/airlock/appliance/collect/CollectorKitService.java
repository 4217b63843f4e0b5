package dev.airlock.appliance.collect;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.ids.ProductKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays the collector kit out on a stick: {@code AIRLOCK/collector/} with the scripts (collect
 * mode {@code Collect.cmd}, apply mode {@code Apply.cmd}) and the technician's README, and an
 * empty {@code AIRLOCK/collected/} for the records. Optionally a
 * product key for the script to install first ({@code InstallKey.txt}, in clear text).
 */
final class CollectorKitService {
    /** The kit's files, as shipped in transfer-formats. */
    static final List<String> FILES = List.of("Collect.cmd", "Apply.cmd", "Collect.ps1", "README.txt");
    static final String RESOURCE_DIR = "/dev/airlock/formats/kit/collector/";
    /** The file the script reads a key to install from. */

    /** The warning every kit that holds a key carries, on the screen and in the CLI's output. */
    static final String CLEAR_TEXT_WARNING = "The kit holds the product key in clear text (InstallKey.txt),"
            + " like an Unattend.xml: keep the stick in the lab and delete the kit when done (writing the kit again"
            + " without a MAK removes the key file).";

    /**
     * Writes the kit with MAK {@code makId} from the vault to install: unseals it with
     * {@code passphrase} (audited as {@code mak.reveal}, purpose "collector kit on STICK") and
     * writes it in clear text beside the scripts. The key itself never leaves this method.
     *
     * @throws IllegalArgumentException when the vault holds no MAK with that id
     */
    CollectorKitWithKey writeWithMak(Path stickRoot, MakVault vault, long makId, Passphrase passphrase, Actor actor)
            throws IOException, KeysException {
        if (!Files.isDirectory(stickRoot)) {
            throw new IOException(stickRoot + " is not a folder (is the stick mounted?)");
        }
        MakEntry entry = vault.find(makId).orElseThrow(() -> new IllegalArgumentException("there is no MAK with id "
                + makId + " in the vault (add one first)"));
        ProductKey key = vault.reveal(makId, passphrase, actor, "collector kit on " + stickRoot);
        return new CollectorKitWithKey(write(stickRoot, Optional.of(key)), entry);
    }

    /** Writes the kit under {@code stickRoot}; an earlier kit's files are replaced (and a stale key removed). */
    CollectorKitWritten write(Path stickRoot, Optional<ProductKey> installKey) throws IOException {
        if (!Files.isDirectory(stickRoot)) {
            throw new IOException(stickRoot + " is not a folder (is the stick mounted?)");
        }
        Path kit = StickLayout.Folder.COLLECTOR.on(stickRoot);
        Path collected = StickLayout.Folder.COLLECTED.on(stickRoot);
        Files.createDirectories(kit);
        Files.createDirectories(collected);
        List<Path> written = new ArrayList<>();
        for (String name : FILES) {
            Path target = kit.resolve(name);
            AtomicFiles.write(target, resource(name));
            written.add(target);
        }
        Path keyFile = StickLayout.installKey(stickRoot);
        boolean removed = false;
        if (installKey.isPresent()) {
            AtomicFiles.write(keyFile, (installKey.get().revealForInstall() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            written.add(keyFile);
        } else {
            removed = Files.deleteIfExists(keyFile);
        }
        return new CollectorKitWritten(kit, collected, written, installKey.isPresent(), removed);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CollectorKitService.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the build is missing " + RESOURCE_DIR + name);
            }
            return in.readAllBytes();
        }
    }
}
