package dev.airlock.appliance.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs the test mounts itself, to make a data dir read-only or full for real. Needs
 * root (or CAP_SYS_ADMIN); fails with a message saying so when mounting is not permitted.
 */
public final class TmpfsMount implements AutoCloseable {
    private final Path dir;
    private boolean mounted;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (mount syntax, e.g. {@code 1m}) on the existing, empty {@code dir}. */
    public static TmpfsMount mount(Path dir, String size) {
        TmpfsMount m = new TmpfsMount(dir.toAbsolutePath());
        Result r = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", m.dir.toString());
        if (r.exit != 0) {
            throw new IllegalStateException("cannot mount a tmpfs on " + m.dir + " (exit " + r.exit + ": "
                    + r.output.strip() + "). These tests need root or CAP_SYS_ADMIN to mount a small file system;"
                    + " run them as root or in a privileged container");
        }
        m.mounted = true;
        return m;
    }

    /** The mount point. */
    public Path dir() {
        return dir;
    }

    /** Remounts read-only: every write on it fails with EROFS, even for root. */
    public void readOnly() {
        remount("ro");
    }

    /** Remounts read-write. */
    public void readWrite() {
        remount("rw");
    }

    private void remount(String mode) {
        Result r = run("mount", "-o", "remount," + mode, dir.toString());
        if (r.exit != 0) {
            throw new IllegalStateException("cannot remount " + dir + " " + mode + ": " + r.output.strip());
        }
    }

    /** Lazily unmounts (open files do not block it); safe to call twice. */
    @Override
    public void close() {
        if (mounted) {
            mounted = false;
            Result r = run("umount", "-l", dir.toString());
            if (r.exit != 0) {
                throw new IllegalStateException("cannot unmount " + dir + ": " + r.output.strip());
            }
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", cmd) + " timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, String.join(" ", cmd) + " interrupted");
        }
    }
}
