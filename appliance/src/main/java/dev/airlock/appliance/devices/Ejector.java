package dev.airlock.appliance.devices;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two steps of a safe eject: flush the file system, then unmount with the right tool. */
final class Ejector {
    private Ejector() {}

    /**
     * Flushes the file system holding {@code root}: {@code sync -f} (syncfs), else a whole
     * {@code sync}, and an fsync of the folder itself either way.
     */
    static void flush(Path root, Duration limit) throws IOException {
        boolean synced = false;
        if (Commands.find("sync").isPresent()) {
            synced = Commands.run(List.of("sync", "-f", root.toString()), limit).ok()
                    || Commands.run(List.of("sync"), limit).ok();
        }
        try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
            dir.force(true);
            synced = true;
        } catch (IOException e) {
            if (!synced) {
                throw new IOException("could not flush " + root + " (" + e.getMessage() + "); do not pull the stick:"
                        + " check it is still plugged in and try again", e);
            }
        }
    }

    /**
     * Unmounts {@code m} and returns how (e.g. "udisksctl unmount -b /dev/sdb1").
     *
     * @throws IOException the tool failed; the message says why and what to do
     */
    static String unmount(MountTable.Mount m, String name, Duration limit) throws IOException {
        List<String> cmd = new ArrayList<>();
        Optional<java.nio.file.Path> udisks = Commands.find("udisksctl");
        if (udisks.isPresent() && m.blockDevice()) {
            cmd.addAll(List.of("udisksctl", "unmount", "--no-user-interaction", "-b", m.source()));
        } else if (m.fuse()) {
            cmd.addAll(List.of(Commands.find("fusermount").isPresent() ? "fusermount"
                    : Commands.find("fusermount3").isPresent() ? "fusermount3" : "fusermount", "-u",
                    m.mountPoint().toString()));
        } else {
            cmd.addAll(List.of("umount", m.mountPoint().toString()));
        }
        String how = String.join(" ", cmd.stream().filter(a -> !a.startsWith("--")).toList());
        Commands.Run run;
        try {
            run = Commands.run(cmd, limit);
        } catch (IOException e) {
            throw new IOException("could not run " + cmd.get(0) + " to unmount " + name + " (" + e.getMessage()
                    + "); install it or unmount " + m.mountPoint() + " by hand before pulling the stick", e);
        }
        if (!run.ok()) {
            String out = run.output().toLowerCase(Locale.ROOT);
            String advice = out.contains("busy")
                    ? "a file or window on it is still open: close it and press Eject again"
                    : out.contains("not authorized") || out.contains("permission") || out.contains("not permitted")
                            ? "this account may not unmount it: allow it (polkit rule for udisks, or the fuse"
                                    + " mount's owner) or unmount it as an administrator"
                            : "try Eject again; if it keeps failing, unmount " + m.mountPoint() + " by hand";
            throw new IOException("could not unmount " + name + ": " + how + " said \"" + run.output()
                    + "\". Do not pull it yet; " + advice);
        }
        return how;
    }
}
