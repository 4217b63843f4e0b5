package dev.airlock.appliance.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Restarts the machine into the slot the update was written to. */
@FunctionalInterface
public interface Restarter {
    /** Asks the system to restart; returns once the request was accepted. */
    void restart() throws IOException;

    /** {@code systemctl reboot}, which polkit on the image lets the kiosk's user run. */
    static Restarter systemctl() {
        return () -> run(List.of("systemctl", "reboot"));
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not answer within 60 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + ")"
                    + (out.isEmpty() ? "" : ": " + out));
        }
    }
}
