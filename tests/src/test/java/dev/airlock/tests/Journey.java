package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Steps the end-to-end journeys share: checking a run, reading status, enrolling a lab and a gateway. */
final class Journey {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FINGERPRINT = Pattern.compile("Fingerprint:\\s+([0-9 ]{35})");

    private Journey() {}

    /** The run succeeded; otherwise fails showing everything it printed. */
    static Cli.Run ok(Cli.Run run) {
        assertThat(run.exit()).as(run.all()).isZero();
        return run;
    }

    /** The fingerprint a {@code key card} run printed, as a person reads it off the screen. */
    static String fingerprint(Cli.Run run) {
        ok(run);
        Matcher m = FINGERPRINT.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1).strip();
    }

    /** The one file in {@code dir} whose name ends with {@code suffix}. */
    static Path only(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(files).as(dir.toString()).hasSize(1);
            return files.get(0);
        }
    }

    /** The one bundle (.xml) file in {@code dir}. */
    static Path only(Path dir) throws Exception {
        return only(dir, ".xml");
    }

    /** {@code status --json} of the appliance in {@code data}. */
    static JsonNode status(Path data) throws Exception {
        return json(Cli.airlock(data, "status", "--json"));
    }

    /** The JSON a successful run printed. */
    static JsonNode json(Cli.Run run) throws Exception {
        return JSON.readTree(ok(run).out());
    }

    /**
     * Enrolls an existing lab and gateway with each other: key cards written under {@code cards},
     * pinned on the other side with the fingerprint read off the first.
     */
    static void enroll(Path cards, Path lab, Path gw) throws Exception {
        Path labCards = Files.createDirectories(cards.resolve("lab"));
        Path gwCards = Files.createDirectories(cards.resolve("gw"));
        String labPrint = fingerprint(Cli.airlock(lab, "key", "card", "--to", labCards.toString(), "--label", "Lab 3"));
        String gwPrint = fingerprint(Cli.airlock(gw, "key", "card", "--to", gwCards.toString(), "--label", "GW"));
        ok(Cli.airlock(gw, "trust", "add", only(labCards).toString(), "--fingerprint", labPrint));
        ok(Cli.airlock(lab, "trust", "add", only(gwCards).toString(), "--fingerprint", gwPrint));
    }

    /** Sets up a lab and a gateway and enrolls them with each other. */
    static void initAndEnroll(Path cards, Path lab, Path gw) throws Exception {
        ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Lab 3"));
        ok(Cli.airlock(gw, "init", "--role", "gateway", "--name", "Gateway"));
        enroll(cards, lab, gw);
    }
}
