package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.MalformedBundleException;
import dev.airlock.formats.signature.BadSignatureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The supervisor tabs' files on the sticks, kept out of the tabs: backups, key cards, reading a peer's card. */
@SpringComponent
final class StickFiles {
    /** The backup files on {@code sticks}, stick by stick, newest name last. */
    List<Path> backups(List<Stick> sticks) {
        List<Path> out = new ArrayList<>();
        for (Stick s : sticks) {
            out.addAll(files(s.root(), StickLayout.Folder.BACKUP.on(s.root()), n -> n.endsWith(BackupService.EXTENSION)));
        }
        return out;
    }

    /** The key-card files on {@code sticks}, in every folder a card may be in. */
    List<Path> keyCards(List<Stick> sticks) {
        List<Path> out = new ArrayList<>();
        for (Stick s : sticks) {
            for (Path dir : StickLayout.keyCardFolders(s.root())) {
                out.addAll(files(s.root(), dir, StickLayout::isKeyCardName));
            }
        }
        return out;
    }

    /** The key card in a card file (signature checked as the bundle file's). */
    KeyCard readKeyCard(Path file) throws IOException, MalformedBundleException, BadSignatureException {
        return BundleFile.read(file).keyCard();
    }

    /**
     * Regular files directly in {@code dir} on the stick at {@code root} matching {@code wanted}, newest
     * name last; links are not followed (a linked folder or file could lead off the stick) and not listed.
     */
    private static List<Path> files(Path root, Path dir, Predicate<String> wanted) {
        List<Path> out = new ArrayList<>();
        if (StickLayout.offTheStick(root, dir).isPresent() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> wanted.test(p.getFileName().toString())).sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            // an unreadable stick just lists nothing
        }
        return out;
    }
}
