package dev.airlock.appliance.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where jSerialComm loads its native library from. By default it extracts it to
 * {@code java.io.tmpdir} (then {@code ~/.jSerialComm}), which fails on a {@code noexec} /tmp.
 * jSerialComm 2.11 only <em>loads</em> from {@code jSerialComm.library.path} (it still extracts
 * to tmpdir when nothing is there), so this copies the Linux libraries out of the jar into the
 * given folder itself ({@code DIR/Linux/<arch>/libjSerialComm.so}, the layout jSerialComm looks
 * for) and then sets the property.
 */
public final class NativeLibs {
    /** The system property jSerialComm reads in its static initializer. */
    public static final String PROPERTY = "jSerialComm.library.path";
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibs.class);
    /** The Linux builds inside jSerialComm 2.11's jar. */
    private static final List<String> LINUX_ARCHES =
            List.of("x86_64", "x86", "armv8_64", "armv8_32", "armv7hf", "armv6hf", "armv5", "ppc64le");
    private static final String LIBRARY = "libjSerialComm.so";

    private NativeLibs() {}

    /**
     * Unless {@value #PROPERTY} is already set (an administrator's {@code -D} wins): creates
     * {@code dir}, copies the native libraries there (rewriting them only when they differ, so an
     * upgraded jar brings its own), and sets the property. Call before the first serial port is
     * used, e.g. with {@code <data dir>/native}. Warns when {@code dir} is on a {@code noexec} mount.
     *
     * @throws UncheckedIOException {@code dir} cannot be created or written
     */
    public static void prepare(Path dir) {
        if (!System.getProperty(PROPERTY, "").isEmpty()) {
            return;
        }
        Path abs = dir.toAbsolutePath().normalize();
        try {
            for (String arch : LINUX_ARCHES) {
                copyIfDifferent("/Linux/" + arch + "/" + LIBRARY, abs.resolve("Linux").resolve(arch).resolve(LIBRARY));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the serial library's native part to " + abs + " ("
                    + e.getMessage() + "); give the appliance a writable data dir", e);
        }
        warnIfNoexec(abs);
        System.setProperty(PROPERTY, abs.toString());
    }

    private static void copyIfDifferent(String resource, Path target) throws IOException {
        // a class literal does not run SerialPort's static initializer (which loads the library)
        try (InputStream in = com.fazecast.jSerialComm.SerialPort.class.getResourceAsStream(resource)) {
            if (in == null) {
                return; // not in this jar version: jSerialComm tries the next architecture
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(LIBRARY + ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void warnIfNoexec(Path abs) {
        try {
            MountTable.read(Path.of("/proc/self/mountinfo")).holding(abs.toRealPath())
                    .filter(m -> (',' + m.options() + ',').contains(",noexec,"))
                    .ifPresent(m -> LOG.warn("{} is on {}, mounted noexec: the serial scanner will not load. Choose"
                            + " a data dir on a mount without noexec, or set -D{}=DIR", abs, m.mountPoint(), PROPERTY));
        } catch (IOException e) {
            // no mount table (not Linux): nothing to check
        }
    }
}
