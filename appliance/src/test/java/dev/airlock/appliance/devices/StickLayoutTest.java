package dev.airlock.appliance.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.devices.StickLayout.Folder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one stick layout: its folders, how a stick's kind is decided, and that nobody else spells it. */
class StickLayoutTest {
    @TempDir
    Path stick;

    @Test
    void folders_liveUnderAirlock_andAreShownThatWay() {
        assertThat(Folder.INBOUND.on(stick)).isEqualTo(stick.resolve("AIRLOCK").resolve("inbound"));
        assertThat(Folder.OUTBOUND.shown()).isEqualTo("AIRLOCK/outbound");
        assertThat(StickLayout.installKey(stick)).isEqualTo(stick.resolve("AIRLOCK/collector/InstallKey.txt"));
        assertThat(StickLayout.LAB_ONLY).containsExactly(Folder.COLLECTED, Folder.KIT, Folder.RESULTS);
    }

    @Test
    void offTheStick_plainFolders_missingOrThere_stayOnTheStick() throws IOException {
        assertThat(StickLayout.offTheStick(stick, Folder.INBOUND)).isEmpty();
        Files.createDirectories(Folder.INBOUND.on(stick));
        assertThat(StickLayout.offTheStick(stick, Folder.INBOUND)).isEmpty();
        assertThat(StickLayout.offTheStick(stick.resolve("AIRLOCK/.."), Folder.INBOUND))
                .as("the root as typed may hold '..'").isEmpty();
    }

    @Test
    void offTheStick_aLinkedAirlockOrFolder_isNamedWithWhy(@TempDir Path elsewhere) throws IOException {
        Files.createDirectories(elsewhere.resolve("AIRLOCK/inbound"));
        Files.createSymbolicLink(StickLayout.airlock(stick), elsewhere.resolve("AIRLOCK"));
        assertThat(StickLayout.offTheStick(stick, Folder.INBOUND)).hasValueSatisfying(o -> {
            assertThat(o.path()).isEqualTo(StickLayout.airlock(stick));
            assertThat(o.reason()).contains("symbolic link").contains("not followed");
        });
        Files.delete(StickLayout.airlock(stick));
        Files.createDirectories(StickLayout.airlock(stick));
        Files.createSymbolicLink(Folder.BACKUP.on(stick), elsewhere);
        assertThat(StickLayout.offTheStick(stick, Folder.BACKUP)).hasValueSatisfying(o ->
                assertThat(o.shown()).startsWith(Folder.BACKUP.on(stick) + ": a symbolic link"));
        assertThat(StickLayout.offTheStick(stick, Folder.INBOUND)).isEmpty();
    }

    @Test
    void offTheStick_aPathThatClimbsOutOrIsElsewhere_isRefused(@TempDir Path elsewhere) {
        assertThat(StickLayout.offTheStick(stick, stick.resolve("AIRLOCK/inbound/../../../etc")))
                .hasValueSatisfying(o -> assertThat(o.reason()).contains("'..'"));
        assertThat(StickLayout.offTheStick(stick, elsewhere)).hasValueSatisfying(o ->
                assertThat(o.reason()).contains("is not on the stick"));
    }

    @Test
    void kindOf_aStickWithNothing_isEmpty_andWithAnEmptyAirlockFolder_isUnknown() throws IOException {
        assertThat(StickLayout.kindOf(stick)).isEqualTo(StickKind.EMPTY);
        Files.createDirectories(StickLayout.airlock(stick));
        assertThat(StickLayout.kindOf(stick)).isEqualTo(StickKind.UNKNOWN);
        Files.createDirectories(Folder.BACKUP.on(stick));
        Files.createDirectories(Folder.UPDATE.on(stick));
        assertThat(StickLayout.kindOf(stick)).as("backups and updates go on any stick").isEqualTo(StickKind.UNKNOWN);
    }

    @Test
    void kindOf_anyLabFolderOrTheCollectorScript_makesALabStick_evenBesideTransferFolders() throws IOException {
        for (Folder lab : List.of(Folder.COLLECTOR, Folder.COLLECTED, Folder.KIT, Folder.RESULTS)) {
            Path root = Files.createDirectories(stick.resolve(lab.name()));
            Files.createDirectories(Folder.OUTBOUND.on(root));
            Files.createDirectories(lab.on(root));
            assertThat(StickLayout.kindOf(root)).as(lab.shown()).isEqualTo(StickKind.LAB);
        }
        Path script = Files.createDirectories(stick.resolve("script"));
        Files.writeString(script.resolve(StickLayout.COLLECT_CMD), "@echo off");
        assertThat(StickLayout.kindOf(script)).isEqualTo(StickKind.LAB);
    }

    @Test
    void kindOf_onlyTransferFolders_makesATransferStick() throws IOException {
        Files.createDirectories(Folder.INBOUND.on(stick));
        assertThat(StickLayout.kindOf(stick)).isEqualTo(StickKind.TRANSFER);
    }

    @Test
    void completeFiles_countsXmlFiles_butNotTempOrHiddenOnes_andAMissingFolderIsZero() throws IOException {
        assertThat(StickLayout.completeFiles(stick, Folder.OUTBOUND)).isZero();
        Path out = Files.createDirectories(Folder.OUTBOUND.on(stick));
        for (String name : List.of("a.xml", "B.XML", ".a.xml.1f2e.tmp", "c.xml.tmp", "notes.txt", ".hidden.xml")) {
            Files.writeString(out.resolve(name), "x");
        }
        assertThat(StickLayout.completeFiles(stick, Folder.OUTBOUND)).isEqualTo(2);
    }

    @Test
    void keyCardNames_areRecognised() {
        assertThat(StickLayout.isKeyCardName("airlock-keycard-lab-Lab-3.xml")).isTrue();
        assertThat(StickLayout.isKeyCardName("gateway.card")).isTrue();
        assertThat(StickLayout.isKeyCardName("airlock-request-1.xml")).isFalse();
        assertThat(StickLayout.keyCardFolders(stick)).containsExactly(stick, stick.resolve("AIRLOCK"));
    }

    /** Main code names a stick folder only through StickLayout (help texts may still say AIRLOCK/inbound/). */
    @Test
    void noOtherMainClass_resolvesAStickFolderByName() throws IOException {
        Pattern spelled = Pattern.compile("resolve\\(\\s*\"(AIRLOCK[^\"]*|inbound|outbound|collected|collector|kit"
                + "|results|backup|update)\"");
        List<String> found = new ArrayList<>();
        for (Path src : List.of(Path.of("src/main/java"), Path.of("../kiosk-ui/src/main/java"))) {
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (f.endsWith("StickLayout.java")) {
                        continue;
                    }
                    Matcher m = spelled.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
