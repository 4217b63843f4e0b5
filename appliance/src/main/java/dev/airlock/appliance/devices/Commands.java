package dev.airlock.appliance.devices;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the few system tools eject needs (sync, udisksctl, fusermount, umount), with a time limit. */
final class Commands {
    /** How a command ended: exit code (-1 when it did not finish in time) and its combined output. */
    record Run(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Commands() {}

    /** The program's full path, searched on {@code PATH}. */
    static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static Run run(List<String> command, Duration limit) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            // output is a line or two, far below the pipe's buffer: wait first, then read it
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Run(-1, String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s");
            }
            byte[] out = p.getInputStream().readAllBytes();
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
