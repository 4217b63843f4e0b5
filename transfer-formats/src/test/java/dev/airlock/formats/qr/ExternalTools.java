package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the machine's zbarimg / qrencode; fails (never skips) with an install hint when one is missing. */
final class ExternalTools {
    private ExternalTools() {
    }

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Fails the test unless {@code tool} is an executable on PATH. */
    static void require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail(tool + " is not installed (not on PATH). This test checks Airlock's QR frames against an independent "
                + "implementation and must not be skipped: install it with `apt-get install -y " + debianPackage + "`");
    }

    static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(List.of(command).getFirst() + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
