package dev.airlock.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The JVM command line {@code ./airlock} runs a command with (keep in step with the launcher
 * script): the serial collector, the quick JIT tier (except for the long-running servers, which get
 * the full tier), and a class-data archive made once per jar by the launcher's training run
 * ({@code StartupTraining}; written by the first command instead when training fails). The suites
 * start the CLI hundreds of times, so the archive (here under {@code tests/target/}) saves minutes,
 * as it does for users.
 */
public final class CliJvm {
    /** The command words the launcher runs on the full JIT tier. */
    public static final Set<String> FULL_TIER = Set.of("terminal", "stand-in");

    /** Whether this JVM looked at the archive yet (guarded by the class). */
    private static boolean archiveChecked;

    private CliJvm() {}

    /** Removes {@code archive} when {@code jar} is newer (as the launcher does), so a fresh one is made. */
    private static void dropStaleArchive(Path jar, Path archive) {
        try {
            if (Files.exists(archive) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            // no jar yet, or the archive went meanwhile: the JVM copes either way
        }
    }

    /** Once per JVM: a stale archive goes, a missing one is made (commands started meanwhile wait for it). */
    private static synchronized void prepareArchive(String java, Path jar, Path archive) {
        if (!archiveChecked) {
            archiveChecked = true;
            dropStaleArchive(jar, archive);
            trainArchive(java, jar, archive);
        }
    }

    /** As the launcher's {@code train}: the archive from the training run, when there is none. */
    private static void trainArchive(String java, Path jar, Path archive) {
        if (Files.exists(archive)) {
            return;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("airlock-training");
            // one name per JVM: two test forks may train at once; the rename makes either one the archive
            Path made = archive.resolveSibling(archive.getFileName() + ".training-" + ProcessHandle.current().pid());
            Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:ArchiveClassesAtExit=" + made, "-Xlog:cds*=off", "-cp", jar.toString(),
                    "dev.airlock.appliance.cli.StartupTraining", work.resolve("appliance").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(made) > 0) {
                Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                p.destroyForcibly();
                Files.deleteIfExists(made);
            }
        } catch (IOException e) {
            // no archive from training: the first command writes one (-XX:+AutoCreateSharedArchive)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path emptied) {
        try {
            if (emptied != null) {
                Files.deleteIfExists(emptied); // the training deleted what it made inside
            }
        } catch (IOException e) {
            // an empty temp folder left behind: harmless
        }
    }

    /**
     * {@code java OPTIONS -jar JAR ARGS}: the CLI command line the suites run (archive under
     * {@code root}), with the JIT tier the launcher picks for {@code args}.
     */
    public static List<String> command(String java, Path jar, Path root, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        if (!FULL_TIER.contains(commandWord(args))) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        Path archive = root.resolve("tests/target/airlock-cli.jsa");
        prepareArchive(java, jar, archive);
        cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive,
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-jar", jar.toString()));
        cmd.addAll(args);
        return cmd;
    }

    /** The command: the first word that is not a global option or its value (as the launcher finds it). */
    static String commandWord(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data") || a.equals("--as") || a.equals("--set")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }
}
